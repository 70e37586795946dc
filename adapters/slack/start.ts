import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import type { SlackConfig } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';
import type { OpsRoute } from '../../src/ops/ops-routes.ts';
import type { PlatformRuntime, PlatformServices } from '../platform-runtime.ts';
import { slackDigestClient } from './client-options.ts';
import { createSlackApp } from './create-app.ts';
import { createSlackDigestPoster } from './digest-poster.ts';

export interface SlackServices extends PlatformServices {
  /** Served on the same port in HTTP mode: one HTTP server per process. */
  routes?: readonly OpsRoute[] | undefined;
}

/**
 * Starts the Slack adapter for the composition root: Socket Mode when `config.appToken` is set (no public
 * URL needed), else HTTP mode on `config.port` at `/slack/events`, beside `services.routes`. Resolves once
 * connected or listening with the runtime: the digest poster (over the app's own Web API client), the
 * connection state and `stop`. Digests post through a client of their own (see `slackDigestClient`). Replies
 * carry the buttons the core offers: 👍 / 👎 when `bot` records votes (`createTreatyBot({ feedback })`).
 */
export async function startSlack(
  bot: TreatyBot,
  config: SlackConfig,
  logger: Logger,
  services: SlackServices = {},
): Promise<PlatformRuntime> {
  const app = createSlackApp(bot, config, logger, services);
  const slackSettings = { apiUrl: config.apiUrl, requestTimeoutMs: services.requestTimeoutMs };
  let server: Server | undefined;
  try {
    if (config.appToken) {
      await app.start();
      logger.info({ platform: 'slack', mode: 'socket' }, 'slack: connected in Socket Mode');
    } else {
      server = (await app.start(config.port)) as Server;
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
    poster: createSlackDigestPoster(slackDigestClient(config.botToken, slackSettings, logger), logger),
    isConnected: () => (config.appToken ? app.socketConnected() : (server?.listening ?? false)),
    stop: async () => {
      // Requests in progress finish; a connection Slack keeps alive is closed as soon as it is idle, rather than
      // holding the close for the 5 s keep-alive timeout.
      const sweep = server && setInterval(() => server?.closeIdleConnections(), 25);
      try {
        await app.stop();
      } finally {
        clearInterval(sweep);
      }
    },
  };
}

/** Slack refused the tokens or the port is taken: one line for the operator, no stack trace. */
export class SlackStartError extends Error {
  readonly code = 'SLACK_START_FAILED';
}
