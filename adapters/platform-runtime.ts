import type { DigestPoster } from '../src/digests/digest-poster.ts';
import type { ChannelDigest } from '../src/status/ratification-tracker.ts';

/** What a started platform adapter hands the composition root. */
export interface PlatformRuntime {
  platform: 'slack' | 'discord';
  /** Posts digests to this platform's channels, exactly once per digest (see DigestPoster). */
  poster: DigestPoster<ChannelDigest>;
  stop(): Promise<void>;
}
