import type { AnalyzedPassage } from './analyzed-passage.ts';

/** Credit for a unit found only in the passage's context (title, headings, paragraph before). */
const CONTEXT_CREDIT = 0.5;
/** Credit for a unit whose root, not its stem, the passage holds (تطبيق for تطبق; see arabic-root.ts). */
const ROOT_CREDIT = 0.5;

/**
 * A passage's credit for a query unit: 1 when it holds one of the unit's terms, CONTEXT_CREDIT when only its
 * context does (title, headings, the paragraph before), ROOT_CREDIT when it holds one of the unit's roots, else 0.
 */
export function unitCredit(
  analyzed: AnalyzedPassage,
  unit: { terms: readonly string[]; roots: readonly string[] },
): number {
  // Loops rather than closures: this runs for every candidate and unit of every question.
  for (const term of unit.terms) if (analyzed.terms.has(term)) return 1;
  for (const term of unit.terms) if (analyzed.contextTerms.has(term)) return CONTEXT_CREDIT;
  for (const root of unit.roots) if (analyzed.terms.has(root)) return ROOT_CREDIT;
  return 0;
}
