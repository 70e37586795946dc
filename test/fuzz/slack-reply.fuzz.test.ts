import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/slack/render-blocks.ts';
import type { Reply } from '../../src/answer/reply.ts';
import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import { realBot } from '../support/bot.ts';
import { anyText, askContext, coreInput, hostileReply } from './arbitraries.ts';
import { onlyEmptyText, slackLinkPrefixes, slackProblems } from './checks.ts';

/** Synthetic replies (cheap) plus replies from the real core: 11 000 renderings in all. */
const SYNTHETIC_RUNS = 10_000;
const CORE_RUNS = 1_000;

const options = fc.record({
  shareButton: fc.boolean(),
  feedbackButtons: fc.boolean(),
  sharedBy: fc.option(fc.oneof(fc.constantFrom('U0ASKER', 'W123ABC', 'U1'), anyText(0)), { nil: undefined }),
});

type Options = { shareButton: boolean; feedbackButtons: boolean; sharedBy: string | undefined };

function problemsOf(reply: Reply, { sharedBy, ...rest }: Options): string[] {
  const message = renderReply(reply, sharedBy === undefined ? rest : { ...rest, sharedBy });
  return slackProblems(message, slackLinkPrefixes(reply), sharedBy);
}

describe('Slack renderReply on hostile replies', () => {
  let bot: TreatyBot;

  beforeAll(() => {
    bot = realBot();
  });

  it('keeps Block Kit limits and escapes every displayed string, whatever each field of the Reply holds', () => {
    fc.assert(
      fc.property(hostileReply({ hostileUrls: true }), options, (reply, opts) => {
        expect(problemsOf(reply, opts)).toEqual([]);
      }),
      { numRuns: SYNTHETIC_RUNS },
    );
  });

  it('keeps the same rules for replies the real core gives to hostile questions', () => {
    fc.assert(
      fc.property(coreInput, askContext, options, (text, context, opts) => {
        expect(problemsOf(bot.ask(text, context), opts)).toEqual([]);
      }),
      { numRuns: CORE_RUNS },
    );
  });

  // Found by this suite: `truncateToFit` used to shrink to nothing when escaping more than doubled a text.
  it('never renders an empty header or fallback text', () => {
    fc.assert(
      fc.property(hostileReply({ hostileUrls: true }), options, (reply, opts) => {
        expect(onlyEmptyText(problemsOf(reply, opts))).toEqual([]);
      }),
      { numRuns: SYNTHETIC_RUNS },
    );
  });
});
