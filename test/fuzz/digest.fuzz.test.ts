import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDigestMessage as renderDiscordDigest } from '../../adapters/discord/render-digest.ts';
import { renderDigestMessage as renderSlackDigest } from '../../adapters/slack/render-digest.ts';
import type { Digest } from '../../src/status/digest.ts';
import { hostileDigest } from './arbitraries.ts';
import { discordProblems, slackProblems } from './checks.ts';

const DIGEST_RUNS = 2_000;

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
      // KNOWN BUG code-span-split (below): the progress bar keeps no mention syntax here, as the core writes it.
      fc.property(hostileDigest(false), (digest) => {
        expect(discordDigestProblems(digest)).toEqual([]);
      }),
      { numRuns: DIGEST_RUNS },
    );
  });

  // KNOWN BUG code-span-split, digest form: `renderDigestMessage` (adapters/discord/render-digest.ts) puts
  // `inlineCode(digest.progress.bar)` in the description and then `truncateMarkdown(…, 1024)` cuts inside the
  // code span, dropping its closing backtick, so the rest renders as markdown with live mentions. The core writes
  // the bar (`▓▓▓░░░░░░░ 12/40`), so users cannot reach it today. Minimal counterexample:
  //   renderDigestMessage({ ...digest, progress: { ...digest.progress, bar: '<#1> '.repeat(250) } })
  //   → description "…**Toward entry into force:** `<#1> <#1> …<#1>…" with no closing backtick
  // Unskip once fixed.
  it.skip('breaks every mention even in a long progress bar', () => {
    fc.assert(
      fc.property(hostileDigest(true), (digest) => {
        expect(discordDigestProblems(digest)).toEqual([]);
      }),
      { numRuns: DIGEST_RUNS },
    );
  });
});
