import { createHash } from 'node:crypto';
import type { App } from '@slack/bolt';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { excerptsOf } from '../../src/answer/reply.ts';
import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import { silentLogger } from '../../src/logger.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { realBot, realBotWithFeedback } from '../support/bot.ts';
import { RecordingLogger } from '../support/recording-logger.ts';
import { FakeSlack } from './support/fake-slack.ts';
import { settle, startHttpApp } from './support/slack-app-harness.ts';
import {
  ASKER,
  appMentionEvent,
  CHANNEL,
  eventCallback,
  FORM,
  feedbackClickForm,
  JSON_TYPE,
  postSigned,
  shareClickForm,
  slashCommandForm,
} from './support/slack-requests.ts';

const UP = 'treaty_feedback_up';
const DOWN = 'treaty_feedback_down';
const IGNORED = 'slack: a feedback click was ignored: votes are not recorded, or its query is missing or garbled';

type Blocks = Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>;

/** The action_ids of the buttons in a message's blocks. */
function actionIds(blocks: unknown): string[] {
  return ((blocks ?? []) as Blocks).flatMap((block) =>
    block.type === 'actions' ? (block.elements ?? []).map((each) => each.action_id ?? '') : [],
  );
}

describe('👍 / 👎 feedback on Slack (real Bolt, real core, real store)', () => {
  /** The core without a recorder: its replies offer no votes. */
  let bot: TreatyBot;
  /** The core recording votes in this test's store. */
  let voting: TreatyBot;
  let fake: FakeSlack;
  let app: App | undefined;
  let logger: RecordingLogger;
  let store: Store;

  beforeAll(() => {
    bot = realBot();
  });

  beforeEach(async () => {
    fake = await FakeSlack.start();
    logger = new RecordingLogger();
    store = openStore(':memory:', silentLogger);
    voting = realBotWithFeedback(store);
  });

  afterEach(async () => {
    await app?.stop();
    app = undefined;
    await fake.close();
    store.close();
  });

  async function start(withRecorder = true): Promise<string> {
    const running = await startHttpApp(withRecorder ? voting : bot, fake, logger);
    app = running.app;
    return running.eventsUrl;
  }

  function click(eventsUrl: string, actionId: string, options: Parameters<typeof feedbackClickForm>[1]) {
    return postSigned(eventsUrl, feedbackClickForm(actionId, options), { contentType: FORM });
  }

  /** The top citations the recorder keeps for `query`, computed from the core directly. */
  function topCitations(query: string): string[] {
    return excerptsOf(bot.ask(query, { platform: 'slack' }))
      .slice(0, 3)
      .map((excerpt) => `${excerpt.source}#${excerpt.locator}`);
  }

  describe('the buttons', () => {
    it('are under an ephemeral /treaty answer, after Share, carrying the query', async () => {
      const eventsUrl = await start();
      await postSigned(eventsUrl, slashCommandForm('entry-into-force', fake.responseUrl('c1')), { contentType: FORM });
      const [post] = await fake.waitFor(() => fake.postsTo('c1').length > 0 && fake.postsTo('c1'));
      const blocks = post?.body.blocks as Blocks;
      expect(actionIds(blocks)).toEqual(['treaty_share', UP, DOWN]);
      expect(blocks.at(-1)?.elements?.map((each) => each.value)).toEqual(Array(3).fill('entry-into-force'));
    });

    it('are under a mention answer and a shared answer, but not under help', async () => {
      const eventsUrl = await start();
      const mention = eventCallback('Ev-fb-mention', appMentionEvent('<@U0BOT> entry-into-force', '1700000000.000300'));
      await postSigned(eventsUrl, JSON.stringify(mention), { contentType: JSON_TYPE });
      const [posted] = await fake.waitFor(() => fake.postedMessages().length > 0 && fake.postedMessages());
      expect(actionIds(posted?.params.blocks)).toEqual([UP, DOWN]);

      await postSigned(eventsUrl, shareClickForm('entry-into-force', fake.responseUrl('s1')), { contentType: FORM });
      const [shared] = await fake.waitFor(() => fake.postsTo('s1').length >= 2 && fake.postsTo('s1'));
      expect(shared?.body.response_type).toBe('in_channel');
      expect(actionIds(shared?.body.blocks)).toEqual([UP, DOWN]);

      await postSigned(eventsUrl, slashCommandForm('help', fake.responseUrl('h1')), { contentType: FORM });
      const [help] = await fake.waitFor(() => fake.postsTo('h1').length > 0 && fake.postsTo('h1'));
      expect(actionIds(help?.body.blocks)).toEqual([]);
    });

    it('are not shown without a recorder', async () => {
      const eventsUrl = await start(false);
      await postSigned(eventsUrl, slashCommandForm('entry-into-force', fake.responseUrl('c2')), { contentType: FORM });
      const [post] = await fake.waitFor(() => fake.postsTo('c2').length > 0 && fake.postsTo('c2'));
      expect(actionIds(post?.body.blocks)).toEqual(['treaty_share']);
    });
  });

  describe('a click', () => {
    it('on 👎 under a public answer records one vote and thanks only the clicker, in the thread', async () => {
      const eventsUrl = await start();
      const record = vi.spyOn(store.feedback, 'record');
      const ack = await click(eventsUrl, DOWN, {
        value: 'entry-into-force',
        responseUrl: fake.responseUrl('p1'),
        ephemeral: false,
        threadTs: '1700000000.000300',
      });
      expect(ack.status).toBe(200);
      const [thanks] = await fake.waitFor(
        () => fake.callsTo('chat.postEphemeral').length > 0 && fake.callsTo('chat.postEphemeral'),
      );
      expect(thanks?.params).toMatchObject({
        channel: CHANNEL,
        user: ASKER,
        thread_ts: '1700000000.000300',
        text: 'Thanks for the feedback!',
      });
      expect(store.feedback.worstRated(5)).toEqual([{ question: 'entry-into-force', down: 1, up: 0 }]);
      expect(record).toHaveBeenCalledTimes(1);
      const [vote] = record.mock.calls[0] ?? [];
      const citations = topCitations('entry-into-force');
      expect(citations.length).toBeGreaterThan(0);
      expect(vote).toEqual({
        question: 'entry-into-force',
        replyKind: 'answer',
        topCitations: citations,
        vote: 'down',
        platform: 'slack',
        userHash: createHash('sha256').update(`slack:${ASKER}`).digest('hex').slice(0, 16),
      });
      expect(JSON.stringify(vote)).not.toContain(ASKER);
      await settle(50);
      expect(fake.postedMessages()).toEqual([]);
      expect(fake.responsePosts).toEqual([]);
      expect(logger.messages('error')).toEqual([]);
    });

    it('on 👍 under an ephemeral answer records the vote and thanks through the response_url, ephemerally', async () => {
      const eventsUrl = await start();
      const record = vi.spyOn(store.feedback, 'record');
      const ack = await click(eventsUrl, UP, {
        value: 'entry-into-force',
        responseUrl: fake.responseUrl('e1'),
        ephemeral: true,
      });
      expect(ack.status).toBe(200);
      const [thanks] = await fake.waitFor(() => fake.postsTo('e1').length > 0 && fake.postsTo('e1'));
      expect(thanks?.body).toEqual({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'Thanks for the feedback!',
      });
      expect(record.mock.calls.map(([vote]) => [vote.vote, vote.replyKind])).toEqual([['up', 'answer']]);
      // worstRated lists questions with a down vote: add one from someone else to see the up vote counted.
      await click(eventsUrl, DOWN, {
        value: 'entry-into-force',
        responseUrl: fake.responseUrl('e2'),
        ephemeral: true,
        user: 'U0OTHER',
      });
      await fake.waitFor(() => fake.postsTo('e2').length > 0);
      expect(store.feedback.worstRated(5)).toEqual([{ question: 'entry-into-force', down: 1, up: 1 }]);
      const [up, down] = record.mock.calls.map(([vote]) => vote.userHash);
      expect(up).not.toBe(down);
      await settle(50);
      expect(fake.calls.filter((call) => call.method.startsWith('chat.'))).toEqual([]);
      expect(fake.responsePosts.every((post) => post.body.response_type === 'ephemeral')).toBe(true);
    });

    it('on a no_answer reply records its kind with no citations', async () => {
      const eventsUrl = await start();
      const record = vi.spyOn(store.feedback, 'record');
      await click(eventsUrl, DOWN, {
        value: 'what is the best pizza recipe',
        responseUrl: fake.responseUrl('n1'),
        ephemeral: true,
      });
      await fake.waitFor(() => fake.postsTo('n1').length > 0);
      expect(record.mock.calls[0]?.[0]).toMatchObject({ replyKind: 'no_answer', topCitations: [], vote: 'down' });
    });

    it('with a missing or garbled value is acked and logged, and nothing is recorded or shown', async () => {
      const eventsUrl = await start();
      const record = vi.spyOn(store.feedback, 'record');
      const values = [undefined, '', '   ', 'help', 'subscribe daily', 'x'.repeat(2001)];
      for (const [i, value] of values.entries()) {
        const ack = await click(eventsUrl, i % 2 ? UP : DOWN, {
          value,
          responseUrl: fake.responseUrl(`g${i}`),
          ephemeral: i % 2 === 0,
        });
        expect(ack.status).toBe(200);
      }
      await fake.waitFor(() => logger.messages('warn').length >= values.length);
      await settle(50);
      expect(logger.messages('warn')).toEqual(Array(values.length).fill(IGNORED));
      expect(record).not.toHaveBeenCalled();
      expect(store.feedback.worstRated(5)).toEqual([]);
      expect(fake.calls.filter((call) => call.method.startsWith('chat.'))).toEqual([]);
      expect(fake.responsePosts).toEqual([]);
    });

    it('that cannot be recorded is logged, and the clicker gets a short apology without details', async () => {
      const eventsUrl = await start();
      vi.spyOn(store.feedback, 'record').mockImplementation(() => {
        throw new Error('SQLITE_BUSY: database is locked at /srv/treaty-bot/data/treaty-bot.sqlite');
      });
      const ack = await click(eventsUrl, DOWN, {
        value: 'entry-into-force',
        responseUrl: fake.responseUrl('f1'),
        ephemeral: true,
      });
      expect(ack.status).toBe(200);
      const [sorry] = await fake.waitFor(() => fake.postsTo('f1').length > 0 && fake.postsTo('f1'));
      expect(sorry?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(String(sorry?.body.text)).toContain('could not be saved');
      expect(JSON.stringify(sorry?.body)).not.toMatch(/SQLITE|sqlite|Error|\bat /);
      const [entry] = logger.entries.filter((each) => each.level === 'error');
      expect(entry?.message).toBe('slack: could not record answer feedback');
      expect(String((entry?.fields as { err?: Error } | undefined)?.err)).toContain('SQLITE_BUSY');
    });

    it('under a public answer in a channel the bot cannot post to is thanked through the response_url', async () => {
      const eventsUrl = await start();
      const record = vi.spyOn(store.feedback, 'record');
      fake.onApi((call) =>
        call.method === 'chat.postEphemeral' ? { body: { ok: false, error: 'channel_not_found' } } : undefined,
      );
      await click(eventsUrl, UP, { value: 'entry-into-force', responseUrl: fake.responseUrl('x1'), ephemeral: false });
      const [thanks] = await fake.waitFor(() => fake.postsTo('x1').length > 0 && fake.postsTo('x1'));
      expect(thanks?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(fake.postedMessages()).toEqual([]);
      expect(record).toHaveBeenCalledTimes(1);
      expect(logger.messages('warn')).toEqual([]);
    });

    it('without a recorder is acked and ignored', async () => {
      const eventsUrl = await start(false);
      const ack = await click(eventsUrl, UP, {
        value: 'entry-into-force',
        responseUrl: fake.responseUrl('r1'),
        ephemeral: true,
      });
      expect(ack.status).toBe(200);
      await fake.waitFor(() => logger.messages('warn').length > 0);
      expect(logger.messages('warn')).toEqual([IGNORED]);
      expect(fake.responsePosts).toEqual([]);
      expect(store.feedback.worstRated(5)).toEqual([]);
    });
  });
});
