/** The bot as production builds it over the committed index, and the questions `npm run bench` asks it. */
import { resolve } from 'node:path';
import { TreatyBot } from '../answer/treaty-bot.ts';
import { DEFAULT_PATHS } from '../default-paths.ts';
import { loadQuestionSets } from '../eval/question-sets.ts';
import { silentLogger } from '../logger.ts';
import type { EnglishTextIndex } from '../search/english-text-index.ts';
import { loadIndexIfFresh, type SearchData } from '../search/index-files.ts';
import { openEnglishText, type SearchInputs } from '../search/open-search.ts';
import { PassageSearch } from '../search/passage-search.ts';

/** Every question of every evaluation set: what the bench asks. */
export function benchQuestions(): string[] {
  return loadQuestionSets(resolve('test/eval')).flatMap((set) => set.questions.map((question) => question.question));
}

/** The committed index/, loaded as production loads it; the bench stops if it is stale. */
export function loadCommittedIndex(inputs: SearchInputs): SearchData {
  const loaded = loadIndexIfFresh(resolve(DEFAULT_PATHS.index), inputs.manifest, inputs.documents);
  if ('reason' in loaded)
    throw new Error(`bench: the committed index is stale (${loaded.reason}); run npm run build:index`);
  return loaded;
}

/** The bot over a loaded index and the English translations, as `npm start` builds it. */
export function botOver(inputs: SearchInputs, loaded: SearchData, english = englishOf(inputs, loaded)): TreatyBot {
  return new TreatyBot(
    new PassageSearch(loaded.analyzed, loaded.index, loaded.lexicon, english, loaded.plain),
    inputs.lexicon.topics,
  );
}

/** The English translations' search (its index is built on the first English question). */
export function englishOf(inputs: SearchInputs, loaded: SearchData): EnglishTextIndex {
  return openEnglishText(resolve(DEFAULT_PATHS.seeds), inputs.documents, loaded, silentLogger);
}
