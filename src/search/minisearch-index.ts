import MiniSearch, { type Options } from 'minisearch';
import { ROOT_PREFIX } from '../text/arabic-root.ts';
import type { AnalyzedPassage } from './analyzed-passage.ts';

/** The document MiniSearch sees: terms already analyzed, space separated. */
interface IndexedPassage {
  id: string;
  terms: string;
}

/**
 * The one options object used to build and to load the index (functions are not serialized, so loading must
 * pass the same ones). Terms arrive already analyzed, so tokenizing is a split on spaces and terms pass as is.
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
      // Roots only give partial coverage credit (term-postings.ts); BM25 never searches them.
      terms: [
        ...analyzed.words.flatMap((word) => word.terms.filter((term) => !term.startsWith(ROOT_PREFIX))),
        ...analyzed.conceptTerms,
      ].join(' '),
    })),
  );
  return miniSearch;
}

/** Loads an index serialized with `JSON.stringify(miniSearch)`. */
export function loadMiniSearch(json: string): MiniSearch<IndexedPassage> {
  return MiniSearch.loadJSON<IndexedPassage>(json, MINISEARCH_OPTIONS);
}

export type PassageIndex = MiniSearch<IndexedPassage>;
