import type { QueryPlan, QueryUnit } from '../search/query-plan.ts';
import type { RankedPassage } from '../search/ranker.ts';

/**
 * When the bot says "the sources do not answer this" instead of quoting weak matches. Measured on the dev set
 * with `npm run eval` (abstention on unanswerable questions vs false abstentions); keep the rules few and general.
 */

/** Below this share of the question (IDF-weighted) found in the best passage, the bot abstains. */
const MIN_COVERAGE = 0.5;
/**
 * A "who" question needs the passage that names the person or body, not one on the same topic: partial matches
 * are the typical wrong answer, so it needs more of the question covered.
 */
const MIN_COVERAGE_WHO = 0.7;

const WHO_QUESTION = /^\s*(who|whom|whose)\b|^\s*(مين|منو|من هو|من هي|من هم|من الذي|من التي)(\s|$)/i;
/** An Arabic definite noun (after optional conjunction and preposition): الـ، والـ، بالـ، للـ … */
const DEFINITE_NOUN = /^(و|ف)?(ب|ك|ل)?ال..|^(و|ف)?لل./;

/** True when the best passage is too weak an answer to the question, or the question names something unknown. */
export function shouldAbstain(
  question: string,
  plan: QueryPlan,
  best: RankedPassage | undefined,
  knownTerm: (term: string) => boolean,
): boolean {
  if (!best) return true;
  const minimum = WHO_QUESTION.test(question) ? MIN_COVERAGE_WHO : MIN_COVERAGE;
  if (best.coverage < minimum) return true;
  return plan.units.some((unit) => namesSomethingUnknown(unit, knownTerm));
}

/**
 * The question names a thing the sources never mention: an Arabic definite noun (السعودية، العقوبة) or an
 * English proper name (Saudi, Macron) that no passage holds. Unknown verbs and fillers (شاركت، set) are not
 * counted: questions phrase actions in many ways the documents do not.
 */
function namesSomethingUnknown(unit: QueryUnit, knownTerm: (term: string) => boolean): boolean {
  if (unit.terms.some(knownTerm) || unit.label.includes('→')) return false;
  return unit.properName === true || (/[\u0621-\u064A]/.test(unit.label) && DEFINITE_NOUN.test(unit.label));
}
