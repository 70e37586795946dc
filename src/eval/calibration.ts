/**
 * Choosing the abstention threshold from data. Every search reply carries the bot's confidence (0–1); the bot
 * abstains below the threshold. On the calibration split (the tuning half of the question bank) this tabulates,
 * for each candidate threshold, the share of answerable questions that would be refused (false abstention) and
 * of unanswerable ones that would be (abstention), and picks the threshold that does most good in use, within a
 * bound on false abstention.
 */

/** One asked question as the calibration sees it. */
export interface ConfidenceSample {
  answerable: boolean;
  lang: 'ar' | 'en';
  /** The reply's confidence; undefined for replies that did not search (status, help). */
  confidence: number | undefined;
}

export interface TradeOffRow {
  threshold: number;
  /** Share of answerable questions with confidence below the threshold, per language. */
  falseAbstention: Record<'ar' | 'en', number>;
  /** Share of unanswerable questions with confidence below the threshold. */
  abstention: number;
  /**
   * Of 100 questions asked in use (UNANSWERABLE_IN_USE of them unanswerable), how many more unanswerable ones
   * are abstained on than answerable ones refused, at the split's shares (both languages).
   */
  net: number;
}

/**
 * How many of the questions people ask the sources do not answer: 10 of the 90 fresh questions of the release
 * check (issue 10). The bank has 334 of 1,080 (the tuning half 154 of 536), written to test abstention, so counting
 * its questions one for one would weigh an abstention about four times as much as it counts in use.
 */
export const UNANSWERABLE_IN_USE = 10 / 90;

/**
 * Thresholds tried: 0 to 0.99 in steps of 0.01. Steps of 0.05 left the rule short of its own bound: the
 * abstention the confidence earns between two coarse steps went unused.
 */
const CANDIDATE_THRESHOLDS = Array.from({ length: 100 }, (_, i) => i / 100);

/** True for the thresholds the eval prints in its table (every 0.05), beside the chosen one and the one in use. */
export function isTableStep(threshold: number): boolean {
  return Math.round(threshold * 100) % 5 === 0;
}

export function tradeOff(samples: readonly ConfidenceSample[], thresholds = CANDIDATE_THRESHOLDS): TradeOffRow[] {
  const answerable = samples.filter((sample) => sample.answerable);
  const unanswerable = samples.filter((sample) => !sample.answerable);
  const refused = (subset: readonly ConfidenceSample[], threshold: number) =>
    subset.filter((sample) => sample.confidence !== undefined && sample.confidence < threshold).length;
  const refusedShare = (subset: readonly ConfidenceSample[], threshold: number) =>
    subset.length === 0 ? 0 : refused(subset, threshold) / subset.length;
  const arabic = answerable.filter((sample) => sample.lang === 'ar');
  const english = answerable.filter((sample) => sample.lang === 'en');
  return thresholds.map((threshold) => ({
    threshold,
    falseAbstention: { ar: refusedShare(arabic, threshold), en: refusedShare(english, threshold) },
    abstention: refusedShare(unanswerable, threshold),
    net:
      100 *
      (UNANSWERABLE_IN_USE * refusedShare(unanswerable, threshold) -
        (1 - UNANSWERABLE_IN_USE) * refusedShare(answerable, threshold)),
  }));
}

/** The most false abstention the rule accepts on the calibration split (issue #10's target). */
export const MAX_FALSE_ABSTENTION = 0.05;

/**
 * The rule: among the thresholds that refuse at most MAX_FALSE_ABSTENTION of the answerable questions in each
 * language (the target holds per language: a bound on both together let Arabic questions pay for English ones),
 * the one with the highest `net`: abstentions on unanswerable questions less refused answerable ones, each
 * weighed by how common its kind is in use (UNANSWERABLE_IN_USE), not in the split; among equals, the lowest, so
 * that ties go to answering. A refused answerable question costs the user the answer; an answered unanswerable
 * one still shows cited excerpts the user can judge. So false abstention is bounded, and a higher threshold must
 * also abstain on more questions in use than it refuses: maximizing abstention alone would trade three answers
 * for one abstention at the edge of the bound. (Counted one for one on the split, the rule picked 0.58, which on
 * the fresh blind batches refused 11 % of the answerable Arabic questions.)
 */
export function chooseThreshold(rows: readonly TradeOffRow[]): number {
  let best: TradeOffRow | undefined;
  for (const row of rows) {
    if (Math.max(row.falseAbstention.ar, row.falseAbstention.en) > MAX_FALSE_ABSTENTION + 1e-9) continue;
    if (!best || row.net > best.net) best = row;
  }
  return best?.threshold ?? 0;
}
