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
}

/** How much each signal counts in the final score. */
const BLEND = { coverage: 0.6, bm25: 0.4 } as const;
/** Word-set overlap (Jaccard) above which two passages say the same thing and are shown once. */
const TWIN_OVERLAP = 0.6;

/** Inverse document frequency of a unit: rare units say more. Units found nowhere get the highest value. */
export type UnitWeight = (unit: QueryUnit) => number;

/**
 * Reranks BM25 candidates by how much of the question they cover, then folds near-identical passages
 * (the same sentence reported by two articles) into the better-ranked one.
 */
export function rankCandidates(
  plan: QueryPlan,
  candidates: ReadonlyArray<{ analyzed: AnalyzedPassage; bm25: number }>,
  unitWeight: UnitWeight,
): RankedPassage[] {
  const maxBm25 = Math.max(...candidates.map((candidate) => candidate.bm25), Number.EPSILON);
  const totalWeight = plan.units.reduce((sum, unit) => sum + unitWeight(unit), 0) || 1;
  const scored = candidates.map(({ analyzed, bm25 }) => {
    let covered = 0;
    const matched: QueryUnit[] = [];
    for (const unit of plan.units) {
      const credit = unitCredit(unit, analyzed);
      if (credit > 0) matched.push(unit);
      covered += credit * unitWeight(unit);
    }
    const coverage = covered / totalWeight;
    const score = BLEND.coverage * coverage + BLEND.bm25 * (bm25 / maxBm25);
    return { analyzed, score, coverage, matched, twins: [] as AnalyzedPassage[] };
  });
  scored.sort((a, b) => b.score - a.score || a.analyzed.passage.id.localeCompare(b.analyzed.passage.id));
  return foldTwins(scored);
}

/** 1 when the passage holds one of the unit's terms, ½ when only its context does, else 0. */
function unitCredit(unit: QueryUnit, analyzed: AnalyzedPassage): number {
  if (unit.terms.some((term) => analyzed.terms.has(term))) return 1;
  if (unit.terms.some((term) => analyzed.contextTerms.has(term))) return 0.5;
  return 0;
}

function foldTwins(ranked: RankedPassage[]): RankedPassage[] {
  const kept: Array<RankedPassage & { stems: Set<string> }> = [];
  for (const candidate of ranked) {
    const stems = new Set(candidate.analyzed.words.map((word) => word.stem));
    const twin = kept.find((other) => jaccard(other.stems, stems) >= TWIN_OVERLAP);
    if (twin) twin.twins.push(candidate.analyzed);
    else kept.push({ ...candidate, stems });
  }
  return kept.map(({ stems: _stems, ...rest }) => rest);
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return shared / (a.size + b.size - shared || 1);
}
