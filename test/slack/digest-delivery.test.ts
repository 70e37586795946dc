import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slackDigestClient } from '../../adapters/slack/client-options.ts';
import { createSlackDigestPoster } from '../../adapters/slack/digest-poster.ts';
import { type DigestPost, digestPost } from '../../src/answer/digest-reply.ts';
import { digestPostWithChart } from '../../src/chart/with-status-chart.ts';
import { deliverDueDigests } from '../../src/digests/deliver-digests.ts';
import { type DigestPoster, PermanentPostError } from '../../src/digests/digest-poster.ts';
import { silentLogger } from '../../src/logger.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import type { Subscription } from '../../src/store/subscriptions.ts';
import { RatificationTracker } from '../../src/tracker/ratification-tracker.ts';
import { RecordingLogger } from '../support/recording-logger.ts';
import { FAKE_TEAM, FakeSlack } from './support/fake-slack.ts';
import { ASKER, CHANNEL } from './support/slack-requests.ts';

const fixture = (name: string) => pathToFileURL(join(import.meta.dirname, '..', 'fixtures', 'untc', name)).href;
const POLLED_AT = new Date('2026-04-02T14:00:00Z');
const minutesLater = (minutes: number) => new Date(POLLED_AT.getTime() + minutes * 60_000);
const target = { platform: 'slack' as const, workspace: FAKE_TEAM, channel: CHANNEL };

type Block = { type: string; text?: { text: string } };

/**
 * Exactly-once digests on Slack: the real delivery core, a real RatificationTracker over an in-memory store,
 * the Slack poster on a real WebClient, and a fake Slack that keeps the posted messages (with metadata).
 */
describe('Slack digest delivery (real WebClient against a fake Slack)', () => {
  let fake: FakeSlack;
  let store: Store;
  let logger: RecordingLogger;
  let tracker: RatificationTracker;
  let poster: DigestPoster<DigestPost>;

  const trackerOf = (source: string) =>
    new RatificationTracker({ store, sourceUrl: fixture(source), logger: silentLogger, now: () => POLLED_AT });

  beforeEach(async () => {
    fake = await FakeSlack.start();
    store = openStore(':memory:', silentLogger);
    logger = new RecordingLogger();
    const client = slackDigestClient('xoxb-test-token', { apiUrl: fake.apiUrl }, silentLogger);
    poster = createSlackDigestPoster(client, logger);
    // A baseline, a subscription, then a snapshot with new consents: the channel has changes to hear about.
    expect(await trackerOf('signatures-only.xml').poll()).toBe('saved');
    tracker = trackerOf('consents.xml');
    tracker.subscribe({ ...target, user: ASKER, allowed: true }, 'daily', undefined);
    expect(await tracker.poll()).toBe('saved');
    expect(store.changes.latestId()).toBeGreaterThan(0);
  });

  afterEach(async () => {
    store.close();
    await fake.close();
  });

  const deliver = (now: Date, with_: DigestPoster<DigestPost> = poster) =>
    deliverDueDigests({
      store,
      poster: with_,
      now,
      isDue: () => true,
      buildPayload: (changes, subscription: Subscription) =>
        digestPostWithChart(tracker.digestFor(changes, subscription), silentLogger),
      logger: silentLogger,
    });

  const onlyDelivery = () => {
    const [subscription] = store.subscriptions.list();
    if (!subscription) throw new Error('no subscription');
    const deliveries = store.deliveries.forSubscription(subscription.id);
    expect(deliveries).toHaveLength(1);
    return deliveries[0] as NonNullable<(typeof deliveries)[0]>;
  };

  it('posts one digest with the nonce in its metadata, and never posts it again', async () => {
    expect(await deliver(minutesLater(1))).toMatchObject({ posted: 1, failed: 0 });
    const [post, ...more] = fake.postedMessages();
    expect(more).toHaveLength(0);
    const delivery = onlyDelivery();
    expect(post?.params).toMatchObject({
      channel: CHANNEL,
      metadata: { event_type: 'treaty_digest', event_payload: { nonce: delivery.nonce } },
      unfurl_links: 'false',
    });
    const blocks = post?.params.blocks as Block[];
    expect(blocks[0]?.type).toBe('header');
    expect(JSON.stringify(blocks)).toContain('New parties');
    expect(String(post?.params.text)).toContain('Toward entry into force');
    // The chart: uploaded unshared first, then shown by the one message, after the count toward 40.
    expect(fake.calls.map((call) => call.method).filter((method) => method !== 'auth.test')).toEqual([
      'files.getUploadURLExternal',
      'files.completeUploadExternal',
      'chat.postMessage',
    ]);
    const [file] = fake.files;
    expect(fake.callsTo('files.getUploadURLExternal')[0]?.params).toMatchObject({
      filename: 'status.png',
      length: String(file?.bytes?.length),
    });
    expect(fake.callsTo('files.completeUploadExternal')[0]?.params).toEqual({
      files: [{ id: file?.id, title: 'status.png' }],
    });
    const image = blocks.findIndex((block) => block.type === 'image');
    expect(blocks[image - 1]?.text?.text).toMatch(/^\*Toward entry into force:\*/);
    expect(blocks[image]).toEqual({
      type: 'image',
      slack_file: { id: file?.id },
      alt_text: expect.stringMatching(/^Ratification progress: 5 of 40 instruments counted toward entry into force/),
    });
    expect(file?.altText).toBe((blocks[image] as { alt_text?: string }).alt_text);
    expect(delivery).toMatchObject({ state: 'posted', platformMessageId: fake.messagesIn(CHANNEL)[0]?.ts });

    expect(await deliver(minutesLater(60 * 24))).toMatchObject({ posted: 0, recovered: 0 });
    expect(fake.messagesIn(CHANNEL)).toHaveLength(1);
    expect(fake.callsTo('conversations.history')).toHaveLength(0);
  });

  it('finds a digest that reached Slack before recording failed, instead of posting it twice', async () => {
    let firstAttempt = true;
    const crashesAfterPosting: DigestPoster<DigestPost> = {
      post: async (to, payload, idempotency) => {
        const posted = await poster.post(to, payload, idempotency);
        if (firstAttempt) {
          firstAttempt = false;
          throw new Error('connection reset after the post');
        }
        return posted;
      },
      findPosted: (to, nonce) => poster.findPosted?.(to, nonce) ?? Promise.resolve(undefined),
    };
    expect(await deliver(minutesLater(1), crashesAfterPosting)).toMatchObject({ posted: 0, failed: 1 });
    expect(fake.messagesIn(CHANNEL)).toHaveLength(1);
    expect(onlyDelivery()).toMatchObject({ state: 'pending', attempts: 1 });

    // After the retry delay: the core asks findPosted, which sees the nonce in the channel's history.
    expect(await deliver(minutesLater(3), crashesAfterPosting)).toMatchObject({ posted: 0, recovered: 1 });
    const [history] = fake.callsTo('conversations.history');
    expect(history?.params).toMatchObject({ channel: CHANNEL, limit: '50', include_all_metadata: 'true' });
    expect(onlyDelivery()).toMatchObject({ state: 'posted', platformMessageId: fake.messagesIn(CHANNEL)[0]?.ts });

    expect(await deliver(minutesLater(60 * 24), crashesAfterPosting)).toMatchObject({ posted: 0, recovered: 0 });
    expect(fake.messagesIn(CHANNEL)).toHaveLength(1);
    expect(fake.postedMessages()).toHaveLength(1);
  });

  it('does not mistake other messages, or another digest, for this one', async () => {
    fake.messages.push(
      { channel: CHANNEL, ts: '1700000000.000001', text: 'hello', blocks: [] },
      {
        channel: CHANNEL,
        ts: '1700000000.000002',
        text: 'older digest',
        blocks: [],
        metadata: { event_type: 'treaty_digest', event_payload: { nonce: 'another-nonce' } },
      },
    );
    expect(await poster.findPosted?.(target, 'this-nonce')).toBeUndefined();
    expect(await poster.findPosted?.(target, 'another-nonce')).toEqual({ messageId: '1700000000.000002' });
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived', 'missing_scope'])(
    'gives up at once on %s (PermanentPostError), logging the Slack error',
    async (error) => {
      fake.onApi((call) => (call.method === 'chat.postMessage' ? { body: { ok: false, error } } : undefined));
      expect(await deliver(minutesLater(1))).toMatchObject({ posted: 0, failed: 1 });
      expect(onlyDelivery()).toMatchObject({ state: 'failed' });
      expect(fake.messagesIn(CHANNEL)).toHaveLength(0);
      const payload = digestPost(
        tracker.digestFor(store.changes.since(0), store.subscriptions.list()[0] as Subscription),
      );
      await expect(poster.post(target, payload, { nonce: 'n1', deliveryId: 1 })).rejects.toBeInstanceOf(
        PermanentPostError,
      );
      expect(logger.entries.some((entry) => entry.level === 'warn' && entry.message.includes(error))).toBe(true);
    },
  );

  it('posts the digest with the chart in words when Slack refuses the upload (no files:write yet)', async () => {
    fake.onApi((call) =>
      call.method === 'files.getUploadURLExternal' ? { body: { ok: false, error: 'missing_scope' } } : undefined,
    );
    expect(await deliver(minutesLater(1))).toMatchObject({ posted: 1, failed: 0 });
    const [message, ...more] = fake.messagesIn(CHANNEL);
    expect(more).toEqual([]);
    expect(fake.imagesOf(message ?? never())).toEqual([]);
    expect(JSON.stringify(message?.blocks)).toContain('Ratification progress: 5 of 40 instruments');
    expect(logger.messages('warn')).toEqual(['slack: could not upload the chart; the message shows its words instead']);
  });

  it('lets other Slack errors through to be retried later', async () => {
    fake.onApi((call) =>
      call.method === 'chat.postMessage' ? { body: { ok: false, error: 'fatal_error' } } : undefined,
    );
    expect(await deliver(minutesLater(1))).toMatchObject({ failed: 1 });
    expect(onlyDelivery()).toMatchObject({ state: 'pending', attempts: 1 });
    fake.onApi(undefined);
    expect(await deliver(minutesLater(3))).toMatchObject({ posted: 1 });
    expect(fake.messagesIn(CHANNEL)).toHaveLength(1);
  });
});

function never(): never {
  throw new Error('missing');
}
