import { afterAll, afterEach, beforeEach, describe, it } from 'vitest';
import { slackDigestClient } from '../../adapters/slack/client-options.ts';
import { createSlackDigestPoster } from '../../adapters/slack/digest-poster.ts';
import type { DigestPost } from '../../src/answer/digest-reply.ts';
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
import { FAKE_TEAM, FakeSlack, type PostFault } from './support/fake-slack.ts';

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
  const productionPoster = (requestTimeoutMs: number = FAST.requestTimeoutMs): DigestPoster<DigestPost> =>
    createSlackDigestPoster(
      slackDigestClient('xoxb-test-token', { apiUrl: fake.apiUrl, requestTimeoutMs }, silentLogger),
      silentLogger,
    );
  const postsPerChannel = () => CHANNELS.map((channel) => fake.messagesIn(channel).length);
  const othersPosted = () => OTHERS.every((channel) => fake.messagesIn(channel).length > 0);

  it.each(FAULTS)('%s on one channel: one digest per channel, the others on time', async (fault) => {
    const { store, tracker } = await storeWithDueDigests('slack', FAKE_TEAM, CHANNELS);
    stores.push(store);
    fake.failPosts(FAULTY, fault);
    const scheduler = schedulerFor(store, tracker, productionPoster(), runningClock(DUE_AT));
    const { othersMs, allMs } = await deliverUnderFault(store, scheduler, othersPosted);
    const posts = postsPerChannel();
    expectOnTime(rows, { platform: 'slack', fault, postsPerChannel: posts, othersMs, recoveryMs: allMs });
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
    },
  );
});
