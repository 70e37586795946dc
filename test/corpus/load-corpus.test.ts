import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusHash, loadCorpus } from '../../src/corpus/load-corpus.ts';
import { readSeed, seedsDir } from './support/passages.ts';

const corpus = loadCorpus(seedsDir);

describe('loadCorpus', () => {
  it('reads every catalogued document exactly as stored', () => {
    expect(corpus.documents).toHaveLength(5);
    for (const { entry, text } of corpus.documents) expect(text).toBe(readSeed(entry.file));
  });

  it('splits all documents into 253 paragraphs and items, the longest cut into sentence windows: 275 passages', () => {
    expect(corpus.passages).toHaveLength(275);
    expect(new Set(corpus.passages.map((passage) => `${passage.file} ${passage.locator}`)).size).toBe(253);
    const files = new Set(corpus.documents.map((document) => document.entry.file));
    for (const passage of corpus.passages) expect(files.has(passage.file)).toBe(true);
    expect(new Set(corpus.passages.map((passage) => passage.id)).size).toBe(corpus.passages.length);
  });

  it('names the seed file it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'treaty-seeds-'));
    const entry = corpus.documents[0]?.entry;
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ documents: [entry] }));
    expect(() => loadCorpus(dir)).toThrow(`corpus: cannot read seed file ${entry?.file}`);
    rmSync(dir, { recursive: true });
  });
});

describe('corpusHash', () => {
  it('is a stable sha256 hex digest', () => {
    expect(corpusHash(corpus)).toMatch(/^[0-9a-f]{64}$/);
    expect(corpusHash(loadCorpus(seedsDir))).toBe(corpusHash(corpus));
  });

  it('does not depend on catalog order', () => {
    const reversed = { ...corpus, documents: [...corpus.documents].reverse() };
    expect(corpusHash(reversed)).toBe(corpusHash(corpus));
  });

  it('changes when any byte or file name changes', () => {
    const [first, ...rest] = corpus.documents;
    if (!first) throw new Error('no documents');
    const edited = { ...corpus, documents: [{ ...first, text: `${first.text} ` }, ...rest] };
    const renamed = { ...corpus, documents: [{ ...first, entry: { ...first.entry, file: 'x.txt' } }, ...rest] };
    expect(corpusHash(edited)).not.toBe(corpusHash(corpus));
    expect(corpusHash(renamed)).not.toBe(corpusHash(corpus));
  });
});
