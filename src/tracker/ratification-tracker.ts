import { parseSchedule, ScheduleError } from '../digests/schedule.ts';
import type { Logger } from '../logger.ts';
import { diffSnapshots } from '../status/diff-snapshots.ts';
import { fetchStatus } from '../status/fetch-status.ts';
import { holdLosses } from '../status/hold-losses.ts';
import { readSnapshot } from '../status/read-snapshot.ts';
import type { StatusSnapshot } from '../status/snapshot.ts';
import type { LoggedChange } from '../store/change-log.ts';
import type { Store } from '../store/open-store.ts';
import type { Subscription, SubscriptionKey } from '../store/subscriptions.ts';
import { buildDigest, type Digest } from './digest.ts';
import type { StatusView, SubscriptionOutcome } from './status-facts.ts';

/** A channel on a platform. */
export interface ChannelKey {
  platform: 'slack' | 'discord';
  /** Slack team id or Discord guild id. */
  workspace: string;
  channel: string;
}

/** What a user asked to change about a channel's digests, with who asked and whether they may. */
export interface SubscriptionAsk extends ChannelKey {
  user: string;
  /** The adapter's verdict: Slack admin/owner or allow-listed user; Discord member with Manage Channels. */
  allowed: boolean;
}

/** A channel's digest facts, the change id it covers up to, and the snapshot its count comes from. */
export interface ChannelDigest {
  digest: Digest;
  changes: LoggedChange[];
  upToChangeId: number;
  /** The latest good snapshot: what the digest's progress chart draws. */
  snapshot: StatusSnapshot;
}

export interface TrackerOptions {
  store: Store;
  /** STATUS_SOURCE_URL: the UNTC XML, a file:// URL or a path. */
  sourceUrl: string;
  logger: Logger;
  /** Give up on a fetch after this long. */
  timeoutMs?: number;
  now?: () => Date;
  fetch?: typeof fetch;
  /**
   * Why `store` is a throwaway in-memory one (the console and `ask` run without a usable DATA_DIR): the status
   * reply says so, since nothing it fetches outlives the process.
   */
  notStoredBecause?: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** The most recent changes a status view lists. */
const RECENT_CHANGES = 5;
const DEFAULT_SCHEDULE = 'weekly';
const DEFAULT_TIME_ZONE = 'UTC';

/**
 * The ratification tracker as the rest of the bot sees it: polls the status source into the store, answers
 * `/treaty status` with facts, manages subscriptions and builds each channel's digest facts. The answer layer
 * words them (src/answer/status-reply.ts, digest-reply.ts).
 */
export class RatificationTracker {
  private readonly now: () => Date;

  constructor(private readonly options: TrackerOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Fetches the status once. A good snapshot is saved with its changes in one transaction (the first one is a
   * baseline: no changes, or every channel would be told about every signatory); a bad fetch is recorded as a
   * failure and never diffed or posted. A record missing from one fetch is held, not reported (`holdLosses`).
   * A fetch that brings nothing new (a 304, or the same table again) stores nothing: it only moves the last
   * snapshot's "as of" time, which also ends an outage.
   */
  async poll(): Promise<'saved' | 'not-modified' | 'refused'> {
    const { store, sourceUrl, logger } = this.options;
    const last = store.snapshots.lastGood();
    // While a record is held, the next fetch must be a whole one: a 304 would hold it for ever.
    const conditional = last && !last.snapshot.held?.length;
    const fetched = await fetchStatus(sourceUrl, {
      previous: {
        ...(conditional && last.etag ? { etag: last.etag } : {}),
        ...(conditional && last.lastModified ? { lastModified: last.lastModified } : {}),
      },
      timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
    });
    const now = this.now();
    if (fetched.kind === 'not-modified') {
      if (last) store.snapshots.touch(last.id, now);
      return 'not-modified';
    }
    const result = readSnapshot(fetched, last?.snapshot, now);
    if (!result.ok) {
      store.snapshots.recordFailure(sourceUrl, result.reason, now);
      logger.warn({ code: result.code, source: sourceUrl }, result.reason);
      return 'refused';
    }
    const snapshot = last ? holdLosses(last.snapshot, result.snapshot) : result.snapshot;
    if (last && sameContent(last.snapshot, snapshot)) {
      store.snapshots.touch(last.id, now);
      return 'not-modified';
    }
    const changes = last ? diffSnapshots(last.snapshot, snapshot) : [];
    const etag = fetched.kind === 'fetched' ? fetched.etag : undefined;
    const lastModified = fetched.kind === 'fetched' ? fetched.lastModified : undefined;
    store.transaction(() => store.changes.append(store.snapshots.saveGood(snapshot, etag, lastModified), changes, now));
    logger.info(
      { changes: changes.length, participants: snapshot.participants.length, held: snapshot.held?.length ?? 0 },
      'status: snapshot saved',
    );
    return 'saved';
  }

  /** What `/treaty status` shows (and "how many states ratified?"). */
  statusView(): StatusView {
    const { store, notStoredBecause } = this.options;
    const snapshot = store.snapshots.lastGood()?.snapshot;
    const failure = store.snapshots.failingSince();
    return {
      ...(snapshot ? { snapshot } : {}),
      ...(failure ? { failure } : {}),
      recentChanges: store.changes.latest(RECENT_CHANGES),
      ...(notStoredBecause ? { notStoredBecause } : {}),
    };
  }

  /** Subscribes a channel; `schedule` is daily, weekly or a cron expression, read in `timeZone`. */
  subscribe(ask: SubscriptionAsk, schedule: string | undefined, timeZone: string | undefined): SubscriptionOutcome {
    if (!ask.allowed) return { kind: 'not-allowed' };
    try {
      const parsed = parseSchedule(schedule ?? DEFAULT_SCHEDULE, timeZone ?? DEFAULT_TIME_ZONE);
      const subscription = this.options.store.subscriptions.subscribe(
        {
          platform: ask.platform,
          workspace: ask.workspace,
          channel: ask.channel,
          schedule: schedule ?? DEFAULT_SCHEDULE,
          timeZone: parsed.timeZone,
          createdBy: ask.user,
        },
        this.now(),
      );
      return { kind: 'subscribed', subscription };
    } catch (error) {
      if (error instanceof ScheduleError)
        return { kind: 'bad-schedule', problem: error.message.replace(/^digests: /, '') };
      throw error;
    }
  }

  unsubscribe(ask: SubscriptionAsk): SubscriptionOutcome {
    if (!ask.allowed) return { kind: 'not-allowed' };
    return { kind: 'unsubscribed', removed: this.options.store.subscriptions.unsubscribe(ask) };
  }

  /** The subscriptions of a workspace, for `/treaty subscriptions`. */
  subscriptions(key: Omit<SubscriptionKey, 'channel'>): Subscription[] {
    return this.options.store.subscriptions.list(key.platform, key.workspace);
  }

  /** The digest a channel gets for `changes` (the scheduler's `buildPayload` words it). */
  digestFor(changes: LoggedChange[], subscription: Subscription): ChannelDigest {
    const snapshot = this.options.store.snapshots.lastGood()?.snapshot;
    if (!snapshot) throw new Error('status: a digest needs a snapshot');
    const digest = buildDigest({ changes, snapshot, since: subscription.lastDeliveredAt ?? subscription.createdAt });
    return { digest, changes, upToChangeId: Math.max(0, ...changes.map((change) => change.id)), snapshot };
  }
}

/** Same table, header figures, held records and source: saving it again would only add a row. */
function sameContent(a: StatusSnapshot, b: StatusSnapshot): boolean {
  const content = ({ source, participants, published, held }: StatusSnapshot) =>
    JSON.stringify([source, participants, published, held ?? []]);
  return content(a) === content(b);
}
