import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import type { AnswerSource } from '../../../adapters/slack/compose-answer.ts';
import { createSlackApp, type SlackAppOptions } from '../../../adapters/slack/create-app.ts';
import { answerReply } from '../../../src/answer/answer-reply.ts';
import { SHARED_BY } from '../../../src/answer/phrases.ts';
import type { Excerpt } from '../../../src/answer/reply.ts';
import type { SlackConfig } from '../../../src/config.ts';
import type { Logger } from '../../../src/logger.ts';
import type { FakeSlack } from './fake-slack.ts';
import { SIGNING_SECRET } from './slack-requests.ts';

export interface RunningHttpApp {
  app: App;
  /** `http://127.0.0.1:<port>/slack/events` */
  eventsUrl: string;
}

/**
 * The real Bolt app in HTTP mode on an ephemeral port, talking to the fake's Web API. `config` adds to the
 * test config (e.g. `adminUserIds`).
 */
export async function startHttpApp(
  bot: AnswerSource,
  fake: FakeSlack,
  logger: Logger,
  options: SlackAppOptions = {},
  config: Partial<SlackConfig> = {},
): Promise<RunningHttpApp> {
  const full: SlackConfig = {
    botToken: 'xoxb-test-token',
    signingSecret: SIGNING_SECRET,
    apiUrl: fake.apiUrl,
    port: 0,
    ...config,
  };
  const app = createSlackApp(bot, full, logger, options);
  const server = (await app.start(0)) as Server;
  const { port } = server.address() as AddressInfo;
  return { app, eventsUrl: `http://127.0.0.1:${port}/slack/events` };
}

/** The real Bolt app in Socket Mode, connected to the fake's WebSocket (resolves after `hello`). */
export async function startSocketApp(
  bot: AnswerSource,
  fake: FakeSlack,
  logger: Logger,
  options: SlackAppOptions = {},
): Promise<App> {
  const config = { botToken: 'xoxb-test-token', appToken: 'xapp-1-test-token', apiUrl: fake.apiUrl, port: 0 };
  const app = createSlackApp(bot, config, logger, options);
  await app.start();
  return app;
}

/** A core that always fails, to see that failure stays out of the chat. */
export const brokenBot: AnswerSource = {
  ask: () => {
    throw new Error('index exploded at /srv/treaty-bot/index/passages.json');
  },
  vote: () => {
    throw new Error('index exploded at /srv/treaty-bot/index/passages.json');
  },
};

/** Lets in-flight listeners finish before asserting that nothing (more) was sent. */
export function settle(ms = 150): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const CANNED_EXCERPT: Excerpt = {
  source: '002_0e7922f09a8ca988.txt',
  start: 0,
  end: 25,
  locator: 'الفقرة 2',
  title: 'معاهدة',
  text: 'يجب أن تصدق عليها 40 دولة',
  score: 1,
  highlights: [{ start: 19, end: 21 }],
  citation: {
    source: '002_0e7922f09a8ca988.txt',
    title: { ar: 'معاهدة', en: 'Treaty' },
    publisher: { ar: 'ناشر', en: 'Publisher' },
    date: '2025-10',
    locator: 'الفقرة 2',
  },
  alsoIn: [],
};

/**
 * A core that answers every question with the same short reply, for tests about transport (start, stop,
 * rate limits) that need no search index. Like the real core, it offers Share on a private reply and says who
 * shared one; it records no votes.
 */
export const cannedBot: AnswerSource = {
  ask: (text, context) => {
    const reply = answerReply(
      {
        query: text,
        lang: 'en',
        heading: 'Entry into force',
        excerpts: [CANNED_EXCERPT],
        searchedTerms: [],
        confidence: 1,
      },
      {
        share: context.privateReply === true,
        vote: false,
        english: context.english ?? true,
        platform: context.platform,
      },
    );
    if (context.sharedBy) reply.parts.splice(1, 0, { type: 'sharedBy', label: SHARED_BY, user: context.sharedBy });
    return reply;
  },
  vote: () => false,
};
