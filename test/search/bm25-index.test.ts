import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../src/search/bm25-index.ts';
import { INDEX_FILE } from '../../src/search/index-files.ts';
import { buildMiniSearch } from '../../src/search/minisearch-index.ts';
import { buildSearchData, readSearchInputs } from '../../src/search/open-search.ts';
import { ROOT_PREFIX } from '../../src/text/arabic-root.ts';

const root = join(import.meta.dirname, '..', '..');
const built = buildSearchData(readSearchInputs(join(root, 'seeds')));
const miniSearch = buildMiniSearch(built.analyzed);
const vocabulary = [...new Set(built.analyzed.flatMap((analyzed) => [...analyzed.terms]))].sort();

/** What MiniSearch itself returns for the query: ids, scores and matched terms, best first. */
function miniSearchHits(miniSearch: MiniSearch, boosts: ReadonlyMap<string, number>, limit: number) {
  return miniSearch
    .search([...boosts.keys()].join(' '), { boostTerm: (term) => boosts.get(term) ?? 1 })
    .slice(0, limit)
    .map((result) => ({ id: String(result.id), score: result.score, terms: result.terms }));
}

function bm25Hits(index: Bm25Index, boosts: ReadonlyMap<string, number>, limit: number) {
  const query = [...boosts].map(([term, boost]) => ({ term, boost }));
  return index.search(query, limit).map((hit) => ({ ...hit, terms: index.termsIn(hit.id, query) }));
}

/** Queries of index terms (numbers such as 2024 among them) with the boosts the search gives units. */
const queries = (terms: readonly string[]) =>
  fc
    .uniqueArray(fc.constantFrom(...terms), { minLength: 1, maxLength: 8 })
    .chain((chosen) =>
      fc
        .array(fc.constantFrom(0.25, 1, 1.2, 1.3), { minLength: chosen.length, maxLength: chosen.length })
        .map((weights) => new Map(chosen.map((term, i) => [term, weights[i] ?? 1]))),
    );

describe('Bm25Index', () => {
  it('finds exactly what MiniSearch finds: the same scores, order (ties included) and matched terms', () => {
    const index = Bm25Index.fromMiniSearch(miniSearch);
    fc.assert(
      fc.property(queries(vocabulary), (boosts) => {
        const all = Number.POSITIVE_INFINITY;
        expect(bm25Hits(index, boosts, all)).toEqual(miniSearchHits(miniSearch, boosts, all));
      }),
      { numRuns: 300 },
    );
  });

  it('scores one document as its search does, fuzzy readings included, and 0 a document it does not find', () => {
    const index = Bm25Index.fromMiniSearch(miniSearch);
    const ids = built.analyzed.map((analyzed) => analyzed.passage.id);
    const readings = fc.uniqueArray(fc.constantFrom(...vocabulary), { maxLength: 3 });
    const fuzzyQueries = fc.array(
      fc.record({
        term: fc.constantFrom(...vocabulary),
        boost: fc.constantFrom(0.25, 1, 1.3),
        fuzzy: readings.map((terms) => terms.map((term, i) => ({ term, weight: 0.5 / (i + 1) }))),
      }),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(fuzzyQueries, (query) => {
        const scores = new Map(index.search(query, Number.POSITIVE_INFINITY).map((hit) => [hit.id, hit.score]));
        for (const id of ids) expect(index.scoreOf(id, query)).toBe(scores.get(id) ?? 0);
      }),
      { numRuns: 100 },
    );
  });

  it('reads the committed index file to the same results', () => {
    const index = Bm25Index.fromJson(readFileSync(join(root, 'index', INDEX_FILE), 'utf8'));
    expect(index.termCount).toBe(miniSearch.termCount);
    fc.assert(
      fc.property(queries(vocabulary), (boosts) => {
        expect(bm25Hits(index, boosts, 20)).toEqual(miniSearchHits(miniSearch, boosts, 20));
      }),
      { numRuns: 100 },
    );
  });

  it('does the same for an index of text with numeric ids and documents left out (as the English one)', () => {
    const texts = built.analyzed.map((analyzed, id) => ({ id, text: id % 7 === 0 ? '' : analyzed.passage.locator }));
    const miniSearch = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
    miniSearch.addAll(texts.filter((document) => document.text !== ''));
    const index = Bm25Index.fromMiniSearch(miniSearch);
    const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
    const terms = new Set(texts.flatMap((document) => tokenize(document.text.toLowerCase())).filter(Boolean));
    fc.assert(
      fc.property(queries([...terms]), (boosts) => {
        expect(bm25Hits(index, boosts, 10)).toEqual(miniSearchHits(miniSearch, boosts, 10));
      }),
      { numRuns: 100 },
    );
  });

  it('counts, for every term of the passages but their roots, the passages holding it (what search plans with)', () => {
    const index = Bm25Index.fromMiniSearch(miniSearch);
    const holding = new Map<string, number>();
    for (const analyzed of built.analyzed)
      for (const term of analyzed.terms) holding.set(term, (holding.get(term) ?? 0) + 1);
    const words = [...holding].filter(([term]) => !term.startsWith(ROOT_PREFIX));
    const roots = [...holding.keys()].filter((term) => term.startsWith(ROOT_PREFIX));
    expect(new Map(index.documentFrequencies())).toEqual(new Map(words));
    expect(roots.length).toBeGreaterThan(0);
    expect(roots.filter((root) => index.documentFrequency(root) > 0)).toEqual([]);
  });

  it('returns at most `limit` hits, nothing for terms it does not hold, and their document frequencies', () => {
    const index = Bm25Index.fromMiniSearch(miniSearch);
    const [term = ''] = vocabulary;
    expect(index.search([{ term: 'no-such-term', boost: 1 }], 5)).toEqual([]);
    expect(index.search([{ term, boost: 1 }], 1).length).toBeLessThanOrEqual(1);
    expect(index.documentFrequency('no-such-term')).toBe(0);
    expect(index.documentFrequency(term)).toBe(miniSearch.search(term).length);
  });
});
