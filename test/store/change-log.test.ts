import { describe, expect, it } from 'vitest';
import { logChanges, openTempStore, ratified, snapshotAt } from './support/temp-store.ts';

describe('ChangeLog.append', () => {
  it('returns growing ids and stores every field', () => {
    const store = openTempStore();
    const snapshotId = store.snapshots.saveGood(snapshotAt('2026-02-01T06:00:00.000Z'));
    const ids = store.changes.append(
      snapshotId,
      [
        ratified('Qatar'),
        {
          participant: 'Viet Nam',
          action: 'correction',
          date: '2025-10-25',
          previous: 'signature 2025-10-26',
          current: 'signature 2025-10-25',
        },
      ],
      new Date('2026-02-01T06:00:05Z'),
    );
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBeGreaterThan(ids[0] ?? Number.POSITIVE_INFINITY);
    expect(store.changes.since(0)).toEqual([
      { id: ids[0], snapshotId, firstSeenAt: '2026-02-01T06:00:05.000Z', ...ratified('Qatar') },
      {
        id: ids[1],
        snapshotId,
        firstSeenAt: '2026-02-01T06:00:05.000Z',
        participant: 'Viet Nam',
        action: 'correction',
        date: '2025-10-25',
        previous: 'signature 2025-10-26',
        current: 'signature 2025-10-25',
      },
    ]);
  });

  it('leaves out absent dates rather than storing null', () => {
    const store = openTempStore();
    logChanges(store, '2026-02-01T06:00:00.000Z', [{ participant: 'Nauru', action: 'withdrawal' }]);
    expect(store.changes.since(0)[0]).not.toHaveProperty('date');
  });

  it('logs all of a snapshot’s changes or none', () => {
    const store = openTempStore();
    const snapshotId = store.snapshots.saveGood(snapshotAt('2026-02-01T06:00:00.000Z'));
    const bad = { participant: null, action: 'signature' } as unknown as ReturnType<typeof ratified>;
    expect(() => store.changes.append(snapshotId, [ratified('Qatar'), bad], new Date())).toThrow();
    expect(store.changes.latestId()).toBe(0);
  });
});

describe('ChangeLog.since, between and latest', () => {
  it('reads the changes after an id, a range, and the newest first', () => {
    const store = openTempStore();
    const [a, b] = logChanges(store, '2026-02-01T06:00:00.000Z', [ratified('Qatar'), ratified('Ghana')]);
    const [c] = logChanges(store, '2026-02-02T06:00:00.000Z', [ratified('Chile')]);
    const names = (changes: Array<{ participant: string }>) => changes.map((change) => change.participant);
    expect(names(store.changes.since(a ?? 0))).toEqual(['Ghana', 'Chile']);
    expect(names(store.changes.between(0, b ?? 0))).toEqual(['Qatar', 'Ghana']);
    expect(names(store.changes.latest(2))).toEqual(['Chile', 'Ghana']);
    expect(store.changes.latestId()).toBe(c);
    expect(store.changes.since(c ?? 0)).toEqual([]);
  });
});
