/** Credit for a unit found only in the passage's context (title, headings, paragraph before). */
export const CONTEXT_CREDIT = 0.5;
/** Credit for a unit whose root, not its stem, the passage holds (تطبيق for تطبق; see arabic-root.ts). */
const ROOT_CREDIT = 0.5;

/** Which passages (by ordinal) hold a term, have it in their context, or hold a root term. */
export interface TermSources {
  /** How many passages there are: ordinals run from 0 below it. */
  passageCount: number;
  withTerm(term: string): ArrayLike<number>;
  withContext(term: string): ArrayLike<number>;
  withRoot(root: string): ArrayLike<number>;
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
  const raise = (u: number, ordinals: ArrayLike<number>, credit: number) => {
    // Indexed, not for-of: the holders come as arrays and as typed arrays, and iterating both through one
    // loop made it go through the iterator protocol.
    for (let i = 0; i < ordinals.length; i++) {
      const slot = slotOf[ordinals[i] ?? -1] ?? -1;
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
