import { corpusHash, loadDocuments, splitDocuments } from '../corpus/load-corpus.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import type { Logger } from '../logger.ts';
import { TextAnalyzer } from '../text/analyzer.ts';
import { analyzePassages, type SeedDocument } from './analyzed-passage.ts';
import { CompiledLexicon } from './compiled-lexicon.ts';
import { expectedManifest, type IndexManifest, loadIndexIfFresh, type SearchData } from './index-files.ts';
import { buildMiniSearch } from './minisearch-index.ts';
import { PassageSearch } from './passage-search.ts';
import { linkTwins } from './twins.ts';

export interface SearchSources {
  seedsDir: string;
  indexDir: string;
  lexicon: Lexicon;
  logger: Logger;
}

/** The seeds read and the lexicon compiled: what building or checking the index starts from. */
export interface SearchInputs {
  documents: ReadonlyMap<string, SeedDocument>;
  lexicon: CompiledLexicon;
  manifest: IndexManifest;
}

/** Reads the seeds (without splitting them) and compiles the lexicon. */
export function readSearchInputs(seedsDir: string, lexicon: Lexicon): SearchInputs {
  const documents = loadDocuments(seedsDir);
  return {
    documents: new Map(documents.map((document) => [document.entry.file, document])),
    lexicon: new CompiledLexicon(lexicon, new TextAnalyzer(lexicon.stopwords)),
    manifest: expectedManifest(corpusHash({ documents }), lexicon),
  };
}

/** Splits and analyzes the seeds and builds the MiniSearch index over them. */
export function buildSearchData(inputs: SearchInputs): SearchData {
  const analyzed = analyzePassages(splitDocuments([...inputs.documents.values()]), inputs.documents, inputs.lexicon);
  linkTwins(analyzed);
  return { analyzed, index: buildMiniSearch(analyzed) };
}

/**
 * Opens the search: loads the committed index when its manifest matches the seeds, analyzer and lexicon,
 * and otherwise rebuilds it in memory with a warning (`npm run build:index` refreshes the committed one).
 */
export function openSearch({ seedsDir, indexDir, lexicon, logger }: SearchSources): PassageSearch {
  const inputs = readSearchInputs(seedsDir, lexicon);
  let data = loadIndexIfFresh(indexDir, inputs.manifest, inputs.documents);
  if ('reason' in data) {
    logger.warn(
      { reason: data.reason, indexDir },
      'search index is stale; rebuilt in memory (run npm run build:index)',
    );
    data = buildSearchData(inputs);
  }
  return new PassageSearch(data.analyzed, data.index, inputs.lexicon);
}
