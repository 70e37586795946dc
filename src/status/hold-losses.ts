import type { HeldRecord, Participant, StatusSnapshot } from './snapshot.ts';

/**
 * No news from a glitch. The UN does not publish a withdrawal by deleting a row or a date, but a flaky fetch
 * can drop one; reported at once, the drop reads as "withdrawn" and its return as "new". So a record (a
 * participant's signature or consent) missing from a fetch is *held*: carried over unchanged into the saved
 * snapshot and listed in `held`. Only when it is missing again from the next good fetch is it let go — and
 * then `diffSnapshots` reports the withdrawal. A held record that comes back was never gone: no change.
 *
 * Apply it to every good fetch before diffing against the last saved snapshot:
 *
 * @example
 * const kept = holdLosses(last.snapshot, fetched);
 * const changes = diffSnapshots(last.snapshot, kept);
 */
export function holdLosses(previous: StatusSnapshot, fetched: StatusSnapshot): StatusSnapshot {
  const wasHeld = new Set((previous.held ?? []).map(keyOf));
  const fetchedByName = new Map(fetched.participants.map((participant) => [participant.name, participant]));
  const held: HeldRecord[] = [];
  const kept = new Map<string, Participant>();

  for (const earlier of previous.participants) {
    const now = fetchedByName.get(earlier.name);
    // Missing for the second fetch running: let it go, so the diff reports it.
    const holds = (record: HeldRecord['record']) => !wasHeld.has(keyOf({ participant: earlier.name, record }));
    const keepSignature = earlier.signature !== undefined && now?.signature === undefined && holds('signature');
    const keepConsent = earlier.consent !== undefined && now?.consent === undefined && holds('consent');
    if (keepSignature) held.push({ participant: earlier.name, record: 'signature' });
    if (keepConsent) held.push({ participant: earlier.name, record: 'consent' });
    if (!keepSignature && !keepConsent) continue;
    const { signature: _signature, consent: _consent, ...row } = now ?? earlier;
    const signature = keepSignature ? earlier.signature : now?.signature;
    const consent = keepConsent ? earlier.consent : now?.consent;
    kept.set(earlier.name, { ...row, ...(signature ? { signature } : {}), ...(consent ? { consent } : {}) });
  }

  const participants = [
    ...fetched.participants.map((participant) => kept.get(participant.name) ?? participant),
    // Whole rows held back, in the previous snapshot's order, after the rows the fetch has.
    ...previous.participants.flatMap((participant) =>
      fetchedByName.has(participant.name) ? [] : (kept.get(participant.name) ?? []),
    ),
  ];
  const { held: _ignored, ...rest } = fetched;
  return held.length > 0 ? { ...rest, participants, held } : { ...rest, participants };
}

function keyOf({ participant, record }: HeldRecord): string {
  return `${record}\u0000${participant}`;
}
