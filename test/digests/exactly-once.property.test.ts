import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deliverDueDigests } from '../../src/digests/deliver-digests.ts';
import {
  type DigestPayload,
  type DigestPoster,
  type DigestTarget,
  RateLimitedPostError,
} from '../../src/digests/digest-poster.ts';
import { silentLogger } from '../../src/logger.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { logChanges, ratified } from '../store/support/temp-store.ts';

/**
 * What can happen to one post attempt: it works; fails before reaching the platform; reaches it and then
 * errors, hangs or is rate limited; or reaches it and the process dies before recording it.
 */
const ATTEMPT_FAULTS = [
  'ok',
  'error-before',
  'error-after-store',
  'hang',
  'hang-after-store',
  'rate-limited',
  'crash-after-store',
] as const;
type AttemptFault = (typeof ATTEMPT_FAULTS)[number];

interface ChannelPlan {
  /** Faults of the channel's successive post attempts (then posts work). */
  attempts: AttemptFault[];
  /** How many `findPosted` checks fail before they work. */
  historyErrors: number;
}

interface Schedule {
  channels: ChannelPlan[];
  /** Discord honours a repeated nonce; Slack does not (only `findPosted` stops a repeat there). */
  honoursNonce: boolean;
  concurrency: number;
}

const schedules: fc.Arbitrary<Schedule> = fc.record({
  // At most three failed attempts per channel: with MAX_ATTEMPTS (5) every digest must get out.
  channels: fc.array(
    fc.record({
      attempts: fc.array(fc.constantFrom(...ATTEMPT_FAULTS), { maxLength: 3 }),
      historyErrors: fc.integer({ min: 0, max: 2 }),
    }),
    { minLength: 2, maxLength: 5 },
  ),
  honoursNonce: fc.boolean(),
  concurrency: fc.integer({ min: 1, max: 4 }),
});

const START = new Date('2026-03-02T09:00:00Z');
/** Runs ten minutes apart: past any backoff (1, 2, 4, 8 minutes) and any claim deadline. */
const RUN_EVERY_MS = 10 * 60_000;
const MAX_RUNS = 12;

/** A platform that misbehaves on each channel as its plan says, and keeps what it shows. */
class ScriptedPlatform implements DigestPoster {
  readonly shown = new Map<string, string[]>();
  /** Deliveries whose post "succeeded" just before the process died: recording them fails. */
  readonly dying = new Set<number>();
  private readonly attempts: Map<string, AttemptFault[]>;
  private readonly historyErrors: Map<string, number>;

  constructor(
    private readonly schedule: Schedule,
    channels: string[],
  ) {
    this.attempts = new Map(channels.map((channel, i) => [channel, [...(schedule.channels[i]?.attempts ?? [])]]));
    this.historyErrors = new Map(channels.map((channel, i) => [channel, schedule.channels[i]?.historyErrors ?? 0]));
  }

  async post(
    target: DigestTarget,
    _payload: DigestPayload,
    { nonce, deliveryId }: { nonce: string; deliveryId: number },
  ) {
    const fault = this.attempts.get(target.channel)?.shift() ?? 'ok';
    if (fault === 'error-before') throw new Error('connect ECONNREFUSED');
    if (fault === 'rate-limited') throw new RateLimitedPostError('429', 1_000);
    if (fault === 'hang') return new Promise<never>(() => {});
    const messageId = this.store(target.channel, nonce);
    if (fault === 'error-after-store') throw new Error('500 Internal Server Error');
    if (fault === 'hang-after-store') return new Promise<never>(() => {});
    if (fault === 'crash-after-store') this.dying.add(deliveryId);
    return { messageId };
  }

  async findPosted(target: DigestTarget, nonce: string) {
    const left = this.historyErrors.get(target.channel) ?? 0;
    if (left > 0) {
      this.historyErrors.set(target.channel, left - 1);
      throw new Error('conversations.history: 503');
    }
    const index = this.shown.get(target.channel)?.indexOf(nonce) ?? -1;
    return index >= 0 ? { messageId: `${target.channel}/${index}` } : undefined;
  }

  private store(channel: string, nonce: string): string {
    const shown = this.shown.get(channel) ?? [];
    this.shown.set(channel, shown);
    const earlier = shown.indexOf(nonce);
    if (earlier >= 0 && this.schedule.honoursNonce) return `${channel}/${earlier}`;
    shown.push(nonce);
    return `${channel}/${shown.length - 1}`;
  }
}

/** A store with one subscription per channel and changes to send; recording a "dying" post fails. */
function storeFor(channels: string[], platform: ScriptedPlatform): Store {
  const store = openStore(':memory:', silentLogger);
  for (const channel of channels) {
    store.subscriptions.subscribe(
      { platform: 'slack', workspace: 'T1', channel, schedule: 'daily', timeZone: 'UTC', createdBy: 'U1' },
      new Date('2026-03-02T08:00:00Z'),
    );
  }
  logChanges(store, '2026-03-02T08:30:00.000Z', [ratified('Qatar'), ratified('Ghana')]);
  const markPosted = store.deliveries.markPosted.bind(store.deliveries);
  store.deliveries.markPosted = (id, messageId, now) => {
    if (platform.dying.delete(id)) throw new Error('SIGKILL before the post was recorded');
    return markPosted(id, messageId, now);
  };
  return store;
}

describe('deliverDueDigests under random fault schedules', () => {
  it('posts every digest exactly once, whatever fails and in whatever order (200 schedules)', async () => {
    await fc.assert(
      fc.asyncProperty(schedules, async (schedule) => {
        const channels = schedule.channels.map((_, i) => `C${i}`);
        const platform = new ScriptedPlatform(schedule, channels);
        const store = storeFor(channels, platform);
        try {
          for (let run = 0; run < MAX_RUNS; run++) {
            await deliverDueDigests({
              store,
              poster: platform,
              now: new Date(START.getTime() + run * RUN_EVERY_MS),
              isDue: () => true,
              buildPayload: (changes) => ({ changes, upToChangeId: changes.at(-1)?.id ?? 0 }),
              logger: silentLogger,
              postTimeoutMs: 2,
              concurrency: schedule.concurrency,
            });
          }
          for (const channel of channels) expect(platform.shown.get(channel)).toHaveLength(1);
          const deliveries = store.subscriptions.list().flatMap((s) => store.deliveries.forSubscription(s.id));
          expect(deliveries.map((delivery) => delivery.state)).toEqual(channels.map(() => 'posted'));
        } finally {
          store.close();
        }
      }),
      { numRuns: 200 },
    );
  });
});
