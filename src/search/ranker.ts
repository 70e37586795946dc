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


/**
 * Reranks BM25 candidates by how much of the question they cover, then folds near-identical passages
 * (the same sentence reported by two articles) into the better-ranked one.
 */
export function rankCandidates(
  plan: QueryPlan,
  candidates: ReadonlyArray<{ analyzed: AnalyzedPassage; bm25: number }>,
  unitWeights: readonly number[],
): RankedPassage[] {
  const maxBm25 = Math.max(...candidates.map((candidate) => candidate.bm25), Number.EPSILON);
  const totalWeight = unitWeights.reduce((sum, weight) => sum + weight, 0) || 1;
  const scored = candidates.map(({ analyzed, bm25 }) => {
    let covered = 0;
    const matched: QueryUnit[] = [];
    plan.units.forEach((unit, u) => {
      const credit = unitCredit(unit, analyzed);
      if (credit > 0) matched.push(unit);
      covered += credit * (unitWeights[u] ?? 0);
    });
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
  const kept: RankedPassage[] = [];
  for (const candidate of ranked) {
    const twin = kept.find((other) => other.analyzed.twinIds.includes(candidate.analyzed.passage.id));
    if (twin) twin.twins.push(candidate.analyzed);
    else kept.push(candidate);
  }
  return kept;
}
