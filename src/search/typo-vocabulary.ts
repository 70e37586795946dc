import SearchableMap from 'minisearch/SearchableMap';
import { CONCEPT_PREFIX } from './analyzed-passage.ts';

/** Words shorter than this are not corrected: one edit turns a short word into too many others. */
const MIN_TYPO_LENGTH = 6;

/**
 * The index's word terms in MiniSearch's radix tree, for typo tolerance: the indexed term one edit away from a
 * word the index does not know (الاتفاقيت → الاتفاقيه, الانتربل → الانتربول). Built on first use, so start-up does
 * not pay for it.
 */
export class TypoVocabulary {
  private map: SearchableMap<number> | undefined;

  constructor(private readonly terms: () => Iterable<[string, number]>) {}

  /** The closest indexed term, the most frequent among equally close ones; undefined when none is one edit away. */
  nearest(term: string): string | undefined {
    if (term.length < MIN_TYPO_LENGTH) return undefined;
    let best: { term: string; frequency: number } | undefined;
    for (const [candidate, [frequency, distance]] of this.vocabulary().fuzzyGet(term, 1)) {
      if (distance === 0) continue;
      if (!best || frequency > best.frequency || (frequency === best.frequency && candidate < best.term))
        best = { term: candidate, frequency };
    }
    return best?.term;
  }

  private vocabulary(): SearchableMap<number> {
    if (!this.map) {
      this.map = new SearchableMap<number>();
      for (const [term, frequency] of this.terms()) if (!term.startsWith(CONCEPT_PREFIX)) this.map.set(term, frequency);
    }
    return this.map;
  }
}
