import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FSI, PDI } from '../../adapters/shared/bidi.ts';
import { quoteExcerpt } from '../../adapters/slack/quote-excerpt.ts';

/** What a reader sees of a piece: markers and entities removed, look-alikes mapped back. */
function readable(piece: string): string {
  return piece
    .replace(/[*\u2068\u2069]/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\u2217/g, '*')
    .replace(/\u02CD/g, '_')
    .replace(/\u223C/g, '~')
    .replace(/\u02CB/g, '`');
}

const words = fc.constantFrom(
  'الاتفاقية',
  'حيز',
  'التنفيذ',
  '40',
  'unodc.org',
  'OMSAC',
  '&',
  '<!channel>',
  '*x*',
  '_',
  '>',
  '—',
  '\n',
);
const excerptText = fc.array(words, { minLength: 1, maxLength: 120 }).map((parts) => parts.join(' '));
const ranges = fc.array(fc.record({ start: fc.nat(1500), length: fc.nat(30) }), { maxLength: 20 });

describe('quoteExcerpt', () => {
  it('bolds the matched words', () => {
    const text = 'يجب أن تصدق عليها 40 دولة';
    expect(quoteExcerpt(text, [{ start: 7, end: 11 }], 3000)).toEqual([`يجب أن *تصدق* عليها ${FSI}40${PDI} دولة`]);
  });

  it('bolds a matched phrase as one run across the white space between its words', () => {
    expect(
      quoteExcerpt(
        'حيز  النفاذ\nبعد',
        [
          { start: 0, end: 3 },
          { start: 5, end: 11 },
        ],
        3000,
      ),
    ).toEqual(['*حيز النفاذ* بعد']);
    // A word between two matches keeps them apart.
    expect(
      quoteExcerpt(
        'حيز و النفاذ',
        [
          { start: 0, end: 3 },
          { start: 6, end: 12 },
        ],
        3000,
      ),
    ).toEqual(['*حيز* و *النفاذ*']);
  });

  it('widens a highlight inside a word to the whole word (Slack bolds only whole words)', () => {
    expect(quoteExcerpt('والاتفاقية نافذة', [{ start: 1, end: 10 }], 3000)).toEqual(['*والاتفاقية* نافذة']);
  });

  it('puts the bold outside a Latin run it covers exactly, and inside a longer one', () => {
    expect(quoteExcerpt('وتشجع OMSAC جميع', [{ start: 6, end: 11 }], 3000)).toEqual([`وتشجع *${FSI}OMSAC${PDI}* جميع`]);
    expect(quoteExcerpt('أصدر UN Office تقريرا', [{ start: 8, end: 14 }], 3000)).toEqual([
      `أصدر ${FSI}UN *Office*${PDI} تقريرا`,
    ]);
  });

  it('folds line breaks and escapes what a document could inject', () => {
    expect(quoteExcerpt('نص\n<!channel> & <@U1>', [], 3000)).toEqual([
      `نص &lt;!${FSI}channel${PDI}&gt; &amp; &lt;@${FSI}U1${PDI}&gt;`,
    ]);
  });

  it('cuts a word longer than a whole piece rather than overflow', () => {
    const word = 'x'.repeat(5000);
    const pieces = quoteExcerpt(`نص ${word}`, [{ start: 3, end: 5003 }], 3000);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(3000);
    expect(pieces.map(readable).join('').replace(/\s/g, '')).toBe(`نص${word}`);
  });

  it('never exceeds the size, keeps every word, and leaves nothing unbalanced or unescaped (property)', () => {
    fc.assert(
      fc.property(excerptText, ranges, fc.integer({ min: 40, max: 400 }), (text, raw, max) => {
        const highlights = raw.map(({ start, length }) => ({ start, end: start + length }));
        const pieces = quoteExcerpt(text, highlights, max);
        for (const piece of pieces) {
          expect(piece.length).toBeLessThanOrEqual(max);
          expect(piece).not.toMatch(/[<>]/);
          expect(piece).not.toMatch(/&(?!amp;|lt;|gt;)/);
          expect((piece.match(/\*/g) ?? []).length % 2).toBe(0);
          expect((piece.match(/\u2068/g) ?? []).length).toBe((piece.match(/\u2069/g) ?? []).length);
        }
        const expected = text.replace(/\s+/g, ' ').trim();
        expect(pieces.map(readable).join(' ')).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
