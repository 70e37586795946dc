import { describe, expect, it } from 'vitest';
import type { AnalyzedPassage } from '../../src/search/analyzed-passage.ts';
import { cutExcerpt } from '../../src/search/excerpt-window.ts';
import { tokenize } from '../../src/text/tokenize.ts';

/** A passage over `text` whose spans are the given ranges; every word is its own normalized term. */
function passage(text: string, spans: Array<[number, number]>): AnalyzedPassage {
  const words = spans.flatMap(([start, end]) =>
    tokenize(text.slice(start, end)).map((token) => ({
      start: start + token.start,
      end: start + token.end,
      stem: token.norm,
      terms: [token.norm],
    })),
  );
  return {
    passage: {
      id: 'f#0',
      file: 'f',
      locator: '¶ 1',
      context: [],
      spans: spans.map(([start, end]) => ({ start, end })),
    },
    entry: {} as AnalyzedPassage['entry'],
    fileText: text,
    words,
    conceptSpans: [],
    conceptTerms: [],
    terms: new Set(words.flatMap((word) => word.terms)),
    contextTerms: new Set(),
    twinIds: [],
  };
}

/** Matches words equal to one of `wanted`, each word its own unit of weight 1. */
function matching(analyzed: AnalyzedPassage, wanted: string[]) {
  return {
    unitsOfWord: (i: number) =>
      wanted.includes(analyzed.words[i]?.stem ?? '') ? [wanted.indexOf(analyzed.words[i]?.stem ?? '')] : [],
    typed: () => true,
    unitWeight: () => 1,
  };
}

const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('cutExcerpt', () => {
  it('picks the run of sentences holding the most distinct matched words', () => {
    const text = `${filler(40)}. alpha beta here. ${filler(60)}. gamma there.`;
    const analyzed = passage(text, [[0, text.length]]);
    const window = cutExcerpt(analyzed, matching(analyzed, ['alpha', 'beta']));
    expect(window.text).toContain('alpha beta here.');
    expect(text.slice(window.start, window.end)).toBe(window.text);
  });

  it('highlights matched words with offsets into the excerpt', () => {
    const text = 'the treaty enters into force after ninety days.';
    const analyzed = passage(text, [[0, text.length]]);
    const window = cutExcerpt(analyzed, matching(analyzed, ['force']));
    expect(window.highlights.map(({ start, end }) => window.text.slice(start, end))).toEqual(['force']);
  });

  it('cuts a long sentence around its matches without splitting a word', () => {
    const text = `${filler(150)} needle ${filler(150)}`;
    const analyzed = passage(text, [[0, text.length]]);
    const window = cutExcerpt(analyzed, matching(analyzed, ['needle']));
    expect(window.text).toContain('needle');
    expect(window.end - window.start).toBeLessThanOrEqual(600);
    expect(text[window.start - 1] ?? ' ').toMatch(/\s/);
    expect(text[window.end] ?? ' ').toMatch(/\s/);
  });

  it('prefers the sentence holding the words the user typed over one holding only their synonyms', () => {
    const text = `the pact binds states after ratification. ${filler(60)}. the treaty binds states after ratification.`;
    const analyzed = passage(text, [[0, text.length]]);
    const units = (i: number) => {
      const stem = analyzed.words[i]?.stem ?? '';
      return stem === 'pact' || stem === 'treaty' ? [0] : stem === 'binds' ? [1] : [];
    };
    const window = cutExcerpt(analyzed, {
      unitsOfWord: units,
      typed: (i) => analyzed.words[i]?.stem !== 'pact',
      unitWeight: () => 1,
    });
    expect(window.text).toContain('the treaty binds');
    expect(window.text).not.toContain('the pact binds');
  });

  it('crosses a page break but never the footnote between two spans', () => {
    const text = 'first part of the sentence\n\n\ncontinues here with needle.\nFOOTNOTE TEXT\nlast span needle2.';
    const pageBreak = passage(text, [
      [0, 26],
      [29, 56],
    ]);
    expect(cutExcerpt(pageBreak, matching(pageBreak, ['first', 'needle'])).text).toBe(
      'first part of the sentence\n\n\ncontinues here with needle.',
    );
    const footnote = passage(text, [
      [29, 56],
      [71, 89],
    ]);
    const window = cutExcerpt(footnote, matching(footnote, ['needle', 'needle2']));
    expect(window.text).not.toContain('FOOTNOTE');
  });
});
