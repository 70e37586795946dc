import type MiniSearch from 'minisearch';
import type { AsPlainObject } from 'minisearch';

/** MiniSearch's default BM25+ parameters, which the index is searched with. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** A passage found by a BM25 search, with its score. */
export interface PassageHit {
  id: string;
  score: number;
}

/**
 * BM25 search over the MiniSearch index of the passages' terms (minisearch-index.ts), read from the index as
 * MiniSearch serializes it. It gives exactly the results of `miniSearch.search(terms, { boostTerm })` with the
 * index's options (OR, no prefix or fuzzy matching, one field): the same BM25+ formula with its operations in the
 * same order, scores summed over the query's terms in order and multiplied by the number of terms matched, ties
 * kept in the order MiniSearch finds them. It is faster because every posting's BM25 is computed once, when the
 * index is read, and because reading it builds flat arrays instead of MiniSearch's tree of maps.
 */
export class PassageIndex {
  /** Where each term's postings start in `documents` and `scores`, and where they end. */
  private readonly postingRanges = new Map<string, { from: number; to: number }>();
  /** Per posting, in MiniSearch's order (by short id): the document's short id and the term's BM25 in it. */
  private readonly documents: Int32Array;
  private readonly scores: Float64Array;
  private readonly ids: string[];
  // Per search, reused: each document's summed score and how many query terms it holds.
  private readonly summed: Float64Array;
  private readonly termsMatched: Int32Array;

  private constructor(serialized: AsPlainObject) {
    const { documentCount, documentIds, fieldIds, fieldLength, averageFieldLength, index } = serialized;
    if (Object.keys(fieldIds).length !== 1) throw new Error('search: the passage index must have one field');
    const fieldId = String(Object.values(fieldIds)[0]);
    const averageLength = averageFieldLength[Number(fieldId)] ?? 0;
    this.ids = [];
    for (const [shortId, id] of Object.entries(documentIds)) this.ids[Number(shortId)] = String(id);
    const lengths: number[] = [];
    for (const [shortId, length] of Object.entries(fieldLength))
      lengths[Number(shortId)] = length[Number(fieldId)] ?? 0;
    let total = 0;
    for (const [, fields] of index) total += Object.keys(fields[fieldId] ?? {}).length;
    this.documents = new Int32Array(total);
    this.scores = new Float64Array(total);
    let at = 0;
    for (const [term, fields] of index) {
      const frequencies = fields[fieldId] ?? {};
      // Object keys that are integers come in ascending order, as MiniSearch iterates its postings.
      const shortIds = Object.keys(frequencies);
      const from = at;
      for (const shortId of shortIds) {
        const document = Number(shortId);
        this.documents[at] = document;
        this.scores[at] = bm25(
          frequencies[shortId] ?? 0,
          shortIds.length,
          documentCount,
          lengths[document] ?? 0,
          averageLength,
        );
        at++;
      }
      this.postingRanges.set(term, { from, to: at });
    }
    this.summed = new Float64Array(this.ids.length);
    this.termsMatched = new Int32Array(this.ids.length);
  }

  /** Reads an index serialized with `JSON.stringify(miniSearch)`. */
  static fromJson(json: string): PassageIndex {
    return new PassageIndex(JSON.parse(json) as AsPlainObject);
  }

  static fromMiniSearch(miniSearch: MiniSearch): PassageIndex {
    return new PassageIndex(miniSearch.toJSON());
  }

  /** How many distinct terms the index holds. */
  get termCount(): number {
    return this.postingRanges.size;
  }

  /**
   * Passages holding any of the terms, best first, at most `limit`: BM25 summed over the terms, each times its
   * boost, times the number of the terms the passage holds.
   */
  search(boosts: ReadonlyMap<string, number>, limit: number): PassageHit[] {
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
    const hits = found.map((document): PassageHit => {
      const hit = {
        id: this.ids[document] ?? '',
        score: (this.summed[document] ?? 0) * (this.termsMatched[document] ?? 0),
      };
      this.termsMatched[document] = 0;
      return hit;
    });
    // A stable sort: equal scores stay in the order they were found, as in MiniSearch.
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
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
