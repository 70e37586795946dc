import type { Metrics } from './scoring.ts';

/**
 * What `npm run eval` must show on every question set (issue #10): per language, R@3 and MRR@10 at or above
 * these, false abstention at or below, the bot at or above the plain baseline; per set, abstention on
 * unanswerable questions at or above.
 */
export const TARGETS = { recallAt3: 0.9, mrrAt10: 0.8, falseAbstention: 0.05, abstention: 0.8 } as const;

/** The targets a language row misses, as short labels; empty when all are met. */
export function missedTargets(bot: Metrics, baseline: Metrics): string[] {
  if (bot.answerable === 0) return [];
  return [
    bot.recallAt3 < TARGETS.recallAt3 ? `R@3<${TARGETS.recallAt3}` : '',
    bot.mrrAt10 < TARGETS.mrrAt10 ? `MRR<${TARGETS.mrrAt10}` : '',
    bot.falseAbstention > TARGETS.falseAbstention ? `FA>${TARGETS.falseAbstention}` : '',
    bot.recallAt3 < baseline.recallAt3 || bot.mrrAt10 < baseline.mrrAt10 ? 'below baseline' : '',
  ].filter(Boolean);
}
