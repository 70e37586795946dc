import { describe, expect, it } from 'vitest';
import { phraseShare, questionPairs } from '../../src/search/ranker.ts';

describe('phraseShare', () => {
  const pairs = questionPairs(['اول', 'اجتماع', 'خبراء']);

  it('finds a question pair standing next to each other in the passage, in either order', () => {
    // الاجتماع الأول: the noun first, then its adjective, the other way round from the question's أول اجتماع.
    expect(phraseShare(pairs, new Map([['اجتماع', ['اول']]]))).toBe(0.5);
    expect(
      phraseShare(
        pairs,
        new Map([
          ['اول', ['اجتماع']],
          ['اجتماع', ['خبراء']],
        ]),
      ),
    ).toBe(1);
  });

  it('finds nothing for words that stand apart, or for a one-word question', () => {
    expect(phraseShare(pairs, new Map([['اول', ['خبراء']]]))).toBe(0);
    expect(phraseShare(questionPairs(['اجتماع']), new Map([['اجتماع', ['اول']]]))).toBe(0);
  });
});
