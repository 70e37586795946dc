import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slackDigestClient } from '../../adapters/slack/slack-client-options.ts';
import { createSlackDigestPoster } from '../../adapters/slack/slack-digest-poster.ts';
import type { DigestPoster } from '../../src/digests/digest-poster.ts';
import { silentLogger } from '../../src/logger.ts';
import type { ChannelDigest } from '../../src/status/ratification-tracker.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
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
} from '../support/digest-faults.ts';
import { FAKE_BOT_USER, FAKE_TEAM, FakeSlack, type PostFault } from './support/fake-slack.ts';
import { cannedBot, settle, startHttpApp } from './support/slack-app-harness.ts';
import { appMentionEvent, eventCallback, JSON_TYPE, postSigned } from './support/slack-requests.ts';

const [FAULTY, ...OTHERS] = ['C1FAULTY', 'C2OTHER', 'C3OTHER'] as const;
const CHANNELS = [FAULTY, ...OTHERS];
const FAULTS: PostFault[] = ['error-after-store', 'reset-after-store', 'hang-after-store', 'hang', 'rate-limited'];
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
  const productionPoster = (requestTimeoutMs: number = FAST.requestTimeoutMs): DigestPoster<ChannelDigest> =>
    createSlackDigestPoster(
      slackDigestClient('xoxb-test-token', { apiUrl: fake.apiUrl, requestTimeoutMs }, silentLogger),
      silentLogger,
    );
  const postsPerChannel = () => CHANNELS.map((channel) => fake.messagesIn(channel).length);

  it.each(FAULTS)('%s on one channel: one digest per channel, the others on time', async (fault) => {
    const { store, tracker } = await storeWithDueDigests('slack', FAKE_TEAM, CHANNELS);
    stores.push(store);
    fake.failPosts(FAULTY, fault);
    const scheduler = schedulerFor(store, tracker, productionPoster(), runningClock(DUE_AT));
    scheduler.start();
    const othersMs = await msUntil(() => OTHERS.every((channel) => fake.messagesIn(channel).length > 0), 5_000);
    const allMs = await msUntil(() => allPosted(store), 5_000);
    // Long enough for a client retry, or a second attempt of the core, to show up as a second message.
    await sleep(FAST.retryDelayMs * 2);
    await scheduler.stop();

    expect(postsPerChannel()).toEqual([1, 1, 1]);
    expect(othersMs).toBeLessThan(FAST.requestTimeoutMs + FAST.retryDelayMs);
    // The faulty channel: its timeout (or Retry-After), one retry interval, a heartbeat, and the history check.
    expect(allMs).toBeLessThan(fault === 'rate-limited' ? 1_500 : FAST.requestTimeoutMs + FAST.retryDelayMs + 300);
    rows.push({ platform: 'slack', fault, postsPerChannel: postsPerChannel(), recoveryMs: allMs });
  });

  it.each(['hang-after-store', 'hang'] as const)(
    'kill -9 mid-post (%s), then a restart: the overdue digest goes out once, within 30 s (production timings)',
    async (fault) => {
      const { path, store, tracker } = await storeWithDueDigests('slack', FAKE_TEAM, CHANNELS);
      stores.push(store);
      fake.failPosts(FAULTY, fault);
      // Production timings on a clock the test moves: the lease and the claim deadline are read from it.
      let now = DUE_AT;
      const first = productionPoster(10_000);
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
      await msUntil(() => fake.callsTo('chat.postMessage').length === CHANNELS.length, 2_000);
      await msUntil(() => OTHERS.every((channel) => fake.messagesIn(channel).length > 0), 2_000);
      store.close(); // kill -9: the lease and the claimed delivery stay behind in the file

      const restarted = openStore(path, silentLogger);
      stores.push(restarted);
      // A new process: a new client.
      const scheduler = schedulerFor(
        restarted,
        trackerOn(restarted),
        productionPoster(10_000),
        () => now,
        'production',
      );
      // The restarted process beats every 5 s (its production heartbeat), here on the moved clock.
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
        platform: 'slack',
        fault: `kill -9 mid-post (${fault}), restart at once`,
        postsPerChannel: postsPerChannel(),
        recoveryMs: afterRestartMs,
      });
    },
  );

  it('does not send a mention answer twice when Slack stored it but answered 500', async () => {
    const running = await startHttpApp(cannedBot, fake, silentLogger, { requestTimeoutMs: FAST.requestTimeoutMs });
    try {
      fake.failPosts('C0GENERAL', 'error-after-store');
      const event = appMentionEvent(`<@${FAKE_BOT_USER}> entry-into-force`, '1700000000.000900');
      const ack = await postSigned(running.eventsUrl, JSON.stringify(eventCallback('Ev-500', event)), {
        contentType: JSON_TYPE,
      });
      expect(ack.status).toBe(200);
      await fake.waitFor(() => fake.callsTo('chat.postMessage').length > 0);
      // The client's default policy would send it again after about a second.
      await settle(1_500);
      expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
      expect(fake.messagesIn('C0GENERAL')).toHaveLength(1);
    } finally {
      await running.app.stop();
    }
  });
});
