import { describe, expect, it } from 'vitest';
import { hasArabicLetter } from '../../src/text/arabic-letters.ts';
import { normalizeArabic, toAsciiDigits } from '../../src/text/arabic-normalize.ts';

describe('normalizeArabic', () => {
  it.each([
    ['الإتفاقية', 'الاتفاقيه', 'hamza under alef (OMSAC spelling) and teh marbuta'],
    ['إعتمدت', 'اعتمدت', 'hamza on a verb'],
    ['الأمم', 'الامم', 'hamza over alef'],
    ['آليات', 'اليات', 'madda'],
    ['ٱلاتفاقية', 'الاتفاقيه', 'wasla'],
    ['الأولى', 'الاولي', 'alef maqsura'],
    ['تُيسر', 'تيسر', 'damma'],
    ['المُعاهَدَة', 'المعاهده', 'several diacritics'],
    ['تنمّر', 'تنمر', 'shadda'],
    ['الـ', 'ال', 'tatweel'],
    ['مسؤولية', 'مسووليه', 'waw with hamza'],
    ['الجزائر', 'الجزاير', 'yeh with hamza'],
    ['الإنترپول', 'الانتربول', 'Persian peh from OCR'],
    ['کمبیوتر', 'كمبيوتر', 'Persian kaf and yeh'],
    ['٢٤/٧', '24/7', 'Arabic-Indic digits'],
    ['۲۰۲۵', '2025', 'Persian digits'],
    ['وزراء', 'وزرا', 'hamza on the line, which people leave out'],
    ['شيء', 'شي', 'hamza on the line after yeh'],
    ['كتيييير', 'كتير', 'a letter repeated for emphasis'],
    ['الاتفاقيييية', 'الاتفاقيه', 'emphasis inside a word'],
    ['گلوبال', 'كلوبال', 'Persian gaf (Iraqi spelling)'],
    ['چان', 'جان', 'Persian cheh (Iraqi spelling)'],
  ])('normalizes %s to %s (%s)', (input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });

  it('keeps a doubled letter, which Arabic spells without shadda (محدد, مدد)', () => {
    expect(normalizeArabic('محدد')).toBe('محدد');
  });

  it('leaves Latin text and ASCII digits alone', () => {
    expect(normalizeArabic('UNODC 2024')).toBe('UNODC 2024');
  });
});

describe('toAsciiDigits', () => {
  it('converts mixed digit systems in one string', () => {
    expect(toAsciiDigits('٩٠ يوما و40 دولة و۹۰')).toBe('90 يوما و40 دولة و90');
  });
});

describe('hasArabicLetter', () => {
  it.each([
    ['اتفاقية', true],
    ['treaty', false],
    ['٢٤', false],
    ['UNODC مكتب', true],
  ])('%s → %s', (input, expected) => {
    expect(hasArabicLetter(input)).toBe(expected);
  });
});
