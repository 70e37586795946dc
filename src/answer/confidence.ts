import type { AnswerType } from '../lexicon/lexicon.ts';
import type { PassageSearch } from '../search/passage-search.ts';
import type { QueryPlan } from '../search/query-plan.ts';
import type { RankedPassage } from '../search/ranker.ts';

/**
 * How sure the bot is that its best passage answers the question, 0–1, and the one threshold below which it
 * says the sources do not answer instead of quoting weak matches.
 *
 * Confidence is the IDF-weighted share of the question's units that the best passage holds (its coverage),
 * where a unit no passage holds still counts, but only a little (UNKNOWN_UNIT_SHARE): an unknown colloquial
 * word must not sink an answer that is ranked right, while a question made mostly of things the sources never
 * mention should not be answered.
 */

/**
 * Below this the bot abstains. Chosen by data, not by hand: `npm run eval` prints the trade-off on the
 * calibration split (the question bank's tuning half) and the threshold the rule in src/eval/calibration.ts
 * picks; this constant must equal it.
 */
export const CONFIDENCE_THRESHOLD = Number(process.env.CT ?? 0.3);

/** A unit found in no passage weighs this share of the rarest possible term's IDF (times its planned weight). */
export const UNKNOWN_UNIT_SHARE = Number(process.env.UUS ?? 0.2);

/** When the best passage holds no span of a type the question asks for (a date for "when"), confidence is cut to this share. */
export const MISSING_TYPE_SHARE = Number(process.env.MTS ?? 0.3);
export const COVERAGE_EXPONENT = Number(process.env.CEXP ?? 0.25);

/** What the confidence is computed from. */
export interface Evidence {
  plan: QueryPlan;
  best: RankedPassage | undefined;
  /** Types of answer the question asks for that the best passage does not hold. */
  missingTypes: readonly AnswerType[];
}

/** The confidence that the best passage answers the question. */
export function answerConfidence({ plan, best, missingTypes }: Evidence, search: PassageSearch): number {
  if (!best) return 0;
  let known = 0;
  let unknown = 0;
  for (const unit of plan.units) {
    const weight = search.unitWeight(unit);
    if (weight > 0) known += weight;
    else unknown += UNKNOWN_UNIT_SHARE * search.maxIdf * unit.weight;
  }
  if (known === 0) return 0;
  const typeShare = missingTypes.length > 0 ? MISSING_TYPE_SHARE : 1;
  return best.coverage ** COVERAGE_EXPONENT * (known / (known + unknown)) * typeShare;
}
