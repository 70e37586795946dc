import { z } from 'zod';

/**
 * Every environment variable the bot reads, validated once at startup. A bad value stops startup with one
 * line naming the variable (see `configError`).
 */
const configSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Folder of the seed documents and catalog. */
  SEEDS_DIR: z.string().min(1).default('seeds'),
  /** Folder of the built search index. */
  INDEX_DIR: z.string().min(1).default('index'),
});

export type Config = z.infer<typeof configSchema>;

/** Thrown for an invalid environment; its message is the one line to print. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

/** Reads the config from an environment (default `process.env`). Throws ConfigError naming the first bad variable. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set", as in most deployment tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = String(issue?.path[0] ?? 'environment');
  throw new ConfigError(`config: ${name} is invalid: ${issue?.message ?? 'bad value'}`);
}
