import { z } from 'zod';
import { DEFAULT_PATHS } from './default-paths.ts';
import { isCronExpression } from './digests/schedule.ts';
import { DEFAULT_STATUS_URL } from './status/untc-source.ts';

/**
 * Every environment variable the bot reads, in one schema validated once at startup. A bad value stops startup
 * with one line naming the variable (ConfigError). Empty variables count as unset.
 */
const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');
const httpUrl = z.string().regex(/^https?:\/\/[^\s/]+/, 'must be an http(s) URL');

const environmentSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Folder of the seed documents and catalog. */
  SEEDS_DIR: z.string().min(1).default(DEFAULT_PATHS.seeds),
  /** Folder of the built search index. */
  INDEX_DIR: z.string().min(1).default(DEFAULT_PATHS.index),
  /** Port of the one HTTP server: /healthz, /readyz, /metrics, and Slack's /slack/events in HTTP mode. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-[\w-]+$/, 'must be a bot token (xoxb-…)')
    .optional(),
  /** Socket Mode when set (no public URL needed); otherwise HTTP mode. */
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-[\w-]+$/, 'must be an app-level token (xapp-…)')
    .optional(),
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(/^[0-9a-f]{16,}$/i, 'must be the hex signing secret')
    .optional(),
  /** Web API base URL for proxies or GovSlack, e.g. https://slack.com/api/ (tests point it at a fake). */
  SLACK_API_URL: httpUrl.optional(),
  DISCORD_TOKEN: z.string().min(20, 'must be a bot token').optional(),
  DISCORD_APPLICATION_ID: snowflake.optional(),
  /** Register `/treaty` in this guild only (instant, for testing) instead of globally. */
  DISCORD_GUILD_ID: snowflake.optional(),
  /** REST API base URL for proxies (tests point it at a fake), e.g. https://discord.com/api. */
  DISCORD_API_URL: httpUrl.optional(),
  /** Folder of the embedded database (snapshots, subscriptions, deliveries, feedback). */
  DATA_DIR: z.string().min(1).default(DEFAULT_PATHS.data),
  /** Where the ratification status comes from: the UN Treaty Collection XML, or a file:// path. */
  STATUS_SOURCE_URL: z
    .string()
    .regex(/^(https?|file):\/\/\S+$/, 'must be an http(s):// or file:// URL')
    .default(DEFAULT_STATUS_URL),
  /** How often the status source is polled (5-field cron, UTC). */
  STATUS_POLL_CRON: z
    .string()
    // The scheduler's own parser: `99 * * * *` has five fields but no minute 99.
    .refine(isCronExpression, 'must be a 5-field cron expression like "0 */6 * * *"')
    .default('0 */6 * * *'),
  /** Questions one user may ask per minute on Slack or Discord (0: no limit). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(10_000).default(20),
  /** Slack user ids (comma-separated) allowed to manage digest subscriptions besides workspace admins. */
  SLACK_ADMIN_USER_IDS: z
    .string()
    .regex(/^[UW][A-Z0-9]+(,[UW][A-Z0-9]+)*$/, 'must be comma-separated Slack user ids (U…)')
    .optional(),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface SlackConfig {
  botToken: string;
  /** Socket Mode when present. */
  appToken?: string;
  /** HTTP mode (required without an app token). */
  signingSecret?: string;
  apiUrl?: string;
  port: number;
  /** Users allowed to manage subscriptions besides workspace admins and owners. */
  adminUserIds?: string[];
}

export interface DiscordConfig {
  token: string;
  applicationId: string;
  guildId?: string;
  apiUrl?: string;
}

export interface Config {
  logLevel: Environment['LOG_LEVEL'];
  seedsDir: string;
  indexDir: string;
  port: number;
  dataDir: string;
  status: { sourceUrl: string; pollCron: string };
  /** Questions per user per minute (0: unlimited). */
  questionsPerMinute: number;
  /** Present when Slack credentials are set. */
  slack?: SlackConfig;
  /** Present when Discord credentials are set. */
  discord?: DiscordConfig;
}

/** Thrown for an invalid environment; its message is the one line to print. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

/** Reads the config from an environment (default `process.env`). Throws ConfigError naming the first bad variable. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`config: ${String(issue?.path[0] ?? 'environment')} ${issue?.message ?? 'is invalid'}`);
  }
  const e = parsed.data;
  return {
    logLevel: e.LOG_LEVEL,
    seedsDir: e.SEEDS_DIR,
    indexDir: e.INDEX_DIR,
    port: e.PORT,
    dataDir: e.DATA_DIR,
    status: { sourceUrl: e.STATUS_SOURCE_URL, pollCron: e.STATUS_POLL_CRON },
    questionsPerMinute: e.RATE_LIMIT_PER_MINUTE,
    slack: slackConfig(e),
    discord: discordConfig(e),
  };
}

function slackConfig(e: Environment): SlackConfig | undefined {
  const slackVariables = [e.SLACK_APP_TOKEN, e.SLACK_SIGNING_SECRET, e.SLACK_API_URL];
  if (!e.SLACK_BOT_TOKEN) {
    if (slackVariables.some(Boolean))
      throw new ConfigError('config: SLACK_BOT_TOKEN is missing (other SLACK_ variables are set)');
    return undefined;
  }
  if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      'config: SLACK_SIGNING_SECRET is missing (needed for HTTP mode; or set SLACK_APP_TOKEN for Socket Mode)',
    );
  }
  return {
    botToken: e.SLACK_BOT_TOKEN,
    ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
    ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
    ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
    port: e.PORT,
    ...(e.SLACK_ADMIN_USER_IDS ? { adminUserIds: e.SLACK_ADMIN_USER_IDS.split(',') } : {}),
  };
}

function discordConfig(e: Environment): DiscordConfig | undefined {
  if (!e.DISCORD_TOKEN) {
    if (e.DISCORD_APPLICATION_ID || e.DISCORD_GUILD_ID || e.DISCORD_API_URL) {
      throw new ConfigError('config: DISCORD_TOKEN is missing (other DISCORD_ variables are set)');
    }
    return undefined;
  }
  if (!e.DISCORD_APPLICATION_ID)
    throw new ConfigError('config: DISCORD_APPLICATION_ID is missing (needed with DISCORD_TOKEN)');
  return {
    token: e.DISCORD_TOKEN,
    applicationId: e.DISCORD_APPLICATION_ID,
    ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
    ...(e.DISCORD_API_URL ? { apiUrl: e.DISCORD_API_URL } : {}),
  };
}
