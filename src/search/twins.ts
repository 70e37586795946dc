import type { AnalyzedPassage } from './analyzed-passage.ts';

/** Word-stem overlap (Jaccard) above which two passages say the same thing and are shown once. */
const TWIN_OVERLAP = 0.6;

/**
 * Finds near-identical passages (the same sentence in two articles, or twice in one) once, when the index is
 * built, and records each passage's twins so that ranking folds them with a lookup.
 */
export function linkTwins(passages: readonly AnalyzedPassage[]): void {
  const stems = passages.map((analyzed) => new Set(analyzed.words.map((word) => word.stem)));
  for (let i = 0; i < passages.length; i++) {
    for (let j = i + 1; j < passages.length; j++) {
      const [a, b, stemsA, stemsB] = [passages[i], passages[j], stems[i], stems[j]];
      if (!a || !b || !stemsA || !stemsB || !mayOverlap(stemsA.size, stemsB.size)) continue;
      if (jaccard(stemsA, stemsB) < TWIN_OVERLAP) continue;
      a.twinIds.push(b.passage.id);
      b.twinIds.push(a.passage.id);
    }
  }
}

/** Sets whose sizes differ this much cannot reach the overlap threshold. */
function mayOverlap(sizeA: number, sizeB: number): boolean {
  return Math.min(sizeA, sizeB) >= TWIN_OVERLAP * Math.max(sizeA, sizeB);
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return shared / (a.size + b.size - shared || 1);
}
