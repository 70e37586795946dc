import { ROOT_PREFIX } from '../text/arabic-root.ts';
import type { AnalyzedPassage } from './analyzed-passage.ts';

/**
 * Which passages (by ordinal, ascending) hold each root term, and which have each term in their context (title,
 * headings, the paragraph before): what coverage credit needs beyond the BM25 index, which answers the same for
 * word and concept terms (unit-credit.ts). Read once per question term, instead of looked up once per candidate
 * passage. Stored beside the passages (analysis-file.ts): computing them at startup cost a twentieth of the time
 * to the first answer.
 */
export class TermHolders {
  /**
   * Records as JSON stores them (`JSON.parse` builds them faster than any Map startup could): root term → the
   * passages holding it, term → the passages with it in their context.
   */
  constructor(
    readonly roots: Readonly<Record<string, readonly number[]>>,
    readonly context: Readonly<Record<string, readonly number[]>>,
  ) {}

  /** From analyzed passages, in their order. */
  static of(passages: readonly AnalyzedPassage[]): TermHolders {
    const roots: Record<string, number[]> = {};
    const context: Record<string, number[]> = {};
    passages.forEach((analyzed, ordinal) => {
      for (const term of analyzed.terms) if (term.startsWith(ROOT_PREFIX)) add(roots, term, ordinal);
      for (const term of analyzed.contextTerms) add(context, term, ordinal);
    });
    return new TermHolders(roots, context);
  }

  /** The passages holding the root term. */
  withRoot(term: string): readonly number[] {
    return lookUp(this.roots, term);
  }

  /** The passages with the term in their context. */
  withContext(term: string): readonly number[] {
    return lookUp(this.context, term);
  }
}

const NONE: readonly number[] = [];

function lookUp(holders: Readonly<Record<string, readonly number[]>>, term: string): readonly number[] {
  return Object.hasOwn(holders, term) ? (holders[term] ?? NONE) : NONE;
}

function add(holders: Record<string, number[]>, term: string, ordinal: number): void {
  if (Object.hasOwn(holders, term)) holders[term]?.push(ordinal);
  else holders[term] = [ordinal];
}
