import { type Config, ConfigError, readConfig } from '../src/config.ts';

/** Reads the config, or prints the one line naming the bad variable and exits 2 (no stack trace). */
export function configOrExit(): Config {
  try {
    return readConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}
