import { randomBytes } from 'node:crypto';
import { Cron } from 'croner';
import { type DeliverDigestsOptions, type DeliverySummary, deliverDueDigests } from '../digests/deliver-digests.ts';
import type { DigestPayload, DigestPoster } from '../digests/digest-poster.ts';
import { isSubscriptionDue } from '../digests/schedule.ts';
import type { Logger } from '../logger.ts';
import type { LoggedChange } from '../store/change-log.ts';
import type { Store } from '../store/open-store.ts';
import type { Subscription } from '../store/subscriptions.ts';

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
  /** How long the lease lasts without renewal; another process takes over after that. Default 15 s. */
  leaseTtlMs?: number;
  /** How often the lease is renewed and due digests are looked for. Default 5 s. */
  heartbeatMs?: number;
  /** How long `stop()` waits for a run in progress before releasing the lease anyway. Default 5 s. */
  drainTimeoutMs?: number;
  /** Passed to every delivery run (tests shorten the retry delay and the post deadline). */
  delivery?: Pick<DeliverDigestsOptions<P>, 'retryDelayMs' | 'postTimeoutMs' | 'concurrency'>;
}

/** The one lease both jobs share: the process that polls is the process that delivers. */
const LEASE_NAME = 'tracker';
/** Three missed heartbeats: a holder that died or hangs is replaced within seconds, not minutes. */
const DEFAULT_LEASE_TTL_MS = 15_000;
const DEFAULT_HEARTBEAT_MS = 5_000;
/** Under the composition root's shutdown grace (8 s), so the lease is released before the process must exit. */
const DEFAULT_DRAIN_TIMEOUT_MS = 5_000;

/**
 * Runs the ratification tracker's two jobs: polling the status page on `pollCron`, and delivering due digests.
 * Every run first takes (or renews) the database lease, so when several processes share a database only one of
 * them acts; the others stand by.
 *
 * A heartbeat (every `heartbeatMs`) renews the lease and starts a delivery run unless one is going: digests go
 * out within seconds of falling due, and a retry or a digest cut off by a crash within seconds of its time. A
 * holder that stops beating (killed, hung) loses the lease after `leaseTtlMs`, and a standby's next heartbeat
 * takes over; `stop()` releases it at once.
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
  private heartbeat: NodeJS.Timeout | undefined;
  private deliveryRun: { since: number; done: Promise<DeliverySummary | undefined> } | undefined;
  private leaseHeld = false;
  private stopped = false;

  constructor(private readonly options: TrackerSchedulerOptions<P>) {
    this.holder = options.holder ?? `${process.pid}-${randomBytes(4).toString('hex')}`;
    this.now = options.now ?? (() => new Date());
    this.leaseTtlMs = options.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS;
  }

  /**
   * Starts the poll job and the heartbeat, with a first beat at once (digests that fell due while the bot was
   * down go out now). Throws if `pollCron` is not a cron expression.
   */
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
    this.jobs.push(pollJob);
    this.heartbeat = setInterval(() => void this.runDeliveries(), this.options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
    this.options.logger.info({ holder: this.holder, pollCron: this.options.pollCron }, 'digests: scheduler started');
    void this.runDeliveries();
  }

  /**
   * Stops the jobs, waits (up to `drainTimeoutMs`) for a run in progress, and releases the lease for another
   * process, on every path. A post still going after the wait keeps its claim on the delivery row until its
   * deadline, so the next holder cannot post it twice.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const job of this.jobs.splice(0)) job.stop();
    clearInterval(this.heartbeat);
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS);
    });
    const drained = (async () => {
      while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    })();
    try {
      await Promise.race([drained, waited]);
    } finally {
      clearTimeout(timer);
      this.options.store.lease.release(LEASE_NAME, this.holder);
      this.leaseHeld = false;
    }
    if (this.inFlight.size > 0) this.options.logger.warn({ holder: this.holder }, 'digests: stopped with a post going');
    this.options.logger.info({ holder: this.holder }, 'digests: scheduler stopped');
  }

  /** How long the delivery run in progress has been going, in ms; 0 when none is. For `/readyz` and metrics. */
  deliveryRunningForMs(): number {
    return this.deliveryRun ? Math.max(0, Date.now() - this.deliveryRun.since) : 0;
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
        this.options.logger.warn({ err: error }, 'digests: status poll failed');
      }
      return true;
    }, false);
  }

  /**
   * Renews the lease and, if this process holds it, runs one delivery; while a run is going, renews the lease
   * only and returns that run (runs never overlap).
   * @returns what the run did, or undefined when it did not run (another process holds the lease, or stopped).
   */
  runDeliveries(): Promise<DeliverySummary | undefined> {
    if (this.deliveryRun) {
      this.renew();
      return this.deliveryRun.done;
    }
    const done = this.track(async () => {
      if (!this.acquire()) return undefined;
      const summary = await deliverDueDigests({
        store: this.options.store,
        poster: this.options.poster,
        now: this.now(),
        clock: this.now,
        isDue: isSubscriptionDue,
        buildPayload: this.options.buildPayload,
        logger: this.options.logger,
        // A shutdown, or a lost lease, waits for the digests being posted, not for every channel still due.
        stopping: () => this.stopped || !this.leaseHeld,
        ...this.options.delivery,
      });
      if (summary.posted + summary.failed + summary.recovered > 0)
        this.options.logger.info({ ...summary }, 'digests: delivery run');
      return summary;
    }, undefined);
    const run = { since: Date.now(), done };
    this.deliveryRun = run;
    void done.finally(() => {
      if (this.deliveryRun === run) this.deliveryRun = undefined;
    });
    return done;
  }

  /** Keeps the lease while a run is going; a database error is logged (the next beat tries again). */
  private renew(): void {
    try {
      this.acquire();
    } catch (error) {
      this.options.logger.error({ err: error }, 'digests: could not renew the lease');
    }
  }

  private acquire(): boolean {
    if (this.stopped) return false;
    const held = this.options.store.lease.tryAcquire(LEASE_NAME, this.holder, this.leaseTtlMs, this.now());
    if (held !== this.leaseHeld) {
      this.options.logger.info(
        { holder: this.holder },
        held ? 'digests: holding the lease' : 'digests: lost the lease',
      );
    } else if (!held) this.options.logger.debug({ holder: this.holder }, 'digests: another process holds the lease');
    this.leaseHeld = held;
    return held;
  }

  /** Runs `work`, remembering it until it settles so `stop()` can wait for it; on an error, logs and returns `fallback`. */
  private track<T>(work: () => Promise<T>, fallback: T): Promise<T> {
    const run = work().catch((error: unknown) => {
      this.options.logger.error({ err: error }, 'digests: scheduled run failed');
      return fallback;
    });
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
    return run;
  }
}
