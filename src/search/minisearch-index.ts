import MiniSearch, { type Options } from 'minisearch';
import { ROOT_PREFIX } from '../text/arabic-root.ts';
import type { AnalyzedPassage } from './analyzed-passage.ts';

/** The document MiniSearch sees: terms already analyzed, space separated. */
interface IndexedPassage {
  id: string;
  terms: string;
}

/**
 * The options the index is built with. Terms arrive already analyzed, so tokenizing is a split on spaces and terms
 * pass as is. The bot searches it through bm25-index.ts, which stores it and scores as MiniSearch would.
 */
const MINISEARCH_OPTIONS: Options<IndexedPassage> = {
  idField: 'id',
  // One field of word and concept terms: a field per kind doubled search time for no better ranking. Context
  // (headings, the paragraph before) counts in coverage, not in BM25.
  fields: ['terms'],
  tokenize: (text) => text.split(' ').filter((term) => term.length > 0),
  processTerm: (term) => term,
  searchOptions: { combineWith: 'OR' },
};

/** Builds the MiniSearch index over analyzed passages. */
export function buildMiniSearch(passages: readonly AnalyzedPassage[]): MiniSearch<IndexedPassage> {
  const miniSearch = new MiniSearch<IndexedPassage>(MINISEARCH_OPTIONS);
  miniSearch.addAll(
    passages.map((analyzed) => ({
      id: analyzed.passage.id,
      // Roots only give partial coverage credit (unit-credit.ts); BM25 never searches them.
      terms: [
        ...analyzed.words.flatMap((word) => word.terms.filter((term) => !term.startsWith(ROOT_PREFIX))),
        ...analyzed.conceptTerms,
      ].join(' '),
    })),
  );
  return miniSearch;
}
