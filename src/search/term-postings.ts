import type { AnalyzedPassage } from './analyzed-passage.ts';

/** Credit for a unit found only in the passage's context (title, headings, paragraph before). */
const CONTEXT_CREDIT = 0.5;
/** Credit for a unit whose root, not its stem, the passage holds (تطبيق for تطبق; see arabic-root.ts). */
const ROOT_CREDIT = 0.5;

/** Which passages hold each term, by passage ordinal: for document frequencies and the vocabulary. */
export class TermPostings {
  private readonly inPassage = new Map<string, number[]>();

  constructor(passages: readonly AnalyzedPassage[]) {
    passages.forEach((analyzed, ordinal) => {
      for (const term of analyzed.terms) append(this.inPassage, term, ordinal);
    });
  }

  /** Every term of the passages (not of their context) with how many passages hold it. */
  *terms(): Iterable<[string, number]> {
    for (const [term, ordinals] of this.inPassage) yield [term, ordinals.length];
  }

  /** How many passages hold the term. */
  frequency(term: string): number {
    return this.inPassage.get(term)?.length ?? 0;
  }
}

/**
 * A passage's credit for a query unit: 1 when it holds one of the unit's terms, CONTEXT_CREDIT when only its
 * context does (title, headings, the paragraph before), ROOT_CREDIT when it holds one of the unit's roots, else 0.
 */
export function unitCredit(
  analyzed: AnalyzedPassage,
  unit: { terms: readonly string[]; roots: readonly string[] },
): number {
  if (unit.terms.some((term) => analyzed.terms.has(term))) return 1;
  if (unit.terms.some((term) => analyzed.contextTerms.has(term))) return CONTEXT_CREDIT;
  return unit.roots.some((root) => analyzed.terms.has(root)) ? ROOT_CREDIT : 0;
}

function append(postings: Map<string, number[]>, term: string, ordinal: number): void {
  const list = postings.get(term);
  if (list) list.push(ordinal);
  else postings.set(term, [ordinal]);
}
