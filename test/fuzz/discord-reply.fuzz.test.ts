import type { RepliableInteraction } from 'discord.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { replyInParts } from '../../adapters/discord/interaction-replies.ts';
import { renderReply } from '../../adapters/discord/render-embeds.ts';
import type { Reply } from '../../src/answer/reply.ts';
import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import { realBot } from '../support/bot.ts';
import { askContext, coreInput, hostileReply } from './support/arbitraries.ts';
import { discordLinkTargets, discordProblems } from './support/checks.ts';

/** Synthetic replies (cheap) plus replies from the real core: 11 000 renderings, and 1 000 sent through replyInParts. */
const SYNTHETIC_RUNS = 10_000;
const CORE_RUNS = 1_000;
const SEND_RUNS = 1_000;

/** `attachFiles`: whether the bot may attach files where it posts (else the chart shows as its words). */
function problemsOf(reply: Reply, attachFiles = true): string[] {
  const messages = renderReply(reply, { attachFiles });
  const problems = discordProblems(messages, discordLinkTargets(reply));
  if (messages.length === 0) problems.push('no message');
  // The renderer leaves mentions to the sender, which must pass NO_MENTIONS; a message must not override it.
  for (const message of messages) if ('allowedMentions' in message) problems.push('message sets allowedMentions');
  problems.push(...sharedByProblems(reply, messages));
  return problems;
}

/**
 * "Shared by" is the first message's content: the label, then a mention of the sharing user's id, which renders
 * the name; nothing else in it may mention anyone, and a user that is not a Discord id gets no content at all.
 */
function sharedByProblems(reply: Reply, messages: ReturnType<typeof renderReply>): string[] {
  const shared = reply.parts.find((part) => part.type === 'sharedBy');
  const user = shared?.type === 'sharedBy' && /^\d{5,25}$/.test(shared.user) ? shared.user : undefined;
  const problems: string[] = [];
  for (const [m, message] of messages.entries()) {
    if (message.content === undefined) continue;
    if (m > 0 || user === undefined) problems.push(`message ${m} has content ${JSON.stringify(message.content)}`);
    const mention = ` <@${user}>`;
    if (!message.content.endsWith(mention)) problems.push(`content does not end with ${mention}`);
    const label = message.content.slice(0, -mention.length);
    if (/@(everyone|here)|<[@#]/i.test(label)) problems.push(`live mention in ${JSON.stringify(label)}`);
  }
  if (user !== undefined && messages[0]?.content === undefined) problems.push('no "Shared by" content');
  return problems;
}

/** An interaction that records every payload sent through it. */
function recordingInteraction() {
  const payloads: Array<Record<string, unknown>> = [];
  const record = async (payload: Record<string, unknown>) => {
    payloads.push(payload);
  };
  const interaction = {
    deferred: false,
    replied: false,
    reply: record,
    editReply: record,
    followUp: record,
  } as unknown as RepliableInteraction;
  return { interaction, payloads };
}

/** What the Discord adapter adds when it asks: a private /treaty answer, "Show in English", "Share in channel". */
const discordSurface = fc
  .record({
    privateReply: fc.boolean(),
    english: fc.option(fc.boolean()),
    sharedBy: fc.option(fc.constantFrom('400000000000000001', '<@&1>', '@everyone')),
  })
  .map(({ privateReply, english, sharedBy }) => ({
    privateReply,
    ...(english === null ? {} : { english }),
    ...(sharedBy === null ? {} : { sharedBy }),
  }));

describe('Discord renderReply on hostile replies', () => {
  let bot: TreatyBot;

  beforeAll(() => {
    bot = realBot();
  });

  it('keeps embed limits and breaks every mention, whatever each field of the Reply holds', () => {
    fc.assert(
      // Slugs, help commands and citation URLs as the core and the catalog make them; hostile ones below.
      fc.property(hostileReply({ hostileCode: false }), fc.boolean(), (reply, attachFiles) => {
        expect(problemsOf(reply, attachFiles)).toEqual([]);
      }),
      { numRuns: SYNTHETIC_RUNS },
    );
  });

  it('keeps embed limits and breaks every mention for replies of the core to hostile text', () => {
    fc.assert(
      fc.property(coreInput, askContext, discordSurface, (text, context, surface) => {
        expect(problemsOf(bot.ask(text, { ...context, ...surface, platform: 'discord' }))).toEqual([]);
      }),
      { numRuns: CORE_RUNS },
    );
  });

  it('sends every rendered message with allowedMentions.parse = []', async () => {
    await fc.assert(
      fc.asyncProperty(hostileReply(), fc.boolean(), async (reply, ephemeral) => {
        const messages = renderReply(reply);
        const { interaction, payloads } = recordingInteraction();
        await replyInParts(interaction, messages, { ephemeral });
        expect(payloads).toHaveLength(Math.max(1, messages.length));
        expect(payloads[0]?.content).toBe(messages[0]?.content);
        for (const payload of payloads) expect(payload.allowedMentions).toEqual({ parse: [], repliedUser: false });
      }),
      { numRuns: SEND_RUNS },
    );
  });

  // Code (slugs, commands, the progress bar) is core-authored, shown in code spans that a cut may fall inside.
  it('breaks every mention even in long code spans', () => {
    fc.assert(
      fc.property(hostileReply({ hostileCode: true }), (reply) => {
        expect(problemsOf(reply)).toEqual([]);
      }),
      { numRuns: SYNTHETIC_RUNS },
    );
  });

  // Citation URLs come from the catalog, which people edit: a URL that is not clean shows as the title only.
  it('breaks every mention even in a citation URL that is not a clean http(s) URL', () => {
    fc.assert(
      fc.property(hostileReply({ hostileUrls: true, hostileCode: false }), (reply) => {
        expect(problemsOf(reply)).toEqual([]);
      }),
      { numRuns: SYNTHETIC_RUNS },
    );
  });
});
