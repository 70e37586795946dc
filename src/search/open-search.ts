import { corpusHash, loadDocuments, splitDocuments } from '../corpus/load-corpus.ts';
import { Translations } from '../corpus/translations.ts';
import { defaultLexiconDir, lexiconFingerprint, loadLexicon } from '../lexicon/lexicon.ts';
import type { Logger } from '../logger.ts';
import { analyzePassages, type SeedDocument } from './analyzed-passage.ts';
import { Bm25Index } from './bm25-index.ts';
import { CompiledLexicon } from './compiled-lexicon.ts';
import { EnglishTextIndex } from './english-text-index.ts';
import { expectedManifest, type IndexManifest, loadIndexIfFresh, type SearchData } from './index-files.ts';
import { buildMiniSearch } from './minisearch-index.ts';
import { PassageSearch } from './passage-search.ts';
import { buildPlainIndex } from './plain-text-index.ts';
import { TermHolders } from './term-holders.ts';
import { linkTwins } from './twins.ts';

export interface SearchSources {
  seedsDir: string;
  indexDir: string;
  /** Folder of the curated lexicon data; default `src/lexicon/data`. */
  lexiconDir?: string;
  logger: Logger;
}

/** The seeds read and what the index must have been built from. */
interface SearchSourcesRead {
  documents: ReadonlyMap<string, SeedDocument>;
  manifest: IndexManifest;
}

function readSources(seedsDir: string, lexiconDir: string): SearchSourcesRead {
  const documents = loadDocuments(seedsDir);
  return {
    documents: new Map(documents.map((document) => [document.entry.file, document])),
    manifest: expectedManifest(corpusHash({ documents }), lexiconFingerprint(lexiconDir)),
  };
}

/** Everything an index build starts from: the seeds, the validated and compiled lexicon, the manifest. */
export interface SearchInputs extends SearchSourcesRead {
  lexicon: CompiledLexicon;
}

/** Reads the seeds and loads, validates and compiles the lexicon. */
export function readSearchInputs(seedsDir: string, lexiconDir: string = defaultLexiconDir): SearchInputs {
  return { ...readSources(seedsDir, lexiconDir), lexicon: CompiledLexicon.compile(loadLexicon(lexiconDir)) };
}

/** Splits and analyzes the seeds and builds the MiniSearch index over them. */
export function buildSearchData(inputs: SearchInputs): SearchData {
  const analyzed = analyzePassages(splitDocuments([...inputs.documents.values()]), inputs.documents, inputs.lexicon);
  linkTwins(analyzed);
  return {
    lexicon: inputs.lexicon,
    analyzed,
    holders: TermHolders.of(analyzed),
    index: Bm25Index.fromMiniSearch(buildMiniSearch(analyzed)),
    plain: buildPlainIndex(analyzed),
  };
}

/**
 * Opens the search. When the committed index's manifest matches the seeds, analyzer and lexicon files, it
 * loads everything from `index/` (no validation or analysis at startup); otherwise it rebuilds in memory with a
 * warning (`npm run build:index` refreshes the committed index).
 */
export function openSearch({
  seedsDir,
  indexDir,
  lexiconDir = defaultLexiconDir,
  logger,
}: SearchSources): PassageSearch {
  const sources = readSources(seedsDir, lexiconDir);
  let data = loadIndexIfFresh(indexDir, sources.manifest, sources.documents);
  if ('reason' in data) {
    logger.warn(
      { reason: data.reason, indexDir },
      'search index is stale; rebuilt in memory (run npm run build:index)',
    );
    data = buildSearchData({ ...sources, lexicon: CompiledLexicon.compile(loadLexicon(lexiconDir)) });
  }
  return searchOver(data, openEnglishText(seedsDir, sources.documents, data, logger));
}

/** The search over loaded or built data and the English translations' search, as `npm start` opens it. */
export function searchOver(data: SearchData, english: EnglishTextIndex): PassageSearch {
  return new PassageSearch(data.analyzed, data.index, data.lexicon, english, data.plain, data.holders);
}

/**
 * The search over the seeds' English translations (seeds/translations/en), for English questions; a seed whose
 * translation is missing or stale is left out, with a warning.
 */
export function openEnglishText(
  seedsDir: string,
  documents: ReadonlyMap<string, SeedDocument>,
  data: Pick<SearchData, 'analyzed' | 'lexicon'>,
  logger: Logger,
): EnglishTextIndex {
  const translations = Translations.load(
    seedsDir,
    [...documents.values()].map(({ entry, text }) => ({ file: entry.file, text })),
  );
  const stale = [...translations.status].filter(([, status]) => status !== 'current').map(([file]) => file);
  if (stale.length > 0) {
    logger.warn({ files: stale }, 'English translations missing or stale for these seeds; English search skips them');
  }
  const { stopwords, register } = data.lexicon.data;
  return new EnglishTextIndex(data.analyzed, translations, new Set(stopwords.en), register);
}
