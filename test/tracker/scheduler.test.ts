import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DigestPayload } from '../../src/digests/digest-poster.ts';
import { silentLogger } from '../../src/logger.ts';
import type { Store } from '../../src/store/open-store.ts';
import { TrackerScheduler, type TrackerSchedulerOptions } from '../../src/tracker/scheduler.ts';
import { FakePoster } from '../digests/support/fake-poster.ts';
import { logChanges, openTempStore, ratified, tempDatabasePath } from '../store/support/temp-store.ts';
import { RecordingLogger } from '../support/recording-logger.ts';

const nineAm = new Date('2026-03-02T09:00:00Z');
const minutesAfterNine = (n: number) => new Date(nineAm.getTime() + n * 60_000);

/** A store with one channel subscribed to a daily 09:00 UTC digest and two changes to send. */
function trackerStore(path = tempDatabasePath()): Store {
  const store = openTempStore(path);
  store.subscriptions.subscribe(
    { platform: 'slack', workspace: 'T1', channel: 'C1', schedule: 'daily', timeZone: 'UTC', createdBy: 'U1' },
    new Date('2026-03-02T08:00:00Z'),
  );
  logChanges(store, '2026-03-02T08:30:00.000Z', [ratified('Qatar'), ratified('Ghana')]);
  return store;
}

function scheduler(
  store: Store,
  poster: FakePoster,
  options: Partial<TrackerSchedulerOptions<DigestPayload>> = {},
): TrackerScheduler {
  return new TrackerScheduler({
    store,
    poster,
    logger: silentLogger,
    pollCron: '*/15 * * * *',
    poll: async () => {},
    buildPayload: (changes) => ({ changes, upToChangeId: changes.at(-1)?.id ?? 0 }),
    now: () => nineAm,
    ...options,
  });
}

function gated(poster: FakePoster): () => void {
  let open = () => {};
  poster.gate = new Promise((resolve) => {
    open = resolve;
  });
  return () => open();
}

afterEach(() => {
  vi.useRealTimers();
});

describe('TrackerScheduler.runDeliveries', () => {
  it('lets only one of two schedulers on one database file post', async () => {
    const path = tempDatabasePath();
    const poster = new FakePoster();
    const release = gated(poster);
    const first = scheduler(trackerStore(path), poster, { holder: 'a' });
    const second = scheduler(openTempStore(path), poster, { holder: 'b' });
    const runs = Promise.all([first.runDeliveries(), second.runDeliveries(), first.runPoll(), second.runPoll()]);
    setTimeout(release, 10);
    const [one, other, polledOne, polledOther] = await runs;
    expect([one?.posted, other?.posted]).toEqual([1, undefined]);
    expect([polledOne, polledOther]).toEqual([true, false]);
    expect(poster.messages).toHaveLength(1);
  });

  it('hands over within seconds (default lease 15 s) once the holder stops renewing', async () => {
    const path = tempDatabasePath();
    const poster = new FakePoster();
    let now = nineAm;
    const first = scheduler(trackerStore(path), new FakePoster(), { holder: 'a', now: () => now });
    const second = scheduler(openTempStore(path), poster, { holder: 'b', now: () => now });
    expect(await first.runPoll()).toBe(true); // holds the lease, then "dies"
    now = new Date(nineAm.getTime() + 14_000);
    expect(await second.runDeliveries()).toBeUndefined();
    now = new Date(nineAm.getTime() + 15_000);
    expect(await second.runDeliveries()).toMatchObject({ posted: 1 });
  });

  it('hands over to another process once the holder stops renewing the lease', async () => {
    const path = tempDatabasePath();
    const poster = new FakePoster();
    let now = nineAm;
    const first = scheduler(trackerStore(path), poster, { holder: 'a', now: () => now, leaseTtlMs: 5 * 60_000 });
    const second = scheduler(openTempStore(path), poster, { holder: 'b', now: () => now, leaseTtlMs: 5 * 60_000 });
    expect(await first.runDeliveries()).toBeDefined();
    now = minutesAfterNine(4);
    expect(await second.runDeliveries()).toBeUndefined();
    now = minutesAfterNine(5);
    expect(await second.runDeliveries()).toBeDefined();
    expect(await first.runDeliveries()).toBeUndefined();
    expect(poster.messages).toHaveLength(1);
  });
});

describe('TrackerScheduler.runPoll', () => {
  it('logs a failed poll and carries on', async () => {
    const logger = new RecordingLogger();
    const poll = vi.fn(async () => {
      throw new Error('maintenance page');
    });
    const tracker = scheduler(trackerStore(), new FakePoster(), { poll, logger });
    expect(await tracker.runPoll()).toBe(true);
    expect(await tracker.runPoll()).toBe(true);
    expect(poll).toHaveBeenCalledTimes(2);
    expect(logger.messages('warn')).toEqual(['digests: status poll failed', 'digests: status poll failed']);
  });
});

describe('TrackerScheduler.start and stop', () => {
  it('polls on its cron schedule and delivers within a heartbeat of the digest falling due', async () => {
    vi.useFakeTimers({
      now: new Date('2026-03-02T08:59:30Z'),
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    const poll = vi.fn(async () => {});
    const poster = new FakePoster();
    const tracker = scheduler(trackerStore(), poster, { poll, pollCron: '0 * * * *', now: () => new Date() });
    tracker.start();
    await vi.advanceTimersByTimeAsync(31_000);
    expect(poll).toHaveBeenCalledTimes(1);
    expect(poster.messages).toHaveLength(1);
    await tracker.stop();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(poll).toHaveBeenCalledTimes(1);
  });

  it('waits for a run in progress, then releases the lease for another process', async () => {
    const path = tempDatabasePath();
    const poster = new FakePoster();
    const release = gated(poster);
    const first = scheduler(trackerStore(path), poster, { holder: 'a' });
    first.start();
    const running = first.runDeliveries();
    let stopped = false;
    const stopping = first.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await running)?.posted).toBe(1);
    expect(await first.runDeliveries()).toBeUndefined();
    const second = scheduler(openTempStore(path), poster, { holder: 'b', now: () => minutesAfterNine(1) });
    expect(await second.runDeliveries()).toBeDefined();
  });

  it('releases the lease when a post hangs past the drain time, and the row stays claimed', async () => {
    const path = tempDatabasePath();
    const poster = new FakePoster();
    poster.gate = new Promise(() => {}); // never answers
    const first = scheduler(trackerStore(path), poster, { holder: 'a', drainTimeoutMs: 20 });
    first.start();
    await vi.waitFor(() => expect(poster.postCalls).toBe(1));
    await first.stop();
    expect(first.deliveryRunningForMs()).toBeGreaterThan(0);
    // Another process gets the lease at once, but leaves the claimed digest alone until the attempt's deadline.
    poster.gate = undefined;
    const second = scheduler(openTempStore(path), poster, { holder: 'b' });
    expect(await second.runDeliveries()).toEqual({ posted: 0, skipped: 1, failed: 0, recovered: 0 });
    expect(poster.messages).toHaveLength(0);
  });

  it('never runs two deliveries at once in one process', async () => {
    const poster = new FakePoster();
    const release = gated(poster);
    const tracker = scheduler(trackerStore(), poster);
    const [one, two] = [tracker.runDeliveries(), tracker.runDeliveries()];
    expect(two).toBe(one);
    release();
    expect((await one)?.posted).toBe(1);
    expect(poster.postCalls).toBe(1);
    expect(tracker.deliveryRunningForMs()).toBe(0);
  });

  it('refuses a poll schedule that is not a cron expression', () => {
    const tracker = scheduler(trackerStore(), new FakePoster(), { pollCron: 'every hour' });
    expect(() => tracker.start()).toThrow('digests: poll schedule "every hour" is not a cron expression');
  });
});
