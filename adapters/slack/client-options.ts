import { webApi } from '@slack/bolt';
import type { Logger } from '../../src/logger.ts';
import { boltLogger } from './bolt-logger.ts';

/**
 * How long one Web API request may take before the client gives up on it. A hung `chat.postMessage` then fails
 * like any other attempt, and the delivery core retries it later through its `findPosted` check.
 */
export const SLACK_REQUEST_TIMEOUT_MS = 10_000;

/** How often a request rate limited by Slack (429) is sent again after waiting out its `Retry-After`. */
const RATE_LIMIT_RETRIES = 3;

/**
 * The error the WebClient throws to itself after waiting out a 429, to have the request sent again; it reaches
 * the retry policy wrapped in a WebAPIRequestError (`original`), like a network failure.
 */
const RATE_LIMIT_RETRY = /^A rate limit was exceeded/;

/**
 * The retry policy of the client that posts: only a request Slack refused with 429 is sent again (after its
 * `Retry-After`, which the client waits out itself; no extra backoff). Anything else (a 5xx, a dropped
 * connection, a timeout) may have reached Slack and been stored, so it is not repeated here: the delivery core
 * owns those retries and checks `conversations.history` first; an answer that failed is logged, not doubled.
 *
 * The client's own policy (10 retries in about 30 minutes) re-sends posts Slack has already stored.
 * `onFailedAttempt` is p-retry's hook, which the WebClient passes its `retryConfig` to; throwing there stops
 * the retries. Should a later client word its 429 signal differently, 429s fail over to the core's retries.
 */
const RATE_LIMITED_ONLY = {
  retries: RATE_LIMIT_RETRIES,
  minTimeout: 0,
  maxTimeout: 0,
  onFailedAttempt(error: Error & { original?: unknown }) {
    const original = error.original instanceof Error ? error.original : undefined;
    if (!original || !RATE_LIMIT_RETRY.test(original.message)) throw error;
  },
} satisfies webApi.RetryOptions & { onFailedAttempt(error: Error): void };

export interface SlackClientSettings {
  /** The Web API base URL (a proxy, or a fake in tests); default Slack's. */
  apiUrl?: string | undefined;
  /** Default SLACK_REQUEST_TIMEOUT_MS; tests shorten it so a hang costs them less. */
  requestTimeoutMs?: number | undefined;
}

/**
 * The options of every Web API client that can post (the Bolt app's client, the digest poster's): the one
 * place the retry policy and the request timeout are set, used by production and tests alike.
 *
 * @example new App({ token, signingSecret, clientOptions: slackClientOptions({ apiUrl: config.apiUrl }) })
 */
export function slackClientOptions({ apiUrl, requestTimeoutMs }: SlackClientSettings = {}): webApi.WebClientOptions {
  return {
    ...(apiUrl ? { slackApiUrl: withTrailingSlash(apiUrl) } : {}),
    retryConfig: RATE_LIMITED_ONLY,
    timeout: requestTimeoutMs ?? SLACK_REQUEST_TIMEOUT_MS,
  };
}

/**
 * The client that posts digests: the same options, except that a 429 is not waited out here but handed to the
 * delivery core (a WebAPIRateLimitedError with `retryAfter`), which waits at least that long before its next
 * attempt. A digest post runs under the core's deadline; a client still waiting out a long `Retry-After` past it
 * would send a post the core has already given up on and may post again.
 */
export function slackDigestClient(token: string, settings: SlackClientSettings, logger: Logger): webApi.WebClient {
  return new webApi.WebClient(token, {
    ...slackClientOptions(settings),
    rejectRateLimitedCalls: true,
    logger: boltLogger(logger),
  });
}

/**
 * The options of the Socket Mode connection's own client, which only opens the WebSocket
 * (`apps.connections.open`, safe to repeat): the same URL and timeout, and the Socket Mode client's own
 * retry policy for reconnecting. A separate object on purpose: that client writes its policy into the object
 * it is given, which, shared with the app, gave every post 100 retries.
 */
export function socketClientOptions(settings: SlackClientSettings = {}): webApi.WebClientOptions {
  const { retryConfig: _posting, ...rest } = slackClientOptions(settings);
  return rest;
}

/** The Web API client resolves method names against this URL, so it must end with a slash. */
function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
