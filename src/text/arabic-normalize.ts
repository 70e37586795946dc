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
  // Persian and Urdu letters that OCR and keyboards substitute for Arabic ones; چ is also how Iraqi and Gulf chat
  // writes the ك of a dialect word (چان = كان, حچى = حكى), as dialects/iraqi.json expects.
  پ: 'ب',
  ک: 'ك',
  ی: 'ي',
  گ: 'ك',
  چ: 'ك',
  ژ: 'ز',
  ڤ: 'ف',
  ھ: 'ه',
  ۀ: 'ه',
};

const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII. */
export function toAsciiDigits(text: string): string {
  // Most text has none: a scan of its code units says so for less than running the replacement.
  if (!hasArabicDigit(text)) return text;
  return text.replace(ARABIC_DIGITS, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/** True when the text has an Arabic-Indic or Persian digit (what ARABIC_DIGITS matches). */
function hasArabicDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x0660 && code <= 0x0669) || (code >= 0x06f0 && code <= 0x06f9)) return true;
  }
  return false;
}

/**
 * Every character normalization changes lies in the Arabic block; for each of its code units, what it becomes:
 * '' for a mark that is dropped, an ASCII digit, a letter's standard form, or itself. Built from the rules above.
 */
const BLOCK_START = 0x0600;
const BLOCK = Array.from({ length: 0x100 }, (_, i) => {
  const character = String.fromCharCode(BLOCK_START + i);
  const dropped = character.replace(DIACRITICS, '').replace(TATWEEL, '').replace(LONE_HAMZA, '');
  return toAsciiDigits(dropped).replace(/./, (letter) => LETTER_MAP[letter] ?? letter);
});

/**
 * Normalizes one Arabic (or mixed) token: strips diacritics, tatweel and the hamza on the line, unifies alef,
 * yeh, teh marbuta, hamza carriers and Persian look-alikes, reduces a letter repeated for emphasis to one, and
 * converts digits to ASCII. One pass over the token with a table (it runs for every word of every question and
 * quoted excerpt), copying the unchanged stretches as they are.
 *
 * @example normalizeArabic('الإتفاقيّة') === 'الاتفاقيه'
 */
export function normalizeArabic(token: string): string {
  let normalized = '';
  let copied = 0;
  for (let i = 0; i < token.length; i++) {
    const offset = token.charCodeAt(i) - BLOCK_START;
    if (offset < 0 || offset >= 0x100) continue;
    const replacement = BLOCK[offset] ?? '';
    if (replacement.length === 1 && replacement.charCodeAt(0) === offset + BLOCK_START) continue;
    normalized += token.slice(copied, i) + replacement;
    copied = i + 1;
  }
  if (copied > 0) normalized += token.slice(copied);
  else normalized = token;
  return hasTripledCharacter(normalized) ? normalized.replace(ELONGATION, '$1') : normalized;
}

/** True when some character stands three times in a row (the regular expression decides whether it is a letter). */
function hasTripledCharacter(text: string): boolean {
  for (let i = 2; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === text.charCodeAt(i - 1) && code === text.charCodeAt(i - 2)) return true;
  }
  return false;
}
