import SearchableMap from 'minisearch/SearchableMap';

/** MiniSearch's defaults: the weight of a fuzzy match, and the most edits a fuzzy match may have. */
const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 6;
/** How many lookups are remembered before the memory is cleared. */
const MEMORY_LIMIT = 10_000;

/**
 * The index terms a few edits away from a query term, found and weighted as MiniSearch's fuzzy search finds and
 * weights them. MiniSearch walks the radix tree of its index's terms, whose shape (and so the order of the walk)
 * depends on the order the terms went in: the order indexing first met them. Built from the terms in that order,
 * this tree has the same shape, and its walk finds the same terms in the same order (a test checks it against
 * MiniSearch). The order matters: it is the order a document's fuzzy matches are summed in.
 */
export class FuzzyTerms {
  private readonly tree = new SearchableMap<true>();
  /** Terms already looked up: a misspelling comes back with its question; cleared when full. */
  private readonly remembered = new Map<string, ReadonlyArray<{ term: string; weight: number }>>();

  constructor(termsInIndexingOrder: Iterable<string>) {
    for (const term of termsInIndexingOrder) this.tree.set(term, true);
  }

  /**
   * Index terms other than `term` itself within `fuzzy` edits (a share of its length when below 1, as MiniSearch's
   * `fuzzy` option), each with the weight MiniSearch gives its matches, in the order MiniSearch finds them.
   */
  near(term: string, fuzzy: number): ReadonlyArray<{ term: string; weight: number }> {
    const key = `${fuzzy} ${term}`;
    const known = this.remembered.get(key);
    if (known) return known;
    if (this.remembered.size >= MEMORY_LIMIT) this.remembered.clear();
    const found = this.lookUp(term, fuzzy);
    this.remembered.set(key, found);
    return found;
  }

  private lookUp(term: string, fuzzy: number): Array<{ term: string; weight: number }> {
    const maxDistance = fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(term.length * fuzzy)) : fuzzy;
    if (!maxDistance) return [];
    const found: Array<{ term: string; weight: number }> = [];
    for (const [near, [, distance]] of this.tree.fuzzyGet(term, maxDistance)) {
      if (distance === 0) continue;
      found.push({ term: near, weight: (FUZZY_WEIGHT * near.length) / (near.length + distance) });
    }
    return found;
  }
}
