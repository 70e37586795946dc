import type { PassageSearch } from '../search/passage-search.ts';
import type { QueryPlan, QueryUnit } from '../search/query-plan.ts';
import type { RankedPassage } from '../search/ranker.ts';
import { namesCountry } from './country-names.ts';
import { normalizedWords } from './word-sequence.ts';

/**
 * How sure the bot is that its best passage answers the question, 0–1, and the one threshold below which it
 * says the sources do not answer instead of quoting weak matches. Four pieces, multiplied:
 *
 * 1. **Known share.** The IDF weight of the question's units that some passage holds, over the weight of all
 *    its units, where a unit no passage holds counts only UNKNOWN_UNIT_SHARE of the rarest term's IDF: an
 *    unknown colloquial word must not sink an answer that is ranked right, while a question made mostly of
 *    things the sources never mention should not be answered.
 * 2. **Answer type.** A question asking for a time, a quantity, a place or a person (answer-type.ts) whose
 *    quoted excerpts hold no such span is the typical on-topic question the documents cannot answer ("when
 *    does the first conference meet", "what is the programme's budget"): MISSING_TYPE_SHARE when no excerpt
 *    holds one, LATER_TYPE_SHARE when only a lower-ranked excerpt does.
 * 3. **Coverage**, the IDF-weighted share of the question the best passage holds, under a small exponent:
 *    paraphrased questions meet few of their own words in the right passage (coverage alone separates
 *    answerable from unanswerable questions no better than chance on the question bank's tuning half), so it
 *    only breaks ties.
 * 4. **Names the answer lacks.** A country or a Latin-script name that no passage holds, or a country the best
 *    passage does not name ("what did Lebanon's expert say", when Lebanon stands only in a list of speakers
 *    elsewhere): UNKNOWN_NAME_SHARE.
 */

/**
 * Below this the bot abstains. Chosen by data, not by hand: `npm run eval` prints the trade-off on the
 * calibration split (the question bank's tuning half) and the threshold the rule in src/eval/calibration.ts
 * picks; this constant must equal it (a test checks).
 */
export const CONFIDENCE_THRESHOLD = 0.48;

/** A unit found in no passage weighs this share of the rarest possible term's IDF (times its planned weight). */
export const UNKNOWN_UNIT_SHARE = 0.2;
/**
 * Confidence is cut to this share when the question names something no passage holds: a country ("the penalty in
 * Saudi Arabia") or, in an Arabic question, a Latin-script name or acronym. Such a question asks about a record
 * the sources do not hold; a name, unlike a colloquial word, is not a spelling the analysis failed to know. The
 * same when the best passage does not name a country the question names: a question about one state is not
 * answered by a passage about another, or about none.
 */
export const UNKNOWN_NAME_SHARE = 0.5;
/**
 * The same for a word of an English question that no passage's English translation holds: the full IDF of the
 * rarest word. The translations hold the corpus's whole English vocabulary, so such a word is off the topic
 * ("pizza"), not a spelling the index cannot know, as a colloquial Arabic word is.
 */
export const UNKNOWN_ENGLISH_WORD_SHARE = 1;
/** Confidence is cut to this share when no quoted excerpt holds the type of answer asked for. */
export const MISSING_TYPE_SHARE = 0.3;
/** … and to this share when only a lower-ranked excerpt holds it. */
export const LATER_TYPE_SHARE = 0.6;
/** Coverage counts under this exponent. */
export const COVERAGE_EXPONENT = 0.25;

/** What the confidence is computed from. */
export interface Evidence {
  plan: QueryPlan;
  best: RankedPassage | undefined;
  /**
   * For each type of answer the question asks for (a date for "when"), the rank of the first quoted excerpt that
   * holds one, -1 when none does.
   */
  typeRanks: readonly number[];
}

/** The confidence that the best passage answers the question. */
export function answerConfidence({ plan, best, typeRanks }: Evidence, search: PassageSearch): number {
  if (!best) return 0;
  const weights = plan.units.map((unit) => search.unitWeight(unit));
  const arabic = shareKnown(
    plan.units.map((unit, u) => ({
      weight: weights[u] ?? 0,
      unknownWeight: UNKNOWN_UNIT_SHARE * search.maxIdf * unit.weight,
    })),
  );
  // An English question is also matched against the passages' English: it counts as known, and covered, as
  // far as the better of the two paths says.
  const { english } = search;
  const translated =
    english?.available && plan.englishStems
      ? shareKnown(
          plan.englishStems.map((stem) => ({
            weight: english.stemWeight(stem, plan.englishReadings),
            unknownWeight: UNKNOWN_ENGLISH_WORD_SHARE * english.maxIdf,
          })),
        )
      : 0;
  const knownShare = Math.max(arabic, translated);
  if (knownShare === 0) return 0;
  const coverage = Math.max(best.coverage, best.english?.coverage ?? 0);
  const typeShare = Math.min(
    1,
    ...typeRanks.map((rank) => (rank === 0 ? 1 : rank > 0 ? LATER_TYPE_SHARE : MISSING_TYPE_SHARE)),
  );
  // In the best passage: in its Arabic, or, for an English question, in its English (the glossary may lack a
  // country the translation names).
  const inBest = (unit: QueryUnit) =>
    best.matched.includes(unit) ||
    (english !== undefined &&
      plan.lang === 'en' &&
      english.stems(unit.label).every((stem) => best.english?.stems.includes(stem)));
  const nameShare = plan.units.some(
    (unit, u) =>
      (weights[u] === 0 && plan.lang === 'ar' && /[a-z]/i.test(unit.label)) ||
      (namesCountry(normalizedWords(unit.label)) && !inBest(unit)),
  )
    ? UNKNOWN_NAME_SHARE
    : 1;
  return coverage ** COVERAGE_EXPONENT * knownShare * typeShare * nameShare;
}

/**
 * The weight of the known parts of a question over the weight of all of it, where a part no passage holds
 * (weight 0) counts its `unknownWeight`; 0 when nothing is known.
 */
function shareKnown(parts: ReadonlyArray<{ weight: number; unknownWeight: number }>): number {
  let known = 0;
  let unknown = 0;
  for (const { weight, unknownWeight } of parts) {
    if (weight > 0) known += weight;
    else unknown += unknownWeight;
  }
  return known === 0 ? 0 : known / (known + unknown);
}
