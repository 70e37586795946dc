import { emptyReply, type Reply } from '../answer/reply.ts';
import { countsTowardEntryIntoForce, entryIntoForce, INSTRUMENTS_NEEDED } from './entry-into-force.ts';
import type { StatusChange, StatusSnapshot } from './snapshot.ts';
import { asOfText, dayOf, describeChange, formatUtc, progressBar, projectionText } from './status-wording.ts';
import { STATUS_PAGE_URL } from './untc-source.ts';

/** The most recent changes a status reply lists. */
const LATEST_CHANGES = 5;

/** Why the status source has been failing, and since when (ISO timestamp), as the scheduler records it. */
export interface SourceFailure {
  since: string;
  reason: string;
}

/**
 * The reply to `/treaty status`: where signatures and instruments stand in the last good snapshot, the latest
 * changes, the entry-into-force date or what is still needed, and when and where it was read. When the source
 * has been failing, says so, and still shows the last good snapshot.
 *
 * `recentChanges` come newest first, as the change log's `latest(n)` returns them; the first five are shown.
 */
export function statusReply(
  snapshot: StatusSnapshot | undefined,
  lastFailure: SourceFailure | undefined,
  query: string,
  recentChanges: readonly StatusChange[] = [],
): Reply {
  const lines = snapshot ? snapshotLines(snapshot, recentChanges) : ['No ratification status has been fetched yet.'];
  if (lastFailure) {
    const kept = snapshot ? '; showing the last good record' : '';
    lines.push(
      `Source unavailable since ${formatUtc(lastFailure.since)} (${lastFailure.reason.replace(/^status: /, '')})${kept}.`,
    );
  }
  return {
    ...emptyReply('status', query, 'en', 'Ratification status'),
    statusLines: lines,
    notices: [`Official record: ${STATUS_PAGE_URL}`],
  };
}

function snapshotLines(snapshot: StatusSnapshot, recentChanges: readonly StatusChange[]): string[] {
  const status = entryIntoForce(snapshot);
  const signatories = snapshot.participants.filter((participant) => participant.signature).length;
  const notCounted = snapshot.participants
    .filter((participant) => participant.consent && !countsTowardEntryIntoForce(participant))
    .map((participant) => participant.name);
  const remaining = status.needed > 0 ? `${status.needed} more needed` : `${INSTRUMENTS_NEEDED} reached`;
  return [
    `Signatories: ${signatories}`,
    `Instruments counted toward entry into force: ${progressBar(status.counted)} (${remaining})`,
    ...(notCounted.length > 0 ? [`Not counted under art. 65(1): ${notCounted.join(', ')}`] : []),
    ...recentChanges.slice(0, LATEST_CHANGES).map((change) => `Latest: ${describeChange(change)}`),
    projectionText(status, dayOf(snapshot.fetchedAt)),
    `Record ${asOfText(snapshot)}`,
  ];
}
