import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSnapshot } from '../../../src/status/read-snapshot.ts';
import type { ConsentKind, Participant, StatusSnapshot } from '../../../src/status/snapshot.ts';

/** Path of a UNTC fixture in test/fixtures/untc. */
export function fixturePath(name: string): string {
  return join(import.meta.dirname, '..', '..', 'fixtures', 'untc', name);
}

export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** A fixture read the way the tracker reads a fetch: checks and parsing. Throws if the fixture is refused. */
export function fixtureSnapshot(name: string, fetchedAt = '2026-04-02T14:00:00.000Z'): StatusSnapshot {
  const result = readSnapshot(
    { kind: 'fetched', body: fixtureText(name), source: fixturePath(name) },
    undefined,
    new Date(fetchedAt),
  );
  if (!result.ok) throw new Error(`fixture ${name} refused: ${result.reason}`);
  return result.snapshot;
}

/** A participant, briefly: `participant('Cuba', { signature: '2025-10-25', consent: ['2026-01-02', 'accession'] })`. */
export function participant(
  name: string,
  { signature, consent }: { signature?: string; consent?: [string, ConsentKind] } = {},
): Participant {
  return {
    name,
    footnotes: [],
    ...(signature ? { signature } : {}),
    ...(consent ? { consent: { date: consent[0], kind: consent[1] } } : {}),
    regionalOrganization: /european union/i.test(name),
  };
}

/** A snapshot of the given participants, read from treaties.un.org at `fetchedAt`. */
export function snapshotOf(participants: Participant[], fetchedAt = '2026-11-23T14:00:00.000Z'): StatusSnapshot {
  return {
    source: 'https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/XVIII-16.en.xml',
    fetchedAt,
    participants,
    published: {},
  };
}

/** `count` States that ratified, the i-th on `dateOf(i)` (names `State 01`, `State 02`, …). */
export function ratifiers(count: number, dateOf: (index: number) => string): Participant[] {
  return Array.from({ length: count }, (_, index) =>
    participant(`State ${String(index + 1).padStart(2, '0')}`, {
      signature: '2025-10-25',
      consent: [dateOf(index), 'ratification'],
    }),
  );
}
