import { ROOT_PREFIX } from '../text/arabic-root.ts';
import type { AnalyzedPassage } from './analyzed-passage.ts';

/**
 * Which passages (by ordinal) hold each root term, and which have each term in their context (title, headings,
 * the paragraph before): what coverage credit needs beyond the BM25 index, which answers the same for word and
 * concept terms (unit-credit.ts). Read once per question term, instead of looked up once per candidate passage.
 */
export class TermHolders {
  private readonly rootHolders = new Map<string, number[]>();
  private readonly contextHolders = new Map<string, number[]>();

  /** From analyzed passages (an index built in memory); a stored index reads them from its numbers instead. */
  static of(passages: readonly AnalyzedPassage[]): TermHolders {
    const holders = new TermHolders();
    passages.forEach((analyzed, ordinal) => {
      for (const term of analyzed.terms) if (term.startsWith(ROOT_PREFIX)) holders.addRoot(term, ordinal);
      for (const term of analyzed.contextTerms) holders.addContext(term, ordinal);
    });
    return holders;
  }

  /** Records that passage `ordinal` holds the root term; passages are added in ascending order. */
  addRoot(term: string, ordinal: number): void {
    add(this.rootHolders, term, ordinal);
  }

  /** Records that passage `ordinal` has the term in its context; passages are added in ascending order. */
  addContext(term: string, ordinal: number): void {
    add(this.contextHolders, term, ordinal);
  }

  /** The passages holding the root term, ascending. */
  withRoot(term: string): readonly number[] {
    return this.rootHolders.get(term) ?? NONE;
  }

  /** The passages with the term in their context, ascending. */
  withContext(term: string): readonly number[] {
    return this.contextHolders.get(term) ?? NONE;
  }
}

const NONE: readonly number[] = [];

function add(holders: Map<string, number[]>, term: string, ordinal: number): void {
  const list = holders.get(term);
  if (!list) holders.set(term, [ordinal]);
  else if (list[list.length - 1] !== ordinal) list.push(ordinal);
}
