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

describe('the stemming rules colloquial and misspelled questions need', () => {
  const terms = (word: string) => {
    const norm = normalizeArabic(word);
    return [lightStem(norm), ...alternativeStems(norm)];
  };
  const conflate = (a: string, b: string) => terms(a).some((term) => terms(b).includes(term));

  it.each([
    ['بهدف', 'الهدف', 'a one-letter proclitic on a four-letter word'],
    ['بصفة', 'صفة', 'a one-letter proclitic on a four-letter word'],
    ['جمعيته', 'الجمعية', 'teh marbuta before a pronoun'],
    ['مهمتها', 'المهمة', 'teh marbuta before a pronoun'],
    ['يومًا', 'يوم', 'tanween on a final alef'],
    ['وبالاتفاقية', 'الاتفاقية', 'a four-letter proclitic chain'],
    ['فبالتعاون', 'التعاون', 'a four-letter proclitic chain'],
  ])('conflates %s and %s (%s)', (a, b) => {
    expect(conflate(a, b)).toBe(true);
  });

  it.each([
    ['الأمان', 'الأمم', 'a suffix never leaves fewer than three letters (امان is not ام + ان)'],
    ['مزيان', 'مز', 'a suffix never leaves fewer than three letters'],
    ['بيان', 'بين', 'a proclitic is not stripped from a three-letter word'],
    ['هدف', 'دف', 'a proclitic is not stripped from a three-letter word'],
  ])('keeps %s and %s apart (%s)', (a, b) => {
    expect(conflate(a, b)).toBe(false);
  });
});

describe('a leading waw that belongs to a short verb', () => {
  it('is kept as an alternative reading (وافقت → وافق)', () => {
    expect(alternativeStems(normalizeArabic('وافقت'))).toContain('وافق');
  });

  it('is not kept for a conjunction in front of a longer word (وبتعزيز)', () => {
    expect(alternativeStems(normalizeArabic('وبتعزيز'))).toEqual(['تعزيز']);
  });
});
