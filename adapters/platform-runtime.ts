import type { DigestPost } from '../src/answer/digest-reply.ts';
import type { DigestPoster } from '../src/digests/digest-poster.ts';
import type { InFlight } from '../src/ops/in-flight.ts';

/** What a started platform adapter hands the composition root. */
export interface PlatformRuntime {
  platform: 'slack' | 'discord';
  /** Posts digests to this platform's channels, exactly once per digest (see DigestPoster). */
  poster: DigestPoster<DigestPost>;
  /** Whether the platform can reach the bot right now (listening, or its socket connected): `/readyz`. */
  isConnected(): boolean;
  /** Stops taking messages; answers already being written go on (see `PlatformServices.inFlight`). */
  stop(): Promise<void>;
}

/** What the composition root lends an adapter besides the core. */
export interface PlatformServices {
  /** Tracks the handling of every incoming message, so shutdown can wait for answers in progress. */
  inFlight?: InFlight | undefined;
  /** How long one request to the platform may take; default the adapter's own (10 s). Tests shorten it. */
  requestTimeoutMs?: number | undefined;
}
