import { describe, expect, it } from 'vitest';
import { TextAnalyzer } from '../../src/text/analyzer.ts';
import { englishStem } from '../../src/text/english.ts';

const analyzer = new TextAnalyzer({ ar: ['في', 'هي', 'اللي', 'على'], en: ['the', 'which', 'of'] });

describe('TextAnalyzer.analyze', () => {
  it('marks stop words, including ones with a conjunction in front', () => {
    const tokens = analyzer.analyze('وهي اللي في الـ المعاهدة');
    expect(tokens.map((token) => [token.norm, token.stop])).toEqual([
      ['وهي', true],
      ['اللي', true],
      ['في', true],
      ['ال', true],
      ['المعاهده', false],
    ]);
  });

  it('gives an Arabic word its light stem, surface form and alternative stems as terms', () => {
    const [token] = analyzer.analyze('لمكافحة');
    expect(token && analyzer.indexTerms(token)).toEqual(['لمكافح', 'لمكافحه', 'مكافح']);
  });

  it('stems English words and keeps compound parts', () => {
    const tokens = analyzer.analyze('Which treaties cite GA-2008-RES-07');
    expect(tokens.map((token) => token.stem)).toEqual(['which', 'treati', 'cite', 'ga-2008-res-07']);
    expect(tokens[3]?.variants).toEqual(['ga', '2008', 'res', '07']);
  });
});

describe('TextAnalyzer.stems', () => {
  it('returns the content stems of a phrase', () => {
    expect(analyzer.stems('على مدار الساعة')).toEqual(['مدار', 'ساع']);
  });
});

describe('englishStem', () => {
  it.each([
    ['signatures', 'signatur'],
    ['extradition', 'extradit'],
    ['countries', 'countri'],
    ['eu', 'eu'],
    ['2021', '2021'],
  ])('stems %s to %s', (word, expected) => {
    expect(englishStem(word)).toBe(expected);
  });
});
