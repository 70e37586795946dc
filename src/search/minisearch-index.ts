import MiniSearch, { type Options } from 'minisearch';
import type { AnalyzedPassage } from './analyzed-passage.ts';

/** The document MiniSearch sees: terms already analyzed, space separated. */
interface IndexedPassage {
  id: string;
  text: string;
  concepts: string;
  context: string;
}

/**
 * The one options object used to build and to load the index (functions are not serialized, so loading must
 * pass the same ones). Terms arrive already analyzed, so tokenizing is a split on spaces and terms pass as is.
 */
export const MINISEARCH_OPTIONS: Options<IndexedPassage> = {
  idField: 'id',
  fields: ['text', 'concepts', 'context'],
  tokenize: (text) => text.split(' ').filter((term) => term.length > 0),
  processTerm: (term) => term,
  searchOptions: {
    combineWith: 'OR',
    boost: { text: 1, concepts: 1.2, context: 0.3 },
  },
};

/** Builds the MiniSearch index over analyzed passages. */
export function buildMiniSearch(passages: readonly AnalyzedPassage[]): MiniSearch<IndexedPassage> {
  const miniSearch = new MiniSearch<IndexedPassage>(MINISEARCH_OPTIONS);
  miniSearch.addAll(
    passages.map((analyzed) => ({
      id: analyzed.passage.id,
      text: analyzed.words.flatMap((word) => [...word.terms]).join(' '),
      concepts: analyzed.conceptTerms.join(' '),
      context: [...analyzed.contextTerms].join(' '),
    })),
  );
  return miniSearch;
}

/** Loads an index serialized with `JSON.stringify(miniSearch)`. */
export function loadMiniSearch(json: string): MiniSearch<IndexedPassage> {
  return MiniSearch.loadJSON<IndexedPassage>(json, MINISEARCH_OPTIONS);
}

export type PassageIndex = MiniSearch<IndexedPassage>;
