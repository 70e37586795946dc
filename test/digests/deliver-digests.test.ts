import { describe, expect, it, vi } from 'vitest';
import { deliverDueDigests, MAX_ATTEMPTS, POST_TIMEOUT_MS } from '../../src/digests/deliver-digests.ts';
import { PermanentPostError, RateLimitedPostError } from '../../src/digests/digest-poster.ts';
import { isSubscriptionDue } from '../../src/digests/schedule.ts';
import { silentLogger } from '../../src/logger.ts';
import type { LoggedChange } from '../../src/store/change-log.ts';
import type { Store } from '../../src/store/open-store.ts';
import type { SubscriptionKey } from '../../src/store/subscriptions.ts';
import { logChanges, openTempStore, ratified, tempDatabasePath } from '../store/support/temp-store.ts';
import { RecordingLogger } from '../support/recording-logger.ts';
import { FakePoster } from './support/fake-poster.ts';

const general: SubscriptionKey = { platform: 'slack', workspace: 'T0001', channel: 'C-general' };
const treaty: SubscriptionKey = { platform: 'discord', workspace: '1234', channel: 'treaty-news' };

/** Monday 2 March 2026; both channels subscribe at 08:00 UTC for a daily digest at 09:00 UTC. */
const at = (time: string, day = '2026-03-02') => new Date(`${day}T${time}Z`);

function subscribe(store: Store, key: SubscriptionKey): void {
  store.subscriptions.subscribe({ ...key, schedule: 'daily', timeZone: 'UTC', createdBy: 'U1' }, at('08:00:00'));
}

/** A store with the given channels subscribed, and two ratifications logged at 08:30. */
function trackerWith(keys: SubscriptionKey[], path = tempDatabasePath()): Store {
  const store = openTempStore(path);
  for (const key of keys) subscribe(store, key);
  logChanges(store, '2026-03-02T08:30:00.000Z', [ratified('Qatar'), ratified('Ghana')]);
  return store;
}

function options(store: Store, poster: FakePoster, now: Date, logger = silentLogger) {
  return {
    store,
    poster,
    now,
    isDue: isSubscriptionDue,
    buildPayload: (changes: LoggedChange[]) => ({ changes, upToChangeId: changes.at(-1)?.id ?? 0 }),
    logger,
  };
}

function run(store: Store, poster: FakePoster, now: Date, logger = silentLogger) {
  return deliverDueDigests(options(store, poster, now, logger));
}

/** The one delivery of the store's first subscription. */
function deliveryOf(store: Store) {
  const [delivery] = store.deliveries.forSubscription(store.subscriptions.list()[0]?.id ?? 0);
  if (!delivery) throw new Error('no delivery');
  return delivery;
}

const nothing = { posted: 0, skipped: 0, failed: 0, recovered: 0 };

describe('deliverDueDigests', () => {
  it('posts the new changes to every subscribed channel once', async () => {
    const store = trackerWith([general, treaty]);
    const poster = new FakePoster();
    expect(await run(store, poster, at('09:00:00'))).toEqual({ ...nothing, posted: 2 });
    expect(await run(store, poster, at('09:01:00'))).toEqual(nothing);
    expect(poster.digestsIn(general.channel)).toEqual([['Qatar', 'Ghana']]);
    expect(poster.digestsIn(treaty.channel)).toEqual([['Qatar', 'Ghana']]);
    expect(poster.messages[0]?.payload.upToChangeId).toBe(2);
    expect(store.subscriptions.list().map((s) => s.lastDeliveredChangeId)).toEqual([2, 2]);
  });

  it('stops between channels once asked to (shutdown), leaving the rest for the next run', async () => {
    const store = trackerWith([general, treaty]);
    const poster = new FakePoster();
    let stopping = false;
    const partial = await deliverDueDigests({
      store,
      poster: {
        post: async (...args) => {
          stopping = true; // the signal arrives while the first digest is being posted
          return poster.post(...args);
        },
      },
      now: at('09:00:00'),
      isDue: isSubscriptionDue,
      buildPayload: (changes) => ({ changes, upToChangeId: changes.at(-1)?.id ?? 0 }),
      logger: silentLogger,
      stopping: () => stopping,
      // One channel at a time, so the second has not started when the signal comes.
      concurrency: 1,
    });
    expect(partial).toEqual({ ...nothing, posted: 1 });
    expect(await run(store, poster, at('09:01:00'))).toEqual({ ...nothing, posted: 1 });
    expect(poster.postCalls).toBe(2);
  });

  it('waits for the channel’s scheduled time', async () => {
    const store = trackerWith([general]);
    const poster = new FakePoster();
    expect(await run(store, poster, at('08:59:00'))).toEqual(nothing);
    expect(poster.postCalls).toBe(0);
  });

  it('posts nothing and opens no delivery when nothing changed', async () => {
    const store = openTempStore();
    subscribe(store, general);
    const poster = new FakePoster();
    expect(await run(store, poster, at('09:00:00'))).toEqual({ ...nothing, skipped: 1 });
    expect(poster.postCalls).toBe(0);
    const [subscription] = store.subscriptions.list();
    expect(store.deliveries.forSubscription(subscription?.id ?? 0)).toEqual([]);
    // That was the 09:00 digest: the next is tomorrow, even when a change arrives meanwhile.
    logChanges(store, '2026-03-02T10:00:00.000Z', [ratified('Chile')]);
    expect(await run(store, poster, at('10:01:00'))).toEqual(nothing);
    expect(await run(store, poster, at('09:00:00', '2026-03-03'))).toEqual({ ...nothing, posted: 1 });
  });

  it('retries a post that failed, and posts it once', async () => {
    const store = trackerWith([general]);
    const poster = new FakePoster();
    poster.failures.push({ error: new Error('ratelimited') });
    expect(await run(store, poster, at('09:00:00'))).toEqual({ ...nothing, failed: 1 });
    const [subscription] = store.subscriptions.list();
    expect(subscription?.lastDeliveredChangeId).toBe(0);
    expect(store.deliveries.pendingFor(subscription?.id ?? 0)).toMatchObject({ attempts: 1, lastError: 'ratelimited' });

    expect(await run(store, poster, at('09:00:30'))).toEqual({ ...nothing, skipped: 1 }); // backoff
    expect(await run(store, poster, at('09:01:00'))).toEqual({ ...nothing, posted: 1 });
    expect(poster.digestsIn(general.channel)).toEqual([['Qatar', 'Ghana']]);
    expect(poster.findPostedCalls).toBe(1);
  });

  it('finds a digest posted just before the process died, after a restart, without posting it again', async () => {
    const path = tempDatabasePath();
    const first = trackerWith([general, treaty], path);
    const poster = new FakePoster();
    // The process "dies" between the post and recording it.
    vi.spyOn(first.deliveries, 'markPosted').mockImplementation(() => {
      throw new Error('SIGKILL');
    });
    const logger = new RecordingLogger();
    expect(await run(first, poster, at('09:00:00'), logger)).toEqual({ ...nothing, failed: 2 });
    expect(logger.messages('error')).toContain('digests: posted but could not record it');
    first.close();

    const restarted = openTempStore(path);
    expect(await run(restarted, poster, at('09:01:00'))).toEqual({ ...nothing, recovered: 2 });
    expect(poster.postCalls).toBe(2);
    expect(poster.digestsIn(general.channel)).toEqual([['Qatar', 'Ghana']]);
    expect(poster.digestsIn(treaty.channel)).toEqual([['Qatar', 'Ghana']]);
    expect(restarted.subscriptions.list().map((s) => s.lastDeliveredChangeId)).toEqual([2, 2]);
    expect(await run(restarted, poster, at('09:00:00', '2026-03-03'))).toEqual({ ...nothing, skipped: 2 });
  });

  it('finds a digest whose post reached the platform although the call failed', async () => {
    const store = trackerWith([general]);
    const poster = new FakePoster();
    poster.failures.push({ error: new Error('socket hang up'), afterPosting: true });
    expect(await run(store, poster, at('09:00:00'))).toEqual({ ...nothing, failed: 1 });
    expect(await run(store, poster, at('09:01:00'))).toEqual({ ...nothing, recovered: 1 });
    expect(poster.postCalls).toBe(1);
    expect(poster.messages).toHaveLength(1);
  });

  it('relies on the nonce when the poster cannot look for an earlier post', async () => {
    const store = trackerWith([treaty]);
    const poster = new FakePoster({ findPosted: false });
    poster.failures.push({ error: new Error('socket hang up'), afterPosting: true });
    await run(store, poster, at('09:00:00'));
    expect(await run(store, poster, at('09:01:00'))).toEqual({ ...nothing, posted: 1 });
    expect(poster.postCalls).toBe(2);
    expect(poster.messages).toHaveLength(1);
    expect(new Set(poster.messages.map((m) => m.nonce)).size).toBe(1);
  });

  it('does not post while it cannot tell whether an earlier attempt got through', async () => {
    const store = trackerWith([general]);
    const poster = new FakePoster({ honoursNonce: false });
    poster.failures.push({ error: new Error('timeout'), afterPosting: true });
    await run(store, poster, at('09:00:00'));
    const findPosted = poster.findPosted;
    poster.findPosted = async () => {
      throw new Error('conversations.history: ratelimited');
    };
    expect(await run(store, poster, at('09:01:00'))).toEqual({ ...nothing, failed: 1 });
    expect(poster.postCalls).toBe(1);
    poster.findPosted = findPosted;
    expect(await run(store, poster, at('09:02:00'))).toEqual({ ...nothing, recovered: 1 });
    expect(poster.messages).toHaveLength(1);
  });

  it('gives a digest up when the check for an earlier post fails for good (the channel is gone)', async () => {
    const store = trackerWith([general]);
    const poster = new FakePoster({ honoursNonce: false });
    poster.failures.push({ error: new Error('timeout'), afterPosting: false });
    await run(store, poster, at('09:00:00'));
    poster.findPosted = async () => {
      throw new PermanentPostError('conversations.history: channel_not_found');
    };
    expect(await run(store, poster, at('09:01:00'))).toEqual({ ...nothing, failed: 1 });
    expect(deliveryOf(store)).toMatchObject({ state: 'failed' });
    // Not checked again every minute: nothing is pending.
    expect(await run(store, poster, at('09:02:00'))).toEqual(nothing);
    expect(poster.postCalls).toBe(1);
  });

  it('counts a post with no answer by its deadline as a failed attempt, checked before the retry', async () => {
    const store = trackerWith([general]);
    const poster = new FakePoster();
    poster.gate = new Promise(() => {}); // the platform never answers
    expect(await deliverDueDigests({ ...options(store, poster, at('09:00:00')), postTimeoutMs: 20 })).toEqual({
      ...nothing,
      failed: 1,
    });
    expect(deliveryOf(store)).toMatchObject({ attempts: 1, lastError: 'digests: post got no answer within 20 ms' });
    poster.gate = undefined;
    expect(await run(store, poster, at('09:01:00'))).toEqual({ ...nothing, posted: 1 });
    expect(poster.findPostedCalls).toBe(1);
    expect(poster.digestsIn(general.channel)).toHaveLength(1);
  });

  it('retries a rate-limited post after its Retry-After instead of the backoff', async () => {
    const store = trackerWith([general]);
    const poster = new FakePoster();
    poster.failures.push({ error: new RateLimitedPostError('slack: 429', 3_000) });
    expect(await run(store, poster, at('09:00:00'))).toEqual({ ...nothing, failed: 1 });
    expect(deliveryOf(store).nextAttemptAt).toBe('2026-03-02T09:00:03.000Z');
    expect(await run(store, poster, at('09:00:03'))).toEqual({ ...nothing, posted: 1 });
    expect(poster.digestsIn(general.channel)).toHaveLength(1);
  });

  it('posts to the other channels while one hangs', async () => {
    const store = trackerWith([general, treaty]);
    const poster = new FakePoster();
    const post = poster.post.bind(poster);
    poster.post = (target, ...rest) =>
      target.channel === general.channel ? new Promise(() => {}) : post(target, ...rest);
    const started = Date.now();
    const summary = await deliverDueDigests({ ...options(store, poster, at('09:00:00')), postTimeoutMs: 200 });
    expect(summary).toEqual({ ...nothing, posted: 1, failed: 1 });
    expect(poster.digestsIn(treaty.channel)).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('holds a claimed attempt only until its deadline, so a digest cut off by a crash goes out soon after', async () => {
    const path = tempDatabasePath();
    const first = trackerWith([general], path);
    const poster = new FakePoster();
    poster.gate = new Promise(() => {}); // the process dies mid-post: this run never ends
    void deliverDueDigests(options(first, poster, at('09:00:00')));
    await vi.waitFor(() => expect(poster.postCalls).toBe(1));
    poster.gate = undefined;

    const restarted = openTempStore(path);
    expect(await run(restarted, poster, new Date(at('09:00:00').getTime() + POST_TIMEOUT_MS - 1))).toEqual({
      ...nothing,
      skipped: 1,
    });
    expect(await run(restarted, poster, new Date(at('09:00:00').getTime() + POST_TIMEOUT_MS))).toEqual({
      ...nothing,
      posted: 1,
    });
    expect(poster.findPostedCalls).toBe(1);
    expect(poster.digestsIn(general.channel)).toHaveLength(1);
  });

  it('does not double a post when two runs on one database file overlap', async () => {
    const path = tempDatabasePath();
    const one = trackerWith([general, treaty], path);
    const other = openTempStore(path);
    const poster = new FakePoster();
    let open = () => {};
    poster.gate = new Promise((resolve) => {
      open = resolve;
    });
    const runs = Promise.all([run(one, poster, at('09:00:00')), run(other, poster, at('09:00:00'))]);
    setTimeout(open, 10);
    const [a, b] = await runs;
    expect(a.posted + b.posted).toBe(2);
    expect(poster.postCalls).toBe(2);
    expect(poster.digestsIn(general.channel)).toHaveLength(1);
    expect(poster.digestsIn(treaty.channel)).toHaveLength(1);
  });

  it('does not send old changes again after a restart', async () => {
    const path = tempDatabasePath();
    const poster = new FakePoster();
    const first = trackerWith([general], path);
    await run(first, poster, at('09:00:00'));
    first.close();

    const restarted = openTempStore(path);
    logChanges(restarted, '2026-03-02T12:00:00.000Z', [ratified('Chile')]);
    expect(await run(restarted, poster, at('09:00:00', '2026-03-03'))).toEqual({ ...nothing, posted: 1 });
    expect(poster.digestsIn(general.channel)).toEqual([['Qatar', 'Ghana'], ['Chile']]);
  });

  it('posts one digest after downtime, not one per missed day', async () => {
    const store = trackerWith([general]);
    const poster = new FakePoster();
    expect(await run(store, poster, at('12:00:00', '2026-03-06'))).toEqual({ ...nothing, posted: 1 });
    expect(await run(store, poster, at('12:01:00', '2026-03-06'))).toEqual(nothing);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts and sends the changes with the next digest`, async () => {
    const store = trackerWith([general]);
    const poster = new FakePoster();
    for (let i = 0; i < MAX_ATTEMPTS; i++) poster.failures.push({ error: new Error('service_unavailable') });
    let failed = 0;
    for (let minute = 0; minute < 30; minute++) {
      const time = `09:${String(minute).padStart(2, '0')}:00`;
      failed += (await run(store, poster, at(time))).failed;
    }
    expect(failed).toBe(MAX_ATTEMPTS);
    const [subscription] = store.subscriptions.list();
    expect(store.deliveries.forSubscription(subscription?.id ?? 0)).toMatchObject([
      { state: 'failed', attempts: MAX_ATTEMPTS },
    ]);

    logChanges(store, '2026-03-02T18:00:00.000Z', [ratified('Chile')]);
    expect(await run(store, poster, at('09:00:00', '2026-03-03'))).toEqual({ ...nothing, posted: 1 });
    expect(poster.digestsIn(general.channel)).toEqual([['Qatar', 'Ghana', 'Chile']]);
  });

  it('gives up at once when retrying cannot help, and tries again at the next scheduled time', async () => {
    const store = trackerWith([general]);
    const poster = new FakePoster();
    poster.failures.push({ error: new PermanentPostError('not_in_channel') });
    expect(await run(store, poster, at('09:00:00'))).toEqual({ ...nothing, failed: 1 });
    expect(await run(store, poster, at('09:05:00'))).toEqual(nothing);
    expect(await run(store, poster, at('09:00:00', '2026-03-03'))).toEqual({ ...nothing, posted: 1 });
    const [subscription] = store.subscriptions.list();
    expect(store.deliveries.forSubscription(subscription?.id ?? 0)).toMatchObject([{ state: 'posted', attempts: 2 }]);
  });

  it('keeps delivering to other channels when one subscription is broken', async () => {
    const store = openTempStore();
    store.subscriptions.subscribe(
      { ...general, schedule: 'every tuesday', timeZone: 'UTC', createdBy: 'U1' },
      at('08:00:00'),
    );
    subscribe(store, treaty);
    logChanges(store, '2026-03-02T08:30:00.000Z', [ratified('Qatar')]);
    const poster = new FakePoster();
    const logger = new RecordingLogger();
    expect(await run(store, poster, at('09:00:00'), logger)).toEqual({ ...nothing, posted: 1, failed: 1 });
    expect(logger.messages('error')).toEqual(['digests: delivery run failed']);
  });
});
