import { ARABIC_LETTER_CLASS } from './arabic-letters.ts';

/**
 * Arabic orthographic normalization, applied to every token before it is indexed or searched.
 * Follows Lucene's ArabicNormalizer and extends it for what the seed documents and users actually type:
 * OCR'd Persian letters (الإنترپول), hamza carriers (ؤ ئ) and Arabic-Indic or Persian digits (٢٤/٧).
 */

// Fathatan … sukun, the Quranic marks up to U+065F, and the superscript alef.
const DIACRITICS = /[\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;
// A hamza on the line is dropped: people type وزرا for وزراء and شي for شيء, and it carries no meaning for search.
const LONE_HAMZA = /\u0621/g;
// A letter typed three or more times in a row is emphasis (كتيييير), never Arabic spelling.
const ELONGATION = new RegExp(`([${ARABIC_LETTER_CLASS}])\\1{2,}`, 'g');

const LETTER_MAP: Readonly<Record<string, string>> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ة: 'ه',
  ؤ: 'و',
  ئ: 'ي',
  // Persian and Urdu letters that OCR and keyboards substitute for Arabic ones.
  پ: 'ب',
  ک: 'ك',
  ی: 'ي',
  گ: 'ك',
  چ: 'ج',
  ژ: 'ز',
  ڤ: 'ف',
  ھ: 'ه',
  ۀ: 'ه',
};

const LETTERS = new RegExp(`[${Object.keys(LETTER_MAP).join('')}]`, 'g');

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/**
 * Normalizes one Arabic (or mixed) token: strips diacritics, tatweel and the hamza on the line, unifies alef,
 * yeh, teh marbuta, hamza carriers and Persian look-alikes, reduces a letter repeated for emphasis to one, and
 * converts digits to ASCII.
 *
 * @example normalizeArabic('الإتفاقيّة') === 'الاتفاقيه'
 */
export function normalizeArabic(token: string): string {
  return toAsciiDigits(token.replace(DIACRITICS, '').replace(TATWEEL, '').replace(LONE_HAMZA, ''))
    .replace(LETTERS, (letter) => LETTER_MAP[letter] ?? letter)
    .replace(ELONGATION, '$1');
}
