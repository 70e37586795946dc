/**
 * Finds curated multi-word phrases (synonym-group members, glossary phrases) in a sequence of content words.
 * A phrase is a list of canonical terms; a word matches a phrase term when the term is among the word's
 * terms (its stem or one of its variants), so `لمكافحة` matches a phrase term `مكافح`.
 */

/** A word as the list of its terms: stem first, then variants (a handful, so a list beats a set). */
export type WordTerms = readonly string[];

export interface PhraseMatch<T> {
  value: T;
  /** Index of the first and one past the last matching word. */
  from: number;
  to: number;
}

export class PhraseMatcher<T> {
  // Phrases bucketed by their first term, so the scan looks only at plausible candidates.
  private readonly byFirstTerm = new Map<string, Array<{ terms: string[]; value: T }>>();

  /** Adds a phrase; empty phrases (all stop words) are ignored. */
  add(terms: readonly string[], value: T): void {
    const first = terms[0];
    if (first === undefined) return;
    const bucket = this.byFirstTerm.get(first) ?? [];
    bucket.push({ terms: [...terms], value });
    this.byFirstTerm.set(first, bucket);
  }

  /**
   * Every occurrence of every phrase in `words` (each word given as the set of its terms).
   * With `longestOnly`, matches do not overlap: at each position the longest phrases win (all of that length,
   * so two groups sharing a phrase both match) and the scan jumps past them.
   */
  findAll(words: ReadonlyArray<WordTerms>, longestOnly = false): Array<PhraseMatch<T>> {
    const matches: Array<PhraseMatch<T>> = [];
    for (let from = 0; from < words.length; from++) {
      const candidates = new Set<{ terms: string[]; value: T }>();
      for (const term of words[from] ?? []) {
        for (const phrase of this.byFirstTerm.get(term) ?? []) candidates.add(phrase);
      }
      const found = [...candidates]
        .filter((phrase) => phrase.terms.every((term, offset) => words[from + offset]?.includes(term)))
        .sort((a, b) => b.terms.length - a.terms.length);
      if (found.length === 0) continue;
      const longest = found[0]?.terms.length ?? 0;
      const chosen = longestOnly ? found.filter((phrase) => phrase.terms.length === longest) : found;
      for (const phrase of chosen) matches.push({ value: phrase.value, from, to: from + phrase.terms.length });
      if (longestOnly) from += longest - 1;
    }
    return matches;
  }
}
