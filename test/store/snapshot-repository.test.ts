import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/store-error.ts';
import { openTempStore, snapshotAt } from './support/temp-store.ts';

const cuba = { name: 'Cuba', footnotes: ['3'], signature: '2025-10-25', regionalOrganization: false };

describe('SnapshotRepository.saveGood and lastGood', () => {
  it('round-trips a snapshot with its HTTP validators', () => {
    const store = openTempStore();
    const snapshot = snapshotAt('2026-02-01T06:00:00.000Z', [cuba]);
    const id = store.snapshots.saveGood(snapshot, '"abc"', 'Sun, 01 Feb 2026 05:00:00 GMT');
    expect(store.snapshots.lastGood()).toEqual({
      id,
      snapshot,
      etag: '"abc"',
      lastModified: 'Sun, 01 Feb 2026 05:00:00 GMT',
    });
  });

  it('returns the newest snapshot, without validators when the response had none', () => {
    const store = openTempStore();
    store.snapshots.saveGood(snapshotAt('2026-02-01T06:00:00.000Z'), '"old"');
    const newer = store.snapshots.saveGood(snapshotAt('2026-02-02T06:00:00.000Z', [cuba]));
    expect(store.snapshots.lastGood()).toEqual({ id: newer, snapshot: snapshotAt('2026-02-02T06:00:00.000Z', [cuba]) });
  });

  it('finds a snapshot by id, as a change points at it', () => {
    const store = openTempStore();
    const first = store.snapshots.saveGood(snapshotAt('2026-02-01T06:00:00.000Z', [cuba]), '"v1"');
    store.snapshots.saveGood(snapshotAt('2026-02-02T06:00:00.000Z'));
    expect(store.snapshots.byId(first)).toEqual({
      id: first,
      snapshot: snapshotAt('2026-02-01T06:00:00.000Z', [cuba]),
      etag: '"v1"',
    });
    expect(store.snapshots.byId(99)).toBeUndefined();
  });

  it('is undefined before the first good fetch', () => {
    expect(openTempStore().snapshots.lastGood()).toBeUndefined();
  });

  it('keeps fetch times as UTC ISO strings', () => {
    const store = openTempStore();
    store.snapshots.saveGood(snapshotAt('2026-02-01T08:00:00+02:00'));
    expect(store.snapshots.lastGood()?.snapshot.fetchedAt).toBe('2026-02-01T06:00:00.000Z');
  });

  it('refuses a snapshot without a valid fetch time', () => {
    const store = openTempStore();
    expect(() => store.snapshots.saveGood(snapshotAt('yesterday'))).toThrow(StoreError);
    expect(() => store.snapshots.saveGood(snapshotAt('yesterday'))).toThrow(
      'store: snapshot fetchedAt "yesterday" is not a valid time',
    );
  });
});

describe('SnapshotRepository.failingSince', () => {
  const source = 'https://treaties.un.org/…/XVIII-16.en.xml';

  it('is undefined while fetches succeed', () => {
    const store = openTempStore();
    expect(store.snapshots.failingSince()).toBeUndefined();
    store.snapshots.saveGood(snapshotAt('2026-02-01T06:00:00.000Z'));
    expect(store.snapshots.failingSince()).toBeUndefined();
  });

  it('gives the first failure since the last good snapshot and the latest reason', () => {
    const store = openTempStore();
    store.snapshots.recordFailure(source, 'timeout', new Date('2026-01-31T06:00:00Z'));
    store.snapshots.saveGood(snapshotAt('2026-02-01T06:00:00.000Z'));
    store.snapshots.recordFailure(source, 'maintenance page', new Date('2026-02-01T07:00:00Z'));
    store.snapshots.recordFailure(source, 'truncated table', new Date('2026-02-01T08:00:00Z'));
    expect(store.snapshots.failingSince()).toEqual({ since: '2026-02-01T07:00:00.000Z', reason: 'truncated table' });
  });

  it('counts failures before any good snapshot', () => {
    const store = openTempStore();
    store.snapshots.recordFailure(source, 'DNS error', new Date('2026-02-01T07:00:00Z'));
    expect(store.snapshots.failingSince()).toEqual({ since: '2026-02-01T07:00:00.000Z', reason: 'DNS error' });
  });

  it('is cleared by the next good snapshot', () => {
    const store = openTempStore();
    store.snapshots.recordFailure(source, 'maintenance page', new Date('2026-02-01T07:00:00Z'));
    store.snapshots.saveGood(snapshotAt('2026-02-01T08:00:00.000Z'));
    expect(store.snapshots.failingSince()).toBeUndefined();
  });
});
