/**
 * Where the bot looks when no variable says otherwise, relative to the working directory: the seed documents
 * (SEEDS_DIR), the built index (INDEX_DIR) and the database folder (DATA_DIR). Written once, for the config, the
 * core and the command-line tools.
 */
export const DEFAULT_PATHS = {
  seeds: 'seeds',
  index: 'index',
  data: 'data',
} as const;
