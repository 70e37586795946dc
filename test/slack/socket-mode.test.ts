import type { App } from '@slack/bolt';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import { realBot } from '../support/bot.ts';
import { RecordingLogger } from '../support/recording-logger.ts';
import { FAKE_BOT_USER, FakeSlack } from './support/fake-slack.ts';
import { brokenBot, settle, startSocketApp } from './support/slack-app-harness.ts';
import { appMentionEvent, CHANNEL, eventCallback, slashCommandPayload } from './support/slack-requests.ts';

describe('the Slack app in Socket Mode (real Bolt against a fake Slack WebSocket)', () => {
  let bot: TreatyBot;
  let fake: FakeSlack;
  let app: App | undefined;
  let logger: RecordingLogger;

  beforeAll(() => {
    bot = realBot();
  });

  beforeEach(async () => {
    fake = await FakeSlack.start();
    logger = new RecordingLogger();
  });

  afterEach(async () => {
    await app?.stop();
    app = undefined;
    await fake.close();
  });

  const ackOf = (envelopeId: string) => () => fake.socketMessages.find((message) => message.envelope_id === envelopeId);

  it('opens the connection with the app token and acks a slash command by envelope_id', async () => {
    app = await startSocketApp(bot, fake, logger);
    expect(fake.callsTo('apps.connections.open')[0]?.authorization).toBe('Bearer xapp-1-test-token');
    fake.sendEnvelope({
      envelope_id: 'env-command',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: slashCommandPayload('entry-into-force', fake.responseUrl('sc1')),
    });
    await fake.waitFor(ackOf('env-command'));
    const [post] = await fake.waitFor(() => fake.postsTo('sc1').length > 0 && fake.postsTo('sc1'));
    expect(post?.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(post?.body.blocks)).toContain('90');
  });

  it('answers a mention in its thread with chat.postMessage', async () => {
    app = await startSocketApp(bot, fake, logger);
    fake.sendEnvelope({
      envelope_id: 'env-mention',
      type: 'events_api',
      accepts_response_payload: false,
      payload: eventCallback(
        'Ev-mention',
        appMentionEvent(`<@${FAKE_BOT_USER}> entry-into-force`, '1700000000.000200'),
      ),
    });
    expect(await fake.waitFor(ackOf('env-mention'))).toMatchObject({ envelope_id: 'env-mention' });
    const [posted] = await fake.waitFor(() => fake.postedMessages().length > 0 && fake.postedMessages());
    expect(posted?.params).toMatchObject({ channel: CHANNEL, thread_ts: '1700000000.000200' });
    expect(posted?.authorization).toBe('Bearer xoxb-test-token');
    const blocks = posted?.params.blocks as Array<{ type: string; text?: { text: string } }>;
    // The mention is gone from the question shown as the title.
    expect(blocks[0]?.text?.text).toBe('Entry into force');
    expect(JSON.stringify(blocks)).toContain('40');
  });

  it('answers a mention inside a thread in that thread', async () => {
    app = await startSocketApp(bot, fake, logger);
    const mention = appMentionEvent(`<@${FAKE_BOT_USER}> what about extradition?`, '1700000000.000300', {
      thread_ts: '1700000000.000100',
    });
    fake.sendEnvelope({ envelope_id: 'env-thread', type: 'events_api', payload: eventCallback('Ev-thread', mention) });
    const [posted] = await fake.waitFor(() => fake.postedMessages().length > 0 && fake.postedMessages());
    expect(posted?.params.thread_ts).toBe('1700000000.000100');
  });

  it('answers the same event_id delivered twice only once', async () => {
    app = await startSocketApp(bot, fake, logger);
    const payload = eventCallback('Ev-dup', appMentionEvent(`<@${FAKE_BOT_USER}> signature`, '1700000000.000400'));
    fake.sendEnvelope({ envelope_id: 'env-1', type: 'events_api', payload });
    fake.sendEnvelope({ envelope_id: 'env-2', type: 'events_api', retry_attempt: 1, retry_reason: 'timeout', payload });
    await fake.waitFor(ackOf('env-2'));
    await fake.waitFor(() => fake.postedMessages().length > 0);
    await settle();
    expect(fake.postedMessages()).toHaveLength(1);
  });

  it('apologises in the thread and logs the error when the core throws', async () => {
    app = await startSocketApp(brokenBot, fake, logger);
    fake.sendEnvelope({
      envelope_id: 'env-broken',
      type: 'events_api',
      payload: eventCallback('Ev-broken', appMentionEvent(`<@${FAKE_BOT_USER}> hello`, '1700000000.000500')),
    });
    const [posted] = await fake.waitFor(() => fake.postedMessages().length > 0 && fake.postedMessages());
    expect(posted?.params.thread_ts).toBe('1700000000.000500');
    expect(String(posted?.params.text)).toMatch(/^Sorry/);
    expect(JSON.stringify(posted?.params)).not.toContain('exploded');
    expect(logger.entries.find((entry) => entry.level === 'error')?.fields).toMatchObject({
      channel: CHANNEL,
      via: 'app_mention',
    });
  });

  it('logs an API error (not_in_channel) instead of crashing', async () => {
    fake.onApi((call) =>
      call.method === 'chat.postMessage' ? { body: { ok: false, error: 'not_in_channel' } } : undefined,
    );
    app = await startSocketApp(bot, fake, logger);
    fake.sendEnvelope({
      envelope_id: 'env-denied',
      type: 'events_api',
      payload: eventCallback('Ev-denied', appMentionEvent(`<@${FAKE_BOT_USER}> signature`, '1700000000.000600')),
    });
    const entry = await fake.waitFor(() => logger.entries.find((each) => each.level === 'error'));
    expect(entry.message).toBe('slack: could not post the answer to a mention');
    expect(entry.fields).toMatchObject({ apiError: 'not_in_channel', channel: CHANNEL });
  });
});
