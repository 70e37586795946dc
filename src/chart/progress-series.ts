import { countsTowardEntryIntoForce, type EntryIntoForce, entryIntoForce } from '../status/entry-into-force.ts';
import type { IsoDate, StatusSnapshot } from '../status/snapshot.ts';

/**
 * The two curves of the progress chart, read from one snapshot's dates: every participant's row carries the date
 * of its signature and of its instrument, so one snapshot holds the whole history still in effect.
 */

/** A step of a cumulative count: `count` from `date` on. */
export interface ProgressPoint {
  date: IsoDate;
  count: number;
}

export interface ProgressSeries {
  /** Instruments counted toward the 40 of art. 65(1), by deposit date (the European Union's not counted). */
  instruments: ProgressPoint[];
  /** Signatures, by date of signature. */
  signatures: ProgressPoint[];
  /** The count, what is still needed, and the entry-into-force date once there are 40. */
  status: EntryIntoForce;
  /** The day the snapshot was read: both curves run up to it. */
  asOf: IsoDate;
}

/**
 * Cumulative instruments and signatures by date, each starting from 0 on the first date either curve has (so both
 * share one start) and running flat to the snapshot's day.
 *
 * @example
 * progressSeries(snapshot).instruments // [{ date: '2025-10-25', count: 0 }, { date: '2026-01-19', count: 1 }, …]
 */
export function progressSeries(snapshot: StatusSnapshot): ProgressSeries {
  const asOf = snapshot.fetchedAt.slice(0, 10);
  const deposits = snapshot.participants
    .filter(countsTowardEntryIntoForce)
    .map((participant) => participant.consent?.date ?? '');
  const signed = snapshot.participants.flatMap((participant) => (participant.signature ? [participant.signature] : []));
  const start = [...deposits, ...signed].sort()[0];
  return {
    instruments: cumulative(deposits, start, asOf),
    signatures: cumulative(signed, start, asOf),
    status: entryIntoForce(snapshot),
    asOf,
  };
}

/** One point per distinct date with the count so far, from 0 on `start` to the last count on `end`. */
function cumulative(dates: readonly IsoDate[], start: IsoDate | undefined, end: IsoDate): ProgressPoint[] {
  if (start === undefined) return [];
  const points: ProgressPoint[] = [{ date: start, count: 0 }];
  for (const [index, date] of [...dates].sort().entries()) {
    const last = points[points.length - 1];
    if (last?.date === date) last.count = index + 1;
    else points.push({ date, count: index + 1 });
  }
  const final = points[points.length - 1];
  if (final && final.date < end) points.push({ date: end, count: final.count });
  return points;
}
