import { randomBytes } from 'node:crypto';
import { Cron } from 'croner';
import type { Logger } from '../logger.ts';
import type { LoggedChange } from '../store/change-log.ts';
import type { Store } from '../store/open-store.ts';
import type { Subscription } from '../store/subscriptions.ts';
import { type DeliverySummary, deliverDueDigests } from './deliver-digests.ts';
import type { DigestPayload, DigestPoster } from './digest-poster.ts';
import { isSubscriptionDue } from './schedule.ts';

export interface TrackerSchedulerOptions<P> {
  store: Store;
  logger: Logger;
  /** When to fetch the status page (STATUS_POLL_CRON, read in UTC), e.g. `17 * * * *`. */
  pollCron: string;
  /** Fetches, checks and stores a snapshot and its changes (the status source's job); throws on failure. */
  poll: () => Promise<void>;
  poster: DigestPoster<P>;
  buildPayload: (changes: LoggedChange[], subscription: Subscription) => P | Promise<P>;
  /** The clock; tests pass a fake one. */
  now?: () => Date;
  /** Who this process is in the lease; default process id + random. */
  holder?: string;
  /** How long the lease lasts without renewal; another process takes over after that. Default 5 minutes. */
  leaseTtlMs?: number;
}

/** The one lease both jobs share: the process that polls is the process that delivers. */
const LEASE_NAME = 'tracker';
const DEFAULT_LEASE_TTL_MS = 5 * 60_000;
/** Digests are checked every minute; each subscription's own schedule decides whether one is due. */
const DELIVERY_CRON = '* * * * *';

/**
 * Runs the ratification tracker's two jobs: polling the status page on `pollCron`, and delivering due digests
 * every minute. Every run first takes (or renews) the database lease, so when several processes share a
 * database only one of them acts; the others stand by and take over if it stops renewing.
 *
 * @example
 * const scheduler = new TrackerScheduler({ store, logger, pollCron: config.statusPollCron, poll, poster, buildPayload });
 * scheduler.start();
 * process.on('SIGTERM', () => void scheduler.stop());
 */
export class TrackerScheduler<P = DigestPayload> {
  readonly holder: string;
  private readonly now: () => Date;
  private readonly leaseTtlMs: number;
  private readonly jobs: Cron[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(private readonly options: TrackerSchedulerOptions<P>) {
    this.holder = options.holder ?? `${process.pid}-${randomBytes(4).toString('hex')}`;
    this.now = options.now ?? (() => new Date());
    this.leaseTtlMs = options.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS;
  }

  /** Starts both cron jobs. Throws if `pollCron` is not a cron expression. */
  start(): void {
    if (this.jobs.length > 0 || this.stopped) throw new Error('digests: the scheduler starts once');
    let pollJob: Cron;
    try {
      pollJob = new Cron(this.options.pollCron, { timezone: 'UTC', protect: true, mode: '5-part' }, async () => {
        await this.runPoll();
      });
    } catch (error) {
      throw new Error(`digests: poll schedule ${JSON.stringify(this.options.pollCron)} is not a cron expression`, {
        cause: error,
      });
    }
    // protect: a run still going when the next minute comes is not started twice.
    this.jobs.push(
      pollJob,
      new Cron(DELIVERY_CRON, { timezone: 'UTC', protect: true }, async () => {
        await this.runDeliveries();
      }),
    );
    this.options.logger.info({ holder: this.holder, pollCron: this.options.pollCron }, 'digests: scheduler started');
  }

  /** Stops the jobs, waits for a run in progress to finish, and releases the lease for another process. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const job of this.jobs.splice(0)) job.stop();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    this.options.store.lease.release(LEASE_NAME, this.holder);
    this.options.logger.info({ holder: this.holder }, 'digests: scheduler stopped');
  }

  /**
   * One poll, if this process holds the lease.
   * @returns false when it did not run (another process holds the lease, or the scheduler is stopped).
   */
  runPoll(): Promise<boolean> {
    return this.track(async () => {
      if (!this.acquire()) return false;
      try {
        await this.options.poll();
      } catch (error) {
        this.options.logger.warn({ error: (error as Error).message }, 'digests: status poll failed');
      }
      return true;
    }, false);
  }

  /**
   * One delivery run, if this process holds the lease.
   * @returns what it did, or undefined when it did not run.
   */
  runDeliveries(): Promise<DeliverySummary | undefined> {
    return this.track(async () => {
      if (!this.acquire()) return undefined;
      const summary = await deliverDueDigests({
        store: this.options.store,
        poster: this.options.poster,
        now: this.now(),
        isDue: isSubscriptionDue,
        buildPayload: this.options.buildPayload,
        logger: this.options.logger,
        // A shutdown waits for the digest being posted, not for every channel still due.
        stopping: () => this.stopped,
      });
      if (summary.posted + summary.failed + summary.recovered > 0)
        this.options.logger.info({ ...summary }, 'digests: delivery run');
      return summary;
    }, undefined);
  }

  private acquire(): boolean {
    if (this.stopped) return false;
    const held = this.options.store.lease.tryAcquire(LEASE_NAME, this.holder, this.leaseTtlMs, this.now());
    if (!held) this.options.logger.debug({ holder: this.holder }, 'digests: another process holds the lease');
    return held;
  }

  /** Runs `work`, remembering it until it settles so `stop()` can wait for it; on an error, logs and returns `fallback`. */
  private track<T>(work: () => Promise<T>, fallback: T): Promise<T> {
    const run = work().catch((error: unknown) => {
      this.options.logger.error({ error: (error as Error).message }, 'digests: scheduled run failed');
      return fallback;
    });
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
    return run;
  }
}
