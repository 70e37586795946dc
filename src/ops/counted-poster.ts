import type { DigestPoster } from '../digests/digest-poster.ts';
import type { Metrics } from './metrics.ts';

/** Wraps a digest poster so every post attempt is counted as posted or failed, per platform. */
export function countedPoster<P>(poster: DigestPoster<P>, metrics: Metrics): DigestPoster<P> {
  return {
    async post(target, payload, idempotency) {
      try {
        const posted = await poster.post(target, payload, idempotency);
        metrics.digestPosted(target.platform);
        return posted;
      } catch (error) {
        metrics.digestFailed(target.platform);
        throw error;
      }
    },
    ...(poster.findPosted ? { findPosted: poster.findPosted.bind(poster) } : {}),
  };
}
