/** Credit for a unit found only in the passage's context (title, headings, paragraph before). */
const CONTEXT_CREDIT = 0.5;
/** Credit for a unit whose root, not its stem, the passage holds (تطبيق for تطبق; see arabic-root.ts). */
const ROOT_CREDIT = 0.5;

/** Which passages (by ordinal) hold a term, have it in their context, or hold a root term. */
export interface TermSources {
  /** How many passages there are: ordinals run from 0 below it. */
  passageCount: number;
  withTerm(term: string): Iterable<number>;
  withContext(term: string): Iterable<number>;
  withRoot(root: string): Iterable<number>;
}

/**
 * Each candidate passage's credit for each query unit: 1 when it holds one of the unit's terms, CONTEXT_CREDIT
 * when only its context does (title, headings, the paragraph before), ROOT_CREDIT when it holds one of the unit's
 * roots, else 0. Read once per question from the passages holding each term, so that a candidate's credit is an
 * array read (a string lookup per candidate and unit cost a tenth of the time a question took).
 */
export function unitCredits(
  units: ReadonlyArray<{ terms: readonly string[]; roots: readonly string[] }>,
  candidates: readonly number[],
  sources: TermSources,
): (ordinal: number, u: number) => number {
  const slotOf = new Int32Array(sources.passageCount).fill(-1);
  candidates.forEach((ordinal, slot) => {
    slotOf[ordinal] = slot;
  });
  const credits = new Float64Array(candidates.length * units.length);
  const raise = (u: number, ordinals: Iterable<number>, credit: number) => {
    for (const ordinal of ordinals) {
      const slot = slotOf[ordinal] ?? -1;
      if (slot < 0) continue;
      const at = slot * units.length + u;
      if ((credits[at] ?? 0) < credit) credits[at] = credit;
    }
  };
  units.forEach((unit, u) => {
    for (const root of unit.roots) raise(u, sources.withRoot(root), ROOT_CREDIT);
    for (const term of unit.terms) raise(u, sources.withContext(term), CONTEXT_CREDIT);
    for (const term of unit.terms) raise(u, sources.withTerm(term), 1);
  });
  return (ordinal, u) => credits[(slotOf[ordinal] ?? 0) * units.length + u] ?? 0;
}
