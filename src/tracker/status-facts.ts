import type { StatusChange, StatusSnapshot } from '../status/snapshot.ts';
import type { Subscription } from '../store/subscriptions.ts';

/** Why the status source has been failing, and since when (ISO timestamp), as the scheduler records it. */
export interface SourceFailure {
  since: string;
  reason: string;
}

/** What `/treaty status` shows: the last good record, its latest changes, and any failure since. */
export interface StatusView {
  snapshot?: StatusSnapshot;
  failure?: SourceFailure;
  /** Newest first. */
  recentChanges: StatusChange[];
  /** Why nothing fetched here is kept (a throwaway store), when that is so. */
  notStoredBecause?: string;
}

/** What came of a request to change or list a channel's digest subscriptions. */
export type SubscriptionOutcome =
  | { kind: 'subscribed'; subscription: Subscription }
  /** The schedule or time zone could not be read; `problem` says why, quoting what was typed in `"…"`. */
  | { kind: 'bad-schedule'; problem: string }
  | { kind: 'unsubscribed'; removed: boolean }
  /** The asker may not change this channel's subscriptions. */
  | { kind: 'not-allowed' };
