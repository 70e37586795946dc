import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDiscord } from '../../../adapters/discord/start-discord.ts';
import type { PlatformRuntime } from '../../../adapters/platform-runtime.ts';
import type { TreatyBot } from '../../../src/answer/treaty-bot.ts';
import type { DigestPoster } from '../../../src/digests/digest-poster.ts';
import { silentLogger } from '../../../src/logger.ts';
import type { ChannelDigest } from '../../../src/status/ratification-tracker.ts';
import { openStore, type Store } from '../../../src/store/open-store.ts';
import { realBot } from '../../support/bot.ts';
import {
  allPosted,
  DUE_AT,
  FAST,
  type FaultRow,
  msUntil,
  printFaultTable,
  runningClock,
  schedulerFor,
  sleep,
  storeWithDueDigests,
  trackerOn,
} from '../../support/digest-faults.ts';
import { fakeConfig } from '../connect-client.ts';
import { botUser, FakeDiscord, ids, type PostFault } from '../fake-discord.ts';
import { guildMessage } from '../gateway-payloads.ts';

const FAULTY = ids.channel;
const OTHERS = [ids.news, ids.legal];
const CHANNELS = [FAULTY, ...OTHERS];
const FAULTS: PostFault[] = ['error-after-store', 'reset-after-store', 'hang-after-store', 'hang', 'rate-limited'];
const rows: FaultRow[] = [];

let bot: TreatyBot;
let fake: FakeDiscord;
let runtime: PlatformRuntime | undefined;
let stores: Store[];

beforeAll(() => {
  bot = realBot();
});

beforeEach(async () => {
  fake = await FakeDiscord.start();
  stores = [];
});

afterEach(async () => {
  await runtime?.stop();
  runtime = undefined;
  for (const store of stores) if (store.isOpen()) store.close();
  await fake.close();
});

afterAll(() => printFaultTable(rows));

/** The Discord adapter as production starts it (only the URL and a shorter request timeout differ). */
async function productionPoster(
  requestTimeoutMs: number = FAST.requestTimeoutMs,
): Promise<DigestPoster<ChannelDigest>> {
  runtime = await startDiscord(bot, fakeConfig(fake), silentLogger, { requestTimeoutMs });
  return runtime.poster;
}

const postsPerChannel = () => CHANNELS.map((channel) => fake.messagesIn(channel).length);

/**
 * Fault injection on Discord: the production discord.js client (no REST retries, a request timeout; 429s
 * still waited out) posting digests to a fake Discord that fails one channel's post in each way a network or
 * Discord can, under the delivery core and scheduler with timings scaled down (see FAST).
 */
describe('Discord digests under faults (production client config against a fake Discord)', () => {
  it.each(FAULTS)('%s on one channel: one digest per channel, the others on time', async (fault) => {
    const { store, tracker } = await storeWithDueDigests('discord', ids.guild, CHANNELS);
    stores.push(store);
    const poster = await productionPoster();
    fake.failPosts(FAULTY, fault);
    const scheduler = schedulerFor(store, tracker, poster, runningClock(DUE_AT));
    scheduler.start();
    const othersMs = await msUntil(() => OTHERS.every((channel) => fake.messagesIn(channel).length > 0), 5_000);
    const allMs = await msUntil(() => allPosted(store), 5_000);
    await sleep(FAST.retryDelayMs * 2);
    await scheduler.stop();

    expect(postsPerChannel()).toEqual([1, 1, 1]);
    expect(othersMs).toBeLessThan(FAST.requestTimeoutMs + FAST.retryDelayMs);
    expect(allMs).toBeLessThan(fault === 'rate-limited' ? 1_500 : FAST.postTimeoutMs + FAST.retryDelayMs + 300);
    rows.push({ platform: 'discord', fault, postsPerChannel: postsPerChannel(), recoveryMs: allMs });
  });

  it.each(['hang-after-store', 'hang'] as const)(
    'kill -9 mid-post (%s), then a restart: the overdue digest goes out once, within 30 s (production timings)',
    async (fault) => {
      const { path, store, tracker } = await storeWithDueDigests('discord', ids.guild, CHANNELS);
      stores.push(store);
      const first = await productionPoster(10_000);
      fake.failPosts(FAULTY, fault);
      let now = DUE_AT;
      // The process dies while the post is on the wire: it never learns the outcome, nor writes anything more.
      const dying: DigestPoster<ChannelDigest> = {
        post: (target, payload, idempotency) => {
          const sent = first.post(target, payload, idempotency);
          if (target.channel !== FAULTY) return sent;
          sent.catch(() => {});
          return new Promise(() => {});
        },
      };
      void schedulerFor(store, tracker, dying, () => now, 'production').runDeliveries();
      const isPost = (request: { method: string; path: string }) =>
        request.method === 'POST' && request.path === `/api/v10/channels/${FAULTY}/messages`;
      await fake.nextRequest(isPost, 2_000);
      await msUntil(() => OTHERS.every((channel) => fake.messagesIn(channel).length > 0), 2_000);
      // kill -9: the lease and the claimed delivery stay behind in the file; the client goes with the process.
      store.close();
      await runtime?.stop();

      const restarted = openStore(path, silentLogger);
      stores.push(restarted);
      const poster = await productionPoster(10_000);
      const scheduler = schedulerFor(restarted, trackerOn(restarted), poster, () => now, 'production');
      let afterRestartMs = 0;
      for (; afterRestartMs <= 30_000 && !allPosted(restarted); afterRestartMs += 5_000) {
        now = new Date(DUE_AT.getTime() + afterRestartMs);
        await scheduler.runDeliveries();
      }
      afterRestartMs -= 5_000;
      await scheduler.stop();

      expect(allPosted(restarted)).toBe(true);
      expect(afterRestartMs).toBeLessThanOrEqual(30_000);
      expect(postsPerChannel()).toEqual([1, 1, 1]);
      rows.push({
        platform: 'discord',
        fault: `kill -9 mid-post (${fault}), restart at once`,
        postsPerChannel: postsPerChannel(),
        recoveryMs: afterRestartMs,
      });
    },
  );

  it('does not send a mention answer twice when Discord stored it but answered 500', async () => {
    await productionPoster();
    fake.failPosts(FAULTY, 'error-after-store');
    fake.dispatch('MESSAGE_CREATE', guildMessage(`<@${ids.bot}> entry-into-force`, { mentions: [botUser] }));
    await fake.nextRequest((request) => request.method === 'POST' && request.path.endsWith('/messages'));
    // discord.js's default policy would send it again at once (up to 3 retries).
    await sleep(500);
    // The answer once; the adapter then says the answer failed (it cannot know Discord kept it), not a retry.
    const answers = fake.messagesIn(FAULTY).filter((stored) => stored.message.embeds.length > 0);
    expect(answers).toHaveLength(1);
    expect(fake.messagesIn(FAULTY).map((stored) => stored.message.content)).toEqual([
      '',
      'Sorry, something went wrong while answering. Please try again in a moment.',
    ]);
  });
});
