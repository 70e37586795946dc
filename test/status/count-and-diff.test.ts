import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../src/status/diff-snapshots.ts';
import { entryIntoForce, SIGNATURE_CLOSES } from '../../src/status/entry-into-force.ts';
import type { Participant } from '../../src/status/snapshot.ts';
import { addDays } from '../../src/status/untc-date.ts';
import { fixtureSnapshot, participant, ratifiers, snapshotOf } from './support/snapshots.ts';

// The facts drawn from snapshots: the art. 65(1) count and the changes between two snapshots.

/** The i-th deposit, one day apart from 2026-01-01. */
const daily = (index: number) => addDays('2026-01-01', index);

describe('entryIntoForce', () => {
  it('is not reached with 39 instruments', () => {
    expect(entryIntoForce(snapshotOf(ratifiers(39, daily)))).toEqual({ counted: 39, needed: 1 });
  });

  it('is dated 90 days after the 40th deposit', () => {
    expect(entryIntoForce(snapshotOf(ratifiers(40, daily)))).toEqual({
      counted: 40,
      needed: 0,
      fortiethDeposit: '2026-02-09',
      entryIntoForce: '2026-05-10',
    });
  });

  it('keeps the date of the 40th when more follow', () => {
    expect(entryIntoForce(snapshotOf(ratifiers(45, daily)))).toMatchObject({
      counted: 45,
      needed: 0,
      fortiethDeposit: '2026-02-09',
    });
  });

  it('does not count the European Union as additional to its member States', () => {
    const snapshot = snapshotOf([
      ...ratifiers(39, daily),
      participant('European Union', { signature: '2025-10-25', consent: ['2026-01-05', 'approval'] }),
    ]);
    expect(entryIntoForce(snapshot)).toEqual({ counted: 39, needed: 1 });
  });

  it('does not count a succession', () => {
    const snapshot = snapshotOf([
      ...ratifiers(39, daily),
      participant('Successor', { consent: ['2026-01-05', 'succession'] }),
    ]);
    expect(entryIntoForce(snapshot)).toEqual({ counted: 39, needed: 1 });
  });

  it.each([
    ['acceptance', 'acceptance'],
    ['approval', 'approval'],
    ['accession', 'accession'],
  ] as const)('counts an instrument of %s', (_, kind) => {
    const snapshot = snapshotOf([...ratifiers(39, daily), participant('Late', { consent: ['2026-06-30', kind] })]);
    expect(entryIntoForce(snapshot)).toMatchObject({ counted: 40, fortiethDeposit: '2026-06-30' });
  });

  it('does not count a signature', () => {
    const snapshot = snapshotOf([...ratifiers(39, daily), participant('Signer', { signature: '2026-01-05' })]);
    expect(entryIntoForce(snapshot).counted).toBe(39);
  });

  it('finds the 40th by deposit date, not by table order', () => {
    const reversed = ratifiers(40, daily).reverse();
    expect(entryIntoForce(snapshotOf(reversed)).fortiethDeposit).toBe('2026-02-09');
  });

  it('dates entry into force from the shared day when the 40th ties with others', () => {
    const snapshot = snapshotOf(ratifiers(42, (index) => (index < 38 ? daily(index) : '2026-11-05')));
    expect(entryIntoForce(snapshot)).toMatchObject({ fortiethDeposit: '2026-11-05', entryIntoForce: '2027-02-03' });
  });

  it.each([
    ['within a year', '2026-03-01', '2026-05-30'],
    ['across a year end', '2026-11-05', '2027-02-03'],
    ['into a leap day', '2027-12-01', '2028-02-29'],
    ['across a leap day', '2028-02-01', '2028-05-01'],
    ['across February outside a leap year', '2027-02-01', '2027-05-02'],
  ])('adds 90 days %s: %s → %s', (_, fortieth, inForce) => {
    const snapshot = snapshotOf(ratifiers(40, (index) => (index === 39 ? fortieth : '2026-01-01')));
    expect(entryIntoForce(snapshot).entryIntoForce).toBe(inForce);
  });

  it('counts the fixtures as art. 65(1) does', () => {
    expect(entryIntoForce(fixtureSnapshot('consents.xml'))).toEqual({ counted: 5, needed: 35 });
    expect(entryIntoForce(fixtureSnapshot('forty-instruments.xml'))).toEqual({
      counted: 40,
      needed: 0,
      fortiethDeposit: '2026-11-05',
      entryIntoForce: '2027-02-03',
    });
  });

  it('knows when signature closes (art. 64)', () => {
    expect(SIGNATURE_CLOSES).toBe('2026-12-31');
  });
});

const cuba = participant('Cuba', { signature: '2025-10-25' });

function diff(before: Participant[], after: Participant[]) {
  return diffSnapshots(snapshotOf(before), snapshotOf(after));
}

describe('diffSnapshots', () => {
  it('finds nothing when nothing changed', () => {
    const snapshot = fixtureSnapshot('consents.xml');
    expect(diffSnapshots(snapshot, structuredClone(snapshot))).toEqual([]);
  });

  it.each([
    ['a new signatory', [], [cuba], [{ participant: 'Cuba', action: 'signature', date: '2025-10-25' }]],
    [
      'a ratification by a signatory',
      [cuba],
      [participant('Cuba', { signature: '2025-10-25', consent: ['2026-02-02', 'ratification'] })],
      [{ participant: 'Cuba', action: 'ratification', date: '2026-02-02' }],
    ],
    [
      'an accession by a newcomer',
      [],
      [participant('Mongolia', { consent: ['2026-03-16', 'accession'] })],
      [{ participant: 'Mongolia', action: 'accession', date: '2026-03-16' }],
    ],
    [
      'a withdrawn signature (the date cell emptied)',
      [cuba],
      [participant('Cuba')],
      [{ participant: 'Cuba', action: 'withdrawal', previous: 'signature 2025-10-25' }],
    ],
    [
      'a row that disappears',
      [participant('Cuba', { signature: '2025-10-25', consent: ['2026-02-02', 'acceptance'] })],
      [],
      [
        { participant: 'Cuba', action: 'withdrawal', previous: 'signature 2025-10-25' },
        { participant: 'Cuba', action: 'withdrawal', previous: 'acceptance 2026-02-02' },
      ],
    ],
    [
      'a corrected signature date',
      [cuba],
      [participant('Cuba', { signature: '2025-10-26' })],
      [
        {
          participant: 'Cuba',
          action: 'correction',
          date: '2025-10-26',
          previous: 'signature 2025-10-25',
          current: 'signature 2025-10-26',
        },
      ],
    ],
    [
      'a corrected kind of instrument',
      [participant('Japan', { consent: ['2026-02-20', 'ratification'] })],
      [participant('Japan', { consent: ['2026-02-20', 'acceptance'] })],
      [
        {
          participant: 'Japan',
          action: 'correction',
          date: '2026-02-20',
          previous: 'ratification 2026-02-20',
          current: 'acceptance 2026-02-20',
        },
      ],
    ],
  ])('reports %s', (_, before, after, changes) => {
    expect(diff(before, after)).toEqual(changes);
  });

  it('ignores footnote changes', () => {
    expect(diff([cuba], [{ ...cuba, footnotes: ['3'] }])).toEqual([]);
  });

  it('orders changes by date, then name, undated withdrawals last', () => {
    const before = [
      participant('Zambia', { signature: '2025-10-25' }),
      participant('Yemen', { signature: '2025-10-25' }),
    ];
    const after = [
      participant('Chile', { signature: '2026-01-10' }),
      participant('Albania', { signature: '2026-01-10' }),
      participant('Yemen', { signature: '2025-10-25', consent: ['2026-01-09', 'ratification'] }),
      participant('Benin', { signature: '2025-12-01', consent: ['2026-01-10', 'ratification'] }),
    ];
    expect(diff(before, after).map(({ participant: name, action }) => `${name} ${action}`)).toEqual([
      'Benin signature',
      'Yemen ratification',
      'Albania signature',
      'Benin ratification',
      'Chile signature',
      'Zambia withdrawal',
    ]);
  });

  it('reads the changes between two fixture days', () => {
    const changes = diffSnapshots(fixtureSnapshot('signatures-only.xml'), fixtureSnapshot('consents.xml'));
    expect(changes.map(({ participant: name, action, date }) => [name, action, date])).toEqual([
      ['Viet Nam', 'ratification', '2026-01-12'],
      ['Egypt', 'ratification', '2026-02-02'],
      ['Norway', 'signature', '2026-02-10'],
      ['Japan', 'acceptance', '2026-02-20'],
      ['European Union', 'approval', '2026-03-04'],
      ['Ghana', 'ratification', '2026-03-09'],
      ['Mongolia', 'accession', '2026-03-16'],
      ['South Sudan', 'succession', '2026-04-01'],
    ]);
  });

  it('reads withdrawals between two fixture days', () => {
    expect(diffSnapshots(fixtureSnapshot('consents.xml'), fixtureSnapshot('withdrawn.xml'))).toEqual([
      { participant: 'Brazil', action: 'withdrawal', previous: 'signature 2025-10-25' },
      { participant: 'France', action: 'withdrawal', previous: 'signature 2025-10-25' },
    ]);
  });
});
