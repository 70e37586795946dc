import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderOneMessage } from '../../adapters/discord/render-embeds.ts';
import { renderReply as renderSlack } from '../../adapters/slack/render-blocks.ts';
import { digestReply } from '../../src/answer/digest-reply.ts';
import type { Reply } from '../../src/answer/reply.ts';
import { hostileDigest, hostileReply } from './support/arbitraries.ts';
import { discordLinkTargets, discordProblems, slackProblems } from './support/checks.ts';

/** Digests are renderers too: as many cases as the reply renderers. */
const DIGEST_RUNS = 10_000;

/** A digest is one message (posted with one nonce): within every limit, whatever it holds. */
function oneMessageProblems(reply: Reply): string[] {
  return discordProblems([renderOneMessage(reply)], discordLinkTargets(reply));
}

describe('digests with hostile participant names', () => {
  it('render within Block Kit limits on Slack, every displayed string escaped', () => {
    fc.assert(
      fc.property(hostileDigest, (digest) => {
        expect(slackProblems(renderSlack(digestReply(digest)), [])).toEqual([]);
      }),
      { numRuns: DIGEST_RUNS },
    );
  });

  it('render as one Discord message within embed limits, breaking every mention', () => {
    fc.assert(
      fc.property(hostileDigest, (digest) => {
        expect(oneMessageProblems(digestReply(digest))).toEqual([]);
      }),
      { numRuns: DIGEST_RUNS },
    );
  });

  // Any parts at all, hostile progress bars included: one message still, every mention broken.
  it('fits any hostile reply in one Discord message', () => {
    fc.assert(
      fc.property(hostileReply({ kinds: ['digest'] }), (reply) => {
        expect(oneMessageProblems(reply)).toEqual([]);
      }),
      { numRuns: DIGEST_RUNS },
    );
  });
});
