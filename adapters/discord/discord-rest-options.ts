import type { RESTOptions } from 'discord.js';

/**
 * How long one REST request may take before discord.js aborts it. A hung message post then fails like any
 * other attempt, and the delivery core retries it later through its `findPosted` check.
 */
export const DISCORD_REQUEST_TIMEOUT_MS = 10_000;

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
 * sends it again, as Discord asks.
 *
 * @example new Client({ intents, rest: discordRestOptions({ apiUrl: config.apiUrl }) })
 */
export function discordRestOptions({ apiUrl, requestTimeoutMs }: DiscordRestSettings = {}): Partial<RESTOptions> {
  return {
    ...(apiUrl ? { api: apiUrl } : {}),
    retries: 0,
    timeout: requestTimeoutMs ?? DISCORD_REQUEST_TIMEOUT_MS,
  };
}
