import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDiscord } from '../../../adapters/discord/start.ts';
import type { PlatformRuntime } from '../../../adapters/platform-runtime.ts';
import type { DigestPost } from '../../../src/answer/digest-reply.ts';
import { APOLOGY } from '../../../src/answer/phrases.ts';
import type { TreatyBot } from '../../../src/answer/treaty-bot.ts';
import { digestPostWithChart } from '../../../src/chart/with-status-chart.ts';
import { deliverDueDigests } from '../../../src/digests/deliver-digests.ts';
import type { DigestPoster } from '../../../src/digests/digest-poster.ts';
import { silentLogger } from '../../../src/logger.ts';
import type { Store } from '../../../src/store/open-store.ts';
import { realBot } from '../../support/bot.ts';
import {
  DUE_AT,
  deliverUnderFault,
  expectOnTime,
  expectRecoveredOnce,
  FAST,
  type FaultRow,
  killMidPostAndRestart,
  printFaultTable,
  runningClock,
  schedulerFor,
  sleep,
  storeWithDueDigests,
} from '../../support/digest-faults.ts';
import { fakeConfig } from '../support/connect-client.ts';
import { botUser, FakeDiscord, ids, type PostFault, type RecordedRequest } from '../support/fake-discord.ts';
import { guildMessage } from '../support/gateway-payloads.ts';

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
async function productionPoster(requestTimeoutMs: number = FAST.requestTimeoutMs): Promise<DigestPoster<DigestPost>> {
  runtime = await startDiscord(bot, fakeConfig(fake), silentLogger, { requestTimeoutMs });
  return runtime.poster;
}

const postsPerChannel = () => CHANNELS.map((channel) => fake.messagesIn(channel).length);
const othersPosted = () => OTHERS.every((channel) => fake.messagesIn(channel).length > 0);

/** Each channel has one message with one attachment, the chart, which its embed shows; every post sent one file. */
function expectOneChartEach(): void {
  for (const channel of CHANNELS) {
    const [stored, ...more] = fake.messagesIn(channel);
    expect(more).toEqual([]);
    const { attachments, embeds } = stored?.message ?? { attachments: [], embeds: [] };
    expect(attachments).toEqual([expect.objectContaining({ filename: 'status.png', content_type: 'image/png' })]);
    expect(embeds[0]?.image?.url).toBe(attachments[0]?.url);
  }
  const posts = fake.requests.filter(
    (request) => request.method === 'POST' && /\/channels\/\d+\/messages$/.test(request.path),
  );
  expect(posts.map((post) => post.files.map((file) => file.name))).toEqual(posts.map(() => ['status.png']));
}

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
    const { othersMs, allMs } = await deliverUnderFault(store, scheduler, othersPosted);
    const posts = postsPerChannel();
    expectOnTime(rows, { platform: 'discord', fault, postsPerChannel: posts, othersMs, recoveryMs: allMs });
    expectOneChartEach();
  });

  it.each(['hang-after-store', 'hang'] as const)(
    'kill -9 mid-post (%s), then a restart: the overdue digest goes out once, within 30 s (production timings)',
    async (fault) => {
      const { path, store, tracker } = await storeWithDueDigests('discord', ids.guild, CHANNELS);
      stores.push(store);
      const first = await productionPoster(10_000);
      fake.failPosts(FAULTY, fault);
      const isPost = (request: { method: string; path: string }) =>
        request.method === 'POST' && request.path === `/api/v10/channels/${FAULTY}/messages`;
      const { restarted, afterRestartMs } = await killMidPostAndRestart({
        path,
        store,
        tracker,
        channel: FAULTY,
        poster: first,
        sent: () => fake.requests.some(isPost) && othersPosted(),
        // The client goes with the process.
        kill: async () => runtime?.stop(),
        restart: () => productionPoster(10_000),
      });
      stores.push(restarted);

      const posts = postsPerChannel();
      expectRecoveredOnce(rows, { platform: 'discord', fault, postsPerChannel: posts, restarted, afterRestartMs });
      expectOneChartEach();
    },
  );

  it('hands a rate limit longer than it waits out to the delivery core, which posts after Retry-After', async () => {
    const { store, tracker } = await storeWithDueDigests('discord', ids.guild, [FAULTY]);
    stores.push(store);
    const poster = await productionPoster();
    const isPost = (request: RecordedRequest) =>
      request.method === 'POST' && request.path === `/api/v10/channels/${FAULTY}/messages`;
    const retryAfter = { 'retry-after': '6', 'x-ratelimit-scope': 'user', 'x-ratelimit-reset-after': '6' };
    fake.respondWith(isPost, {
      status: 429,
      headers: retryAfter,
      body: { message: 'slow', retry_after: 6, global: false },
    });
    const summary = await deliverDueDigests({
      store,
      poster,
      now: DUE_AT,
      isDue: () => true,
      buildPayload: (changes, subscription) =>
        digestPostWithChart(tracker.digestFor(changes, subscription), silentLogger),
      logger: silentLogger,
    });
    expect(summary).toMatchObject({ failed: 1 });
    const [delivery] = store.deliveries.forSubscription(store.subscriptions.list()[0]?.id ?? 0);
    // discord.js did not sit on the post (it would send it after the core gave up); the core waits instead.
    expect(fake.requests.filter(isPost)).toHaveLength(1);
    expect(Date.parse(delivery?.nextAttemptAt ?? '') - DUE_AT.getTime()).toBeGreaterThanOrEqual(6_000);
    expect(delivery?.lastError).toMatch(/rate limited/);
  });

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
    expect(fake.messagesIn(FAULTY).map((stored) => stored.message.content)).toEqual(['', APOLOGY]);
  });
});
