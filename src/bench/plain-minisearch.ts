import MiniSearch from 'minisearch';
import { passageText } from '../corpus/passage.ts';
import type { AnalyzedPassage } from '../search/analyzed-passage.ts';

/**
 * The baseline: MiniSearch with its default options (its own tokenizer, lowercasing, no Arabic analysis)
 * over the same passages' text. Shows what the analysis and ranking add.
 */
const PLAIN_OPTIONS = { fields: ['text'] };

export function buildPlainMiniSearch(passages: ReadonlyArray<{ id: string; text: string }>): MiniSearch {
  const miniSearch = new MiniSearch(PLAIN_OPTIONS);
  miniSearch.addAll(passages);
  return miniSearch;
}

/** The passage text (spans joined), as the plain baseline indexes it. */
export function plainDocuments(analyzed: readonly AnalyzedPassage[]): Array<{ id: string; text: string }> {
  return analyzed.map(({ passage, fileText }) => ({
    id: passage.id,
    text: passageText(passage, fileText),
  }));
}

/** Loads a serialized plain index, to time loading as the bot's index load is timed. */
export function loadPlainMiniSearch(json: string): MiniSearch {
  return MiniSearch.loadJSON(json, PLAIN_OPTIONS);
}
