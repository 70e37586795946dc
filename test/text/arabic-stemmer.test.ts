import { describe, expect, it } from 'vitest';
import { normalizeArabic } from '../../src/text/arabic-normalize.ts';
import { alternativeStems, lightStem } from '../../src/text/arabic-stemmer.ts';

const stem = (word: string) => lightStem(normalizeArabic(word));

describe('lightStem', () => {
  it.each([
    ['الاتفاقية', 'اتفاق'],
    ['والاتفاقية', 'اتفاق'],
    ['بالاتفاقية', 'اتفاق'],
    ['اتفاقية', 'اتفاق'],
    ['الإتفاقية', 'اتفاق'],
    ['المعاهدة', 'معاهد'],
    ['معاهدة', 'معاهد'],
    ['للعدالة', 'عدال'],
    ['وللتعاون', 'تعا'],
    ['التعاون', 'تعا'],
    ['الإلكترونية', 'الكترون'],
    ['الدول', 'دول'],
    ['الإنترپول', 'انتربول'],
    ['والانتربول', 'انتربول'],
    ['قرارها', 'قرار'],
    ['المطلوبين', 'مطلوب'],
    ['الشبكات', 'شبك'],
  ])('stems %s to %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('keeps a waw that belongs to a short word', () => {
    expect(stem('ورد')).toBe('ورد');
  });

  it('never strips a word below two letters', () => {
    expect(stem('هو')).toBe('هو');
    expect(stem('ال')).toBe('ال');
  });
});

describe('alternativeStems', () => {
  it.each([
    ['لمكافحة', ['مكافح']],
    ['وبتعزيز', ['تعزيز']],
    ['يتفاوضون', ['تفاوض']],
    ['تستضيف', ['ستضيف']],
  ])('offers %s → %j', (word, expected) => {
    expect(alternativeStems(normalizeArabic(word))).toEqual(expected);
  });

  it('offers nothing for a word light10 already handles', () => {
    expect(alternativeStems(normalizeArabic('الاتفاقية'))).toEqual([]);
  });
});
