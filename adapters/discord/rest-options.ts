import type { RateLimitData, RESTOptions } from 'discord.js';

/**
 * How long one REST request may take before discord.js aborts it. A hung message post then fails like any
 * other attempt, and the delivery core retries it later through its `findPosted` check.
 */
const DISCORD_REQUEST_TIMEOUT_MS = 10_000;

/**
 * The longest rate-limit wait discord.js sits out itself for a message post. Within it, a post still ends before the delivery
 * core's 20 s deadline (wait + a 10 s request); a longer one is rejected (RateLimitError) rather than sent late,
 * and the core posts again after the wait (RateLimitedPostError). (Fetching an uncached channel first is a GET
 * that may still wait longer; a post that lands late is then found by the history check, not doubled.) The rule
 * covers every message post, so a mention answer under a longer rate limit fails with a logged error instead of
 * arriving minutes late.
 */
const LONGEST_RATE_LIMIT_WAIT_MS = 5_000;

export interface DiscordRestSettings {
  /** The REST base URL (a proxy, or a fake in tests); default Discord's. */
  apiUrl?: string | undefined;
  /** Default DISCORD_REQUEST_TIMEOUT_MS; tests shorten it so a hang costs them less. */
  requestTimeoutMs?: number | undefined;
}

/**
 * The REST options of the client that posts: the one place its retry policy and timeout are set, used by
 * production and tests alike.
 *
 * `retries: 0`: @discordjs/rest repeats a request that got a 5xx, timed out or had its connection reset, any
 * of which may have created the message; a digest is then saved only by its nonce, which Discord remembers for
 * a few minutes, and an answer (no nonce) is doubled. The delivery core owns digest retries instead, after
 * checking the channel. A 429 is not counted against `retries`: discord.js still waits out `Retry-After` and
 * sends it again, as Discord asks, up to LONGEST_RATE_LIMIT_WAIT_MS.
 *
 * @example new Client({ intents, rest: discordRestOptions({ apiUrl: config.apiUrl }) })
 */
export function discordRestOptions({ apiUrl, requestTimeoutMs }: DiscordRestSettings = {}): Partial<RESTOptions> {
  return {
    ...(apiUrl ? { api: apiUrl } : {}),
    retries: 0,
    timeout: requestTimeoutMs ?? DISCORD_REQUEST_TIMEOUT_MS,
    rejectOnRateLimit: (limit: RateLimitData) =>
      isMessagePost(limit) && rateLimitWaitMs(limit) > LONGEST_RATE_LIMIT_WAIT_MS,
  };
}

/** A message posted to a channel (digests, mention answers); logging in or reading channels waits as long as it takes. */
function isMessagePost({ method, route }: RateLimitData): boolean {
  return method.toUpperCase() === 'POST' && route === '/channels/:id/messages';
}

/** How long a rate limit would hold a request (a 429's Retry-After, or the time until its bucket resets). */
export function rateLimitWaitMs({ retryAfter, timeToReset, sublimitTimeout }: RateLimitData): number {
  return Math.max(retryAfter, timeToReset, sublimitTimeout);
}
