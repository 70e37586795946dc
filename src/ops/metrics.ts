import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Reply } from '../answer/reply.ts';
import type { AskContext } from '../answer/treaty-bot.ts';
import type { Platform } from '../store/subscriptions.ts';
import type { DeliveryReading } from './delivery-health.ts';

/**
 * Answer latencies span sub-millisecond lookups to a slow status reply; buckets in seconds, finer at the
 * low end where the p50 lives (DESIGN's query target is 1 ms).
 */
const ANSWER_BUCKETS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

/**
 * The bot's Prometheus metrics, in a registry of its own (not prom-client's global one, so tests and several
 * bots in one process never share counters). Served at `/metrics`.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly questions = new Counter({
    name: 'treaty_bot_questions_total',
    help: 'Messages answered, by platform and reply kind (answer, no_answer, help, topics, status).',
    labelNames: ['platform', 'kind'] as const,
    registers: [this.registry],
  });
  private readonly abstentions = new Counter({
    name: 'treaty_bot_abstentions_total',
    help: 'Questions the bot declined to answer because the sources do not cover them.',
    labelNames: ['platform'] as const,
    registers: [this.registry],
  });
  private readonly rateLimitedQuestions = new Counter({
    name: 'treaty_bot_rate_limited_total',
    help: 'Questions refused with "slow down" because their user passed RATE_LIMIT_PER_MINUTE.',
    labelNames: ['platform'] as const,
    registers: [this.registry],
  });
  private readonly answerSeconds = new Histogram({
    name: 'treaty_bot_answer_duration_seconds',
    help: 'Time the core took to turn a message into a reply.',
    labelNames: ['platform'] as const,
    buckets: ANSWER_BUCKETS,
    registers: [this.registry],
  });
  private readonly digestsPosted = new Counter({
    name: 'treaty_bot_digests_posted_total',
    help: 'Digest messages posted to subscribed channels.',
    labelNames: ['platform'] as const,
    registers: [this.registry],
  });
  private readonly digestsFailed = new Counter({
    name: 'treaty_bot_digests_failed_total',
    help: 'Digest post attempts that failed (retried with backoff, then given up).',
    labelNames: ['platform'] as const,
    registers: [this.registry],
  });
  private readonly sourcePolls = new Counter({
    name: 'treaty_bot_status_polls_total',
    help: 'Polls of the ratification status source, by result (saved, not-modified, refused, failed).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  private readonly sourceFailures = new Counter({
    name: 'treaty_bot_status_fetch_failures_total',
    help: 'Polls of the status source that failed: unreachable, timed out, or refused by the sanity checks.',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'treaty_bot_' });
  }

  /** The core's observer: one call per new question answered… */
  answered(reply: Reply, context: AskContext, seconds: number): void {
    this.questions.inc({ platform: context.platform, kind: reply.kind });
    if (reply.kind === 'no_answer') this.abstentions.inc({ platform: context.platform });
    this.answerSeconds.observe({ platform: context.platform }, seconds);
  }

  /** …or refused by the rate limit. */
  rateLimited(context: AskContext): void {
    this.rateLimitedQuestions.inc({ platform: context.platform });
  }

  digestPosted(platform: Platform): void {
    this.digestsPosted.inc({ platform });
  }

  digestFailed(platform: Platform): void {
    this.digestsFailed.inc({ platform });
  }

  /** One poll of the status source; `refused` (bad content) and `failed` (no content) count as fetch failures. */
  statusPolled(result: 'saved' | 'not-modified' | 'refused' | 'failed'): void {
    this.sourcePolls.inc({ result });
    if (result === 'refused' || result === 'failed') this.sourceFailures.inc();
  }

  /**
   * Gauges read at each scrape: the age of the oldest digest not yet posted, how many are failing (waiting for
   * a retry), and how long the delivery run in progress has been going. A stuck or failing delivery shows here.
   */
  watchDeliveries(read: () => DeliveryReading): void {
    const gauge = (name: string, help: string, pick: (reading: DeliveryReading) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(pick(read()));
        },
      });
    gauge(
      'treaty_bot_digest_oldest_pending_seconds',
      'Age of the oldest digest delivery not yet posted (0 when none is pending).',
      (reading) => reading.oldestPendingSeconds,
    );
    gauge(
      'treaty_bot_digest_deliveries_failing',
      'Digest deliveries whose last attempt failed, waiting for their retry.',
      (reading) => reading.failing,
    );
    gauge(
      'treaty_bot_digest_delivery_run_seconds',
      'How long the delivery run in progress has been going (0 when none is).',
      (reading) => reading.runSeconds,
    );
  }

  /** The exposition text for `/metrics`. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
