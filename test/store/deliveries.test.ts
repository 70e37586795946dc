import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/open-store.ts';
import { logChanges, openTempStore, ratified } from './support/temp-store.ts';

const t0 = new Date('2026-03-02T09:00:00Z');
const minutesLater = (n: number) => new Date(t0.getTime() + n * 60_000);

function subscribedStore(): { store: Store; subscriptionId: number } {
  const store = openTempStore();
  const { id } = store.subscriptions.subscribe(
    { platform: 'discord', workspace: '1234', channel: '5678', schedule: 'daily', timeZone: 'UTC', createdBy: 'u' },
    new Date('2026-03-01T00:00:00Z'),
  );
  logChanges(store, '2026-03-01T12:00:00.000Z', [ratified('Qatar'), ratified('Ghana')]);
  return { store, subscriptionId: id };
}

describe('Deliveries.open', () => {
  it('opens a pending delivery and records the run on the subscription', () => {
    const { store, subscriptionId } = subscribedStore();
    const delivery = store.deliveries.open({ subscriptionId, afterChangeId: 0, upToChangeId: 2, nonce: 'n1' }, t0);
    expect(delivery).toMatchObject({ subscriptionId, upToChangeId: 2, state: 'pending', attempts: 0, nonce: 'n1' });
    expect(store.deliveries.pendingFor(subscriptionId)).toEqual(delivery);
    expect(store.subscriptions.list()[0]?.lastRunAt).toBe(t0.toISOString());
  });

  it('reuses the delivery already open for the same changes', () => {
    const { store, subscriptionId } = subscribedStore();
    const plan = { subscriptionId, afterChangeId: 0, upToChangeId: 2, nonce: 'n1' };
    const first = store.deliveries.open(plan, t0);
    expect(store.deliveries.open(plan, minutesLater(1))).toEqual(first);
    expect(store.deliveries.forSubscription(subscriptionId)).toHaveLength(1);
  });

  it('revives a failed delivery as pending, keeping its nonce and attempts', () => {
    const { store, subscriptionId } = subscribedStore();
    const plan = { subscriptionId, afterChangeId: 0, upToChangeId: 2, nonce: 'n1' };
    const first = store.deliveries.open(plan, t0);
    store.deliveries.claim(first, minutesLater(1), t0);
    store.deliveries.markFailed(first.id, 'channel not found', true, t0);
    expect(store.deliveries.pendingFor(subscriptionId)).toBeUndefined();
    const revived = store.deliveries.open(plan, minutesLater(60 * 24));
    expect(revived).toMatchObject({ id: first.id, state: 'pending', attempts: 1, nonce: 'n1' });
  });
});

describe('Deliveries.claim', () => {
  it('counts an attempt once, even when two runs hold the same delivery', () => {
    const { store, subscriptionId } = subscribedStore();
    const delivery = store.deliveries.open({ subscriptionId, afterChangeId: 0, upToChangeId: 2, nonce: 'n1' }, t0);
    expect(store.deliveries.claim(delivery, minutesLater(1), t0)).toBe(true);
    expect(store.deliveries.claim(delivery, minutesLater(1), t0)).toBe(false);
    expect(store.deliveries.pendingFor(subscriptionId)).toMatchObject({
      attempts: 1,
      nextAttemptAt: minutesLater(1).toISOString(),
    });
  });
});

describe('Deliveries.markPosted', () => {
  it('records the message and advances the subscription in one step, once', () => {
    const { store, subscriptionId } = subscribedStore();
    const delivery = store.deliveries.open({ subscriptionId, afterChangeId: 0, upToChangeId: 2, nonce: 'n1' }, t0);
    expect(store.deliveries.markPosted(delivery.id, 'm1', t0)).toBe(true);
    expect(store.deliveries.markPosted(delivery.id, 'm2', t0)).toBe(false);
    expect(store.deliveries.forSubscription(subscriptionId)[0]).toMatchObject({
      state: 'posted',
      platformMessageId: 'm1',
    });
    expect(store.subscriptions.list()[0]).toMatchObject({
      lastDeliveredChangeId: 2,
      lastDeliveredAt: t0.toISOString(),
    });
  });
});

describe('Deliveries.markFailed', () => {
  it('keeps the delivery pending unless told to give up', () => {
    const { store, subscriptionId } = subscribedStore();
    const delivery = store.deliveries.open({ subscriptionId, afterChangeId: 0, upToChangeId: 2, nonce: 'n1' }, t0);
    store.deliveries.markFailed(delivery.id, 'rate limited', false, t0);
    expect(store.deliveries.pendingFor(subscriptionId)).toMatchObject({ state: 'pending', lastError: 'rate limited' });
    store.deliveries.markFailed(delivery.id, 'missing access', true, t0);
    expect(store.deliveries.forSubscription(subscriptionId)[0]).toMatchObject({
      state: 'failed',
      lastError: 'missing access',
    });
  });

  it('goes when the channel unsubscribes', () => {
    const { store, subscriptionId } = subscribedStore();
    store.deliveries.open({ subscriptionId, afterChangeId: 0, upToChangeId: 2, nonce: 'n1' }, t0);
    store.subscriptions.unsubscribe({ platform: 'discord', workspace: '1234', channel: '5678' });
    expect(store.deliveries.forSubscription(subscriptionId)).toEqual([]);
  });
});
