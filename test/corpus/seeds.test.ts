import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/corpus/catalog.ts';
import { seedsDir } from './support/passages.ts';

// The seeds are copies of ../shared/seeds and every offset in the index points into them: any edit, even a
// trailing newline added by an editor, silently breaks citations. These hashes pin the bytes.
const expectedSha256: Record<string, string> = {
  '000_3d11450850dc9606.txt': '1c04ae23f51d8f410b2b9c72b8814b5526edd4994a2b093e10326fc4b5e1ea63',
  '001_4193e7ffee87e5c9.txt': '38d33d7e30cfb2e744dbbdecdc5671bb244a0a864a20830c3525c06f7fe8b822',
  '002_0e7922f09a8ca988.txt': 'c9812627964c65eaef2e083f5a531c33d5e674ed5594a8c760ad6314f3cbc485',
  '003_4fc5c03014882eb4.txt': '50b811755c3446399daf61b1cc99e8810953f9a2a6cb06365ddd5e94e5dce4fd',
  '004_77fe3e7651538f96.txt': '6541c555e948f45e39ae7cca165228959a8a7424a28958f05a3997834686933d',
};

const seedFilesOnDisk = readdirSync(seedsDir)
  .filter((name) => name.endsWith('.txt'))
  .sort();

describe('seed files', () => {
  it('are exactly the five expected files', () => {
    expect(seedFilesOnDisk).toEqual(Object.keys(expectedSha256).sort());
  });

  it.each(Object.entries(expectedSha256))('%s is byte-for-byte unchanged', (file, sha256) => {
    const bytes = readFileSync(join(seedsDir, file));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
  });
});

describe('loadCatalog', () => {
  const catalog = loadCatalog(seedsDir);

  it('catalogues every seed file exactly once', () => {
    expect(catalog.map((entry) => entry.file).sort()).toEqual(seedFilesOnDisk);
  });

  it.each([
    ['000_3d11450850dc9606.txt', 'news', '2024-12'],
    ['001_4193e7ffee87e5c9.txt', 'press-release', '2024-12'],
    ['002_0e7922f09a8ca988.txt', 'news', '2025-10'],
    ['003_4fc5c03014882eb4.txt', 'resolution', '2025-11'],
    ['004_77fe3e7651538f96.txt', 'report', '2020-07-29'],
  ])('describes %s as a %s dated %s', (file, kind, date) => {
    const entry = catalog.find((candidate) => candidate.file === file);
    expect(entry).toMatchObject({ kind, date, language: 'ar' });
  });

  it('gives a symbol only where the text states it, and no invented URLs', () => {
    const symbols = catalog.flatMap((entry) => (entry.symbol ? [[entry.file, entry.symbol]] : []));
    expect(symbols).toEqual([['003_4fc5c03014882eb4.txt', 'GA-2025-93-RES-03']]);
    for (const entry of catalog) {
      if (entry.symbol) expect(readFileSync(join(seedsDir, entry.file), 'utf8')).toContain(entry.symbol);
    }
    expect(catalog.filter((entry) => entry.url !== undefined)).toEqual([]);
  });
});
