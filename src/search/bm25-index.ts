import type MiniSearch from 'minisearch';

/** MiniSearch's default BM25+ parameters, which its indexes are searched with. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** BM25's IDF of a term held by `frequency` of `total` documents. */
export function bm25Idf(total: number, frequency: number): number {
  return Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
}

/** A term of a BM25 query with its boost, and for a possible typo the index terms it may stand for. */
export interface Bm25QueryTerm {
  term: string;
  boost: number;
  /**
   * Index terms a few edits away, each with its weight, in the order MiniSearch's fuzzy search finds them (see
   * fuzzy-terms.ts); the term itself, when the index holds it, counts at weight 1 before them.
   */
  fuzzy?: ReadonlyArray<{ term: string; weight: number }>;
}

/** A document found by a BM25 search (its id as MiniSearch stores it, as a string), with its score. */
export interface Bm25Hit {
  id: string;
  score: number;
}

/**
 * A one-field MiniSearch index as stored in `index/`: per term, the documents holding it with the term's frequency
 * in each, and what BM25 needs of the documents. Numbers in flat arrays, so that start-up parses it quickly.
 */
interface StoredBm25Index {
  documentCount: number;
  averageFieldLength: number;
  /** Document ids and field lengths (distinct terms), by MiniSearch's short id. */
  ids: string[];
  fieldLengths: number[];
  terms: string[];
  /** For each of `terms`: `shortId, frequency` pairs, by short id. */
  postings: number[][];
}

/**
 * BM25 search over a one-field MiniSearch index. It gives exactly the results of MiniSearch's own search (OR, term
 * boosts, fuzzy matching for the terms given fuzzy readings, no prefix matching): the same BM25+ formula with its
 * operations in the same order, scores summed over the query's terms in order and multiplied by the number of
 * terms matched, ties kept in the order MiniSearch finds them (tests compare the two). It is faster because every
 * posting's BM25 is computed once, when the index is read, because it makes no object per posting, and because it
 * is read from flat arrays of numbers instead of MiniSearch's serialized tree of objects.
 */
export class Bm25Index {
  /** Where each term's postings start in the posting arrays, and where they end. */
  private readonly postingRanges = new Map<string, { from: number; to: number }>();
  /** Per posting, in MiniSearch's order (by short id): the document's short id, the term's frequency and BM25. */
  private readonly documents: Int32Array;
  private readonly frequencies: Int32Array;
  private readonly scores: Float64Array;
  /** What BM25 needs of the documents (kept to be written out again). */
  private readonly documentStats: Omit<StoredBm25Index, 'terms' | 'postings'>;
  private readonly shortIds = new Map<string, number>();
  // Per search, reused: each document's summed score and how many query terms it holds.
  private readonly summed: Float64Array;
  private readonly termsMatched: Int32Array;

  private constructor({ documentCount, averageFieldLength, ids, fieldLengths, terms, postings }: StoredBm25Index) {
    this.documentStats = { documentCount, averageFieldLength, ids, fieldLengths };
    ids.forEach((id, shortId) => {
      this.shortIds.set(id, shortId);
    });
    let total = 0;
    for (const pairs of postings) total += pairs.length / 2;
    this.documents = new Int32Array(total);
    this.frequencies = new Int32Array(total);
    this.scores = new Float64Array(total);
    let at = 0;
    terms.forEach((term, t) => {
      const pairs = postings[t] ?? [];
      const from = at;
      for (let i = 0; i < pairs.length; i += 2) {
        const document = pairs[i] ?? 0;
        const frequency = pairs[i + 1] ?? 0;
        this.documents[at] = document;
        this.frequencies[at] = frequency;
        const length = fieldLengths[document] ?? 0;
        this.scores[at] = bm25(frequency, pairs.length / 2, documentCount, length, averageFieldLength);
        at++;
      }
      this.postingRanges.set(term, { from, to: at });
    });
    this.summed = new Float64Array(ids.length);
    this.termsMatched = new Int32Array(ids.length);
  }

  /** Reads an index written with `JSON.stringify(bm25Index)`. */
  static fromJson(json: string): Bm25Index {
    const stored = JSON.parse(json) as StoredBm25Index;
    if (![stored.ids, stored.fieldLengths, stored.terms, stored.postings].every(Array.isArray))
      throw new Error('search: the BM25 index file is malformed');
    return new Bm25Index(stored);
  }

  /** Reads the index of a MiniSearch instance with one field (as MiniSearch serializes it). */
  static fromMiniSearch(miniSearch: MiniSearch): Bm25Index {
    const { documentCount, documentIds, fieldIds, fieldLength, averageFieldLength, index } = miniSearch.toJSON();
    const fields = Object.values(fieldIds);
    if (fields.length !== 1) throw new Error('search: a BM25 index must have one field');
    const fieldId = Number(fields[0]);
    const ids: string[] = [];
    const fieldLengths: number[] = [];
    for (const [shortId, id] of Object.entries(documentIds)) ids[Number(shortId)] = String(id);
    for (const [shortId, lengths] of Object.entries(fieldLength)) fieldLengths[Number(shortId)] = lengths[fieldId] ?? 0;
    return new Bm25Index({
      documentCount,
      averageFieldLength: averageFieldLength[fieldId] ?? 0,
      ids,
      fieldLengths,
      terms: index.map(([term]) => term),
      // Object keys that are integers come in ascending order, as MiniSearch iterates its postings.
      postings: index.map(([, data]) =>
        Object.entries(data[fieldId] ?? {}).flatMap(([shortId, frequency]) => [Number(shortId), frequency]),
      ),
    });
  }

  /** What `JSON.stringify` writes: the stored form (see fromJson). */
  toJSON(): StoredBm25Index {
    const postings = [...this.postingRanges.values()].map(({ from, to }) => {
      const pairs: number[] = [];
      for (let at = from; at < to; at++) pairs.push(this.documents[at] ?? 0, this.frequencies[at] ?? 0);
      return pairs;
    });
    return { ...this.documentStats, terms: [...this.postingRanges.keys()], postings };
  }

  /** How many distinct terms the index holds. */
  get termCount(): number {
    return this.postingRanges.size;
  }

  /** How many documents hold the term. */
  documentFrequency(term: string): number {
    const range = this.postingRanges.get(term);
    return range ? range.to - range.from : 0;
  }

  /** The documents holding the term, by short id (ascending; a view, not a copy). */
  holders(term: string): Int32Array {
    const range = this.postingRanges.get(term);
    return range ? this.documents.subarray(range.from, range.to) : NO_DOCUMENTS;
  }

  /** The documents' ids (as given to MiniSearch), by short id. */
  get documentIds(): readonly string[] {
    return this.documentStats.ids;
  }

  /** Every term with how many documents hold it. */
  *documentFrequencies(): Iterable<[string, number]> {
    for (const [term, { from, to }] of this.postingRanges) yield [term, to - from];
  }

  /**
   * Documents holding any of the query's terms, best first, at most `limit`: BM25 summed over the terms, each
   * times its boost, times the number of the query's terms the document holds. A term with `fuzzy` readings also
   * matches them, each at its weight: as in MiniSearch, a term's matches are summed before they join the others'.
   */
  search(query: readonly Bm25QueryTerm[], limit: number): Bm25Hit[] {
    const { ids } = this.documentStats;
    return this.searchDocuments(query, limit).map(({ document, score }) => ({ id: ids[document] ?? '', score }));
  }

  /** `search`, its documents by short id (for a caller that numbers its passages as the index does). */
  searchDocuments(query: readonly Bm25QueryTerm[], limit: number): Array<{ document: number; score: number }> {
    const found: number[] = [];
    const { summed, termsMatched } = this;
    for (const { term, boost, fuzzy } of query) {
      if (!fuzzy) {
        // One reading: each posting is the term's whole contribution to its document.
        const range = this.postingRanges.get(term);
        if (range)
          for (let at = range.from; at < range.to; at++)
            this.add(found, this.documents[at] ?? 0, boost * (this.scores[at] ?? 0));
        continue;
      }
      const readings = new Map<number, number>();
      for (const { term: reading, weight } of [{ term, weight: 1 }, ...fuzzy]) {
        const range = this.postingRanges.get(reading);
        if (!range) continue;
        for (let at = range.from; at < range.to; at++) {
          const document = this.documents[at] ?? 0;
          const score = weight * boost * (this.scores[at] ?? 0);
          const before = readings.get(document);
          readings.set(document, before === undefined ? score : before + score);
        }
      }
      for (const [document, score] of readings) this.add(found, document, score);
    }
    for (const document of found) {
      summed[document] = (summed[document] ?? 0) * (termsMatched[document] ?? 0);
      termsMatched[document] = 0;
    }
    return bestFirst(found, summed, limit).map((document) => ({ document, score: summed[document] ?? 0 }));
  }

  /**
   * One document's score for the query, as `search` would give it (0 when it holds none of the query's terms):
   * for scoring a few known documents without ranking them all.
   */
  scoreOf(id: string, query: readonly Bm25QueryTerm[]): number {
    const document = this.shortIds.get(id);
    if (document === undefined) return 0;
    let sum = 0;
    let matched = 0;
    for (const { term, boost, fuzzy } of query) {
      // The term itself at weight 1, then its fuzzy readings: no list of them all is made per document.
      let contribution = this.readingScore(term, 1, boost, document);
      for (const { term: reading, weight } of fuzzy ?? []) {
        const score = this.readingScore(reading, weight, boost, document);
        if (score !== undefined) contribution = contribution === undefined ? score : contribution + score;
      }
      if (contribution === undefined) continue;
      // Summed in the order `add` sums them, so that the score equals search's to the last bit.
      sum = matched === 0 ? contribution : sum + contribution;
      matched++;
    }
    return sum * matched;
  }

  /** A reading's score in a document, at its weight and its term's boost; undefined when the document lacks it. */
  private readingScore(reading: string, weight: number, boost: number, document: number): number | undefined {
    const at = this.postingOf(reading, document);
    return at < 0 ? undefined : weight * boost * (this.scores[at] ?? 0);
  }

  /** Adds one query term's score in a document (the first score a document gets is its sum as it stands). */
  private add(found: number[], document: number, score: number): void {
    if (this.termsMatched[document] === 0) {
      found.push(document);
      this.summed[document] = score;
    } else this.summed[document] = (this.summed[document] ?? 0) + score;
    this.termsMatched[document] = (this.termsMatched[document] ?? 0) + 1;
  }

  /**
   * The index terms of the query (its terms and their fuzzy readings) the document holds, in the order MiniSearch
   * lists a result's matched terms (`Object.keys` of its match: integer-like terms first, ascending, then the
   * others in the order they matched).
   */
  termsIn(id: string, query: readonly Bm25QueryTerm[]): string[] {
    const document = this.shortIds.get(id);
    if (document === undefined) return [];
    // A list in the order they matched, not a record keyed by them: an object given new keys for every question
    // cost more than the binary searches.
    const matched: string[] = [];
    const add = (term: string) => {
      if (this.holds(term, document) && !matched.includes(term)) matched.push(term);
    };
    for (const { term, fuzzy } of query) {
      add(term);
      for (const reading of fuzzy ?? []) add(reading.term);
    }
    return inPropertyOrder(matched);
  }

  private holds(term: string, document: number): boolean {
    return this.postingOf(term, document) >= 0;
  }

  /** Where the term's posting for the document is, -1 when the document does not hold the term. */
  private postingOf(term: string, document: number): number {
    const range = this.postingRanges.get(term);
    if (!range) return -1;
    // Postings are sorted by short id.
    let low = range.from;
    let high = range.to;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.documents[middle] ?? 0) < document) low = middle + 1;
      else high = middle;
    }
    return low < range.to && this.documents[low] === document ? low : -1;
  }
}

const NO_DOCUMENTS = new Int32Array(0);

/**
 * Distinct keys in the order `Object.keys` lists them once set on an object in this order: array indices (integers
 * below 2³² − 1 written canonically) first, ascending, then the others as they came.
 */
function inPropertyOrder(keys: readonly string[]): string[] {
  const indices = keys.filter(isArrayIndex);
  if (indices.length === 0) return [...keys];
  return [...indices.sort((a, b) => Number(a) - Number(b)), ...keys.filter((key) => !isArrayIndex(key))];
}

function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}

/**
 * The `limit` best of the documents by score, best first, as a stable sort would order them (MiniSearch sorts its
 * results so: equal scores stay in the order they were found). Kept in a short sorted list instead of sorting all.
 */
function bestFirst(found: readonly number[], scores: Float64Array, limit: number): number[] {
  const best: number[] = [];
  if (limit <= 0) return best;
  for (const document of found) {
    const score = scores[document] ?? 0;
    if (best.length >= limit && score <= (scores[best[best.length - 1] ?? 0] ?? 0)) continue;
    // After every kept document that scores at least as much.
    let at = best.length;
    while (at > 0 && (scores[best[at - 1] ?? 0] ?? 0) < score) at--;
    best.splice(at, 0, document);
    if (best.length > limit) best.pop();
  }
  return best;
}

/** MiniSearch's BM25+ score of a term in a document (calcBM25Score), with its operations in the same order. */
function bm25(
  termFrequency: number,
  matchingCount: number,
  totalCount: number,
  fieldLength: number,
  averageFieldLength: number,
): number {
  const { k, b, d } = BM25;
  return (
    bm25Idf(totalCount, matchingCount) *
    (d + (termFrequency * (k + 1)) / (termFrequency + k * (1 - b + (b * fieldLength) / averageFieldLength)))
  );
}
