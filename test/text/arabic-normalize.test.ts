import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARABIC_LETTER_CLASS, countArabicLetters, hasArabicLetter } from '../../src/text/arabic-letters.ts';
import { normalizeArabic, toAsciiDigits } from '../../src/text/arabic-normalize.ts';

/** The rules as a chain of replacements, one per rule: what the one-pass normalizer must equal. */
function normalizedByRules(token: string): string {
  const letters: Record<string, string> = {
    ...Object.fromEntries([...'أإآٱ'].map((letter) => [letter, 'ا'])),
    ...{ ى: 'ي', ة: 'ه', ؤ: 'و', ئ: 'ي', پ: 'ب', ک: 'ك', ی: 'ي', گ: 'ك', چ: 'ك', ژ: 'ز', ڤ: 'ف', ھ: 'ه', ۀ: 'ه' },
  };
  return toAsciiDigits(
    token
      .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED]/g, '')
      .replace(/\u0640/g, '')
      .replace(/\u0621/g, ''),
  )
    .replace(new RegExp(`[${Object.keys(letters).join('')}]`, 'g'), (letter) => letters[letter] ?? letter)
    .replace(new RegExp(`([${ARABIC_LETTER_CLASS}])\\1{2,}`, 'g'), '$1');
}

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
    ['چان', 'كان', 'Persian cheh: Iraqi and Gulf write it for ك (چان is كان, حچى is حكى)'],
  ])('normalizes %s to %s (%s)', (input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });

  it('keeps a doubled letter, which Arabic spells without shadda (محدد, مدد)', () => {
    expect(normalizeArabic('محدد')).toBe('محدد');
  });

  it('leaves Latin text and ASCII digits alone', () => {
    expect(normalizeArabic('UNODC 2024')).toBe('UNODC 2024');
  });

  it('equals the rules applied one after another, on any mix of letters, marks, digits and repeats', () => {
    const characters = fc.oneof(
      fc.constantFrom(...'اأإآٱبةتهىيؤئوءـًٌٍَُِّْٰۭۖپکیگچژڤھۀ٠٩۰۹ ab1\u200C'),
      fc.integer({ min: 0x0600, max: 0x06ff }).map((code) => String.fromCharCode(code)),
      fc.string({ unit: 'binary', maxLength: 1 }),
    );
    const tokens = fc.array(
      fc.oneof(
        characters,
        characters.map((c) => c.repeat(3)),
      ),
      { maxLength: 24 },
    );
    fc.assert(
      fc.property(tokens, (parts) => {
        const token = parts.join('');
        expect(normalizeArabic(token)).toBe(normalizedByRules(token));
      }),
      { numRuns: 2000 },
    );
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

describe('countArabicLetters', () => {
  it('counts what the letter class matches', () => {
    const letters = new RegExp(`[${ARABIC_LETTER_CLASS}]`, 'g');
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0x0500, max: 0x0800 }).map((c) => String.fromCharCode(c)) }),
        (text) => {
          expect(countArabicLetters(`${text} abc ١`)).toBe(`${text} abc ١`.match(letters)?.length ?? 0);
        },
      ),
    );
  });
});
