import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import { createTreatyBot } from '../../src/create-treaty-bot.ts';
import { silentLogger } from '../../src/logger.ts';

let shared: TreatyBot | undefined;

/** The real core over the committed seeds and index, built once per test file. */
export function realBot(): TreatyBot {
  shared ??= createTreatyBot({ logger: silentLogger });
  return shared;
}
