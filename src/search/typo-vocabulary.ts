import SearchableMap from 'minisearch/SearchableMap';
import { ROOT_PREFIX } from '../text/arabic-root.ts';
import { CONCEPT_PREFIX } from './analyzed-passage.ts';

/** Words shorter than this are not corrected: one edit turns a short word into too many others. */
const MIN_TYPO_LENGTH = 6;
/** Corrections remembered, so a word asked again is not looked up again; the memory is cleared when full. */
const MEMORY_LIMIT = 10_000;

/**
 * The index's word terms in MiniSearch's radix tree, for typo tolerance: the indexed term one edit away from a
 * word the index does not know (الاتفاقيت → الاتفاقيه, الانتربل → الانتربول). Built on first use, so start-up does
 * not pay for it.
 */
export class TypoVocabulary {
  private map: SearchableMap<number> | undefined;
  private readonly remembered = new Map<string, string | undefined>();

  constructor(private readonly terms: () => Iterable<[string, number]>) {}

  /** The closest indexed term, the most frequent among equally close ones; undefined when none is one edit away. */
  nearest(term: string): string | undefined {
    if (term.length < MIN_TYPO_LENGTH) return undefined;
    if (this.remembered.has(term)) return this.remembered.get(term);
    if (this.remembered.size >= MEMORY_LIMIT) this.remembered.clear();
    const nearest = this.lookUp(term);
    this.remembered.set(term, nearest);
    return nearest;
  }

  private lookUp(term: string): string | undefined {
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
      for (const [term, frequency] of this.terms()) if (isWord(term)) this.map.set(term, frequency);
    }
    return this.map;
  }
}

/** A word term, not a concept (`~id`) or root (`√root`) term. */
function isWord(term: string): boolean {
  return !term.startsWith(CONCEPT_PREFIX) && !term.startsWith(ROOT_PREFIX);
}
