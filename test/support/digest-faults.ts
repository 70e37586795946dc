// Shared by the Slack and Discord fault-injection suites: a store with digests due to several channels, the
// scheduler with fast timings around the platform poster under test, and the fault table they report.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DigestPoster } from '../../src/digests/digest-poster.ts';
import { TrackerScheduler } from '../../src/digests/scheduler.ts';
import { silentLogger } from '../../src/logger.ts';
import { type ChannelDigest, RatificationTracker } from '../../src/status/ratification-tracker.ts';
import { openStore, type Store, storePath } from '../../src/store/open-store.ts';
import type { Platform } from '../../src/store/subscriptions.ts';

const fixture = (name: string) => pathToFileURL(join(import.meta.dirname, '..', 'fixtures', 'untc', name)).href;

/** The subscriptions were made (and the changes polled) at 14:00; their daily 09:00 digest is due the next day. */
const SUBSCRIBED_AT = new Date('2026-04-02T14:00:00Z');
export const DUE_AT = new Date('2026-04-03T09:00:00Z');

/**
 * Fast timings for the fault tests, the production values scaled down: the clients' request timeout, the
 * core's post deadline and first retry delay, the scheduler's heartbeat and lease.
 */
export const FAST = {
  requestTimeoutMs: 300,
  postTimeoutMs: 600,
  retryDelayMs: 200,
  heartbeatMs: 50,
  leaseTtlMs: 300,
} as const;

/** A clock that starts at `start` and runs in real time, so retry delays and deadlines pass as the test runs. */
export function runningClock(start: Date): () => Date {
  const origin = performance.now();
  return () => new Date(start.getTime() + (performance.now() - origin));
}

/** A database file with a baseline and new consents polled, and each channel subscribed to a daily digest. */
export async function storeWithDueDigests(
  platform: Platform,
  workspace: string,
  channels: readonly string[],
): Promise<{ path: string; store: Store; tracker: RatificationTracker }> {
  const path = storePath(mkdtempSync(join(tmpdir(), 'treaty-faults-')));
  const store = openStore(path, silentLogger);
  const trackerOf = (source: string) =>
    new RatificationTracker({ store, sourceUrl: fixture(source), logger: silentLogger, now: () => SUBSCRIBED_AT });
  await trackerOf('signatures-only.xml').poll();
  const tracker = trackerOf('consents.xml');
  for (const channel of channels) {
    tracker.subscribe({ platform, workspace, channel, user: 'U1', allowed: true }, 'daily', 'UTC', '');
  }
  await tracker.poll();
  return { path, store, tracker };
}

/** The tracker of a store, as a restarted process builds it (digests are built from its latest snapshot). */
export function trackerOn(store: Store): RatificationTracker {
  return new RatificationTracker({ store, sourceUrl: fixture('consents.xml'), logger: silentLogger });
}

/** The scheduler as production builds it, with FAST timings unless `production` (its own defaults). */
export function schedulerFor(
  store: Store,
  tracker: RatificationTracker,
  poster: DigestPoster<ChannelDigest>,
  now: () => Date,
  timing: 'fast' | 'production' = 'fast',
): TrackerScheduler<ChannelDigest> {
  const fast = {
    heartbeatMs: FAST.heartbeatMs,
    leaseTtlMs: FAST.leaseTtlMs,
    delivery: { retryDelayMs: FAST.retryDelayMs, postTimeoutMs: FAST.postTimeoutMs },
  };
  return new TrackerScheduler<ChannelDigest>({
    store,
    logger: silentLogger,
    pollCron: '0 0 1 1 *',
    poll: async () => {},
    poster,
    buildPayload: (changes, subscription) => tracker.digestFor(changes, subscription),
    now,
    ...(timing === 'fast' ? fast : {}),
  });
}

/** Whether every delivery of the store is recorded as posted. */
export function allPosted(store: Store): boolean {
  const subscriptions = store.subscriptions.list();
  return subscriptions.every((subscription) =>
    store.deliveries.forSubscription(subscription.id).some((delivery) => delivery.state === 'posted'),
  );
}

/** Polls `probe` every 5 ms until it is true; returns the ms it took, or throws after `timeoutMs`. */
export async function msUntil(probe: () => boolean, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (!probe()) {
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return Math.round(performance.now() - started);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One row of the fault table: the posts each channel got, and how long until every digest was out. */
export interface FaultRow {
  platform: string;
  fault: string;
  postsPerChannel: number[];
  recoveryMs: number;
}

/** Prints the table after a suite, for the record (it is not an assertion). */
export function printFaultTable(rows: FaultRow[]): void {
  const lines = rows.map(
    (row) => `${row.platform} | ${row.fault} | ${row.postsPerChannel.join(', ')} | ${row.recoveryMs} ms`,
  );
  console.info(['fault table: platform | fault | posts per channel | all digests out after', ...lines].join('\n'));
}
