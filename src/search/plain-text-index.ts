import MiniSearch from 'minisearch';
import { passageText } from '../corpus/passage.ts';
import { hasArabicLetter } from '../text/arabic-letters.ts';
import { normalizeArabic } from '../text/arabic-normalize.ts';
import { lightStem } from '../text/arabic-stemmer.ts';
import type { AnalyzedPassage } from './analyzed-passage.ts';
import { Bm25Index, type Bm25QueryTerm } from './bm25-index.ts';

/** Lowercase; Arabic words normalized and light-stemmed (light10): the plain analysis, no lexicon. */
export function lightStemTerm(term: string): string {
  const lower = term.toLowerCase();
  return hasArabicLetter(lower) ? lightStem(normalizeArabic(lower)) : lower;
}

/** A plain MiniSearch over the passages' text with the light stemmer: ids are the passages' ordinals. */
export function buildPlainStemmedMiniSearch(
  passages: readonly AnalyzedPassage[],
): MiniSearch<{ id: number; text: string }> {
  const miniSearch = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], processTerm: lightStemTerm });
  miniSearch.addAll(passages.map(({ passage, fileText }, id) => ({ id, text: passageText(passage, fileText) })));
  return miniSearch;
}

/** The plain BM25 index the bot searches (SearchData.plain), read from the plain MiniSearch. */
export function buildPlainIndex(passages: readonly AnalyzedPassage[]): Bm25Index {
  return Bm25Index.fromMiniSearch(buildPlainStemmedMiniSearch(passages));
}

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/**
 * BM25 over every word of the passages, light-stemmed, with no lexicon and no stop words: the evaluation's
 * baseline, as a signal of the ranking. The bot's own analysis reads a question through its concepts and drops
 * what it takes for function words; on questions worded like no question it was built with, every word the
 * question shares with a passage, counted by BM25 with term frequency and length, is what still finds the passage
 * (see ranker.ts, PLAIN_SHARE). The index is built with the others (index/passages.plain.bm25.json); without
 * one, on the first Arabic question.
 */
export class PlainTextIndex {
  constructor(
    private readonly passages: readonly AnalyzedPassage[],
    private built?: Bm25Index,
  ) {}

  /** The best passages for the words, by ordinal, with their BM25 over the best one's (0–1]. */
  search(words: readonly string[], limit: number): Array<{ ordinal: number; share: number }> {
    const terms = new Set(
      words
        .flatMap((word) => tokenize(word))
        .map(lightStemTerm)
        .filter((term) => term !== ''),
    );
    const query = [...terms].map((term): Bm25QueryTerm => ({ term, boost: 1 }));
    const hits = query.length === 0 ? [] : this.index().search(query, limit);
    const best = hits[0]?.score ?? 0;
    return best > 0 ? hits.map((hit) => ({ ordinal: Number(hit.id), share: hit.score / best })) : [];
  }

  private index(): Bm25Index {
    this.built ??= buildPlainIndex(this.passages);
    return this.built;
  }
}
