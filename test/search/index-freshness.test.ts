import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeAnalysis } from '../../src/search/analysis-file.ts';
import {
  ANALYSIS_FILE,
  INDEX_FILE,
  LEXICON_FILE,
  loadIndexIfFresh,
  MANIFEST_FILE,
  PLAIN_INDEX_FILE,
} from '../../src/search/index-files.ts';
import { buildSearchData, openSearch, readSearchInputs } from '../../src/search/open-search.ts';
import { TermHolders } from '../../src/search/term-holders.ts';
import { ROOT_PREFIX } from '../../src/text/arabic-root.ts';
import { RecordingLogger } from '../support/recording-logger.ts';

const root = join(import.meta.dirname, '..', '..');
const inputs = readSearchInputs(join(root, 'seeds'));
const fresh = buildSearchData(inputs);

describe('the committed index', () => {
  it('matches the seeds, analyzer and lexicon (run `npm run build:index` when this fails)', () => {
    const loaded = loadIndexIfFresh(join(root, 'index'), inputs.manifest, inputs.documents);
    expect('reason' in loaded ? loaded.reason : 'fresh').toBe('fresh');
    expect(readFileSync(join(root, 'index', INDEX_FILE), 'utf8')).toBe(JSON.stringify(fresh.index));
    expect(readFileSync(join(root, 'index', PLAIN_INDEX_FILE), 'utf8')).toBe(JSON.stringify(fresh.plain));
    expect(readFileSync(join(root, 'index', ANALYSIS_FILE), 'utf8')).toBe(
      serializeAnalysis(fresh.analyzed, fresh.holders),
    );
    expect(readFileSync(join(root, 'index', LEXICON_FILE), 'utf8')).toBe(JSON.stringify(fresh.lexicon.data));
  });
});

describe('the term holders read from the stored analysis', () => {
  it('are the ones the analyzed passages give', () => {
    const loaded = loadIndexIfFresh(join(root, 'index'), inputs.manifest, inputs.documents);
    if ('reason' in loaded) throw new Error(loaded.reason);
    const expected = TermHolders.of(fresh.analyzed);
    const terms = new Set(fresh.analyzed.flatMap((analyzed) => [...analyzed.terms, ...analyzed.contextTerms]));
    for (const term of terms) {
      expect(loaded.holders.withRoot(term), term).toEqual(expected.withRoot(term));
      expect(loaded.holders.withContext(term), term).toEqual(expected.withContext(term));
    }
    const roots = [...terms].filter((term) => term.startsWith(ROOT_PREFIX));
    expect(roots.filter((root) => loaded.holders.withRoot(root).length > 1).length).toBeGreaterThan(100);
    expect([...terms].filter((term) => loaded.holders.withContext(term).length > 1).length).toBeGreaterThan(100);
  });
});

describe('openSearch', () => {
  it('rebuilds in memory, with a warning, when the manifest does not match', () => {
    const dir = mkdtempSync(join(tmpdir(), 'treaty-index-'));
    cpSync(join(root, 'index'), dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8'));
    writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify({ ...manifest, corpusHash: 'old' }));
    const logger = new RecordingLogger();
    const search = openSearch({ seedsDir: join(root, 'seeds'), indexDir: dir, logger });
    expect(logger.messages('warn')).toEqual(['search index is stale; rebuilt in memory (run npm run build:index)']);
    expect(search.passages.length).toBe(fresh.analyzed.length);
  });

  it('loads the committed index without a warning', () => {
    const logger = new RecordingLogger();
    openSearch({ seedsDir: join(root, 'seeds'), indexDir: join(root, 'index'), logger });
    expect(logger.messages('warn')).toEqual([]);
  });

  it('reports a stale index from `build:index --check` with exit code 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'treaty-index-'));
    cpSync(join(root, 'index'), dir, { recursive: true });
    writeFileSync(join(dir, ANALYSIS_FILE), '[]');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/build-index.ts', '--check'], {
      cwd: root,
      env: { ...process.env, INDEX_DIR: dir },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('index is stale: index files are unreadable');
  });
});
