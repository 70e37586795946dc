import { describe, expect, it } from 'vitest';
import { preferAskedType, type Quotable } from '../../src/answer/answer-type-rank.ts';
import type { Excerpt } from '../../src/answer/reply.ts';
import type { RankedPassage } from '../../src/search/ranker.ts';

/** A candidate with only what the reordering reads: its score, its excerpt text and whether it holds a date. */
const candidate = (text: string, score: number): Quotable => ({
  ranked: { score } as RankedPassage,
  excerpt: { text, score } as Excerpt,
  heldTypes: new Set(/\d{4}/.test(text) ? (['time'] as const) : []),
});
const texts = (candidates: readonly Quotable[]) => candidates.map(({ excerpt }) => excerpt.text);

describe('preferAskedType', () => {
  it('puts the passage holding the asked-for span before one that matches as well without it', () => {
    const ordered = preferAskedType([candidate('met in Vienna', 0.8), candidate('met in 2011', 0.79)], ['time']);
    expect(texts(ordered)).toEqual(['met in 2011', 'met in Vienna']);
  });

  it('does not lift a weak match over a strong one', () => {
    const ordered = preferAskedType([candidate('strong match', 0.9), candidate('weak, 2011', 0.5)], ['time']);
    expect(texts(ordered)).toEqual(['strong match', 'weak, 2011']);
  });

  it('keeps scores within 0–1 and the excerpts’ scores in step with the ranking', () => {
    const ordered = preferAskedType([candidate('a', 1), candidate('b, 2011', 1)], ['time']);
    for (const { ranked, excerpt } of ordered) {
      expect(ranked.score).toBeLessThanOrEqual(1);
      expect(excerpt.score).toBe(Math.round(ranked.score * 1000) / 1000);
    }
    expect(texts(ordered)).toEqual(['b, 2011', 'a']);
  });

  it('changes nothing when the question asks for no type', () => {
    const candidates = [candidate('a', 0.8), candidate('b, 2011', 0.79)];
    expect(preferAskedType(candidates, [])).toEqual(candidates);
  });
});
