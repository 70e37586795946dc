import type MiniSearch from 'minisearch';
import type { AsPlainObject } from 'minisearch';

/** MiniSearch's default BM25+ parameters, which its indexes are searched with. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** BM25's IDF of a term held by `frequency` of `total` documents. */
export function bm25Idf(total: number, frequency: number): number {
  return Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
}

/** A document found by a BM25 search (its id as MiniSearch stores it, as a string), with its score. */
export interface Bm25Hit {
  id: string;
  score: number;
}

/**
 * BM25 search over a one-field MiniSearch index, read from the index as MiniSearch serializes it. It gives exactly
 * the results of `miniSearch.search(terms, { boostTerm })` without prefix or fuzzy matching: the same BM25+
 * formula with its operations in the same order, scores summed over the query's terms in order and multiplied by
 * the number of terms matched, ties kept in the order MiniSearch finds them. It is faster because every posting's
 * BM25 is computed once, when the index is read, and because reading it builds flat arrays instead of MiniSearch's
 * tree of maps.
 */
export class Bm25Index {
  /** Where each term's postings start in `documents` and `scores`, and where they end. */
  private readonly postingRanges = new Map<string, { from: number; to: number }>();
  /** Per posting, in MiniSearch's order (by short id): the document's short id and the term's BM25 in it. */
  private readonly documents: Int32Array;
  private readonly scores: Float64Array;
  private readonly ids: string[] = [];
  private readonly shortIds = new Map<string, number>();
  // Per search, reused: each document's summed score and how many query terms it holds.
  private readonly summed: Float64Array;
  private readonly termsMatched: Int32Array;

  private constructor(serialized: AsPlainObject) {
    const { documentCount, documentIds, fieldIds, fieldLength, averageFieldLength, index } = serialized;
    const fields = Object.values(fieldIds);
    if (fields.length !== 1) throw new Error('search: a BM25 index must have one field');
    const fieldId = String(fields[0]);
    const averageLength = averageFieldLength[Number(fieldId)] ?? 0;
    for (const [shortId, id] of Object.entries(documentIds)) {
      this.ids[Number(shortId)] = String(id);
      this.shortIds.set(String(id), Number(shortId));
    }
    const lengths: number[] = [];
    for (const [shortId, length] of Object.entries(fieldLength))
      lengths[Number(shortId)] = length[Number(fieldId)] ?? 0;
    const documents: number[] = [];
    const scores: number[] = [];
    for (const [term, data] of index) {
      const frequencies = data[fieldId] ?? {};
      // Object keys that are integers come in ascending order, as MiniSearch iterates its postings.
      const shortIds = Object.keys(frequencies);
      const from = documents.length;
      for (const shortId of shortIds) {
        const document = Number(shortId);
        const frequency = frequencies[shortId] ?? 0;
        documents.push(document);
        scores.push(bm25(frequency, shortIds.length, documentCount, lengths[document] ?? 0, averageLength));
      }
      this.postingRanges.set(term, { from, to: documents.length });
    }
    this.documents = Int32Array.from(documents);
    this.scores = Float64Array.from(scores);
    this.summed = new Float64Array(this.ids.length);
    this.termsMatched = new Int32Array(this.ids.length);
  }

  /** Reads an index serialized with `JSON.stringify(miniSearch)`. */
  static fromJson(json: string): Bm25Index {
    return new Bm25Index(JSON.parse(json) as AsPlainObject);
  }

  static fromMiniSearch(miniSearch: MiniSearch): Bm25Index {
    return new Bm25Index(miniSearch.toJSON());
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

  /** Every term with how many documents hold it. */
  *documentFrequencies(): Iterable<[string, number]> {
    for (const [term, { from, to }] of this.postingRanges) yield [term, to - from];
  }

  /**
   * Documents holding any of the terms, best first, at most `limit`: BM25 summed over the terms, each times its
   * boost, times the number of the terms the document holds.
   */
  search(boosts: ReadonlyMap<string, number>, limit: number): Bm25Hit[] {
    const found: number[] = [];
    for (const [term, boost] of boosts) {
      const range = this.postingRanges.get(term);
      if (!range) continue;
      for (let at = range.from; at < range.to; at++) {
        const document = this.documents[at] ?? 0;
        const score = boost * (this.scores[at] ?? 0);
        if (this.termsMatched[document] === 0) {
          found.push(document);
          this.summed[document] = score;
        } else this.summed[document] = (this.summed[document] ?? 0) + score;
        this.termsMatched[document] = (this.termsMatched[document] ?? 0) + 1;
      }
    }
    const { summed, termsMatched } = this;
    for (const document of found) {
      summed[document] = (summed[document] ?? 0) * (termsMatched[document] ?? 0);
      termsMatched[document] = 0;
    }
    // A stable sort: equal scores stay in the order they were found, as in MiniSearch.
    found.sort((a, b) => (summed[b] ?? 0) - (summed[a] ?? 0));
    return found.slice(0, limit).map((document) => ({ id: this.ids[document] ?? '', score: summed[document] ?? 0 }));
  }

  /**
   * The terms the document holds, in the order MiniSearch lists a result's matched terms (`Object.keys` of its
   * match: integer-like terms first, ascending, then the others in query order).
   */
  termsIn(id: string, terms: readonly string[]): string[] {
    const document = this.shortIds.get(id);
    const match: Record<string, true> = {};
    if (document === undefined) return [];
    for (const term of terms) if (this.holds(term, document)) match[term] = true;
    return Object.keys(match);
  }

  private holds(term: string, document: number): boolean {
    const range = this.postingRanges.get(term);
    if (!range) return false;
    // Postings are sorted by short id.
    let low = range.from;
    let high = range.to;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.documents[middle] ?? 0) < document) low = middle + 1;
      else high = middle;
    }
    return low < range.to && this.documents[low] === document;
  }
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
  const inverseDocumentFrequency = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
  return (
    inverseDocumentFrequency *
    (d + (termFrequency * (k + 1)) / (termFrequency + k * (1 - b + (b * fieldLength) / averageFieldLength)))
  );
}
