import type { AnalyzedPassage } from './analyzed-passage.ts';

/** Credit for a unit found only in the passage's context (title, headings, paragraph before). */
const CONTEXT_CREDIT = 0.5;
/** Credit for a unit whose root, not its stem, the passage holds (تطبيق for تطبق; see arabic-root.ts). */
const ROOT_CREDIT = 0.5;

/**
 * Which passages hold each term, by passage ordinal: for document frequencies and for checking, in one pass
 * per query unit, which passages cover the unit (cheaper than asking every candidate's term set).
 */
export class TermPostings {
  private readonly inPassage = new Map<string, number[]>();
  private readonly inContext = new Map<string, number[]>();

  constructor(private readonly passages: readonly AnalyzedPassage[]) {
    passages.forEach((analyzed, ordinal) => {
      for (const term of analyzed.terms) append(this.inPassage, term, ordinal);
      for (const term of analyzed.contextTerms) append(this.inContext, term, ordinal);
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

  /**
   * Credit of each passage (by ordinal) for a set of alternative terms: 1 where the passage holds one of them,
   * CONTEXT_CREDIT where only its context does, ROOT_CREDIT where it holds one of `roots`, 0 elsewhere.
   */
  credits(terms: readonly string[], roots: readonly string[] = []): Float32Array {
    const credit = new Float32Array(this.passages.length);
    for (const root of roots) {
      for (const ordinal of this.inPassage.get(root) ?? []) credit[ordinal] = ROOT_CREDIT;
    }
    for (const term of terms) {
      for (const ordinal of this.inContext.get(term) ?? [])
        credit[ordinal] = Math.max(credit[ordinal] ?? 0, CONTEXT_CREDIT);
    }
    for (const term of terms) {
      for (const ordinal of this.inPassage.get(term) ?? []) credit[ordinal] = 1;
    }
    return credit;
  }
}

function append(postings: Map<string, number[]>, term: string, ordinal: number): void {
  const list = postings.get(term);
  if (list) list.push(ordinal);
  else postings.set(term, [ordinal]);
}
