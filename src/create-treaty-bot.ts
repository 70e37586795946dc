import { resolve } from 'node:path';
import { RateLimiter } from './answer/rate-limiter.ts';
import type { StatusDesk } from './answer/status-desk.ts';
import { type AnswerObserver, TreatyBot } from './answer/treaty-bot.ts';
import { DEFAULT_PATHS } from './default-paths.ts';
import type { FeedbackRecorder } from './feedback/feedback-recorder.ts';
import type { Logger } from './logger.ts';
import { openSearch } from './search/open-search.ts';

export interface CoreOptions {
  /** Folder of the seed documents and `catalog.json`; default `seeds` in the working directory. */
  seedsDir?: string;
  /** Folder of the built index; default `index` in the working directory. */
  indexDir?: string;
  /** Folder of the curated lexicon data; default `src/lexicon/data`. */
  lexiconDir?: string;
  logger: Logger;
  /** The ratification tracker, when the process runs one (status and subscriptions). */
  statusDesk?: StatusDesk;
  /** Questions a user may ask per minute (RATE_LIMIT_PER_MINUTE); no limit when absent. */
  questionsPerMinute?: number;
  /** Told of every reply and its duration (the process's metrics). */
  observer?: AnswerObserver;
  /** Records 👍 / 👎 (FEEDBACK_ENABLED); without it replies offer no vote. */
  feedback?: FeedbackRecorder;
}

/** Builds the platform-free core: lexicon, corpus, search index and the bot that answers. */
export function createTreatyBot(options: CoreOptions): TreatyBot {
  const search = openSearch({
    seedsDir: resolve(options.seedsDir ?? DEFAULT_PATHS.seeds),
    indexDir: resolve(options.indexDir ?? DEFAULT_PATHS.index),
    ...(options.lexiconDir ? { lexiconDir: options.lexiconDir } : {}),
    logger: options.logger,
  });
  const limiter = options.questionsPerMinute ? new RateLimiter(options.questionsPerMinute) : undefined;
  return new TreatyBot(search, search.lexicon.topics, {
    statusDesk: options.statusDesk,
    rateLimiter: limiter,
    observer: options.observer,
    feedback: options.feedback,
  });
}
