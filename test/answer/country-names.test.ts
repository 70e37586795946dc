import { describe, expect, it } from 'vitest';
import { namesCountry } from '../../src/answer/country-names.ts';
import { normalizedWords } from '../../src/answer/word-sequence.ts';

const names = (text: string) => namesCountry(normalizedWords(text));

describe('namesCountry', () => {
  it.each(['السعودية', 'في الأردن', 'بفيتنام', 'الولايات المتحدة', 'وفلسطين', 'الإمارات', 'كوريا'])(
    'finds a country in %s',
    (text) => {
      expect(names(text)).toBe(true);
    },
  );

  it.each(['الدول الأعضاء', 'المتحدة', 'الاتفاقية', 'الإنتربول', 'الولايات', 'جزر', 'المملكة'])(
    'finds none in %s',
    (text) => {
      expect(names(text)).toBe(false);
    },
  );
});
