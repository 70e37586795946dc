import { basename } from 'node:path';
import { type EntryIntoForce, INSTRUMENTS_NEEDED, SIGNATURE_CLOSES } from '../status/entry-into-force.ts';
import type { IsoDate, StatusChange, StatusSnapshot } from '../status/snapshot.ts';
import { isRegionalOrganization } from '../status/untc-cells.ts';
import type { Part } from './reply.ts';

/**
 * The English sentences the digest and the status reply share, so a fact reads the same in both. Plain text
 * only: adapters escape and format.
 */

const PROGRESS_CELLS = 10;

/** `as of 2026-11-23 14:00 UTC from treaties.un.org`: when and where a snapshot was read. */
export function asOfText(snapshot: Pick<StatusSnapshot, 'fetchedAt' | 'source'>): string {
  return `as of ${formatUtc(snapshot.fetchedAt)} from ${sourceLabel(snapshot.source)}`;
}

/** `Toward entry into force: ▓▓▓░░░░░░░ 12/40 (28 more needed)`, the same in a status reply and a digest. */
export function progressPart(status: EntryIntoForce): Part {
  const detail = status.needed > 0 ? `${status.needed} more needed` : `${INSTRUMENTS_NEEDED} reached`;
  return { type: 'progress', label: 'Toward entry into force', bar: progressBar(status.counted), detail };
}

/** `▓▓▓░░░░░░░ 12/40`: a cell fills for each tenth of the 40; the bar is full only at 40. */
export function progressBar(counted: number): string {
  const filled = Math.min(PROGRESS_CELLS, Math.floor((counted * PROGRESS_CELLS) / INSTRUMENTS_NEEDED));
  return `${'▓'.repeat(filled)}${'░'.repeat(PROGRESS_CELLS - filled)} ${counted}/${INSTRUMENTS_NEEDED}`;
}

/**
 * Where entry into force stands on `today`: its date once the 40th instrument is in (future or past tense), or
 * how many instruments are still needed; plus the signature deadline while signature is open.
 */
export function projectionText(status: EntryIntoForce, today: IsoDate): string {
  const signature = today <= SIGNATURE_CLOSES ? ` Open for signature until ${SIGNATURE_CLOSES} (art. 64).` : '';
  const { entryIntoForce, fortiethDeposit, needed } = status;
  if (!entryIntoForce || !fortiethDeposit) {
    const instruments = needed === 1 ? 'instrument' : 'instruments';
    return `${needed} more ${instruments} of ratification, acceptance, approval or accession needed; the Convention enters into force on the 90th day after the 40th (art. 65).${signature}`;
  }
  if (entryIntoForce <= today) {
    return `In force since ${entryIntoForce} (the 40th instrument was deposited on ${fortiethDeposit}).${signature}`;
  }
  return `Enters into force on ${entryIntoForce}, the 90th day after the 40th instrument was deposited on ${fortiethDeposit} (art. 65).${signature}`;
}

/** One change as a sentence: `Viet Nam ratified on 2026-03-02`, `Cuba: signature 2025-10-25 withdrawn`. */
export function describeChange(change: StatusChange): string {
  const { participant, date } = change;
  switch (change.action) {
    case 'signature':
      return `${participant} signed on ${date}`;
    case 'ratification':
    case 'acceptance':
    case 'approval':
    case 'accession':
      return `${participant} ${PAST_TENSE[change.action]} on ${date}${
        isRegionalOrganization(participant) ? ' (not counted as additional to its member States, art. 65)' : ''
      }`;
    case 'succession':
      return `${participant} succeeded on ${date} (a succession is not counted toward the 40)`;
    case 'correction':
      return `${participant}: record corrected to ${change.current ?? date} (was ${change.previous})`;
    case 'withdrawal':
      return `${participant}: ${change.previous} withdrawn`;
  }
}

/** `2026-11-23T14:00:05.000Z` → `2026-11-23 14:00 UTC`; anything that is not a timestamp is returned as is. */
export function formatUtc(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The host of a URL (`treaties.un.org`) or the name of a file, for "from …". */
function sourceLabel(source: string): string {
  if (/^https?:\/\//i.test(source)) return URL.canParse(source) ? new URL(source).host : source;
  return basename(source);
}

/** The UTC calendar date of a timestamp. */
export function dayOf(timestamp: string): IsoDate {
  return new Date(timestamp).toISOString().slice(0, 10);
}

const PAST_TENSE = {
  ratification: 'ratified',
  acceptance: 'accepted',
  approval: 'approved',
  accession: 'acceded',
} as const;
