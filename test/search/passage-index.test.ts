import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDEX_FILE } from '../../src/search/index-files.ts';
import { buildMiniSearch } from '../../src/search/minisearch-index.ts';
import { buildSearchData, readSearchInputs } from '../../src/search/open-search.ts';
import { PassageIndex } from '../../src/search/passage-index.ts';

const root = join(import.meta.dirname, '..', '..');
const built = buildSearchData(readSearchInputs(join(root, 'seeds')));
const miniSearch = built.miniSearch;
const vocabulary = [...new Set(built.analyzed.flatMap((analyzed) => [...analyzed.terms]))].sort();

/** What MiniSearch itself returns for the query: ids and scores, best first. */
function miniSearchHits(boosts: ReadonlyMap<string, number>, limit: number) {
  return miniSearch
    .search([...boosts.keys()].join(' '), { boostTerm: (term) => boosts.get(term) ?? 1 })
    .slice(0, limit)
    .map((result) => ({ id: String(result.id), score: result.score }));
}

const queries = fc
  .uniqueArray(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 8 })
  .chain((terms) =>
    fc
      .array(fc.constantFrom(0.25, 1, 1.2, 1.3), { minLength: terms.length, maxLength: terms.length })
      .map((weights) => new Map(terms.map((term, i) => [term, weights[i] ?? 1]))),
  );

describe('PassageIndex', () => {
  it('finds exactly what MiniSearch finds, with the same scores in the same order, ties included', () => {
    const index = PassageIndex.fromMiniSearch(miniSearch);
    fc.assert(
      fc.property(queries, (boosts) => {
        expect(index.search(boosts, Number.POSITIVE_INFINITY)).toEqual(
          miniSearchHits(boosts, Number.POSITIVE_INFINITY),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('reads the committed index file to the same results', () => {
    const index = PassageIndex.fromJson(readFileSync(join(root, 'index', INDEX_FILE), 'utf8'));
    expect(index.termCount).toBe(miniSearch.termCount);
    fc.assert(
      fc.property(queries, (boosts) => {
        expect(index.search(boosts, 20)).toEqual(miniSearchHits(boosts, 20));
      }),
      { numRuns: 100 },
    );
  });

  it('returns at most `limit` hits and nothing for terms it does not hold', () => {
    const index = PassageIndex.fromMiniSearch(buildMiniSearch(built.analyzed));
    expect(index.search(new Map([['no-such-term', 1]]), 5)).toEqual([]);
    expect(index.search(new Map([[vocabulary[0] ?? '', 1]]), 1).length).toBeLessThanOrEqual(1);
  });
});
