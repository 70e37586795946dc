import type { ConsentKind, IsoDate, Participant, StatusChange, StatusSnapshot } from './snapshot.ts';

/**
 * What changed between two trusted snapshots, participant by participant (matched by name).
 *
 * - a new signature or consent → `signature` / the consent kind, dated as published;
 * - a date that disappears, or a whole row → `withdrawal`, with `previous` naming what was there
 *   (`signature 2025-10-25`). The UNTC normally keeps a row and explains a withdrawal in a footnote; a row or a
 *   date that vanishes is how a withdrawal (or a record struck out) shows in the data we read. The tracker
 *   diffs against `holdLosses`' output, so a record only vanishes here after two fetches without it;
 * - a date or kind that changes → `correction`, dated with the new date, `previous` and `current` in words.
 *
 * Footnote changes are not reported: they annotate, they do not change the count.
 */

/** Order of actions for one participant on one day: signing comes before consenting. */
const ACTION_ORDER: ReadonlyArray<StatusChange['action']> = [
  'signature',
  'ratification',
  'acceptance',
  'approval',
  'accession',
  'succession',
  'correction',
  'withdrawal',
];

/** Every change from `previous` to `next`, by date (undated withdrawals last), then name. Empty when nothing changed. */
export function diffSnapshots(previous: StatusSnapshot, next: StatusSnapshot): StatusChange[] {
  const before = new Map(previous.participants.map((participant) => [participant.name, participant]));
  const after = new Set(next.participants.map((participant) => participant.name));
  const changes: StatusChange[] = [];
  for (const participant of next.participants) {
    const earlier = before.get(participant.name);
    changes.push(...signatureChanges(participant.name, earlier?.signature, participant.signature));
    changes.push(...consentChanges(participant.name, earlier?.consent, participant.consent));
  }
  for (const gone of previous.participants.filter((participant) => !after.has(participant.name))) {
    changes.push(...signatureChanges(gone.name, gone.signature, undefined));
    changes.push(...consentChanges(gone.name, gone.consent, undefined));
  }
  return changes.sort(byDateThenName);
}

/** A record in words, as `previous` and `current` hold it: `signature 2025-10-25`, `accession 2026-03-02`. */
function describeRecord(action: 'signature' | ConsentKind, date: IsoDate): string {
  return `${action} ${date}`;
}

function signatureChanges(name: string, before?: IsoDate, after?: IsoDate): StatusChange[] {
  if (before === after) return [];
  if (!before && after) return [{ participant: name, action: 'signature', date: after }];
  const previous = describeRecord('signature', before ?? '');
  if (!after) return [{ participant: name, action: 'withdrawal', previous }];
  return [
    { participant: name, action: 'correction', date: after, previous, current: describeRecord('signature', after) },
  ];
}

function consentChanges(name: string, before?: Participant['consent'], after?: Participant['consent']): StatusChange[] {
  if (before?.date === after?.date && before?.kind === after?.kind) return [];
  if (!before && after) return [{ participant: name, action: after.kind, date: after.date }];
  const previous = before ? describeRecord(before.kind, before.date) : '';
  if (!after) return [{ participant: name, action: 'withdrawal', previous }];
  return [
    {
      participant: name,
      action: 'correction',
      date: after.date,
      previous,
      current: describeRecord(after.kind, after.date),
    },
  ];
}

/** The sort is stable: one participant's two withdrawals keep their signature-then-consent order. */
function byDateThenName(a: StatusChange, b: StatusChange): number {
  return (
    compareDates(a.date, b.date) ||
    a.participant.localeCompare(b.participant, 'en') ||
    ACTION_ORDER.indexOf(a.action) - ACTION_ORDER.indexOf(b.action)
  );
}

/** ISO dates compare as plain strings; undated changes (withdrawals) come last. */
function compareDates(a?: IsoDate, b?: IsoDate): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}
