import { describe, expect, it } from 'vitest';
import { namesCountry } from '../../src/answer/country-names.ts';
import { normalizedWords } from '../../src/answer/word-sequence.ts';

const names = (text: string) => namesCountry(normalizedWords(text));

describe('namesCountry', () => {
  it.each([
    'السعودية',
    'في الأردن',
    'بفيتنام',
    'الولايات المتحدة',
    'وفلسطين',
    'الإمارات',
    'كوريا',
    'the Russian Federation',
    'Iran',
    'الخبير العراقي',
    'الوفد اللبناني',
    'الخبراء الجزائريين',
    'الموقف الروسي',
    'الوفد الألماني',
    // Everyday names the ISO lists lack.
    'هل أمريكا وقعت',
    'Did America sign?',
    'بريطانيا',
    'Viet Nam',
  ])('finds a country in %s', (text) => {
    expect(names(text)).toBe(true);
  });

  it.each([
    'الدول الأعضاء',
    'المتحدة',
    'الاتفاقية',
    'الإنتربول',
    'الولايات',
    'جزر',
    'المملكة',
    'التعاون الدولي',
    'الدعم المالي',
    'الأمن الوطني',
    'القانون العربي',
    'الاتحاد الأوروبي',
    'المكاتب القطرية',
    'باللغة الفرنسية',
    'الباني',
    'tell us more',
    'دول إيبيرية-أمريكية',
    'أمريكا اللاتينية',
    'Latin America',
    'South America',
  ])('finds none in %s', (text) => {
    expect(names(text)).toBe(false);
  });
});
