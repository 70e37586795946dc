import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slackDigestClient } from '../../adapters/slack/client-options.ts';
import { createSlackDigestPoster } from '../../adapters/slack/digest-poster.ts';
import type { DigestPost } from '../../src/answer/digest-reply.ts';
import { digestPostWithChart } from '../../src/chart/with-status-chart.ts';
import { deliverDueDigests } from '../../src/digests/deliver-digests.ts';
import type { DigestPoster } from '../../src/digests/digest-poster.ts';
import { silentLogger } from '../../src/logger.ts';
import type { Store } from '../../src/store/open-store.ts';
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
  storeWithDueDigests,
} from '../support/digest-faults.ts';
import { FAKE_TEAM, FakeSlack, type PostFault, type UploadFault } from './support/fake-slack.ts';

const [FAULTY, ...OTHERS] = ['C1FAULTY', 'C2OTHER', 'C3OTHER'] as const;
const CHANNELS = [FAULTY, ...OTHERS];
const FAULTS: PostFault[] = ['error-after-store', 'reset-after-store', 'hang-after-store', 'hang', 'rate-limited'];
const UPLOAD_FAULTS: UploadFault[] = ['error-after-complete', 'reset-after-complete', 'hang-after-complete'];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const rows: FaultRow[] = [];

/**
 * Fault injection on Slack: the production WebClient configuration (the Bolt app's own client, as startSlack
 * uses it; only the URL and a shorter request timeout differ) posting digests to a fake Slack that fails one
 * channel's post in each way a network or Slack can. The delivery core and the scheduler run with their
 * timings scaled down (see FAST), except where production timings are the point.
 */
describe('Slack digests under faults (production client config against a fake Slack)', () => {
  let fake: FakeSlack;
  let stores: Store[];

  beforeEach(async () => {
    fake = await FakeSlack.start();
    stores = [];
  });

  afterEach(async () => {
    for (const store of stores) if (store.isOpen()) store.close();
    await fake.close();
  });

  afterAll(() => printFaultTable(rows));

  /** The digest poster over its client, built as startSlack builds it. */
  const productionPoster = (requestTimeoutMs: number = FAST.requestTimeoutMs): DigestPoster<DigestPost> =>
    createSlackDigestPoster(
      slackDigestClient('xoxb-test-token', { apiUrl: fake.apiUrl, requestTimeoutMs }, silentLogger),
      silentLogger,
    );
  /** One delivery run of a due digest with its chart to FAULTY, while Slack processes files for `tries` posts. */
  const deliverWhileProcessingFiles = async (tries: number) => {
    const { store, tracker } = await storeWithDueDigests('slack', FAKE_TEAM, [FAULTY]);
    stores.push(store);
    fake.processFilesSlowly(tries);
    return deliverDueDigests({
      store,
      poster: productionPoster(),
      now: DUE_AT,
      isDue: () => true,
      buildPayload: (changes, subscription) =>
        digestPostWithChart(tracker.digestFor(changes, subscription), silentLogger),
      logger: silentLogger,
    });
  };
  const postsPerChannel = () => CHANNELS.map((channel) => fake.messagesIn(channel).length);
  const othersPosted = () => OTHERS.every((channel) => fake.messagesIn(channel).length > 0);

  /**
   * Each channel's one message shows a chart uploaded in full (a PNG, with the chart's words as alt text) and
   * shared nowhere: no file became a message of its own. Returns how many files were uploaded in all.
   */
  const expectOneChartEach = (channels: readonly string[]): number => {
    for (const channel of channels) {
      const [message, ...more] = fake.messagesIn(channel);
      expect(more).toEqual([]);
      const [shown, ...others] = message ? fake.imagesOf(message) : [];
      expect(others).toEqual([]);
      const file = fake.files.find((candidate) => candidate.id === shown);
      expect(file).toMatchObject({ filename: 'status.png', completed: true, sharedTo: [] });
      expect(file?.bytes?.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(file?.altText).toMatch(/^Ratification progress: 5 of 40 instruments/);
    }
    expect(fake.files.flatMap((file) => file.sharedTo)).toEqual([]);
    expect(fake.callsTo('files.completeUploadExternal').every((call) => call.params.channel_id === undefined)).toBe(
      true,
    );
    return fake.files.length;
  };

  it.each(FAULTS)('%s on one channel: one digest per channel, the others on time', async (fault) => {
    const { store, tracker } = await storeWithDueDigests('slack', FAKE_TEAM, CHANNELS);
    stores.push(store);
    fake.failPosts(FAULTY, fault);
    const scheduler = schedulerFor(store, tracker, productionPoster(), runningClock(DUE_AT));
    const { othersMs, allMs } = await deliverUnderFault(store, scheduler, othersPosted);
    const posts = postsPerChannel();
    expectOnTime(rows, { platform: 'slack', fault, postsPerChannel: posts, othersMs, recoveryMs: allMs });
    // A retry uploads the chart again: one upload per attempt, the file of a failed attempt left unshared.
    expect(expectOneChartEach(CHANNELS)).toBe(fake.callsTo('chat.postMessage').length);
  });

  it.each(UPLOAD_FAULTS)(
    '%s (the chart uploaded, the post not sent): the retry uploads again and posts once, showing the new file',
    async (fault) => {
      const { store, tracker } = await storeWithDueDigests('slack', FAKE_TEAM, [FAULTY]);
      stores.push(store);
      fake.failUploads(fault);
      const scheduler = schedulerFor(store, tracker, productionPoster(), runningClock(DUE_AT));
      const { allMs } = await deliverUnderFault(store, scheduler, () => true);
      expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
      expect(expectOneChartEach([FAULTY])).toBe(2);
      const [orphan, shown] = fake.files;
      expect(orphan).toMatchObject({ completed: true, sharedTo: [] });
      expect(fake.imagesOf(fake.messagesIn(FAULTY)[0] ?? never())).toEqual([shown?.id]);
      rows.push({ platform: 'slack', fault: `${fault} (chart upload)`, postsPerChannel: [1], recoveryMs: allMs });
    },
  );

  it('posts once, showing the chart, when Slack is still processing the file at the first try', async () => {
    const summary = await deliverWhileProcessingFiles(1);
    expect(summary).toMatchObject({ posted: 1, failed: 0 });
    expect(fake.callsTo('chat.postMessage').map((call) => call.status)).toEqual([200, 200]);
    expect(expectOneChartEach([FAULTY])).toBe(1);
  });

  it('posts once with the chart in words when Slack cannot show the file in time', async () => {
    const summary = await deliverWhileProcessingFiles(3);
    expect(summary).toMatchObject({ posted: 1, failed: 0 });
    const [message, ...more] = fake.messagesIn(FAULTY);
    expect(more).toEqual([]);
    expect(fake.imagesOf(message ?? never())).toEqual([]);
    expect(JSON.stringify(message?.blocks)).toContain('Ratification progress: 5 of 40 instruments');
  });

  it('kill -9 between the chart upload and the post, then a restart: the digest goes out once, with a new upload', async () => {
    const { path, store, tracker } = await storeWithDueDigests('slack', FAKE_TEAM, [FAULTY]);
    stores.push(store);
    // The upload completes and its answer never comes back: the process dies before it sends the post.
    fake.failUploads('hang-after-complete');
    const { restarted, afterRestartMs } = await killMidPostAndRestart({
      path,
      store,
      tracker,
      channel: FAULTY,
      poster: productionPoster(10_000),
      sent: () => fake.callsTo('files.completeUploadExternal').length === 1,
      restart: () => productionPoster(10_000),
    });
    stores.push(restarted);

    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(expectOneChartEach([FAULTY])).toBe(2);
    expectRecoveredOnce(rows, {
      platform: 'slack',
      fault: 'between the chart upload and the post',
      postsPerChannel: [fake.messagesIn(FAULTY).length],
      restarted,
      afterRestartMs,
    });
  });

  it.each(['hang-after-store', 'hang'] as const)(
    'kill -9 mid-post (%s), then a restart: the overdue digest goes out once, within 30 s (production timings)',
    async (fault) => {
      const { path, store, tracker } = await storeWithDueDigests('slack', FAKE_TEAM, CHANNELS);
      stores.push(store);
      fake.failPosts(FAULTY, fault);
      const { restarted, afterRestartMs } = await killMidPostAndRestart({
        path,
        store,
        tracker,
        channel: FAULTY,
        poster: productionPoster(10_000),
        sent: () => fake.callsTo('chat.postMessage').length === CHANNELS.length && othersPosted(),
        restart: () => productionPoster(10_000),
      });
      stores.push(restarted);

      const posts = postsPerChannel();
      expectRecoveredOnce(rows, { platform: 'slack', fault, postsPerChannel: posts, restarted, afterRestartMs });
      // A post that landed is found, not uploaded and posted again; one that did not is, with a new upload.
      expect(expectOneChartEach(CHANNELS)).toBe(fault === 'hang' ? CHANNELS.length + 1 : CHANNELS.length);
    },
  );
});

function never(): never {
  throw new Error('missing');
}
