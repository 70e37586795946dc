import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../src/status/diff-snapshots.ts';
import { holdLosses } from '../../src/status/hold-losses.ts';
import type { StatusSnapshot } from '../../src/status/snapshot.ts';
import { participant, snapshotOf } from './support/snapshots.ts';

const cuba = participant('Cuba', { signature: '2025-10-25', consent: ['2026-02-02', 'ratification'] });
const peru = participant('Peru', { signature: '2025-10-25' });

/** Feeds fetches through holdLosses as the tracker does; returns each step's changes. */
function pollEach(...fetches: StatusSnapshot[]) {
  const [first, ...rest] = fetches;
  if (!first) return [];
  let last = first;
  return rest.map((fetched) => {
    const kept = holdLosses(last, fetched);
    const changes = diffSnapshots(last, kept);
    last = kept;
    return { kept, changes };
  });
}

describe('holdLosses', () => {
  it('holds a row missing from one fetch, and reports nothing when it returns', () => {
    const steps = pollEach(snapshotOf([cuba, peru]), snapshotOf([peru]), snapshotOf([cuba, peru]));
    expect(steps.map((step) => step.changes)).toEqual([[], []]);
    expect(steps[0]?.kept.participants).toEqual([peru, cuba]);
    expect(steps[0]?.kept.held).toEqual([
      { participant: 'Cuba', record: 'signature' },
      { participant: 'Cuba', record: 'consent' },
    ]);
    expect(steps[1]?.kept.held).toBeUndefined();
  });

  it('reports a withdrawal once the record is missing from two fetches running', () => {
    const steps = pollEach(snapshotOf([cuba, peru]), snapshotOf([peru]), snapshotOf([peru]), snapshotOf([peru]));
    expect(steps.map((step) => step.changes)).toEqual([
      [],
      [
        { participant: 'Cuba', action: 'withdrawal', previous: 'signature 2025-10-25' },
        { participant: 'Cuba', action: 'withdrawal', previous: 'ratification 2026-02-02' },
      ],
      [],
    ]);
    expect(steps[1]?.kept.participants).toEqual([peru]);
  });

  it('holds a consent whose cell empties while the row stays', () => {
    const signedOnly = participant('Cuba', { signature: '2025-10-25' });
    const steps = pollEach(snapshotOf([cuba]), snapshotOf([signedOnly]), snapshotOf([cuba]));
    expect(steps.map((step) => step.changes)).toEqual([[], []]);
    expect(steps[0]?.kept.participants).toEqual([cuba]);
    expect(steps[0]?.kept.held).toEqual([{ participant: 'Cuba', record: 'consent' }]);
  });

  it('does not confirm one record by the earlier absence of another', () => {
    const noSignature = participant('Cuba', { consent: ['2026-02-02', 'ratification'] });
    const noConsent = participant('Cuba', { signature: '2025-10-25' });
    const steps = pollEach(snapshotOf([cuba]), snapshotOf([noSignature]), snapshotOf([noConsent]));
    expect(steps.map((step) => step.changes)).toEqual([[], []]);
    expect(steps[1]?.kept.held).toEqual([{ participant: 'Cuba', record: 'consent' }]);
  });

  it('passes new records and corrections through at once', () => {
    const ratifiedPeru = participant('Peru', { signature: '2025-10-25', consent: ['2026-03-01', 'ratification'] });
    const [step] = pollEach(snapshotOf([cuba, peru]), snapshotOf([cuba, ratifiedPeru]));
    expect(step?.changes).toEqual([{ participant: 'Peru', action: 'ratification', date: '2026-03-01' }]);
    expect(step?.kept.held).toBeUndefined();
  });
});
