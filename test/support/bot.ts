import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import { createTreatyBot } from '../../src/create-treaty-bot.ts';
import { silentLogger } from '../../src/logger.ts';

let shared: TreatyBot | undefined;

/** The real core over the committed seeds and index, built once per test file. */
export function realBot(): TreatyBot {
  shared ??= createTreatyBot({ logger: silentLogger });
  return shared;
}

// Appended (imports are hoisted): the core with votes recorded.
import { FeedbackRecorder } from '../../src/feedback/feedback-recorder.ts';
import type { FeedbackRepository } from '../../src/store/feedback-repository.ts';

/**
 * The real core over the committed seeds and index that records 👍 / 👎 in `store`, so its answers and
 * abstentions offer votes on Slack and Discord. A new core per call (~0.1 s), for tests that open a store each.
 */
export function realBotWithFeedback(store: { feedback: FeedbackRepository }): TreatyBot {
  return createTreatyBot({ logger: silentLogger, feedback: new FeedbackRecorder(store.feedback) });
}
