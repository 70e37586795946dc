import type { ConsentKind, IsoDate, Participant, StatusSnapshot } from './snapshot.ts';
import { addDays } from './untc-date.ts';

/**
 * Article 65(1), paraphrased: the Convention enters into force on the ninetieth day after the deposit of the
 * fortieth instrument of ratification, acceptance, approval or accession; an instrument of a regional economic
 * integration organization (the European Union) is not counted as additional to those of its member States.
 */

/** Instruments needed for entry into force. */
export const INSTRUMENTS_NEEDED = 40;

/**
 * Days from the 40th deposit to entry into force. The Secretary-General, as depositary, reads "on the ninetieth
 * day after the date of deposit" as the deposit date plus 90 days: the Convention against Corruption (art. 68,
 * same wording) had its 30th instrument deposited on 15 September 2005 and entered into force on
 * 14 December 2005 (UN press release L/T/4389).
 */
export const DAYS_AFTER_DEPOSIT = 90;

/** Art. 64: open for signature until 31 December 2026. */
export const SIGNATURE_CLOSES: IsoDate = '2026-12-31';

/**
 * The instruments art. 65(1) names. Succession is not among them: a successor State continues its predecessor's
 * participation instead of depositing a new instrument of consent, so it adds no count toward the 40.
 */
const COUNTED_KINDS: ReadonlySet<ConsentKind> = new Set(['ratification', 'acceptance', 'approval', 'accession']);

export interface EntryIntoForce {
  /** Instruments that count toward the 40. */
  counted: number;
  /** How many more are needed (0 once 40 are deposited). */
  needed: number;
  /** Deposit date of the 40th counted instrument, once there is one. */
  fortiethDeposit?: IsoDate;
  /** The 90th day after it. */
  entryIntoForce?: IsoDate;
}

/** True when a participant's instrument counts toward the 40 under art. 65(1). */
export function countsTowardEntryIntoForce(participant: Participant): boolean {
  return !!participant.consent && COUNTED_KINDS.has(participant.consent.kind) && !participant.regionalOrganization;
}

/**
 * Counts the instruments toward entry into force and, once there are 40, dates it. The 40th is the 40th by
 * deposit date; instruments deposited the same day keep the table's order (any of them completes the 40 on
 * that day, so the order cannot change the dates).
 */
export function entryIntoForce(snapshot: StatusSnapshot): EntryIntoForce {
  const deposits = snapshot.participants
    .filter(countsTowardEntryIntoForce)
    .map((participant) => participant.consent?.date ?? '')
    .sort();
  const counted = deposits.length;
  const needed = Math.max(0, INSTRUMENTS_NEEDED - counted);
  const fortiethDeposit = deposits[INSTRUMENTS_NEEDED - 1];
  if (!fortiethDeposit) return { counted, needed };
  return { counted, needed, fortiethDeposit, entryIntoForce: addDays(fortiethDeposit, DAYS_AFTER_DEPOSIT) };
}
