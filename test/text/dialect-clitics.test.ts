import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/lexicon/lexicon.ts';
import { normalizeArabic } from '../../src/text/arabic-normalize.ts';
import { alternativeStems, lightStem } from '../../src/text/arabic-stemmer.ts';
import { personSwaps, strippedForms } from '../../src/text/dialect-clitics.ts';

// The clitics of every variety, as the analyzer uses them (their union).
const { dialects } = loadLexicon();
const rules = {
  proclitics: dialects.flatMap((table) => table.proclitics).map(normalizeArabic),
  suffixes: dialects.flatMap((table) => table.suffixes).map(normalizeArabic),
};

/** The stems a colloquial word may stand for once clitics are stripped. */
const readings = (word: string) =>
  strippedForms(normalizeArabic(word), rules).flatMap((form) => [lightStem(form), ...alternativeStems(form)]);
const reaches = (colloquial: string, standard: string) => {
  const norm = normalizeArabic(standard);
  return readings(colloquial).some((stem) => [lightStem(norm), ...alternativeStems(norm)].includes(stem));
};

describe('strippedForms: one rule per variety, with words that must and must not conflate', () => {
  it.each([
    ['بيصدقوا', 'يصدق', 'Levantine/Egyptian بـ + imperfect, plural ـوا'],
    ['عميشتغلوا', 'يشتغل', 'Levantine عم attached'],
    ['حيوقعوا', 'يوقع', 'Levantine/Egyptian future حـ'],
    ['هيدخل', 'يدخل', 'Egyptian future هـ'],
    ['مبيعرفوش', 'يعرف', 'Egyptian negation م…ش'],
    ['ماعرفتش', 'عرفت', 'Maghrebi negation ما…ش'],
    ['كيوقعو', 'يوقع', 'Maghrebi present كـ, plural ـو'],
    ['تايقولو', 'يقول', 'Moroccan present تا'],
    ['غاديدخل', 'يدخل', 'Maghrebi future غا'],
    ['ديشتغلون', 'يشتغل', 'Iraqi continuous دـ, plural ـون'],
    ['بيوقعون', 'يوقع', 'Gulf future بـ, plural ـون'],
    ['وبيصدقوا', 'يصدق', 'a conjunction in front of the proclitic'],
    ['كتيييير', 'كتير', 'a letter repeated for emphasis'],
  ])('%s reaches %s (%s)', (colloquial, standard) => {
    expect(reaches(colloquial, standard)).toBe(true);
  });

  it.each([
    ['بين', 'ين', 'a strip never leaves fewer than three letters'],
    ['حلو', 'لو', 'a strip never leaves fewer than three letters'],
    ['كتب', 'تب', 'a strip never leaves fewer than three letters'],
    ['ميسري', 'يسري', 'the negation م strips only with its ش (ميسّري facilitators, not يسري)'],
    ['مشاركين', 'شارك', 'the negation م strips only with its ش (a participle, not a verb)'],
  ])('%s does not reach %s (%s)', (word, wrong) => {
    expect(strippedForms(normalizeArabic(word), rules)).not.toContain(wrong);
  });

  it('tries fewer strips before more', () => {
    const forms = strippedForms('بيصدقوا', rules);
    expect(forms.indexOf('يصدقوا')).toBeLessThan(forms.indexOf('يصدق'));
  });

  it('never lets a conjunction follow a proclitic (بو… is not بـ + و)', () => {
    expect(strippedForms('بوقعوا', rules)).not.toContain('قعوا');
  });
});

describe('personSwaps: the imperfect conjugated for another person', () => {
  it.each([
    ['تطلب', 'يطلب', 'she/you asks, he asks'],
    ['نطلب', 'يطلب', 'we ask, he asks'],
    ['اطلب', 'تطلب', 'I ask, she asks'],
    ['يعطي', 'تعطي', 'he gives, she gives'],
  ])('%s reaches %s (%s)', (word, other) => {
    expect(personSwaps(word)).toContain(other);
  });

  it.each([
    ['تضل', 'fewer than three letters after the prefix'],
    ['مكتب', 'no person prefix'],
  ])('leaves %s alone (%s)', (word) => {
    expect(personSwaps(word)).toEqual([]);
  });
});
