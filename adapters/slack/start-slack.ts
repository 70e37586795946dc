import type { AddressInfo } from 'node:net';
import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import type { SlackConfig } from '../../src/config.ts';
import type { FeedbackRecorder } from '../../src/feedback/feedback-recorder.ts';
import type { Logger } from '../../src/logger.ts';
import type { PlatformRuntime } from '../platform-runtime.ts';
import { createSlackApp } from './create-slack-app.ts';
import { createSlackDigestPoster } from './slack-digest-poster.ts';

/**
 * Starts the Slack adapter for the composition root: Socket Mode when `config.appToken` is set (no public
 * URL needed), else HTTP mode on `config.port` at `/slack/events`. Resolves once connected or listening with
 * the runtime: the digest poster (over the app's own Web API client) and `stop`. With `feedback`, answers carry
 * 👍 / 👎 buttons whose clicks it records.
 */
export async function startSlack(
  bot: TreatyBot,
  config: SlackConfig,
  logger: Logger,
  feedback?: FeedbackRecorder,
): Promise<PlatformRuntime> {
  const app = createSlackApp(bot, config, logger, { feedback });
  try {
    if (config.appToken) {
      await app.start();
      logger.info({ platform: 'slack', mode: 'socket' }, 'slack: connected in Socket Mode');
    } else {
      const server = await app.start(config.port);
      const port = (server.address() as AddressInfo | null)?.port ?? config.port;
      logger.info({ platform: 'slack', mode: 'http', port }, `slack: listening on port ${port} at /slack/events`);
    }
  } catch (error) {
    throw new SlackStartError(
      `slack: could not start (check SLACK_BOT_TOKEN${config.appToken ? ' and SLACK_APP_TOKEN' : ' and PORT'}): ${(error as Error).message}`,
    );
  }
  return {
    platform: 'slack',
    poster: createSlackDigestPoster(app.client, logger),
    stop: async () => {
      await app.stop();
    },
  };
}

/** Slack refused the tokens or the port is taken: one line for the operator, no stack trace. */
export class SlackStartError extends Error {
  readonly code = 'SLACK_START_FAILED';
}
