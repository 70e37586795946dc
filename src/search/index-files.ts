import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ANALYZER_VERSION } from '../text/analyzer.ts';
import { deserializeAnalysis, serializeAnalysis } from './analysis-file.ts';
import type { AnalyzedPassage, SeedDocument } from './analyzed-passage.ts';
import { Bm25Index } from './bm25-index.ts';
import { CompiledLexicon, type CompiledLexiconData } from './compiled-lexicon.ts';
import type { TermHolders } from './term-holders.ts';

/**
 * What the committed index was built from. When any of it differs from the running code and seeds, the index
 * is stale: startup rebuilds it in memory and `npm run build:index` writes a fresh one.
 */
const manifestSchema = z.object({
  corpusHash: z.string(),
  analyzerVersion: z.string(),
  lexiconHash: z.string(),
});

export type IndexManifest = z.infer<typeof manifestSchema>;

/**
 * The search data: the compiled lexicon, analyzed passages, the BM25 index over their analysis, and the plain one
 * over their words, light-stemmed (plain-text-index.ts; ids are the passages' ordinals).
 */
export interface SearchData {
  lexicon: CompiledLexicon;
  analyzed: AnalyzedPassage[];
  /** Which passages hold each root and context term (stored in the analysis file beside the passages). */
  holders: TermHolders;
  index: Bm25Index;
  plain: Bm25Index;
}

export const INDEX_FILE = 'passages.bm25.json';
export const PLAIN_INDEX_FILE = 'passages.plain.bm25.json';
export const ANALYSIS_FILE = 'passages.analysis.json';
export const LEXICON_FILE = 'lexicon.compiled.json';
export const MANIFEST_FILE = 'manifest.json';

/** The manifest the current seeds, analyzer and lexicon data files call for. */
export function expectedManifest(corpusHash: string, lexiconHash: string): IndexManifest {
  return { corpusHash, analyzerVersion: ANALYZER_VERSION, lexiconHash };
}

/** Writes the index, the analysis and the manifest (with counts for people reading it) into `dir`. */
export function saveIndex(dir: string, data: SearchData, manifest: IndexManifest): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, INDEX_FILE), JSON.stringify(data.index));
  writeFileSync(join(dir, PLAIN_INDEX_FILE), JSON.stringify(data.plain));
  writeFileSync(join(dir, ANALYSIS_FILE), serializeAnalysis(data.analyzed, data.holders));
  writeFileSync(join(dir, LEXICON_FILE), JSON.stringify(data.lexicon.data));
  const counts = { passages: data.analyzed.length, terms: data.index.termCount };
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify({ ...manifest, ...counts }, null, 2)}\n`);
}

export type IndexLoad = SearchData | { reason: string };

/** Loads the index from `dir` when its manifest matches `expected`; otherwise says why not. */
export function loadIndexIfFresh(
  dir: string,
  expected: IndexManifest,
  documents: ReadonlyMap<string, SeedDocument>,
): IndexLoad {
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) return { reason: `no ${MANIFEST_FILE} in ${dir}` };
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(manifestPath, 'utf8')));
  if (!parsed.success) return { reason: `${MANIFEST_FILE} is malformed` };
  const stale = (Object.keys(expected) as Array<keyof IndexManifest>).filter(
    (key) => parsed.data[key] !== expected[key],
  );
  if (stale.length > 0) return { reason: `index was built for another ${stale.join(', ')}` };
  try {
    return {
      lexicon: CompiledLexicon.restore(
        JSON.parse(readFileSync(join(dir, LEXICON_FILE), 'utf8')) as CompiledLexiconData,
      ),
      ...deserializeAnalysis(readFileSync(join(dir, ANALYSIS_FILE), 'utf8'), documents),
      index: Bm25Index.fromJson(readFileSync(join(dir, INDEX_FILE), 'utf8')),
      plain: Bm25Index.fromJson(readFileSync(join(dir, PLAIN_INDEX_FILE), 'utf8')),
    };
  } catch (error) {
    return { reason: `index files are unreadable (${(error as Error).message})` };
  }
}
