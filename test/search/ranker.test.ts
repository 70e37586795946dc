import { describe, expect, it } from 'vitest';
import type { AnalyzedPassage } from '../../src/search/analyzed-passage.ts';
import type { QueryPlan } from '../../src/search/query-plan.ts';
import { phraseShare, questionPairs, rankCandidates } from '../../src/search/ranker.ts';

describe('phraseShare', () => {
  const pairs = questionPairs(['اول', 'اجتماع', 'خبراء']);

  it('finds a question pair standing next to each other in the passage, in either order', () => {
    // الاجتماع الأول: the noun first, then its adjective, the other way round from the question's أول اجتماع.
    expect(phraseShare(pairs, new Map([['اجتماع', new Set(['اول'])]]))).toBe(0.5);
    expect(
      phraseShare(
        pairs,
        new Map([
          ['اول', new Set(['اجتماع'])],
          ['اجتماع', new Set(['خبراء'])],
        ]),
      ),
    ).toBe(1);
  });

  it('finds nothing for words that stand apart, or for a one-word question', () => {
    expect(phraseShare(pairs, new Map([['اول', new Set(['خبراء'])]]))).toBe(0);
    expect(phraseShare(questionPairs(['اجتماع']), new Map([['اجتماع', new Set(['اول'])]]))).toBe(0);
  });
});

describe('rankCandidates', () => {
  const plan: QueryPlan = {
    lang: 'ar',
    units: [{ label: 'ضحايا', terms: ['~victims'], typedTerms: ['ضحايا'], roots: [], weight: 1 }],
    words: ['ضحايا'],
    phrase: [],
  };
  /** A passage of `words` content words (only their count matters here). */
  const passage = (id: string, words: number) =>
    ({
      passage: { id, file: 'f.txt', locator: id, context: [], spans: [] },
      words: Array.from({ length: words }, () => ({})),
      twinIds: [],
    }) as unknown as AnalyzedPassage;
  const rank = (medianWords: number) =>
    rankCandidates(
      plan,
      [
        { analyzed: passage('long', 124), ordinal: 0, bm25: 1 },
        { analyzed: passage('short', 20), ordinal: 1, bm25: 1 },
      ],
      [1],
      () => new Map(),
      () => 1,
      medianWords,
    );

  it('scales down the coverage of a passage longer than the median, so the short one covering as much goes first', () => {
    const [first, second] = rank(31);
    expect(first?.analyzed.passage.id).toBe('short');
    // Both cover the question whole: only the length tells them apart (at four times the median, about three
    // quarters of the coverage counts).
    expect(second?.coverage).toBe(1);
    expect(second?.score).toBeLessThan(first?.score ?? 0);
    expect(second?.score).toBeGreaterThan(0.75 * (first?.score ?? 0));
  });

  it('leaves passages up to the median as they are', () => {
    const [first, second] = rank(124);
    expect(first?.score).toBe(second?.score);
  });
});
