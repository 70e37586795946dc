import { asOfText } from '../answer/status-wording.ts';
import { DAYS_AFTER_DEPOSIT, INSTRUMENTS_NEEDED } from '../status/entry-into-force.ts';
import type { StatusSnapshot } from '../status/snapshot.ts';
import type { ProgressSeries } from './progress-series.ts';

/**
 * The chart in words, for screen readers and for anyone whose client shows no image: the numbers the picture
 * shows, and when and where they were read.
 *
 * @example
 * chartAltText(series, snapshot)
 * // 'Ratification progress: 12 of 40 instruments counted toward entry into force (28 more needed), 74 signatures,
 * // as of 2026-04-09 14:00 UTC from treaties.un.org.'
 */
export function chartAltText(series: ProgressSeries, snapshot: StatusSnapshot): string {
  const { counted, needed, entryIntoForce, fortiethDeposit } = series.status;
  const signatures = series.signatures[series.signatures.length - 1]?.count ?? 0;
  const counts = `${counted} of ${INSTRUMENTS_NEEDED} instruments counted toward entry into force`;
  const signed = `${signatures} ${signatures === 1 ? 'signature' : 'signatures'}`;
  if (!entryIntoForce || !fortiethDeposit) {
    return `Ratification progress: ${counts} (${needed} more needed), ${signed}, ${asOfText(snapshot)}.`;
  }
  const inForce = entryIntoForce <= series.asOf ? 'in force since' : 'enters into force on';
  return `Ratification progress: ${counts}, ${signed}; ${inForce} ${entryIntoForce}, ${DAYS_AFTER_DEPOSIT} days after the 40th instrument was deposited on ${fortiethDeposit}; ${asOfText(snapshot)}.`;
}
