import { resolve } from 'node:path';
import { TreatyBot } from './answer/treaty-bot.ts';
import { type Lexicon, loadLexicon } from './lexicon/lexicon.ts';
import type { Logger } from './logger.ts';
import { openSearch } from './search/open-search.ts';

export interface CoreOptions {
  /** Folder of the seed documents and `catalog.json`; default `seeds` in the working directory. */
  seedsDir?: string;
  /** Folder of the built index; default `index` in the working directory. */
  indexDir?: string;
  lexicon?: Lexicon;
  logger: Logger;
}

/** Builds the platform-free core: lexicon, corpus, search index and the bot that answers. */
export function createTreatyBot(options: CoreOptions): TreatyBot {
  const lexicon = options.lexicon ?? loadLexicon();
  const search = openSearch({
    seedsDir: resolve(options.seedsDir ?? 'seeds'),
    indexDir: resolve(options.indexDir ?? 'index'),
    lexicon,
    logger: options.logger,
  });
  return new TreatyBot(search, lexicon.topics);
}
