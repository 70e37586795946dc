import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/slack/render-blocks.ts';
import { SHARED_BY } from '../../src/answer/phrases.ts';
import type { Reply } from '../../src/answer/reply.ts';
import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import { silentLogger } from '../../src/logger.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { realBot, realBotWithFeedback } from '../support/bot.ts';
import { anyText, askContext, coreInput, hostileReply } from './support/arbitraries.ts';
import { onlyEmptyText, slackLinkPrefixes, slackProblems } from './support/checks.ts';

/** Synthetic replies (cheap) plus replies from the real core: 11 000 renderings in all. */
const SYNTHETIC_RUNS = 10_000;
const CORE_RUNS = 1_000;

/** Who shared a reply: well-formed Slack user ids (mentioned), a malformed one and hostile text (escaped). */
const sharer = fc.option(fc.oneof(fc.constantFrom('U0ASKER', 'W123ABC', 'U1'), anyText(0)), { nil: undefined });

/** How the asker's surface asks (see AskContext): private replies offer Share; votes need a recorder. */
const surface = fc.record({
  privateReply: fc.boolean(),
  english: fc.option(fc.boolean(), { nil: undefined }),
  votes: fc.boolean(),
  sharedBy: sharer,
});

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** The reply with "Shared by" under its heading, where the core puts it. */
function sharedBy(reply: Reply, user: string | undefined): Reply {
  if (user === undefined) return reply;
  const [heading, ...rest] = reply.parts;
  return {
    ...reply,
    parts: [...(heading ? [heading] : []), { type: 'sharedBy', label: SHARED_BY, user }, ...rest],
  };
}

/** `uploaded`: the chart's PNG was uploaded, so it shows as an image block (else as its words). */
function problemsOf(reply: Reply, uploaded = false): string[] {
  const message = renderReply(reply, uploaded ? { chart: 'F0CHART0PNG' } : {});
  // The renderer mentions a well-formed sharer itself (`Shared by <@U…>`); a reply may name several.
  const [first, ...others] = new Set(
    reply.parts.flatMap((part) => (part.type === 'sharedBy' && SLACK_USER_ID.test(part.user) ? [part.user] : [])),
  );
  return slackProblems(message, [...slackLinkPrefixes(reply), ...others.map((user) => `<@${user}`)], first);
}

describe('Slack renderReply on hostile replies', () => {
  let bot: TreatyBot;
  let voting: TreatyBot;
  let store: Store;

  beforeAll(() => {
    bot = realBot();
    store = openStore(':memory:', silentLogger);
    voting = realBotWithFeedback(store);
  });

  afterAll(() => {
    store.close();
  });

  it('keeps Block Kit limits and escapes every displayed string, whatever each field of the Reply holds', () => {
    fc.assert(
      fc.property(hostileReply({ hostileUrls: true }), sharer, fc.boolean(), (reply, user, uploaded) => {
        expect(problemsOf(sharedBy(reply, user), uploaded)).toEqual([]);
      }),
      { numRuns: SYNTHETIC_RUNS },
    );
  });

  it('keeps the same rules for replies the real core gives to hostile questions', () => {
    fc.assert(
      fc.property(coreInput, askContext, surface, (text, context, { votes, privateReply, english, sharedBy: by }) => {
        const reply = (votes ? voting : bot).ask(text, {
          ...context,
          privateReply,
          ...(english === undefined ? {} : { english }),
          ...(by === undefined ? {} : { sharedBy: by }),
        });
        expect(problemsOf(reply)).toEqual([]);
      }),
      { numRuns: CORE_RUNS },
    );
  });

  // Found by this suite: `truncateToFit` used to shrink to nothing when escaping more than doubled a text.
  it('never renders an empty header or fallback text', () => {
    fc.assert(
      fc.property(hostileReply({ hostileUrls: true }), sharer, fc.boolean(), (reply, user, uploaded) => {
        expect(onlyEmptyText(problemsOf(sharedBy(reply, user), uploaded))).toEqual([]);
      }),
      { numRuns: SYNTHETIC_RUNS },
    );
  });
});
