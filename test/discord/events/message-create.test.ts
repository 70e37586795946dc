import type { Client } from 'discord.js';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { APOLOGY } from '../../../src/answer/phrases.ts';
import type { TreatyBot } from '../../../src/answer/treaty-bot.ts';
import { realBot } from '../../support/bot.ts';
import { RecordingLogger } from '../../support/recording-logger.ts';
import { productionLines } from '../production-log.ts';
import { connectClient } from '../support/connect-client.ts';
import { embedText } from '../support/embed-text.ts';
import { botUser, FakeDiscord, humanUser, ids, otherBotUser, type RecordedRequest } from '../support/fake-discord.ts';
import { directMessage, guildMessage } from '../support/gateway-payloads.ts';
import { longTopicList, replyOf } from '../support/replies.ts';

const postsTo = (channelId: string) => (request: RecordedRequest) =>
  request.method === 'POST' && request.path === `/api/v10/channels/${channelId}/messages`;

/** A core whose every answer fails, to see what users and logs get then. */
const brokenBot = {
  ask: () => {
    throw new Error('index file is corrupt');
  },
  suggestTopics: () => [],
} as unknown as TreatyBot;

let bot: TreatyBot;
let fake: FakeDiscord;
let client: Client | undefined;

beforeAll(() => {
  bot = realBot();
});

beforeEach(async () => {
  fake = await FakeDiscord.start();
});

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await fake.close();
});

describe('the gateway connection', () => {
  it('identifies with Guilds, GuildMessages and DirectMessages only (no privileged Message Content)', async () => {
    ({ client } = await connectClient(fake, bot));
    expect(fake.identifies).toHaveLength(1);
    // 1 (Guilds) + 512 (GuildMessages) + 4096 (DirectMessages); MessageContent would be 32768.
    expect(fake.identifies[0].intents).toBe(1 | 512 | 4096);
    expect(fake.identifies[0].intents & 32768).toBe(0);
    expect(fake.identifies[0].compress).toBe(false);
  });
});

describe('messageCreate', () => {
  it('replies to a mention with a cited answer that can ping nobody', async () => {
    ({ client } = await connectClient(fake, bot));
    const question = guildMessage(`<@${ids.bot}> entry-into-force`, { mentions: [botUser] }) as { id: string };
    fake.dispatch('MESSAGE_CREATE', question);

    const post = await fake.nextRequest(postsTo(ids.channel));
    expect(post.headers.authorization).toMatch(/^Bot /);
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(post.body.message_reference).toMatchObject({ message_id: question.id, fail_if_not_exists: false });
    const text = embedText(post.body);
    expect(post.body.embeds[0].title).toBe('Entry into force');
    expect(text).toMatch(/40/);
    expect(text).toMatch(/90/);
    // Each quote's embed: its number, then the citation under it.
    expect(post.body.embeds[1].fields[0]).toMatchObject({ name: '1.' });
    expect(post.body.embeds[1].description).toContain('**');
  });

  it('answers an Arabic question asked in a thread, in that thread', async () => {
    ({ client } = await connectClient(fake, bot));
    fake.dispatch(
      'MESSAGE_CREATE',
      guildMessage(`<@${ids.bot}> متى تدخل الاتفاقية حيز النفاذ؟`, {
        mentions: [botUser],
        channelId: ids.thread,
        channelType: 11,
      }),
    );
    const post = await fake.nextRequest(postsTo(ids.thread));
    expect(embedText(post.body)).toMatch(/حيز (النفاذ|التنفيذ)/);
    expect(post.body.allowed_mentions.parse).toEqual([]);
  });

  it('answers a mention of its own managed role, which Discord offers under the bot name', async () => {
    ({ client } = await connectClient(fake, bot));
    fake.dispatch('MESSAGE_CREATE', guildMessage(`<@&${ids.botRole}> topics`, { mentionRoles: [ids.botRole] }));
    const post = await fake.nextRequest(postsTo(ids.channel));
    expect(post.body.embeds[0].title).toBe('Topics');
  });

  it('ignores bots, itself, @everyone/@here, other roles and other users', async () => {
    ({ client } = await connectClient(fake, bot));
    const ignored = [
      guildMessage(`<@${ids.bot}> entry-into-force`, { author: otherBotUser, mentions: [botUser] }),
      guildMessage(`<@${ids.bot}> entry-into-force`, { author: botUser, mentions: [botUser] }),
      guildMessage('@everyone entry-into-force', { mentionEveryone: true }),
      guildMessage('@here when does it enter into force?', { mentionEveryone: true }),
      guildMessage(`<@&${ids.otherRole}> entry-into-force`, { mentionRoles: [ids.otherRole] }),
      guildMessage(`<@${ids.otherUser}> entry-into-force`, {
        mentions: [{ ...humanUser, id: ids.otherUser, username: 'sami' }],
      }),
      guildMessage('entry-into-force'),
    ];
    for (const message of ignored) fake.dispatch('MESSAGE_CREATE', message);
    // A message that is answered, sent last: events are handled in order, so once its reply has arrived any
    // reply to the ignored ones would have too. The short wait covers a stray late reply all the same.
    const sentinel = guildMessage(`<@${ids.bot}> help`, { mentions: [botUser] }) as { id: string };
    fake.dispatch('MESSAGE_CREATE', sentinel);
    await fake.nextRequest(postsTo(ids.channel));
    await new Promise((resolve) => setTimeout(resolve, 200));

    const posts = fake.requests.filter(postsTo(ids.channel));
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body.message_reference.message_id).toBe(sentinel.id);
  });

  it('answers a direct message without a mention', async () => {
    ({ client } = await connectClient(fake, bot));
    fake.dispatch('MESSAGE_CREATE', directMessage('what does the convention say about extradition?'));
    const post = await fake.nextRequest(postsTo(ids.dm));
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(post.body.embeds.length).toBeGreaterThan(0);
  });

  it('sends an answer too long for one message as a reply followed by channel messages', async () => {
    const longTopics = {
      ask: () => replyOf('topics', 'topics', 'Topics', [longTopicList(400)]),
    } as unknown as TreatyBot;
    ({ client } = await connectClient(fake, longTopics));
    fake.dispatch('MESSAGE_CREATE', guildMessage(`<@${ids.bot}> topics`, { mentions: [botUser] }));

    await fake.nextRequest((request) => postsTo(ids.channel)(request) && embedText(request.body).includes('topic-399'));
    const posts = fake.requests.filter(postsTo(ids.channel));
    expect(posts.length).toBeGreaterThan(1);
    expect(posts[0]?.body.message_reference).toBeDefined();
    for (const post of posts) {
      expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
      expect(post.body.embeds.length).toBeLessThanOrEqual(10);
      expect(embedText(post.body).length).toBeLessThanOrEqual(6000);
    }
    expect(posts.slice(1).every((post) => post.body.message_reference === undefined)).toBe(true);
  });

  it('apologises briefly and logs the failure when the core throws', async () => {
    let logger: Awaited<ReturnType<typeof connectClient>>['logger'];
    ({ client, logger } = await connectClient(fake, brokenBot));
    fake.dispatch('MESSAGE_CREATE', guildMessage(`<@${ids.bot}> entry-into-force`, { mentions: [botUser] }));

    const post = await fake.nextRequest(postsTo(ids.channel));
    expect(post.body).toMatchObject({ content: APOLOGY, allowed_mentions: { parse: [], replied_user: false } });
    expect(post.body.embeds ?? []).toEqual([]);
    const failure = logger.entries.find((entry) => entry.level === 'error');
    expect(failure?.message).toBe('discord: could not answer a message');
    expect(failure?.fields).toMatchObject({ guild: ids.guild, channel: ids.channel, user: ids.user });
    expect(failure?.fields).toMatchObject({ err: { name: 'Error', message: 'index file is corrupt' } });
  });

  it('logs Discord refusing the reply (missing permissions) without crashing', async () => {
    const logger = new RecordingLogger();
    const lines = productionLines(logger);
    ({ client } = await connectClient(fake, bot, logger));
    fake.respondWith(postsTo(ids.channel), { status: 403, body: { message: 'Missing Permissions', code: 50013 } }, 2);
    fake.dispatch('MESSAGE_CREATE', guildMessage(`<@${ids.bot}> entry-into-force`, { mentions: [botUser] }));

    await vi.waitFor(() => expect(logger.messages('error')).toHaveLength(2));
    expect(logger.entries.filter((entry) => entry.level === 'error').map((entry) => entry.fields)).toEqual([
      expect.objectContaining({ err: expect.objectContaining({ code: 50013, status: 403 }) }),
      expect.objectContaining({ err: expect.objectContaining({ code: 50013, status: 403 }) }),
    ]);
    expect(logger.messages('error')).toEqual([
      'discord: could not answer a message',
      'discord: could not send the apology',
    ]);
    // As the production logger writes it: Discord's code and status, not the request URL or the answer posted.
    expect(lines.filter((line) => line.includes('"code":50013'))).toHaveLength(2);
    expect(lines.join('\n')).not.toMatch(/\/api\/v10|Entry into force/);
  });

  it('waits out a 429 through discord.js and logs the rate limit', async () => {
    let logger: Awaited<ReturnType<typeof connectClient>>['logger'];
    ({ client, logger } = await connectClient(fake, bot));
    fake.respondWith(postsTo(ids.channel), {
      status: 429,
      headers: {
        'retry-after': '0.1',
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': '0.1',
        'x-ratelimit-scope': 'user',
      },
      body: { message: 'You are being rate limited.', retry_after: 0.1, global: false },
    });
    fake.dispatch('MESSAGE_CREATE', guildMessage(`<@${ids.bot}> entry-into-force`, { mentions: [botUser] }));

    await vi.waitFor(() => expect(fake.requests.filter(postsTo(ids.channel))).toHaveLength(2));
    expect(logger.messages('warn')).toContain('discord: rate limited, request queued');
    expect(logger.messages('error')).toEqual([]);
  });
});

describe('reply latency over loopback', () => {
  it('measures MESSAGE_CREATE sent → reply POST received (reported, not asserted)', async () => {
    ({ client } = await connectClient(fake, bot));
    const questions = [
      'entry-into-force',
      'متى تدخل الاتفاقية حيز النفاذ؟',
      'who can sign the convention?',
      'interpol',
    ];
    const latencies: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const message = guildMessage(`<@${ids.bot}> ${questions[i % questions.length]}`, { mentions: [botUser] }) as {
        id: string;
      };
      const sentAt = performance.now();
      fake.dispatch('MESSAGE_CREATE', message);
      const post = await fake.nextRequest(
        (request) => postsTo(ids.channel)(request) && request.body.message_reference?.message_id === message.id,
      );
      latencies.push(post.receivedAt - sentAt);
    }
    latencies.sort((a, b) => a - b);
    const at = (share: number) =>
      (latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))] ?? 0).toFixed(1);
    console.info(
      `discord reply latency over loopback (${latencies.length} mentions): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`,
    );
    expect(latencies).toHaveLength(20);
  });
});
