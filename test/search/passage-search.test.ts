import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.ts';
import { openSearch } from '../../src/search/open-search.ts';
import { PassageSearch } from '../../src/search/passage-search.ts';

const search = openSearch({ seedsDir: resolve('seeds'), indexDir: resolve('index'), logger: silentLogger });

describe('PassageSearch', () => {
  it("reads the index's postings as passage ordinals, so it refuses passages listed in another order", () => {
    const reordered = [...search.passages].reverse();
    expect(() => new PassageSearch(reordered, search.index, search.lexicon)).toThrow(/npm run build:index/);
    expect(() => new PassageSearch(search.passages, search.index, search.lexicon)).not.toThrow();
  });
});
