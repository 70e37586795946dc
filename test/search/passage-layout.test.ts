import { describe, expect, it } from 'vitest';
import type { AnalyzedPassage } from '../../src/search/analyzed-passage.ts';
import { passageLayout } from '../../src/search/passage-layout.ts';

const text = 'alpha beta. gamma alpha.\n\n  delta beta';
const word = (start: number, end: number, ...terms: string[]) => ({ start, end, stem: terms[0] ?? '', terms });

const analyzed: AnalyzedPassage = {
  passage: {
    id: 'f#0',
    file: 'f',
    locator: '¶ 1',
    context: [],
    spans: [
      { start: 0, end: 24 },
      { start: 28, end: 38 },
    ],
  },
  entry: {} as AnalyzedPassage['entry'],
  fileText: text,
  words: [
    word(0, 5, 'alpha', '√alf'),
    word(6, 10, 'beta'),
    word(12, 17, 'gamma', '√alf'),
    word(18, 23, 'alpha', '√alf'),
    word(28, 33, 'delta'),
    word(34, 38, 'beta'),
  ],
  conceptSpans: [
    { term: '~greek', from: 0, to: 2 },
    { term: '~letter', from: 2, to: 3 },
    { term: '~greek', from: 4, to: 6 },
  ],
  conceptTerms: ['~greek', '~letter'],
  terms: new Set(),
  contextTerms: new Set(),
  twinIds: [],
};

describe('passageLayout', () => {
  const layout = passageLayout(analyzed);

  it('joins spans a page break (white space only) separates, and splits the segments into sentences', () => {
    expect(layout.segments).toEqual([{ start: 0, end: 38 }]);
    expect(layout.sentences.map(({ start, end }) => text.slice(start, end))).toEqual([
      'alpha beta.',
      'gamma alpha.',
      'delta beta',
    ]);
  });

  it("keeps each word's stem with every term of the next word", () => {
    expect(layout.followers).toEqual(
      new Map([
        ['alpha', new Set(['beta', 'delta'])],
        ['beta', new Set(['gamma', '√alf'])],
        ['gamma', new Set(['alpha', '√alf'])],
        ['delta', new Set(['beta'])],
      ]),
    );
  });
});
