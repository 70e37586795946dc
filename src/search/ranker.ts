import type { AnalyzedPassage } from './analyzed-passage.ts';
import type { QueryPlan, QueryUnit } from './query-plan.ts';

/** A passage with the evidence that it answers the question. */
export interface RankedPassage {
  analyzed: AnalyzedPassage;
  /** Final score, 0–1: a blend of coverage and normalized BM25. */
  score: number;
  /** IDF-weighted share of the question's units found in the passage (context counts half), 0–1. */
  coverage: number;
  /** The question's units the passage holds. */
  matched: QueryUnit[];
  /** Near-identical passages (the same sentence in two articles, or twice in one), folded into this one. */
  twins: AnalyzedPassage[];
  /** For an English question, what matched in the passage's English translation (english-text-index.ts). */
  english?: EnglishMatch;
}

/** An English question's match in a passage's English: BM25, IDF-weighted coverage and the stems found. */
export interface EnglishMatch {
  bm25: number;
  coverage: number;
  stems: string[];
}

/** A BM25 result: the passage and its BM25 score (and, for an English question, its English match). */
export interface Candidate {
  analyzed: AnalyzedPassage;
  /** The passage's position in the searched passages. */
  ordinal: number;
  bm25: number;
  english?: EnglishMatch;
  /** For an Arabic question, the passage's plain BM25 over the best one's (plain-text-index.ts), 0–1. */
  plain?: number;
}

/** How many of the best candidates by coverage and BM25 get the exact-phrase signal. */
const PHRASE_CANDIDATES = 12;

/** How much each signal counts in the final score. */
const BLEND = { coverage: 0.7, bm25: 0.15, phrase: 0.15 } as const;
/**
 * For an English question, the share of the final score that comes from searching the passages' English
 * translations (BM25 and coverage over the English, normalized); the rest is the glossary path over the Arabic.
 */
const ENGLISH_SHARE = 0.5;
/**
 * For an Arabic question, the share of the final score that comes from plain BM25 over every word, light-stemmed
 * (plain-text-index.ts). The analysis reads questions through a lexicon grown with the questions it was tuned on;
 * on blind batches written later it ranked below plain BM25 on the long expert report. This share was set once,
 * before it was measured: on blind batch I (fresh), Arabic MRR 0.65 → 0.76, on batch J (scored later) 0.63 →
 * 0.60; on the 960-question bank's held-out half R@3 175 → 179 of 222 and MRR 0.72 → 0.76; on the tuning half the
 * lexicon was fitted to, R@3 203 → 200 of 237 and MRR 0.768 → 0.772.
 */
const PLAIN_SHARE = 0.15;
/**
 * A passage longer than the median passage has its (Arabic) coverage scaled by (median / length) to this power: a
 * long paragraph that names many of the question's words in different sentences (the expert report's mandate and
 * summary paragraphs) should not outrank the short one that answers. Pivoted length normalization, as BM25 has
 * its own; coverage had none. On the tuning half (exponents 0.1–0.3 tried), Arabic R@3 0.86 → 0.88, MRR 0.78 →
 * 0.79, at a cost: abstention 90 → 88 of 154, one more English question refused. Held-out Arabic R@3 unchanged.
 */
const LENGTH_EXPONENT = 0.2;

/** A passage's adjacent words: each stem's followers (see passage-layout.ts). */
export type Followers = (analyzed: AnalyzedPassage) => ReadonlyMap<string, ReadonlySet<string>>;

/** A passage's credit (by ordinal) for the question's unit at position `u` of `plan.units` (see unit-credit.ts). */
export type CreditOf = (ordinal: number, u: number) => number;

/**
 * Reranks BM25 candidates by how much of the question they cover (each unit's weight — `weights`, in the order
 * of `plan.units` — times the candidate's credit for it, scaled down for a passage of more content words than
 * `medianWords`), then folds near-identical passages (the same sentence reported by two articles) into the
 * better-ranked one.
 */
export function rankCandidates(
  plan: QueryPlan,
  candidates: ReadonlyArray<Candidate>,
  weights: readonly number[],
  followers: Followers,
  creditOf: CreditOf,
  medianWords: number,
): RankedPassage[] {
  let maxBm25 = Number.EPSILON;
  let maxEnglish = Number.EPSILON;
  for (const { bm25, english } of candidates) {
    maxBm25 = Math.max(maxBm25, bm25);
    maxEnglish = Math.max(maxEnglish, english?.bm25 ?? 0);
  }
  const fused = candidates.some((candidate) => candidate.english);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0) || 1;
  const { units } = plan;
  const scored = candidates.map(({ analyzed, ordinal, bm25, english, plain }): RankedPassage => {
    let covered = 0;
    const matched: QueryUnit[] = [];
    for (let u = 0; u < units.length; u++) {
      const unit = units[u];
      if (!unit) continue;
      const credit = creditOf(ordinal, u);
      if (credit > 0) matched.push(unit);
      covered += credit * (weights[u] ?? 0);
    }
    const coverage = covered / totalWeight;
    const length = analyzed.words.length;
    const lengthShare = length > medianWords ? (medianWords / length) ** LENGTH_EXPONENT : 1;
    const glossaryScore = BLEND.coverage * coverage * lengthShare + BLEND.bm25 * (bm25 / maxBm25);
    const englishScore = english ? 0.5 * english.coverage + 0.5 * (english.bm25 / maxEnglish) : 0;
    let score = glossaryScore;
    if (fused) score = (1 - ENGLISH_SHARE) * glossaryScore + ENGLISH_SHARE * englishScore;
    else if (plan.lang === 'ar') score = (1 - PLAIN_SHARE) * glossaryScore + PLAIN_SHARE * (plain ?? 0);
    const ranked: RankedPassage = { analyzed, score, coverage, matched, twins: [] };
    if (english) ranked.english = english;
    return ranked;
  });
  byScore(scored);
  // The phrase signal can only reorder close candidates: it is computed for the leading ones alone.
  const pairs = questionPairs(plan.phrase);
  // An English question's phrases are looked for in the English translations: evidence for its English half.
  const phraseWeight = fused ? ENGLISH_SHARE * BLEND.phrase : BLEND.phrase;
  for (const candidate of scored.slice(0, PHRASE_CANDIDATES)) {
    candidate.score += phraseWeight * phraseShare(pairs, followers(candidate.analyzed));
  }
  byScore(scored);
  return foldTwins(scored);
}

/** The question's adjacent word pairs. */
export function questionPairs(phrase: readonly string[]): Array<[string, string]> {
  return phrase.slice(1).map((second, i) => [phrase[i] ?? '', second]);
}

/**
 * Exact-phrase evidence: the share of the question's adjacent word pairs that stand next to each other in the
 * passage too, either way round (`حيز النفاذ` as a phrase, not two scattered words; an Arabic noun and its
 * adjective may stand either way round: `أول اجتماع` in a question, `الاجتماع الأول` in the text). A pair is found
 * where a passage word's stem is one question word's term (stems are what questions are planned with) and the next
 * word holds the other's.
 */
export function phraseShare(
  pairs: ReadonlyArray<[string, string]>,
  followers: ReadonlyMap<string, ReadonlySet<string>>,
): number {
  if (pairs.length < 1) return 0;
  let found = 0;
  for (const [first, second] of pairs) {
    if (followers.get(first)?.has(second) || followers.get(second)?.has(first)) found++;
  }
  return found / pairs.length;
}

function byScore(ranked: RankedPassage[]): void {
  ranked.sort((a, b) => b.score - a.score || a.analyzed.passage.id.localeCompare(b.analyzed.passage.id));
}

/**
 * Near-identical passages fold into the better-ranked one (shown once, with every citation), and so do lower
 * windows of one long paragraph (one citation, the best-matching window quoted).
 */
function foldTwins(ranked: RankedPassage[]): RankedPassage[] {
  const kept: RankedPassage[] = [];
  // The kept passages by what a candidate is checked against, instead of a scan of them all per candidate: their
  // paragraphs (locators by file), and for each id their twin lists hold, the first kept passage listing it.
  const keptParagraphs = new Map<string, Set<string>>();
  const twinListing = new Map<string, RankedPassage>();
  for (const candidate of ranked) {
    const { passage } = candidate.analyzed;
    if (keptParagraphs.get(passage.file)?.has(passage.locator)) continue;
    const twin = twinListing.get(passage.id);
    if (twin) {
      twin.twins.push(candidate.analyzed);
      continue;
    }
    kept.push(candidate);
    const locators = keptParagraphs.get(passage.file);
    if (locators) locators.add(passage.locator);
    else keptParagraphs.set(passage.file, new Set([passage.locator]));
    for (const id of candidate.analyzed.twinIds) if (!twinListing.has(id)) twinListing.set(id, candidate);
  }
  return kept;
}
