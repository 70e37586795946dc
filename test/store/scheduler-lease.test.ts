import { describe, expect, it } from 'vitest';
import { openTempStore, tempDatabasePath } from './support/temp-store.ts';

const t0 = new Date('2026-03-02T08:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);
const ttl = 60_000;

describe('SchedulerLease.tryAcquire', () => {
  it('gives the lease to one holder at a time', () => {
    const { lease } = openTempStore();
    expect(lease.tryAcquire('tracker', 'a', ttl, t0)).toBe(true);
    expect(lease.tryAcquire('tracker', 'b', ttl, later(1_000))).toBe(false);
  });

  it('lets the holder renew, which keeps others out longer', () => {
    const { lease } = openTempStore();
    lease.tryAcquire('tracker', 'a', ttl, t0);
    expect(lease.tryAcquire('tracker', 'a', ttl, later(50_000))).toBe(true);
    expect(lease.tryAcquire('tracker', 'b', ttl, later(70_000))).toBe(false);
  });

  it('lets another holder take over once the lease has expired', () => {
    const { lease } = openTempStore();
    lease.tryAcquire('tracker', 'a', ttl, t0);
    expect(lease.tryAcquire('tracker', 'b', ttl, later(ttl))).toBe(true);
    expect(lease.tryAcquire('tracker', 'a', ttl, later(ttl + 1_000))).toBe(false);
  });

  it('keeps leases of different names apart', () => {
    const { lease } = openTempStore();
    expect(lease.tryAcquire('tracker', 'a', ttl, t0)).toBe(true);
    expect(lease.tryAcquire('other', 'b', ttl, t0)).toBe(true);
  });

  it('holds across connections to one database file', () => {
    const path = tempDatabasePath();
    const first = openTempStore(path);
    const second = openTempStore(path);
    expect(first.lease.tryAcquire('tracker', 'a', ttl, t0)).toBe(true);
    expect(second.lease.tryAcquire('tracker', 'b', ttl, t0)).toBe(false);
  });
});

describe('SchedulerLease.release', () => {
  it('frees the lease for another holder at once, but only when released by its holder', () => {
    const { lease } = openTempStore();
    lease.tryAcquire('tracker', 'a', ttl, t0);
    lease.release('tracker', 'b');
    expect(lease.tryAcquire('tracker', 'b', ttl, t0)).toBe(false);
    lease.release('tracker', 'a');
    expect(lease.tryAcquire('tracker', 'b', ttl, t0)).toBe(true);
  });
});
