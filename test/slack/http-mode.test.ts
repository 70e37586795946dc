import type { App } from '@slack/bolt';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import { realBot } from '../support/bot.ts';
import { RecordingLogger } from '../support/recording-logger.ts';
import { FAKE_TEAM, FakeSlack } from './support/fake-slack.ts';
import { brokenBot, settle, startHttpApp } from './support/slack-app-harness.ts';
import {
  ASKER,
  CHANNEL,
  directMessageEvent,
  eventCallback,
  FORM,
  JSON_TYPE,
  postSigned,
  SIGNING_SECRET,
  shareClickForm,
  showEnglishClickForm,
  signature,
  slashCommandForm,
} from './support/slack-requests.ts';

/** Every text field of a message, for searching what the user sees. */
function visibleText(message: Record<string, unknown>): string {
  return JSON.stringify([message.text, message.blocks]);
}

describe('the Slack app in HTTP mode (real Bolt against a fake Slack)', () => {
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

  describe('/treaty', () => {
    it('acks a signed command with 200, then posts an ephemeral cited answer to the response_url', async () => {
      const running = await startHttpApp(bot, fake, logger);
      app = running.app;
      const ack = await postSigned(running.eventsUrl, slashCommandForm('entry-into-force', fake.responseUrl('c1')), {
        contentType: FORM,
      });
      expect(ack.status).toBe(200);
      const [post] = await fake.waitFor(() => fake.postsTo('c1').length > 0 && fake.postsTo('c1'));
      const body = post?.body ?? {};
      expect(body.response_type).toBe('ephemeral');
      const text = visibleText(body);
      expect(text).toContain('40');
      expect(text).toContain('90');
      expect(text).toContain('حيز');
      const blocks = body.blocks as Array<{ type: string; elements?: Array<Record<string, unknown>> }>;
      expect(blocks[0]?.type).toBe('header');
      expect(blocks.filter((block) => block.type === 'context').length).toBeGreaterThanOrEqual(2);
      const button = blocks.at(-1)?.elements?.[0];
      expect(button).toMatchObject({ action_id: 'treaty_share', value: 'entry-into-force' });
      expect(typeof body.text).toBe('string');
      expect(logger.messages('error')).toEqual([]);
    });

    it('answers empty text with the help', async () => {
      const running = await startHttpApp(bot, fake, logger);
      app = running.app;
      await postSigned(running.eventsUrl, slashCommandForm('', fake.responseUrl('h1')), { contentType: FORM });
      const [post] = await fake.waitFor(() => fake.postsTo('h1').length > 0 && fake.postsTo('h1'));
      expect(visibleText(post?.body ?? {})).toContain('/treaty topics');
    });

    it('lists the topics for `topics`', async () => {
      const running = await startHttpApp(bot, fake, logger);
      app = running.app;
      await postSigned(running.eventsUrl, slashCommandForm('topics', fake.responseUrl('t1')), { contentType: FORM });
      const [post] = await fake.waitFor(() => fake.postsTo('t1').length > 0 && fake.postsTo('t1'));
      expect(visibleText(post?.body ?? {})).toContain('`entry-into-force` — ');
    });

    it('reads Slack entities in the text once, so the title shows what was typed', async () => {
      const running = await startHttpApp(bot, fake, logger);
      app = running.app;
      // Typed: `R&D <cyber> @`, a zero-width space, `everyone`; Slack escapes &, < and >.
      const typed = 'R&amp;D &lt;cyber&gt; @\u200Beveryone';
      await postSigned(running.eventsUrl, slashCommandForm(typed, fake.responseUrl('e1')), { contentType: FORM });
      const [post] = await fake.waitFor(() => fake.postsTo('e1').length > 0 && fake.postsTo('e1'));
      const blocks = post?.body.blocks as Array<{ type: string; text?: { text: string } }>;
      expect(blocks[0]?.text?.text).toBe('R&amp;D &lt;cyber&gt;');
      expect(JSON.stringify(post?.body)).not.toMatch(/&amp;amp;|everyone/);
    });

    it('rejects a bad signature with 401 and answers nothing', async () => {
      const running = await startHttpApp(bot, fake, logger);
      app = running.app;
      const result = await postSigned(running.eventsUrl, slashCommandForm('topics', fake.responseUrl('x')), {
        contentType: FORM,
        signature: signature('0000000000000000wrongsecret', Math.floor(Date.now() / 1000), 'text=topics'),
      });
      expect(result.status).toBe(401);
      await settle();
      expect(fake.responsePosts).toEqual([]);
    });

    it('rejects a correctly signed request older than five minutes with 401 (replay window)', async () => {
      const running = await startHttpApp(bot, fake, logger);
      app = running.app;
      const result = await postSigned(running.eventsUrl, slashCommandForm('topics', fake.responseUrl('x')), {
        contentType: FORM,
        timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
        secret: SIGNING_SECRET,
      });
      expect(result.status).toBe(401);
      await settle();
      expect(fake.responsePosts).toEqual([]);
    });

    it('sends a short apology and logs the error with context when the core throws', async () => {
      const running = await startHttpApp(brokenBot, fake, logger);
      app = running.app;
      const ack = await postSigned(running.eventsUrl, slashCommandForm('entry-into-force', fake.responseUrl('e1')), {
        contentType: FORM,
      });
      expect(ack.status).toBe(200);
      const [post] = await fake.waitFor(() => fake.postsTo('e1').length > 0 && fake.postsTo('e1'));
      const text = visibleText(post?.body ?? {});
      expect(text).toContain('Sorry');
      expect(text).not.toMatch(/exploded|passages\.json|Error|\bat /);
      const [entry] = logger.entries.filter((each) => each.level === 'error');
      expect(entry?.fields).toMatchObject({ team: FAKE_TEAM, channel: CHANNEL, user: ASKER, via: '/treaty' });
      expect(String((entry?.fields as { err?: Error } | undefined)?.err)).toContain('exploded');
    });
  });

  describe('the Share button', () => {
    it('reposts the answer publicly, attributed to the user, and removes the ephemeral copy', async () => {
      const running = await startHttpApp(bot, fake, logger);
      app = running.app;
      const ack = await postSigned(running.eventsUrl, shareClickForm('entry-into-force', fake.responseUrl('s1')), {
        contentType: FORM,
      });
      expect(ack.status).toBe(200);
      const posts = await fake.waitFor(() => fake.postsTo('s1').length >= 2 && fake.postsTo('s1'));
      const [shared, removal] = posts.map((post) => post.body);
      expect(shared).toMatchObject({ response_type: 'in_channel', replace_original: false });
      expect(visibleText(shared ?? {})).toContain(`Shared by <@${ASKER}>`);
      expect(visibleText(shared ?? {})).toContain('90');
      expect(visibleText(shared ?? {})).not.toContain('treaty_share');
      expect(removal).toEqual({ delete_original: true });
    });
  });

  describe('the Show in English button', () => {
    it('answers the clicker alone with each quote and its unofficial English translation', async () => {
      const running = await startHttpApp(bot, fake, logger);
      app = running.app;
      const question = 'متى تدخل الاتفاقية حيز النفاذ؟';
      await postSigned(running.eventsUrl, slashCommandForm(question, fake.responseUrl('e0')), { contentType: FORM });
      const [answer] = await fake.waitFor(() => fake.postsTo('e0').length > 0 && fake.postsTo('e0'));
      expect(visibleText(answer?.body ?? {})).toContain('treaty_show_english');
      expect(visibleText(answer?.body ?? {})).not.toContain('unofficial translation');
      const ack = await postSigned(running.eventsUrl, showEnglishClickForm(question, fake.responseUrl('e1')), {
        contentType: FORM,
      });
      expect(ack.status).toBe(200);
      const [shown] = await fake.waitFor(() => fake.postsTo('e1').length > 0 && fake.postsTo('e1'));
      expect(shown?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      const text = visibleText(shown?.body ?? {});
      expect(text).toContain('English (unofficial translation)');
      expect(text).toMatch(/enter into force/i);
      expect(text).toContain('حيز');
      expect(text).not.toContain('treaty_show_english');
    });
  });

  describe('events', () => {
    it('answers a DM in the DM and ignores bots, its own messages and edits', async () => {
      const running = await startHttpApp(bot, fake, logger);
      app = running.app;
      const send = (id: string, event: Record<string, unknown>) =>
        postSigned(running.eventsUrl, JSON.stringify(eventCallback(id, event)), { contentType: JSON_TYPE });
      const ignored = [
        directMessageEvent('entry-into-force', '1.1', { subtype: 'bot_message', bot_id: 'B0OTHER', user: undefined }),
        directMessageEvent('entry-into-force', '1.2', { bot_id: 'B0OTHER' }),
        directMessageEvent('entry-into-force', '1.3', { user: 'U0BOT' }),
        directMessageEvent('entry-into-force', '1.4', { subtype: 'message_changed' }),
        directMessageEvent('entry-into-force', '1.5', { channel_type: 'channel', channel: CHANNEL }),
      ];
      for (const [i, event] of ignored.entries()) expect((await send(`Ev-ignored-${i}`, event)).status).toBe(200);
      expect((await send('Ev-dm', directMessageEvent('متى تدخل الاتفاقية حيز التنفيذ؟', '1.9'))).status).toBe(200);
      const [posted] = await fake.waitFor(() => fake.postedMessages().length > 0 && fake.postedMessages());
      await settle();
      expect(fake.postedMessages()).toHaveLength(1);
      expect(posted?.params).toMatchObject({ channel: 'D0DIRECT' });
      expect(posted?.params.thread_ts).toBeUndefined();
      expect(posted?.authorization).toBe('Bearer xoxb-test-token');
      expect(JSON.stringify(posted?.params.blocks)).toContain('حيز');
    });

    it('answers one event delivered twice (x-slack-retry-num) once', async () => {
      const running = await startHttpApp(bot, fake, logger);
      app = running.app;
      const body = JSON.stringify(eventCallback('Ev-twice', directMessageEvent('entry-into-force', '2.1')));
      await postSigned(running.eventsUrl, body, { contentType: JSON_TYPE });
      const retry = await postSigned(running.eventsUrl, body, {
        contentType: JSON_TYPE,
        headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
      });
      expect(retry.status).toBe(200);
      await fake.waitFor(() => fake.postedMessages().length > 0);
      await settle();
      expect(fake.postedMessages()).toHaveLength(1);
    });

    it('answers a message that arrives both as message.im and as app_mention once', async () => {
      const running = await startHttpApp(bot, fake, logger);
      app = running.app;
      const dm = directMessageEvent('<@U0BOT> entry-into-force', '4.1');
      const mention = { ...dm, type: 'app_mention', channel_type: undefined };
      await postSigned(running.eventsUrl, JSON.stringify(eventCallback('Ev-as-dm', dm)), { contentType: JSON_TYPE });
      await postSigned(running.eventsUrl, JSON.stringify(eventCallback('Ev-as-mention', mention)), {
        contentType: JSON_TYPE,
      });
      await fake.waitFor(() => fake.postedMessages().length > 0);
      await settle();
      expect(fake.postedMessages()).toHaveLength(1);
    });

    it('answers a retry after a failed delivery but not one after a timeout, for event ids it has not seen', async () => {
      const running = await startHttpApp(bot, fake, logger);
      app = running.app;
      const retry = (id: string, ts: string, reason: string) =>
        postSigned(running.eventsUrl, JSON.stringify(eventCallback(id, directMessageEvent('entry-into-force', ts))), {
          contentType: JSON_TYPE,
          headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': reason },
        });
      await retry('Ev-timeout', '3.1', 'http_timeout');
      await retry('Ev-error', '3.2', 'http_error');
      const [posted] = await fake.waitFor(() => fake.postedMessages().length > 0 && fake.postedMessages());
      await settle();
      expect(fake.postedMessages()).toHaveLength(1);
      expect(posted?.params.channel).toBe('D0DIRECT');
      expect(logger.messages('info')).toContain(
        'slack: dropped a timed-out retry; the first delivery is being answered elsewhere',
      );
    });
  });
});
