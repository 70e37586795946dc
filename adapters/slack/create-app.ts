import { App, type Logger as BoltLogger, SocketModeReceiver } from '@slack/bolt';
import type { SlackConfig } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';
import type { InFlight } from '../../src/ops/in-flight.ts';
import type { OpsRoute } from '../../src/ops/ops-routes.ts';
import { feedbackButton } from './actions/feedback-button.ts';
import { shareButton } from './actions/share-button.ts';
import { showEnglishButton } from './actions/show-english-button.ts';
import { boltLogger } from './bolt-logger.ts';
import { slackClientOptions, socketClientOptions } from './client-options.ts';
import { treatyCommand } from './commands/treaty-command.ts';
import { type AnswerSource, slackErrorFields } from './compose-answer.ts';
import { EventDedupe, type SeenEvents } from './event-dedupe.ts';
import { appMention } from './events/app-mention.ts';
import { directMessage } from './events/direct-message.ts';
import { skipRetriedEvents } from './events/skip-retried-events.ts';
import { guardedHttpReceiver } from './guarded-http-receiver.ts';
import { ACTION_IDS } from './render-blocks.ts';

export interface SlackAppOptions {
  /**
   * How long one Web API request may take; default SLACK_REQUEST_TIMEOUT_MS. The retry policy is not an
   * option: tests run the one production runs (see client-options.ts).
   */
  requestTimeoutMs?: number | undefined;
  /** Events and messages already answered; default an in-memory TTL set (see EventDedupe). */
  seen?: SeenEvents;
  /** Tracks the handling of every request, so shutdown can wait for answers in progress. */
  inFlight?: InFlight | undefined;
  /** Served beside `/slack/events` in HTTP mode (`/healthz`, `/readyz`, `/metrics`); ignored in Socket Mode. */
  routes?: readonly OpsRoute[] | undefined;
}

/** The Bolt app, with its Socket Mode connection when it has one (for readiness). */
export type SlackApp = App & { socketConnected(): boolean };

/**
 * Builds the Bolt app with every listener registered, without starting it: Socket Mode when the config has an
 * app token, else HTTP mode (signed requests to `/slack/events`, verified by Bolt with a 5-minute window).
 * `startSlack` starts it; tests start it themselves (`app.start(0)`).
 */
export function createSlackApp(
  bot: AnswerSource,
  config: SlackConfig,
  logger: Logger,
  options: SlackAppOptions = {},
): SlackApp {
  const seen = options.seen ?? new EventDedupe();
  const settings = { apiUrl: config.apiUrl, requestTimeoutMs: options.requestTimeoutMs };
  // Built here rather than by Bolt so the socket's state stays reachable; it talks to the same Web API URL.
  const socket = config.appToken
    ? new SocketModeReceiver({
        appToken: config.appToken,
        logger: boltLogger(logger),
        installerOptions: { clientOptions: socketClientOptions(settings) },
      })
    : undefined;
  const app = new App({
    token: config.botToken,
    receiver: socket ?? httpReceiver(config, options.routes ?? [], boltLogger(logger)),
    logger: boltLogger(logger),
    clientOptions: slackClientOptions(settings),
    // Bolt's conversation store would keep state per channel we never read.
    convoStore: false,
  });
  const { inFlight } = options;
  // Global middleware's next() resolves once the listeners are done: the whole handling of one request.
  if (inFlight) app.use(async ({ next }) => inFlight.track(next()));
  const deps = { bot, logger, seen, adminUserIds: config.adminUserIds ?? [] };
  app.use(skipRetriedEvents(seen, logger));
  app.command('/treaty', treatyCommand(deps));
  app.event('app_mention', appMention(deps));
  app.event('message', directMessage(deps));
  app.action({ type: 'block_actions', action_id: ACTION_IDS.share }, shareButton(deps));
  app.action({ type: 'block_actions', action_id: ACTION_IDS.english }, showEnglishButton(deps));
  // Registered even without a recorder, so a click on an older message's buttons is still acknowledged.
  app.action({ type: 'block_actions', action_id: ACTION_IDS.voteUp }, feedbackButton(deps, 'up'));
  app.action({ type: 'block_actions', action_id: ACTION_IDS.voteDown }, feedbackButton(deps, 'down'));
  app.error(async (error) => {
    logger.error(slackErrorFields(error), 'slack: a listener failed');
  });
  return Object.assign(app, { socketConnected: () => socket?.client.websocket?.isActive() ?? false });
}

function httpReceiver(config: SlackConfig, routes: readonly OpsRoute[], logger: BoltLogger) {
  if (!config.signingSecret)
    throw new Error('slack: HTTP mode needs a signing secret (SLACK_SIGNING_SECRET), or set SLACK_APP_TOKEN');
  return guardedHttpReceiver({ signingSecret: config.signingSecret, customRoutes: [...routes], logger });
}
