import { describe, expect, it } from 'vitest';
import { TextAnalyzer } from '../../src/text/analyzer.ts';
import { englishStem } from '../../src/text/english.ts';

const analyzer = new TextAnalyzer({
  stopwords: { ar: ['في', 'هي', 'على', 'يقول'], arColloquial: ['اللي', 'جوه'], en: ['the', 'which', 'of'] },
  clitics: { proclitics: ['ب', 'بي', 'ه', 'م', 'ما'], suffixes: ['وا', 'ش'] },
});

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

  it('keeps a word that is a conjunction and a dialect function word apart from a standard noun', () => {
    // فجوة (gap) reads as ف + جوه (Egyptian "inside"); dialect words are stop words only as written.
    const tokens = analyzer.analyze('جوه فجوة وفي');
    expect(tokens.map((token) => [token.norm, token.stop])).toEqual([
      ['جوه', true],
      ['فجوه', false],
      ['وفي', true],
    ]);
  });

  it('gives an Arabic word its light stem, alternative stems and roots as terms', () => {
    const [token] = analyzer.analyze('لمكافحة');
    expect(token && analyzer.indexTerms(token)).toEqual(['لمكافح', 'مكافح', '√كفح']);
  });

  it('stems English words and keeps compound parts', () => {
    const tokens = analyzer.analyze('Which treaties cite GA-2008-RES-07');
    expect(tokens.map((token) => token.stem)).toEqual(['which', 'treati', 'cite', 'ga-2008-res-07']);
    expect(tokens[3]?.variants).toEqual(['ga', '2008', 'res', '07']);
  });
});

describe('TextAnalyzer.colloquialStems', () => {
  it('offers the stems of a dialect verb with its prefix and plural ending stripped', () => {
    const [token] = analyzer.analyze('بيصدقوا');
    const { stems, stop } = token ? analyzer.colloquialStems(token) : { stems: [], stop: true };
    expect(stop).toBe(false);
    expect(stems).toContain('يصدق');
  });

  it('calls a dialect form of a function word a stop word', () => {
    const [token] = analyzer.analyze('بيقول');
    expect(token && analyzer.colloquialStems(token).stop).toBe(true);
  });

  it('offers the stems of a verb conjugated for another person (تعطي الاتفاقية, يعطي الصك)', () => {
    const [token] = analyzer.analyze('تعطي');
    expect(token && analyzer.colloquialStems(token).stems).toContain('يعط');
  });

  it('never calls a verb a stop word for its swapped person prefix (يقول is one, تقول is not)', () => {
    const [token] = analyzer.analyze('تقول');
    expect(token && analyzer.colloquialStems(token).stop).toBe(false);
  });

  it('offers nothing for an English word', () => {
    const [token] = analyzer.analyze('signed');
    expect(token && analyzer.colloquialStems(token)).toEqual({ stems: [], roots: [], stop: false });
  });
});

describe('TextAnalyzer.stems', () => {
  it('returns the content stems of a phrase', () => {
    expect(analyzer.stems('على مدار الساعة')).toEqual(['مدار', 'ساع']);
  });
});

describe('englishStem', () => {
  it.each([
    ['signatures', 'signature'],
    ['extradition', 'extradition'],
    ['countries', 'countri'],
    ['ratified', 'ratifi'],
    ['ratifies', 'ratifi'],
    ['signed', 'sign'],
    ['signing', 'sign'],
    ['agreed', 'agree'],
    ['hopping', 'hop'],
    ['informal', 'informal'],
    ['information', 'information'],
    ['eu', 'eu'],
    ['2021', '2021'],
  ])('stems %s to %s', (word, expected) => {
    expect(englishStem(word)).toBe(expected);
  });

  it('undoes inflection only: informal and information stay apart', () => {
    expect(englishStem('informal')).not.toBe(englishStem('information'));
    expect(englishStem('general')).not.toBe(englishStem('generate'));
  });
});
