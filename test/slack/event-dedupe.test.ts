import type { Context } from '@slack/bolt';
import { describe, expect, it, vi } from 'vitest';
import { EventDedupe } from '../../adapters/slack/event-dedupe.ts';
import { skipRetriedEvents } from '../../adapters/slack/events/skip-retried-events.ts';
import { RecordingLogger } from '../support/recording-logger.ts';

describe('EventDedupe', () => {
  it('claims a key the first time only', () => {
    const seen = new EventDedupe();
    expect(seen.claim('Ev1')).toBe(true);
    expect(seen.claim('Ev1')).toBe(false);
    expect(seen.has('Ev1')).toBe(true);
    expect(seen.has('Ev2')).toBe(false);
  });

  it('forgets a key after its TTL', () => {
    let now = 1_000;
    const seen = new EventDedupe({ ttlMs: 60_000, now: () => now });
    seen.claim('Ev1');
    now += 59_999;
    expect(seen.claim('Ev1')).toBe(false);
    now += 1;
    expect(seen.claim('Ev1')).toBe(true);
  });

  it('holds at most maxKeys keys, forgetting the oldest first', () => {
    const seen = new EventDedupe({ maxKeys: 3 });
    for (const key of ['a', 'b', 'c', 'd']) seen.claim(key);
    expect(seen.size).toBe(3);
    expect(seen.has('a')).toBe(false);
    expect(seen.has('d')).toBe(true);
  });

  it('stays bounded under a flood of distinct keys', () => {
    let now = 0;
    const seen = new EventDedupe({ maxKeys: 100, ttlMs: 1_000, now: () => now });
    for (let i = 0; i < 10_000; i++) {
      now += 1;
      seen.claim(`Ev${i}`);
    }
    expect(seen.size).toBeLessThanOrEqual(100);
  });
});

/** Runs the middleware on one delivery; true when it let the delivery through. */
async function deliver(
  middleware: ReturnType<typeof skipRetriedEvents>,
  body: Record<string, unknown>,
  context: Partial<Context> = {},
): Promise<boolean> {
  const next = vi.fn(async () => {});
  const args = { body, context, next } as unknown as Parameters<typeof middleware>[0];
  await middleware(args);
  return next.mock.calls.length === 1;
}

describe('skipRetriedEvents', () => {
  it('lets an event through once per event_id', async () => {
    const middleware = skipRetriedEvents(new EventDedupe(), new RecordingLogger());
    expect(await deliver(middleware, { event_id: 'Ev1' })).toBe(true);
    expect(await deliver(middleware, { event_id: 'Ev1' }, { retryNum: 1, retryReason: 'http_timeout' })).toBe(false);
    expect(await deliver(middleware, { event_id: 'Ev2' })).toBe(true);
  });

  it('drops a timed-out retry of an unseen event (the first delivery is answered elsewhere)', async () => {
    const middleware = skipRetriedEvents(new EventDedupe(), new RecordingLogger());
    expect(await deliver(middleware, { event_id: 'Ev3' }, { retryNum: 2, retryReason: 'http_timeout' })).toBe(false);
    expect(await deliver(middleware, { event_id: 'Ev4' }, { retryNum: 1, retryReason: 'timeout' })).toBe(false);
  });

  it('answers a retry of an unseen event whose first delivery failed', async () => {
    const logger = new RecordingLogger();
    const middleware = skipRetriedEvents(new EventDedupe(), logger);
    expect(await deliver(middleware, { event_id: 'Ev5' }, { retryNum: 1, retryReason: 'http_error' })).toBe(true);
    expect(logger.entries[0]?.fields).toMatchObject({ eventId: 'Ev5', retryNum: 1, retryReason: 'http_error' });
  });

  it('passes commands and actions, which have no event_id, straight through', async () => {
    const middleware = skipRetriedEvents(new EventDedupe(), new RecordingLogger());
    expect(await deliver(middleware, { command: '/treaty' })).toBe(true);
    expect(await deliver(middleware, { command: '/treaty' })).toBe(true);
  });
});
