import { type EntryIntoForce, entryIntoForce } from '../status/entry-into-force.ts';
import type { LoggedChange } from '../store/change-log.ts';
import type { Store } from '../store/open-store.ts';

/** A detected change, with where the count toward entry into force stood in the snapshot that brought it. */
export interface ChangeEntry {
  change: LoggedChange;
  /** The count in the change's own snapshot: the count "at that point", not today's. */
  status: EntryIntoForce;
}

/** How many changes a feed lists, newest first: far more than a year of UN activity on one treaty. */
export const FEED_LENGTH = 50;

/**
 * The newest `limit` changes, newest first, each with the count of its snapshot (read once per snapshot).
 *
 * @example changeEntries(store) // [{ change: { participant: 'Chile', action: 'ratification', … }, status: { counted: 12, … } }, …]
 */
export function changeEntries(store: Pick<Store, 'changes' | 'snapshots'>, limit = FEED_LENGTH): ChangeEntry[] {
  const counts = new Map<number, EntryIntoForce | undefined>();
  const countAt = (snapshotId: number) => {
    if (!counts.has(snapshotId)) {
      const stored = store.snapshots.byId(snapshotId);
      counts.set(snapshotId, stored && entryIntoForce(stored.snapshot));
    }
    return counts.get(snapshotId);
  };
  return store.changes.latest(limit).flatMap((change) => {
    const status = countAt(change.snapshotId);
    // A change always has its snapshot (a foreign key); skip rather than invent a count if it ever had not.
    return status ? [{ change, status }] : [];
  });
}
