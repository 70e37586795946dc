import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compoundParts, tokenize } from '../../src/text/tokenize.ts';

describe('tokenize', () => {
  it('splits Arabic words at punctuation and keeps exact offsets', () => {
    const text = 'اعتمدت الجمعية العامة، مؤخرًا، اتفاقية';
    const tokens = tokenize(text);
    expect(tokens.map((token) => text.slice(token.start, token.end))).toEqual([
      'اعتمدت',
      'الجمعية',
      'العامة',
      'مؤخرًا',
      'اتفاقية',
    ]);
    expect(tokens[3]?.norm).toBe('موخرا');
  });

  it.each([
    ['GA-2008-RES-07', 'ga-2008-res-07'],
    ['230/65', '230/65'],
    ['24/7', '24/7'],
    ['٢٤/٧', '24/7'],
    ['134,089', '134,089'],
    ['UNODC', 'unodc'],
    ['unodc.org', 'unodc.org'],
  ])('keeps the compound %s together as %s', (input, norm) => {
    expect(tokenize(`في ${input} هنا`).map((token) => token.norm)).toEqual(['في', norm, 'هنا']);
  });

  it('skips emoji, bidi controls and zero-width characters between words', () => {
    const text = '\u202Eمعاهدة\u202C 🎉 \u200Btreaty';
    expect(tokenize(text).map((token) => token.norm)).toEqual(['معاهده', 'treaty']);
  });

  it('returns tokens whose offsets slice back to the token, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        for (const token of tokenize(text)) {
          expect(token.start).toBeGreaterThanOrEqual(0);
          expect(token.end).toBeLessThanOrEqual(text.length);
          expect(token.end).toBeGreaterThan(token.start);
          expect(token.norm.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('compoundParts', () => {
  it('splits a document symbol into its parts', () => {
    expect(compoundParts('ga-2008-res-07')).toEqual(['ga', '2008', 'res', '07']);
  });

  it('adds the reversed pair of a UN number written in Arabic order', () => {
    expect(compoundParts('230/65')).toEqual(['230', '65', '65/230']);
  });

  it('adds the plain number of a grouped one', () => {
    expect(compoundParts('134,089')).toEqual(['134', '089', '134089']);
  });

  it('has nothing to add to a simple word', () => {
    expect(compoundParts('treaty')).toEqual([]);
  });
});
