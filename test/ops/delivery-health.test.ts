import { describe, expect, it } from 'vitest';
import { DeliveryHealth } from '../../src/ops/delivery-health.ts';
import { Metrics } from '../../src/ops/metrics.ts';
import type { DeliveryBacklog } from '../../src/store/deliveries.ts';
import { openTempStore } from '../store/support/temp-store.ts';

const now = new Date('2026-03-02T09:40:00Z');
const limits = { runMs: 60_000, pendingMs: 30 * 60_000 };

function health(backlog: DeliveryBacklog, runningForMs = 0): DeliveryHealth {
  return new DeliveryHealth({ backlog: () => backlog, runningForMs: () => runningForMs }, limits, () => now);
}

describe('DeliveryHealth', () => {
  it('is healthy with nothing pending and no run going', () => {
    expect(health({ failing: 0 }).healthy()).toBe(true);
    expect(health({ failing: 0 }).read()).toEqual({ oldestPendingSeconds: 0, failing: 0, runSeconds: 0 });
  });

  it('reads the age of the oldest pending digest and the failing ones', () => {
    const reading = health({ oldestPendingSince: '2026-03-02T09:30:00.000Z', failing: 2 }, 1500).read();
    expect(reading).toEqual({ oldestPendingSeconds: 600, failing: 2, runSeconds: 1.5 });
  });

  it('is unhealthy while a run is stuck past its limit', () => {
    expect(health({ failing: 0 }, 60_000).healthy()).toBe(true);
    expect(health({ failing: 0 }, 60_001).healthy()).toBe(false);
  });

  it('is unhealthy when a digest has been pending past every retry', () => {
    expect(health({ oldestPendingSince: '2026-03-02T09:10:00.000Z', failing: 1 }).healthy()).toBe(true);
    expect(health({ oldestPendingSince: '2026-03-02T09:09:59.000Z', failing: 1 }).healthy()).toBe(false);
  });

  it('reads the backlog from the store', () => {
    const store = openTempStore();
    const subscription = store.subscriptions.subscribe(
      { platform: 'slack', workspace: 'T1', channel: 'C1', schedule: 'daily', timeZone: 'UTC', createdBy: 'U1' },
      now,
    );
    expect(store.deliveries.backlog()).toEqual({ failing: 0 });
    const delivery = store.deliveries.open(
      { subscriptionId: subscription.id, afterChangeId: 0, upToChangeId: 1, nonce: 'n1' },
      now,
    );
    store.deliveries.claim(delivery, now, now);
    store.deliveries.markFailed(delivery.id, 'timeout', false, now);
    expect(store.deliveries.backlog()).toEqual({ oldestPendingSince: now.toISOString(), failing: 1 });
  });

  it('counts a digest given up and revived days later as pending from its revival, with no old error', () => {
    const store = openTempStore();
    const subscription = store.subscriptions.subscribe(
      { platform: 'slack', workspace: 'T1', channel: 'C1', schedule: 'daily', timeZone: 'UTC', createdBy: 'U1' },
      now,
    );
    const plan = { subscriptionId: subscription.id, afterChangeId: 0, upToChangeId: 1, nonce: 'n1' };
    const delivery = store.deliveries.open(plan, now);
    store.deliveries.markFailed(delivery.id, 'channel_not_found', true, now);
    const later = new Date(now.getTime() + 3 * 86_400_000);
    const revived = store.deliveries.open(plan, later);
    expect(revived).toMatchObject({ id: delivery.id, state: 'pending' });
    expect(revived.lastError).toBeUndefined();
    expect(store.deliveries.backlog()).toEqual({ oldestPendingSince: later.toISOString(), failing: 0 });
  });
});

describe('Metrics.watchDeliveries', () => {
  it('exposes the delivery reading as gauges at each scrape', async () => {
    const metrics = new Metrics();
    let failing = 0;
    metrics.watchDeliveries(() => ({ oldestPendingSeconds: 90, failing, runSeconds: 2 }));
    failing = 3;
    const { body } = await metrics.exposition();
    expect(body).toMatch(/^treaty_bot_digest_oldest_pending_seconds 90$/m);
    expect(body).toMatch(/^treaty_bot_digest_deliveries_failing 3$/m);
    expect(body).toMatch(/^treaty_bot_digest_delivery_run_seconds 2$/m);
  });
});
