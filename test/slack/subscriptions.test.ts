import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { App } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/slack/render-blocks.ts';
import { statusReply } from '../../src/answer/status-reply.ts';
import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import { createTreatyBot } from '../../src/create-treaty-bot.ts';
import { silentLogger } from '../../src/logger.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { RatificationTracker } from '../../src/tracker/ratification-tracker.ts';
import { RecordingLogger } from '../support/recording-logger.ts';
import { FAKE_BOT_USER, FAKE_TEAM, FakeSlack } from './support/fake-slack.ts';
import { startHttpApp } from './support/slack-app-harness.ts';
import {
  ASKER,
  appMentionEvent,
  CHANNEL,
  eventCallback,
  FORM,
  JSON_TYPE,
  postSigned,
  shareClickForm,
  slashCommandForm,
} from './support/slack-requests.ts';

const fixture = (name: string) => pathToFileURL(join(import.meta.dirname, '..', 'fixtures', 'untc', name)).href;

type Block = { type: string; text?: { text: string } };

/**
 * `/treaty subscribe | unsubscribe | status` through the real Bolt app and the real core with a real
 * RatificationTracker over an in-memory store; the permission comes from the fake's `users.info`.
 */
describe('digest subscriptions on Slack (real Bolt against a fake Slack)', () => {
  let store: Store;
  let tracker: RatificationTracker;
  let bot: TreatyBot;
  let fake: FakeSlack;
  let app: App | undefined;
  let logger: RecordingLogger;

  beforeAll(async () => {
    store = openStore(':memory:', silentLogger);
    tracker = new RatificationTracker({
      store,
      sourceUrl: fixture('consents.xml'),
      logger: silentLogger,
      now: () => new Date('2026-04-02T14:00:00Z'),
    });
    await tracker.poll();
    bot = createTreatyBot({ logger: silentLogger, statusDesk: tracker });
  });

  afterAll(() => {
    store.close();
  });

  beforeEach(async () => {
    for (const subscription of store.subscriptions.list()) store.subscriptions.unsubscribe(subscription);
    fake = await FakeSlack.start();
    logger = new RecordingLogger();
  });

  afterEach(async () => {
    await app?.stop();
    app = undefined;
    await fake.close();
  });

  /** Sends `/treaty <text>` as ASKER in CHANNEL and returns the ephemeral reply's body. */
  async function slash(text: string, id: string, config = {}): Promise<Record<string, unknown>> {
    const running = await startHttpApp(bot, fake, logger, undefined, config);
    app = running.app;
    const ack = await postSigned(running.eventsUrl, slashCommandForm(text, fake.responseUrl(id)), {
      contentType: FORM,
    });
    expect(ack.status).toBe(200);
    const [post] = await fake.waitFor(() => fake.postsTo(id).length > 0 && fake.postsTo(id));
    return post?.body ?? {};
  }

  const titleOf = (body: Record<string, unknown>) => (body.blocks as Block[])[0]?.text?.text;

  it('lets a workspace admin subscribe the channel and confirms it', async () => {
    fake.setUser(ASKER, { is_admin: true });
    const body = await slash('subscribe weekly Europe/Berlin', 's1');
    expect(body.response_type).toBe('ephemeral');
    expect(titleOf(body)).toBe('Subscribed');
    expect(String(body.text)).toContain('weekly');
    expect(String(body.text)).toContain('Europe/Berlin');
    // The commands in the confirmation are real code spans, not look-alike characters.
    const blocks = JSON.stringify(body.blocks);
    expect(blocks).toContain('(`weekly`, Europe/Berlin)');
    expect(blocks).toContain('`/treaty unsubscribe`');
    expect(blocks).not.toMatch(/[\u02CB\u2217]/);
    expect(fake.callsTo('users.info').map((call) => call.params.user)).toEqual([ASKER]);
    expect(store.subscriptions.list()).toEqual([
      expect.objectContaining({
        platform: 'slack',
        workspace: FAKE_TEAM,
        channel: CHANNEL,
        schedule: 'weekly',
        timeZone: 'Europe/Berlin',
        createdBy: ASKER,
      }),
    ]);
  });

  it('lets a workspace owner unsubscribe', async () => {
    store.subscriptions.subscribe(
      {
        platform: 'slack',
        workspace: FAKE_TEAM,
        channel: CHANNEL,
        schedule: 'daily',
        timeZone: 'UTC',
        createdBy: 'U1',
      },
      new Date('2026-04-01T00:00:00Z'),
    );
    fake.setUser(ASKER, { is_owner: true });
    const body = await slash('unsubscribe', 'u1');
    expect(titleOf(body)).toBe('Unsubscribed');
    expect(store.subscriptions.list()).toEqual([]);
  });

  it('politely refuses a member who is not an admin, and stores nothing', async () => {
    const body = await slash('subscribe weekly Europe/Berlin', 's2');
    expect(titleOf(body)).toBe('Not allowed');
    expect(String(body.text)).toMatch(/Only workspace admins/);
    expect(store.subscriptions.list()).toEqual([]);
  });

  it('allows a member listed in SLACK_ADMIN_USER_IDS without asking users.info', async () => {
    const body = await slash('subscribe daily', 's3', { adminUserIds: ['U0OTHER', ASKER] });
    expect(titleOf(body)).toBe('Subscribed');
    expect(fake.callsTo('users.info')).toHaveLength(0);
    expect(store.subscriptions.list()).toEqual([expect.objectContaining({ channel: CHANNEL, schedule: 'daily' })]);
  });

  it('treats a failed users.info as not allowed and logs it', async () => {
    fake.onApi((call) => (call.method === 'users.info' ? { body: { ok: false, error: 'user_not_found' } } : undefined));
    const body = await slash('subscribe', 's4');
    expect(titleOf(body)).toBe('Not allowed');
    expect(store.subscriptions.list()).toEqual([]);
    const warning = logger.entries.find((entry) => entry.level === 'warn' && /users\.info failed/.test(entry.message));
    expect(warning?.fields).toMatchObject({ user: ASKER, apiError: 'user_not_found' });
  });

  it('checks the permission for a mention too, with the channel and team of the mention', async () => {
    fake.setUser(ASKER, { is_admin: true });
    const running = await startHttpApp(bot, fake, logger);
    app = running.app;
    const event = appMentionEvent(`<@${FAKE_BOT_USER}> subscribe daily Asia/Beirut`, '1700000000.000100');
    await postSigned(running.eventsUrl, JSON.stringify(eventCallback('Ev0SUB', event)), { contentType: JSON_TYPE });
    const [post] = await fake.waitFor(() => fake.postedMessages().length > 0 && fake.postedMessages());
    expect(post?.params.thread_ts).toBe('1700000000.000100');
    expect((post?.params.blocks as Block[] | undefined)?.[0]?.text?.text).toBe('Subscribed');
    expect(store.subscriptions.list()).toEqual([
      expect.objectContaining({ workspace: FAKE_TEAM, channel: CHANNEL, timeZone: 'Asia/Beirut' }),
    ]);
  });

  it('renders /treaty status as a header and its status lines, without a permission lookup', async () => {
    const body = await slash('status', 'st1');
    const blocks = body.blocks as Block[];
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Ratification status' } });
    // The core's status reply for the tracker's facts, rendered as it is: what the user gets.
    const reply = statusReply(tracker.statusView(), 'status', 'en', { share: true });
    expect(blocks).toEqual(renderReply(reply).blocks);
    // Private, so it cannot carry the chart: it offers to share the status, which then carries it.
    expect(blocks.map((block) => block.type)).not.toContain('image');
    expect(JSON.stringify(blocks.at(-1))).toContain('treaty_share');
    const lines = reply.parts.flatMap((part) => (part.type === 'note' && !part.aside ? [part.text] : []));
    expect(lines.length).toBeGreaterThan(0);
    const sectionText = blocks
      .filter((block) => block.type === 'section')
      .map((block) => block.text?.text)
      .join('\n');
    for (const statusLine of lines) expect(sectionText).toContain(statusLine);
    expect(String(body.text)).toMatch(/as of 2026-04-02 14:00 UTC from consents\.xml/);
    expect(fake.callsTo('users.info')).toHaveLength(0);
  });

  /** Clicks "Share in channel" under the ephemeral `/treaty status` and waits for the ephemeral's removal. */
  async function shareStatus(id: string): Promise<void> {
    const running = await startHttpApp(bot, fake, logger);
    app = running.app;
    const ack = await postSigned(running.eventsUrl, shareClickForm('status', fake.responseUrl(id)), {
      contentType: FORM,
    });
    expect(ack.status).toBe(200);
    await fake.waitFor(() => fake.postsTo(id).some((post) => post.body.delete_original === true));
  }

  it('shares a status with its chart: uploaded unshared, then one message in the channel showing it', async () => {
    await shareStatus('sh1');

    expect(fake.calls.map((call) => call.method).filter((method) => method !== 'auth.test')).toEqual([
      'files.getUploadURLExternal',
      'files.completeUploadExternal',
      'chat.postMessage',
    ]);
    const [message, ...more] = fake.messagesIn(CHANNEL);
    expect(more).toEqual([]);
    const [file] = fake.files;
    expect(fake.imagesOf(message ?? never())).toEqual([file?.id]);
    expect(file).toMatchObject({ filename: 'status.png', completed: true, sharedTo: [] });
    expect(JSON.stringify(message?.blocks)).toContain(`Shared by <@${ASKER}>`);
    // The response_url only removes the private copy.
    expect(fake.postsTo('sh1').map((post) => post.body)).toEqual([{ delete_original: true }]);
  });

  it('shares a status without the picture, through the response_url, where the bot is not in the channel', async () => {
    fake.onApi((call) =>
      call.method === 'chat.postMessage' ? { body: { ok: false, error: 'not_in_channel' } } : undefined,
    );
    await shareStatus('sh2');

    const [shared, removal] = fake.postsTo('sh2').map((post) => post.body);
    expect(shared).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(JSON.stringify(shared?.blocks)).toContain(`Shared by <@${ASKER}>`);
    expect(JSON.stringify(shared?.blocks)).not.toContain('"image"');
    expect(removal).toEqual({ delete_original: true });
    expect(logger.messages('warn')).toEqual(['slack: could not post the status with its chart; posting it without']);
  });
});

describe('a status asked by mention on Slack', () => {
  let store: Store;
  let fake: FakeSlack;
  let app: App | undefined;

  beforeAll(async () => {
    store = openStore(':memory:', silentLogger);
    await new RatificationTracker({ store, sourceUrl: fixture('consents.xml'), logger: silentLogger }).poll();
  });

  afterAll(() => store.close());

  afterEach(async () => {
    await app?.stop();
    await fake.close();
  });

  it('is answered in the thread with its chart: uploaded unshared, then one message showing it', async () => {
    fake = await FakeSlack.start();
    const tracker = new RatificationTracker({ store, sourceUrl: fixture('consents.xml'), logger: silentLogger });
    const running = await startHttpApp(
      createTreatyBot({ logger: silentLogger, statusDesk: tracker }),
      fake,
      silentLogger,
    );
    app = running.app;
    const event = appMentionEvent(`<@${FAKE_BOT_USER}> status`, '1700000000.000300');
    await postSigned(running.eventsUrl, JSON.stringify(eventCallback('Ev0STATUS', event)), { contentType: JSON_TYPE });
    const [post, ...more] = await fake.waitFor(() => fake.postedMessages().length > 0 && fake.postedMessages());

    expect(more).toEqual([]);
    expect(post?.params.thread_ts).toBe('1700000000.000300');
    const [file] = fake.files;
    expect(file).toMatchObject({ filename: 'status.png', completed: true, sharedTo: [] });
    expect(JSON.stringify(post?.params.blocks)).toContain(`"slack_file":{"id":"${file?.id}"}`);
  });
});

function never(): never {
  throw new Error('missing');
}
