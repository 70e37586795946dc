import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDigestMessage as renderDiscordDigest } from '../../adapters/discord/render-digest.ts';
import { renderDigestMessage as renderSlackDigest } from '../../adapters/slack/render-digest.ts';
import type { Digest } from '../../src/status/digest.ts';
import { hostileDigest } from './arbitraries.ts';
import { discordProblems, slackProblems } from './checks.ts';

/** Digests are renderers too: as many cases as the reply renderers. */
const DIGEST_RUNS = 10_000;

function discordDigestProblems(digest: Digest): string[] {
  const message = renderDiscordDigest(digest);
  const problems = discordProblems([message], []);
  if (message.embeds.length !== 1) problems.push(`${message.embeds.length} embeds`);
  if (JSON.stringify(message.allowedMentions.parse) !== '[]') problems.push('allowedMentions.parse is not []');
  return problems;
}

describe('digests with hostile participant names', () => {
  it('render within Block Kit limits on Slack, every displayed string escaped', () => {
    fc.assert(
      fc.property(hostileDigest(true), (digest) => {
        expect(slackProblems(renderSlackDigest(digest), [])).toEqual([]);
      }),
      { numRuns: DIGEST_RUNS },
    );
  });

  it('render as one Discord message within embed limits, pinging nobody and breaking every mention', () => {
    fc.assert(
      // The progress bar as the core writes it; a hostile one below.
      fc.property(hostileDigest(false), (digest) => {
        expect(discordDigestProblems(digest)).toEqual([]);
      }),
      { numRuns: DIGEST_RUNS },
    );
  });

  // The bar is shown in a code span that `truncateMarkdown(…, 1024)` may cut inside.
  it('breaks every mention even in a long progress bar', () => {
    fc.assert(
      fc.property(hostileDigest(true), (digest) => {
        expect(discordDigestProblems(digest)).toEqual([]);
      }),
      { numRuns: DIGEST_RUNS },
    );
  });
});
