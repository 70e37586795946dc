import { emptyReply, type Reply } from '../answer/reply.ts';
import type { StatusDesk, SubscriptionAsk } from '../answer/status-desk.ts';
import { parseSchedule, ScheduleError } from '../digests/schedule.ts';
import type { Logger } from '../logger.ts';
import type { LoggedChange } from '../store/change-log.ts';
import type { Store } from '../store/open-store.ts';
import type { Subscription, SubscriptionKey } from '../store/subscriptions.ts';
import { diffSnapshots } from './diff-snapshots.ts';
import { buildDigest, type Digest } from './digest.ts';
import { fetchStatus } from './fetch-status.ts';
import { holdLosses } from './hold-losses.ts';
import { readSnapshot } from './read-snapshot.ts';
import type { StatusSnapshot } from './snapshot.ts';
import { statusReply } from './status-reply.ts';

/** A digest ready for a channel: the model adapters render, and the change id it covers up to. */
export interface ChannelDigest {
  digest: Digest;
  changes: LoggedChange[];
  upToChangeId: number;
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
const DEFAULT_SCHEDULE = 'weekly';
const DEFAULT_TIME_ZONE = 'UTC';

/**
 * The ratification tracker as the rest of the bot sees it: polls the status source into the store, answers
 * `/treaty status`, manages subscriptions and builds each channel's digest. Platform-free; adapters render.
 */
export class RatificationTracker implements StatusDesk {
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

  /** The reply to `/treaty status` (and to "how many states ratified?"). */
  statusReply(query: string): Reply {
    const { store, notStoredBecause } = this.options;
    const reply = statusReply(
      store.snapshots.lastGood()?.snapshot,
      store.snapshots.failingSince(),
      query,
      store.changes.latest(5),
    );
    if (notStoredBecause) reply.statusLines.push(`Not stored: ${notStoredBecause}; kept only while this runs.`);
    return reply;
  }

  /** Subscribes a channel; `schedule` is daily, weekly or a cron expression, read in `timeZone`. */
  subscribe(ask: SubscriptionAsk, schedule: string | undefined, timeZone: string | undefined, query = ''): Reply {
    if (!ask.allowed) return refusal(query);
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
      return statusLines(query, 'Subscribed', [
        `This channel will get a digest of new signatures and ratifications (\`${subscription.schedule}\`, ${subscription.timeZone}).`,
        'Nothing is posted when nothing changed. `/treaty unsubscribe` stops it.',
      ]);
    } catch (error) {
      if (error instanceof ScheduleError)
        return statusLines(query, 'Not subscribed', [asCode(error.message.replace(/^digests: /, ''))]);
      throw error;
    }
  }

  unsubscribe(ask: SubscriptionAsk, query = ''): Reply {
    if (!ask.allowed) return refusal(query);
    const removed = this.options.store.subscriptions.unsubscribe(ask);
    return statusLines(query, 'Unsubscribed', [
      removed ? 'This channel will get no more digests.' : 'This channel had no subscription.',
    ]);
  }

  /** The subscriptions of a workspace, for `/treaty subscriptions`. */
  subscriptionsReply(key: Omit<SubscriptionKey, 'channel'>, query = ''): Reply {
    const list = this.options.store.subscriptions.list(key.platform, key.workspace);
    const lines = list.map((s) => `${s.channel}: \`${s.schedule}\` (${s.timeZone}), since ${s.createdAt.slice(0, 10)}`);
    return statusLines(query, 'Digest subscriptions', lines.length > 0 ? lines : ['No channel here is subscribed.']);
  }

  /** The digest a channel gets for `changes` (the scheduler's `buildPayload`). */
  digestFor(changes: LoggedChange[], subscription: Subscription): ChannelDigest {
    const snapshot = this.options.store.snapshots.lastGood()?.snapshot;
    if (!snapshot) throw new Error('status: a digest needs a snapshot');
    const digest = buildDigest({ changes, snapshot, since: subscription.lastDeliveredAt ?? subscription.createdAt });
    return { digest, changes, upToChangeId: Math.max(0, ...changes.map((change) => change.id)) };
  }
}

function refusal(query: string): Reply {
  return statusLines(query, 'Not allowed', [
    'Only workspace admins (Slack) or members who can manage channels (Discord) can change digest subscriptions.',
  ]);
}

/**
 * A schedule error quotes the schedule typed and an example cron (`"0 9 * * 1"`): shown as code spans, so the
 * example copies as a working cron.
 */
function asCode(message: string): string {
  return message.replace(/"((?:[^"\\`]|\\.)*)"/g, (_, quoted: string) => `\`${quoted.replace(/\\(.)/g, '$1')}\``);
}

function statusLines(query: string, title: string, lines: string[]): Reply {
  return { ...emptyReply('status', query, 'en', title), statusLines: lines };
}

/** Same table, header figures, held records and source: saving it again would only add a row. */
function sameContent(a: StatusSnapshot, b: StatusSnapshot): boolean {
  const content = ({ source, participants, published, held }: StatusSnapshot) =>
    JSON.stringify([source, participants, published, held ?? []]);
  return content(a) === content(b);
}
