import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.ts';
import type { Bm25QueryTerm } from '../../src/search/bm25-index.ts';
import { buildEnglishSearchIndex } from '../../src/search/english-text-index.ts';
import { openSearch } from '../../src/search/open-search.ts';

const search = openSearch({ seedsDir: resolve('seeds'), indexDir: resolve('index'), logger: silentLogger });
const english = search.english;
if (!english) throw new Error('test: the search has no English text index');
const documents = search.passages
  .map((analyzed, id) => ({ id, text: english.englishOf(analyzed) }))
  .filter((document) => document.text !== '');
const { miniSearch, bm25, fuzzyTerms } = buildEnglishSearchIndex(documents, (term) => term.toLowerCase());
const vocabulary = [...new Set(documents.flatMap((document) => document.text.toLowerCase().match(/\p{L}+/gu) ?? []))];

/** A word with a few random edits (a deletion, a substitution, an insertion or a swap), as a typo. */
const typo = fc
  .tuple(
    fc.constantFrom(...vocabulary.filter((word) => word.length >= 4)),
    fc.array(fc.nat(), { minLength: 1, maxLength: 2 }),
  )
  .map(([word, edits]) =>
    edits.reduce((typed, edit) => {
      const at = edit % typed.length;
      const letter = 'aeiourstn'[edit % 9] ?? 'e';
      return [
        typed.slice(0, at) + typed.slice(at + 1),
        typed.slice(0, at) + letter + typed.slice(at + 1),
        typed.slice(0, at) + letter + typed.slice(at),
        typed.slice(0, at) + (typed[at + 1] ?? '') + (typed[at] ?? '') + typed.slice(at + 2),
      ][edit % 4] as string;
    }, word),
  );

describe('FuzzyTerms with Bm25Index', () => {
  it("give MiniSearch's fuzzy search results: the same scores, order and matched terms", () => {
    const fuzziness = (term: string) => (term.length > 3 ? 0.2 : false);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.oneof(typo, fc.constantFrom(...vocabulary)), { minLength: 1, maxLength: 5 }),
        (terms) => {
          const query = terms.map((term): Bm25QueryTerm => {
            const fuzzy = fuzziness(term);
            return fuzzy ? { term, boost: 1, fuzzy: fuzzyTerms.near(term, fuzzy) } : { term, boost: 1 };
          });
          const ours = bm25.search(query, 10).map((hit) => ({ ...hit, terms: bm25.termsIn(hit.id, query) }));
          const theirs = miniSearch
            .search(terms.join(' '), { combineWith: 'OR', processTerm: (term) => term, fuzzy: fuzziness })
            .slice(0, 10)
            .map((result) => ({ id: String(result.id), score: result.score, terms: result.terms }));
          expect(ours).toEqual(theirs);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('find nothing within no edits, and never the word itself', () => {
    const [word = ''] = vocabulary.filter((term) => term.length > 6);
    expect(fuzzyTerms.near(word, 0.01)).toEqual([]);
    expect(fuzzyTerms.near(word, 0.2).map((near) => near.term)).not.toContain(word);
  });
});
