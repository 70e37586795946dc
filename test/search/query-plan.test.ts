import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.ts';
import { openSearch } from '../../src/search/open-search.ts';

const search = openSearch({ seedsDir: resolve('seeds'), indexDir: resolve('index'), logger: silentLogger });
const units = (question: string, lang: 'ar' | 'en' = 'ar') => search.plan(question, lang).units;
const labels = (question: string, lang: 'ar' | 'en' = 'ar') => units(question, lang).map((unit) => unit.label);

describe('PassageSearch.plan', () => {
  it('makes an English word with many Arabic translations one unit searched as one class term', () => {
    const [extradition] = units('extradition', 'en');
    expect(extradition?.arabic?.length).toBeGreaterThan(1);
    expect(extradition?.terms).toHaveLength(1);
  });

  it('makes an Arabic phrase of a synonym group one unit (الجرائم المعلوماتية ≈ الجريمة السيبرانية)', () => {
    const plan = units('الجرائم المعلوماتية');
    expect(plan).toHaveLength(1);
    expect(plan[0]?.terms).toEqual(['~cybercrime']);
  });

  it("drops every variety's question and function words", () => {
    for (const question of [
      'شو هي الاتفاقية؟',
      'ليش الاتفاقية؟',
      'إزاي الاتفاقية؟',
      'وش هي الاتفاقية؟',
      'شنو الاتفاقية؟',
      'واش كاينة الاتفاقية ديال؟',
      'قديش الاتفاقية؟',
      // چ is how Iraqi and Gulf write the ك of a dialect word, and ج how some type it.
      'احچيلي عن الاتفاقية',
      'احجيلي عن الاتفاقية',
      'چذي الاتفاقية؟',
      'جذي الاتفاقية؟',
    ])
      expect(labels(question), question).toEqual(['الاتفاقيه']);
  });

  it('drops greetings, politeness and request frames, which would match passages by their roots', () => {
    for (const question of [
      'مرحبا، لو سمحت بدي أعرف شو هي الاتفاقية؟',
      'السلام عليكم، سمعت عن الاتفاقية، ممكن تقلي؟ شكراً',
      'عافاك قوليا شنو هي الاتفاقية',
      'تكفى خبرني وش الاتفاقية',
    ]) {
      expect(labels(question), question).toEqual(['الاتفاقيه']);
    }
  });

  it('drops a dialect function word behind a conjunction, but keeps a noun that only looks like one', () => {
    // فهاد is ف + هاد (Maghrebi "this"); فجوة and فوائد are nouns, although ف + جوه / ف + وايد are dialect words.
    expect(labels('شنو قالو فهاد الاجتماع')).not.toContain('فهاد');
    expect(labels('كيف نسد فجوة القدرات؟')).toContain('فجوه');
    expect(labels('ما هي فوائد الانضمام؟')).toContain('فوايد');
  });

  it('drops a possessive particle that is also a noun (مال، حق) only where it stands as a possessive', () => {
    expect(labels('شكد دولة حضرت اجتماع الخبراء مال تموز 2020؟')).not.toContain('مال');
    expect(labels('وين انعقدت الدوره 91 مال الانتربول')).not.toContain('مال');
    expect(labels('نظام NEXUS حق الانتربول متى انطلق')).not.toContain('حق');
    // A noun: after an indefinite noun or a preposition, last, or first.
    expect(labels('كم رأس مال المكتب؟')).toContain('مال');
    expect(labels('هل للدول حق الانسحاب من الاتفاقية؟')).toContain('حق');
    expect(labels('ما هو حق الدول في الخصوصية؟')).toContain('حق');
    expect(labels('كم حجم الاموال مال')).toContain('مال');
  });

  it('reads a dialect verb as the standard word the documents use (بيصدقوا → التصديق)', () => {
    const [unit] = units('بيصدقوا');
    expect(unit?.terms).toEqual(['~ratification']);
  });

  it('weighs an English word the glossary lacks as untranslated, even where an English title in the Arabic holds it', () => {
    // "new" stands in the Arabic text only inside a quoted English title; 2019 stands there as it is.
    expect(units('any new report', 'en').find((unit) => unit.label === 'new')?.weight).toBe(0.25);
    expect(units('report of 2019', 'en').find((unit) => unit.label === '2019')?.weight).toBe(1);
  });

  it('reads an English word of an Arabic question that no passage holds through the glossary', () => {
    // The report says لا مزيد من الفدية, not No More Ransom; OMSAC it writes in Latin letters, and keeps.
    expect(
      units('شو قصة مشروع No More Ransom اللي انذكر بالتقرير؟').find((unit) => unit.label === 'ransom')?.terms,
    ).toEqual(['~g:ransomware']);
    expect(units('شو يعني phishing؟').map((unit) => unit.terms)).toEqual([['~g:phishing']]);
    expect(units('شو توصية OMSAC للدول؟').find((unit) => unit.label === 'omsac')?.terms).toContain('omsac');
  });

  it('reads a misspelled word as the indexed word one edit away', () => {
    const [unit] = units('الانتربل');
    expect(unit && search.unitWeight(unit)).toBeGreaterThan(0);
  });

  it('weighs a word whose form no passage holds, but whose root some do, by the root (تتسجل for لتسجيل)', () => {
    const [unit] = units('تتسجل');
    expect(unit && search.unitFrequency(unit)).toBe(0);
    expect(unit && search.unitWeight(unit)).toBeGreaterThan(0);
  });

  it('keeps a word no passage holds as a unit of weight 0, so that it cannot sink the answer by itself', () => {
    const unknown = units('ميزانية الإنتربول').find((unit) => unit.label === 'ميزانيه');
    expect(unknown && search.unitWeight(unknown)).toBe(0);
  });
});

describe('concepts in passages', () => {
  it('finds a phrase a number stands inside (البلدان الـ 196 الأعضاء are member states), and phrases with a number', () => {
    const paragraph = search.passages.find(
      ({ passage }) => passage.file.startsWith('000') && passage.locator === 'الفقرة 22',
    );
    expect(paragraph?.conceptTerms).toContain('~member-states');
    const spans = paragraph?.conceptSpans.map((span) => span.from) ?? [];
    expect(spans).toEqual([...spans].sort((a, b) => a - b));
  });
});
