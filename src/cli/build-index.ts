/**
 * `npm run build:index`: splits and analyzes the seeds and writes the BM25 index (built with MiniSearch), the
 * analyzed passages and the manifest into `index/`. `--check` writes nothing and exits 1 when the committed index
 * is stale.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_PATHS } from '../default-paths.ts';
import { serializeAnalysis } from '../search/analysis-file.ts';
import {
  ANALYSIS_FILE,
  INDEX_FILE,
  LEXICON_FILE,
  loadIndexIfFresh,
  PLAIN_INDEX_FILE,
  saveIndex,
} from '../search/index-files.ts';
import { buildSearchData, readSearchInputs } from '../search/open-search.ts';

const indexDir = resolve(process.env.INDEX_DIR ?? DEFAULT_PATHS.index);
const inputs = readSearchInputs(resolve(process.env.SEEDS_DIR ?? DEFAULT_PATHS.seeds));
const started = performance.now();
const data = buildSearchData(inputs);
const ms = (performance.now() - started).toFixed(0);

if (process.argv.includes('--check')) {
  const loaded = loadIndexIfFresh(indexDir, inputs.manifest, inputs.documents);
  const sameFiles =
    !('reason' in loaded) &&
    readFileSync(join(indexDir, INDEX_FILE), 'utf8') === JSON.stringify(data.index) &&
    readFileSync(join(indexDir, PLAIN_INDEX_FILE), 'utf8') === JSON.stringify(data.plain) &&
    readFileSync(join(indexDir, ANALYSIS_FILE), 'utf8') === serializeAnalysis(data.analyzed, data.holders) &&
    readFileSync(join(indexDir, LEXICON_FILE), 'utf8') === JSON.stringify(data.lexicon.data);
  console.log(
    sameFiles ? 'index is fresh' : `index is stale: ${'reason' in loaded ? loaded.reason : 'contents differ'}`,
  );
  process.exit(sameFiles ? 0 : 1);
}

saveIndex(indexDir, data, inputs.manifest);
console.log(`index: ${data.analyzed.length} passages, ${data.index.termCount} terms, built in ${ms} ms → ${indexDir}`);
