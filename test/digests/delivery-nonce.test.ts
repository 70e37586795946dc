import { describe, expect, it } from 'vitest';
import { deliveryNonce } from '../../src/digests/delivery-nonce.ts';
import type { Subscription } from '../../src/store/subscriptions.ts';

const subscription: Subscription = {
  id: 7,
  platform: 'discord',
  workspace: '1234',
  channel: '5678',
  schedule: 'daily',
  timeZone: 'UTC',
  createdBy: 'u',
  createdAt: '2026-03-01T10:00:00.000Z',
  lastDeliveredChangeId: 0,
  lastRunAt: '2026-03-01T10:00:00.000Z',
};

describe('deliveryNonce', () => {
  it('is the same for every attempt of a digest, and fits Discord’s 25 characters', () => {
    const nonce = deliveryNonce(subscription, 42);
    expect(nonce).toMatch(/^[0-9a-f]{25}$/);
    expect(deliveryNonce({ ...subscription, lastRunAt: '2026-03-09T10:00:00.000Z' }, 42)).toBe(nonce);
  });

  it('differs between digests and between channels', () => {
    const nonces = new Set([
      deliveryNonce(subscription, 42),
      deliveryNonce(subscription, 43),
      deliveryNonce({ ...subscription, channel: '5679' }, 42),
      deliveryNonce({ ...subscription, id: 8 }, 42),
      deliveryNonce({ ...subscription, platform: 'slack' }, 42),
    ]);
    expect(nonces.size).toBe(5);
  });
});
