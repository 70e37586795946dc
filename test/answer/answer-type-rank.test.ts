import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { preferAskedType, type Quotable, quoteReorderable } from '../../src/answer/answer-type-rank.ts';
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

describe('quoteReorderable', () => {
  /** What an answer shows: the first five that score at least 0.55 of the best. */
  const shownTexts = (candidates: readonly Quotable[]) => {
    const top = candidates[0]?.ranked.score ?? 0;
    return texts(candidates.filter(({ ranked }) => ranked.score >= top * 0.55).slice(0, 5));
  };
  /** Quotes the candidates among `all` that quoteReorderable reaches. */
  const quoteOf = (all: readonly Quotable[]) => {
    const byRanked = new Map(all.map((quotable) => [quotable.ranked, quotable]));
    return (ranked: RankedPassage) => {
      const quotable = byRanked.get(ranked);
      if (!quotable) throw new Error('not a candidate');
      return quotable;
    };
  };
  const reorderable = (all: readonly Quotable[]) =>
    quoteReorderable(
      all.map(({ ranked }) => ranked),
      ['time'],
      5,
      0.55,
      quoteOf(all),
    );

  it('quotes every candidate the reordering could show, and the first five by relevance, for any scores and held types', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ score: fc.double({ min: 0, max: 1, noNaN: true }), dated: fc.boolean() }), {
          maxLength: 12,
        }),
        (drafts) => {
          const all = drafts
            .map(({ score, dated }, i) => candidate(dated ? `${i} in 2011` : `${i}`, score))
            .sort((a, b) => b.ranked.score - a.ranked.score);
          const quoted = reorderable(all);
          expect(quoted).toEqual(all.slice(0, quoted.length));
          expect(shownTexts(quoted)).toEqual(shownTexts(all));
          expect(shownTexts(preferAskedType(quoted, ['time']))).toEqual(shownTexts(preferAskedType(all, ['time'])));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('does not quote a candidate too weak to rise into view', () => {
    const strong = candidate('strong', 0.9);
    const weak = candidate('weak, 2011', 0.2);
    expect(reorderable([strong, weak])).toEqual([strong]);
  });

  it('stops once five quoted candidates beat what the next could score', () => {
    const dated = [0.9, 0.89, 0.88, 0.87, 0.86].map((score, i) => candidate(`${i} in 2011`, score));
    const next = candidate('next, 2011', 0.85);
    expect(reorderable([...dated, next])).toEqual(dated);
  });
});
