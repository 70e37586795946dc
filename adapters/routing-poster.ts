import type { DigestPost } from '../src/answer/digest-reply.ts';
import type { DigestPoster, DigestTarget, Idempotency } from '../src/digests/digest-poster.ts';
import { PermanentPostError } from '../src/digests/digest-poster.ts';
import type { PlatformRuntime } from './platform-runtime.ts';

/** One poster for the scheduler that hands each digest to the poster of its channel's platform. */
export function routingPoster(runtimes: readonly PlatformRuntime[]): DigestPoster<DigestPost> {
  const posterOf = (target: DigestTarget) => {
    const runtime = runtimes.find((candidate) => candidate.platform === target.platform);
    // A channel of a platform this process does not run cannot be reached until it does.
    if (!runtime) throw new PermanentPostError(`digests: ${target.platform} is not running in this process`);
    return runtime.poster;
  };
  return {
    post: (target: DigestTarget, payload: DigestPost, idempotency: Idempotency) =>
      posterOf(target).post(target, payload, idempotency),
    findPosted: async (target: DigestTarget, nonce: string) => posterOf(target).findPosted?.(target, nonce),
  };
}
