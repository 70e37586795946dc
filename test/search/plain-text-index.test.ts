import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { passageText } from '../../src/corpus/passage.ts';
import { BaselineSearch } from '../../src/eval/baseline.ts';
import { silentLogger } from '../../src/logger.ts';
import { openSearch } from '../../src/search/open-search.ts';
import { lightStemTerm, PlainTextIndex } from '../../src/search/plain-text-index.ts';

const search = openSearch({ seedsDir: resolve('seeds'), indexDir: resolve('index'), logger: silentLogger });
const plain = new PlainTextIndex(search.passages);

describe('PlainTextIndex', () => {
  it('light-stems Arabic words and lowercases the rest', () => {
    expect(lightStemTerm('والاتفاقيات')).toBe(lightStemTerm('الاتفاقية'));
    expect(lightStemTerm('INTERPOL')).toBe('interpol');
  });

  it('ranks as the evaluation baseline does, with shares of the best score', () => {
    const words = ['أفرقة', 'تحقيق', 'مشتركة'];
    const hits = plain.search(words, 5);
    const baseline = new BaselineSearch(search.passages).ask(words.join(' '));
    expect(hits.map((hit) => search.passages[hit.ordinal]?.passage.id)).toEqual(
      baseline.excerpts.map(
        (excerpt) =>
          search.passages.find((p) => p.passage.file === excerpt.source && p.passage.spans[0]?.start === excerpt.start)
            ?.passage.id,
      ),
    );
    expect(hits[0]?.share).toBe(1);
    expect(hits.every((hit, i) => hit.share <= (hits[i - 1]?.share ?? 1))).toBe(true);
    const best = search.passages[hits[0]?.ordinal ?? -1];
    if (!best) throw new Error('test: nothing found');
    expect(passageText(best.passage, best.fileText)).toMatch(/تحقيق مشتركة/);
  });

  it('finds nothing for no words or words no passage holds', () => {
    expect(plain.search([], 5)).toEqual([]);
    expect(plain.search(['zzzzqx'], 5)).toEqual([]);
  });
});

describe('PassageSearch for an Arabic question', () => {
  it('ranks passages that only plain BM25 found among the candidates', () => {
    // اللي، ما and عندهم are function words to the analysis; plain BM25 counts every word.
    const plan = search.plan('الناس اللي ما عندهم انترنت', 'ar');
    // The analysis' own candidates: BM25 over its units (the internet concept and ناس).
    const analyzed = search.index.search(
      [
        { term: '~internet', boost: 1.3 },
        { term: 'ناس', boost: 1 },
      ],
      30,
    );
    const plainOnly = plain
      .search(plan.words, 30)
      .map((hit) => search.passages[hit.ordinal]?.passage.id)
      .filter((id) => !analyzed.some((result) => result.id === id));
    expect(plainOnly.length).toBeGreaterThan(0);
    const ranked = search.search(plan, 10).map(({ analyzed }) => analyzed.passage.id);
    expect(ranked.some((id) => plainOnly.includes(id))).toBe(true);
  });
});
