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
      // Most positions start no phrase: nothing is allocated for them. A term a word lists twice opens its
      // bucket once, so each phrase is found once.
      let found: Array<{ terms: string[]; value: T }> | undefined;
      const wordTerms = words[from] ?? [];
      for (let k = 0; k < wordTerms.length; k++) {
        const term = wordTerms[k] ?? '';
        const bucket = this.byFirstTerm.get(term);
        if (!bucket || wordTerms.indexOf(term) < k) continue;
        for (const phrase of bucket) {
          if (!matchesAt(phrase.terms, words, from)) continue;
          found ??= [];
          found.push(phrase);
        }
      }
      if (!found) continue;
      found.sort((a, b) => b.terms.length - a.terms.length);
      const longest = found[0]?.terms.length ?? 0;
      const chosen = longestOnly ? found.filter((phrase) => phrase.terms.length === longest) : found;
      for (const phrase of chosen) matches.push({ value: phrase.value, from, to: from + phrase.terms.length });
      if (longestOnly) from += longest - 1;
    }
    return matches;
  }
}

/** True when each of the phrase's terms is among the terms of the word at its offset from `from`. */
function matchesAt(terms: readonly string[], words: ReadonlyArray<WordTerms>, from: number): boolean {
  for (let offset = 0; offset < terms.length; offset++) {
    if (!words[from + offset]?.includes(terms[offset] ?? '')) return false;
  }
  return true;
}
