import { describe, expect, it } from 'vitest';
import { type TermSources, unitCredits } from '../../src/search/unit-credit.ts';

/**
 * Passage 0 holds تطبيق, passage 1 has it in its context, passage 2 holds only its root; passage 3 none. Passage 4
 * holds it too but is no candidate.
 */
const sources: TermSources = {
  passageCount: 5,
  withTerm: (term) => (term === 'تطبيق' ? [0, 4] : []),
  withContext: (term) => (term === 'تطبيق' ? [0, 1] : []),
  withRoot: (root) => (root === '√طبق' ? [0, 1, 2] : []),
};

describe('unitCredits', () => {
  const credit = unitCredits(
    [
      { terms: ['تطبيق'], roots: ['√طبق'] },
      { terms: ['نفاذ'], roots: [] },
    ],
    [0, 1, 2, 3],
    sources,
  );

  it('gives full credit for a term, half for the context or the root alone, none otherwise', () => {
    expect([0, 1, 2, 3].map((ordinal) => credit(ordinal, 0))).toEqual([1, 0.5, 0.5, 0]);
  });

  it('keeps each unit apart', () => {
    expect([0, 1, 2, 3].map((ordinal) => credit(ordinal, 1))).toEqual([0, 0, 0, 0]);
  });
});
