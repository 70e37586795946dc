import type { Client } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { BUTTON_EXPIRED, FEEDBACK_NOT_SAVED, FEEDBACK_THANKS, SHARE_LABEL } from '../../../src/answer/phrases.ts';
import { excerptsOf } from '../../../src/answer/reply.ts';
import type { TreatyBot } from '../../../src/answer/treaty-bot.ts';
import { silentLogger } from '../../../src/logger.ts';
import { openStore, type Store } from '../../../src/store/open-store.ts';
import { realBot, realBotWithFeedback } from '../../support/bot.ts';
import type { RecordingLogger } from '../../support/recording-logger.ts';
import { connectClient } from '../support/connect-client.ts';
import { botUser, FakeDiscord, ids, otherBotUser, type RecordedRequest } from '../support/fake-discord.ts';
import { buttonInteraction, chatInputInteraction, guildMessage } from '../support/gateway-payloads.ts';
import { longTopicList, replyOf, VOTE } from '../support/replies.ts';

const ANSWERED = 'entry-into-force';
const UNANSWERED = 'What is the recipe for hummus?';
const otherUser = { ...otherBotUser, id: ids.otherUser, username: 'omar', global_name: 'Omar', bot: false };

const callbackOf = (interaction: object) => (request: RecordedRequest) =>
  request.method === 'POST' &&
  request.path ===
    `/api/v10/interactions/${(interaction as { id: string }).id}/${(interaction as { token: string }).token}/callback`;
const postsTo = (channelId: string) => (request: RecordedRequest) =>
  request.method === 'POST' && request.path === `/api/v10/channels/${channelId}/messages`;

interface SentButton {
  type: number;
  style: number;
  custom_id: string;
  label?: string;
  emoji?: { name: string };
}

/** The buttons of a posted message, row by row. */
// biome-ignore lint/suspicious/noExplicitAny: a posted JSON body.
function rows(data: any): SentButton[][] {
  return (data?.components ?? []).map((row: { components: SentButton[] }) => row.components);
}

/** The custom_id of the button showing `emoji`. */
// biome-ignore lint/suspicious/noExplicitAny: a posted JSON body.
function voteId(data: any, emoji: '👍' | '👎'): string {
  const button = rows(data)
    .flat()
    .find((candidate) => candidate.emoji?.name === emoji);
  if (!button) throw new Error(`no ${emoji} button`);
  return button.custom_id;
}

/** The real core, recording votes in each test's store. */
let bot: TreatyBot;
let fake: FakeDiscord;
let client: Client | undefined;
let logger: RecordingLogger;
let store: Store;
let recorded: MockInstance<Store['feedback']['record']>;

beforeEach(async () => {
  fake = await FakeDiscord.start();
  store = openStore(':memory:', silentLogger);
  // A spy that still writes to the real store: the tests read the stored vote's fields from its arguments.
  recorded = vi.spyOn(store.feedback, 'record');
  bot = realBotWithFeedback(store);
  ({ client, logger } = await connectClient(fake, bot));
});

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await fake.close();
  try {
    store.close();
  } catch {
    // Already closed by the test.
  }
});

/** Sends `/treaty query:<query>` and returns the callback's data. */
// biome-ignore lint/suspicious/noExplicitAny: a posted JSON body.
async function runTreaty(query: string, where: 'guild' | 'dm' = 'guild'): Promise<any> {
  const interaction = chatInputInteraction(query, where);
  fake.dispatch('INTERACTION_CREATE', interaction);
  return (await fake.nextRequest(callbackOf(interaction))).body.data;
}

/** Clicks the button with `customId` as `user` and returns the callback. */
async function click(customId: string, user?: object): Promise<RecordedRequest> {
  const interaction = buttonInteraction(customId, user);
  fake.dispatch('INTERACTION_CREATE', interaction);
  return fake.nextRequest(callbackOf(interaction));
}

describe('👍 / 👎 buttons', () => {
  it('sit beside "Share in channel" in one row under an ephemeral /treaty answer', async () => {
    const data = await runTreaty(ANSWERED);
    expect(rows(data)).toEqual([
      [
        { type: 2, style: 1, label: SHARE_LABEL, custom_id: `treaty:post:q:${ANSWERED}` },
        { type: 2, style: 2, emoji: { name: '👍' }, custom_id: `treaty:vote:up:q:${ANSWERED}` },
        { type: 2, style: 2, emoji: { name: '👎' }, custom_id: `treaty:vote:down:q:${ANSWERED}` },
      ],
    ]);
  });

  it('come without a share button under abstentions and DM answers, and not at all under help, topics or status', async () => {
    const emojis = (data: unknown) =>
      rows(data)
        .flat()
        .map((button) => button.emoji?.name ?? button.label);
    expect(emojis(await runTreaty(UNANSWERED))).toEqual(['👍', '👎']);
    expect(emojis(await runTreaty(ANSWERED, 'dm'))).toEqual(['👍', '👎']);
    for (const query of ['help', 'topics', 'status']) expect(rows(await runTreaty(query))).toEqual([]);
  });

  it('sit under a mention reply, for the question as searched (without the mention)', async () => {
    fake.dispatch('MESSAGE_CREATE', guildMessage(`<@${ids.bot}> ${ANSWERED}`, { mentions: [botUser] }));
    const post = await fake.nextRequest(postsTo(ids.channel));
    expect(voteId(post.body, '👍')).toBe(`treaty:vote:up:q:${ANSWERED}`);
    expect(voteId(post.body, '👎')).toBe(`treaty:vote:down:q:${ANSWERED}`);
    expect(rows(post.body).flat()).toHaveLength(2);
  });

  it('sit under the last message only when a mention reply takes several', async () => {
    await client?.destroy();
    const long = {
      ask: (text: string) =>
        replyOf('no_answer', text.replace(/<@\d+>/, '').trim(), 'Nothing found', [longTopicList(400)], [VOTE]),
    } as unknown as TreatyBot;
    ({ client, logger } = await connectClient(fake, long));
    fake.dispatch('MESSAGE_CREATE', guildMessage(`<@${ids.bot}> hummus`, { mentions: [botUser] }));

    await fake.nextRequest((request) => postsTo(ids.channel)(request) && rows(request.body).length > 0);
    const posts = fake.requests.filter(postsTo(ids.channel));
    expect(posts.length).toBeGreaterThan(1);
    expect(posts.slice(0, -1).every((post) => rows(post.body).length === 0)).toBe(true);
    expect(voteId(posts.at(-1)?.body, '👎')).toBe('treaty:vote:down:q:hummus');
  });

  it('stay under an answer posted to the channel, without a second share button', async () => {
    const shared = await click(`treaty:post:q:${ANSWERED}`);
    expect(shared.body.data.flags ?? 0).toBe(0);
    expect(shared.body.data.content).toBe(`Shared by <@${ids.user}>`);
    expect(
      rows(shared.body.data)
        .flat()
        .map((button) => button.emoji?.name ?? button.label),
    ).toEqual(['👍', '👎']);
  });

  it('share one short key for a question too long for a custom_id, and a vote on it records the question', async () => {
    const question =
      `When will the convention enter into force, and how many ratifications does it need? ${'Please cite. '.repeat(4)}`.trim();
    const data = await runTreaty(question);
    const customIds = rows(data)
      .flat()
      .map((button) => button.custom_id);
    expect(customIds).toHaveLength(3);
    for (const customId of customIds) expect(customId.length).toBeLessThanOrEqual(100);
    const keys = customIds.map((customId) => /:k:(.+)$/.exec(customId)?.[1]);
    expect(keys[0]).toBeDefined();
    expect(new Set(keys).size).toBe(1);

    expect((await click(voteId(data, '👎'))).body.data.content).toBe(FEEDBACK_THANKS);
    expect(store.feedback.worstRated(10)).toEqual([{ question, down: 1, up: 0 }]);
  });

  it('are not offered by a core that records no votes', async () => {
    await client?.destroy();
    ({ client, logger } = await connectClient(fake, realBot()));
    expect(rows(await runTreaty(ANSWERED)).flat()).toEqual([expect.objectContaining({ label: SHARE_LABEL })]);
    expect(rows(await runTreaty(UNANSWERED))).toEqual([]);
    fake.dispatch('MESSAGE_CREATE', guildMessage(`<@${ids.bot}> ${ANSWERED}`, { mentions: [botUser] }));
    expect(rows((await fake.nextRequest(postsTo(ids.channel))).body)).toEqual([]);
  });
});

describe('a vote', () => {
  it('👎 records one vote with the reply kind, top citations and a hashed user, and thanks ephemerally', async () => {
    const callback = await click(voteId(await runTreaty(ANSWERED), '👎'));

    expect(callback.body).toEqual({
      type: 4,
      data: expect.objectContaining({
        content: FEEDBACK_THANKS,
        flags: 64,
        allowed_mentions: { parse: [], replied_user: false },
      }),
    });
    expect(callback.body.data.embeds ?? []).toEqual([]);
    expect(fake.requests.filter((request) => request.path.includes('/channels/'))).toEqual([]);

    expect(store.feedback.worstRated(10)).toEqual([{ question: ANSWERED, down: 1, up: 0 }]);
    expect(recorded).toHaveBeenCalledTimes(1);
    const [vote] = recorded.mock.calls[0] ?? [];
    const expectedCitations = excerptsOf(bot.ask(ANSWERED, { platform: 'discord' }))
      .slice(0, 3)
      .map((excerpt) => `${excerpt.source}#${excerpt.locator}`);
    expect(expectedCitations.length).toBeGreaterThan(0);
    expect(vote).toMatchObject({
      question: ANSWERED,
      replyKind: 'answer',
      topCitations: expectedCitations,
      vote: 'down',
      platform: 'discord',
    });
    expect(vote?.userHash).toMatch(/^[0-9a-f]{16}$/);
    expect(vote?.userHash).not.toContain(ids.user);
  });

  it('👍 records an up vote likewise; each voter is told apart by hash only', async () => {
    const answer = await runTreaty(ANSWERED);
    const up = await click(voteId(answer, '👍'));
    expect(up.body).toMatchObject({ type: 4, data: { content: FEEDBACK_THANKS, flags: 64 } });
    expect(recorded.mock.calls[0]?.[0]).toMatchObject({ question: ANSWERED, replyKind: 'answer', vote: 'up' });
    expect(store.feedback.worstRated(10)).toEqual([]);

    // Another member (e.g. on a shared answer) votes down: their vote is theirs, under another hash.
    expect((await click(voteId(answer, '👎'), otherUser)).body.data).toMatchObject({
      content: FEEDBACK_THANKS,
      flags: 64,
    });
    expect(store.feedback.worstRated(10)).toEqual([{ question: ANSWERED, down: 1, up: 1 }]);
    const [amal, omar] = recorded.mock.calls.map(([vote]) => vote.userHash);
    expect(amal).not.toBe(omar);
  });

  it('on an abstention records the no_answer kind, without citations', async () => {
    await click(voteId(await runTreaty(UNANSWERED), '👎'));
    expect(recorded.mock.calls[0]?.[0]).toMatchObject({
      question: UNANSWERED,
      replyKind: 'no_answer',
      topCitations: [],
    });
  });

  it('on a forgotten key apologises ephemerally, records nothing and logs the lost vote', async () => {
    const callback = await click('treaty:vote:down:k:forgotten-key');
    expect(callback.body).toMatchObject({ type: 4, data: { content: BUTTON_EXPIRED, flags: 64 } });
    expect(recorded).not.toHaveBeenCalled();
    expect(store.feedback.worstRated(10)).toEqual([]);
    // A restart forgets keys: expected, so a warning rather than an error.
    expect(logger.entries.find((entry) => entry.level === 'warn')).toMatchObject({
      message: 'discord: vote lost, the question behind the button was forgotten',
      fields: { user: ids.user, vote: 'down' },
    });
    expect(logger.messages('error')).toEqual([]);
  });

  it('on a reply that offers no vote (a forged click) records nothing, changes nothing and says so', async () => {
    for (const query of ['help', 'subscribe daily']) {
      const callback = await click(`treaty:vote:up:q:${query}`);
      expect(callback.body).toMatchObject({ type: 4, data: { content: FEEDBACK_NOT_SAVED, flags: 64 } });
    }
    expect(recorded).not.toHaveBeenCalled();
    expect(store.subscriptions.list()).toEqual([]);
    expect(logger.messages('warn')).toEqual([
      'discord: a vote was ignored: votes are not recorded, or not for this reply',
      'discord: a vote was ignored: votes are not recorded, or not for this reply',
    ]);
    expect(fake.requests.filter((request) => request.path.includes('/channels/'))).toEqual([]);
  });

  it('apologises ephemerally and logs when the vote cannot be recorded', async () => {
    const answer = await runTreaty(ANSWERED);
    store.close();
    const callback = await click(voteId(answer, '👍'));
    expect(callback.body).toMatchObject({ type: 4, data: { content: FEEDBACK_NOT_SAVED, flags: 64 } });
    expect(logger.entries.find((entry) => entry.level === 'error')).toMatchObject({
      message: 'discord: could not record a vote',
      fields: { guild: ids.guild, user: ids.user, vote: 'up', err: { message: expect.any(String) } },
    });
  });
});
