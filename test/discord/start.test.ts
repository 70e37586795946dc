import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DiscordStartError, startDiscord } from '../../adapters/discord/start.ts';
import type { PlatformRuntime } from '../../adapters/platform-runtime.ts';
import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import { silentLogger } from '../../src/logger.ts';
import { InFlight } from '../../src/ops/in-flight.ts';
import { openStore } from '../../src/store/open-store.ts';
import { realBot, realBotWithFeedback } from '../support/bot.ts';
import { RecordingLogger } from '../support/recording-logger.ts';
import { fakeConfig } from './support/connect-client.ts';
import { botUser, FakeDiscord, ids } from './support/fake-discord.ts';
import { guildMessage } from './support/gateway-payloads.ts';

let bot: TreatyBot;
let fake: FakeDiscord;
let runtime: PlatformRuntime | undefined;

beforeAll(() => {
  bot = realBot();
});

beforeEach(async () => {
  fake = await FakeDiscord.start();
});

afterEach(async () => {
  await runtime?.stop();
  runtime = undefined;
  await fake.close();
});

describe('startDiscord', () => {
  it('logs in, waits for the guilds, logs one line and answers until stopped', async () => {
    const logger = new RecordingLogger();
    runtime = await startDiscord(bot, fakeConfig(fake), logger);

    expect(runtime.platform).toBe('discord');
    expect(typeof runtime.poster.post).toBe('function');

    expect(logger.messages('info')).toEqual(['discord: connected']);
    expect(logger.entries[0]?.fields).toEqual({ user: 'treaty', userId: ids.bot, guilds: 1 });
    fake.dispatch('MESSAGE_CREATE', guildMessage(`<@${ids.bot}> adoption`, { mentions: [botUser] }));
    await fake.nextRequest((request) => request.method === 'POST' && request.path.endsWith('/messages'));

    await runtime.stop();
    runtime = undefined;
    expect(logger.messages('info')).toEqual(['discord: connected', 'discord: stopped']);
  });

  it('puts 👍 / 👎 under answers when the core records votes', async () => {
    const store = openStore(':memory:', silentLogger);
    try {
      runtime = await startDiscord(realBotWithFeedback(store), fakeConfig(fake), new RecordingLogger());
      fake.dispatch('MESSAGE_CREATE', guildMessage(`<@${ids.bot}> entry-into-force`, { mentions: [botUser] }));
      const post = await fake.nextRequest((request) => request.method === 'POST' && request.path.endsWith('/messages'));
      expect(post.body.components[0].components.map((button: { custom_id: string }) => button.custom_id)).toEqual([
        'treaty:vote:up:q:entry-into-force',
        'treaty:vote:down:q:entry-into-force',
      ]);
    } finally {
      store.close();
    }
  });

  it('fails with one clear line when Discord rejects the token', async () => {
    fake.respondWith((request) => request.path === '/api/v10/gateway/bot', {
      status: 401,
      body: { message: '401: Unauthorized', code: 0 },
    });
    const logger = new RecordingLogger();
    const started = startDiscord(bot, fakeConfig(fake), logger);

    await expect(started).rejects.toBeInstanceOf(DiscordStartError);
    await expect(started).rejects.toThrow(/^discord: could not connect \(check DISCORD_TOKEN\): /);
    expect(logger.messages('error')).toEqual(['discord: could not connect']);
  });
});

describe('startDiscord for operations', () => {
  const isReply = (request: { method: string; path: string }) =>
    request.method === 'POST' && request.path.endsWith('/messages');

  it('reports connected while the gateway is up, not while it reconnects, and not after stop', async () => {
    runtime = await startDiscord(bot, fakeConfig(fake), new RecordingLogger());
    const running = runtime;
    expect(running.isConnected()).toBe(true);
    fake.dropGateway();
    await expect.poll(() => running.isConnected(), { timeout: 3_000, interval: 10 }).toBe(false);
    await expect.poll(() => running.isConnected(), { timeout: 10_000, interval: 50 }).toBe(true);
    const stopping = runtime;
    runtime = undefined;
    await stopping.stop();
    expect(stopping.isConnected()).toBe(false);
  });

  it('on stop, lets an answer in progress finish posting before it disconnects', async () => {
    const inFlight = new InFlight();
    const logger = new RecordingLogger();
    runtime = await startDiscord(bot, fakeConfig(fake), logger, { inFlight });
    // Discord takes 500 ms to accept the reply: stop() comes while it is in flight.
    fake.delay(isReply, 500);
    fake.dispatch('MESSAGE_CREATE', guildMessage(`<@${ids.bot}> entry-into-force`, { mentions: [botUser] }));
    await fake.nextRequest(isReply);
    const stopping = runtime;
    runtime = undefined;
    await stopping.stop();
    expect(inFlight.size).toBe(0);
    expect(fake.sent().filter(isReply)).toHaveLength(1);
    // The reply's response came back to a live client: nothing failed.
    expect(logger.messages('error')).toEqual([]);
  });
});
