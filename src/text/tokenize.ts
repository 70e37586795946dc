import { ARABIC_LETTER_CLASS, isArabicLetterCode } from './arabic-letters.ts';
import { normalizeArabic, toAsciiDigits } from './arabic-normalize.ts';

/** A word or number of the original text, with where it stands in that text. */
export interface Token {
  /** `[start, end)` in the text that was tokenized. */
  start: number;
  end: number;
  /** Normalized form: Arabic normalized (see normalizeArabic), Latin lowercased, digits ASCII. */
  norm: string;
  script: 'arabic' | 'latin';
}

const ARABIC_MARK = '\\u064B-\\u065F\\u0670\\u06D6-\\u06ED\\u0640';
const LATIN_OR_DIGIT = 'A-Za-z\\u00C0-\\u024F0-9\\u0660-\\u0669\\u06F0-\\u06F9';

/**
 * An Arabic word (letters with their marks; tatweel and zero-width joiners inside a word are kept so that
 * offsets stay exact), or a Latin/number compound such as `GA-2008-RES-07`, `24/7`, `230/65`, `134,089`.
 */
const TOKEN = new RegExp(
  `[${ARABIC_LETTER_CLASS}][${ARABIC_LETTER_CLASS}${ARABIC_MARK}\\u200C\\u200D]*` +
    `|[${LATIN_OR_DIGIT}]+(?:['’]s)?(?:[-/.,:][${LATIN_OR_DIGIT}]+)*`,
  'gu',
);

const ZERO_WIDTH_JOINER = /[\u200C\u200D]/;
const ZERO_WIDTH_JOINERS = /[\u200C\u200D]/g;

/**
 * Splits text into word and number tokens with exact offsets. Punctuation, emoji, bidi and zero-width
 * controls between words are skipped.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const surface = match[0];
    const start = match.index;
    const arabic = isArabicLetterCode(surface.charCodeAt(0));
    const norm = normalizedToken(surface, arabic);
    if (norm.length === 0) continue;
    tokens.push({ start, end: start + surface.length, norm, script: arabic ? 'arabic' : 'latin' });
  }
  return tokens;
}

/**
 * The tokens' normalized forms alone, as `tokenize` gives them: for text whose words are looked up but not
 * located (quoted pieces searched for an answer), without a match object and a token per word.
 */
export function normalizedTokens(text: string): string[] {
  const norms: string[] = [];
  for (const surface of text.match(TOKEN) ?? []) {
    const norm = normalizedToken(surface, isArabicLetterCode(surface.charCodeAt(0)));
    if (norm.length > 0) norms.push(norm);
  }
  return norms;
}

function normalizedToken(surface: string, arabic: boolean): string {
  return arabic
    ? normalizeArabic(ZERO_WIDTH_JOINER.test(surface) ? surface.replace(ZERO_WIDTH_JOINERS, '') : surface)
    : toAsciiDigits(surface)
        .toLowerCase()
        .replace(/['’]s$/, '');
}

/**
 * Index-time parts of a Latin/number compound, so a search for one part finds the whole:
 * `ga-2008-res-07` → `ga`, `2008`, `res`, `07`; a number pair written in Arabic order (`230/65`, UN style)
 * also yields the reversed pair `65/230`; a grouped number `134,089` yields `134089`.
 */
export function compoundParts(norm: string): string[] {
  const parts = norm.split(/[-/.,:]/).filter((part) => part.length > 0);
  if (parts.length < 2) return [];
  const extra: string[] = [];
  if (/^\d+\/\d+$/.test(norm)) extra.push(`${parts[1]}/${parts[0]}`);
  if (/^\d{1,3}(,\d{3})+$/.test(norm)) extra.push(parts.join(''));
  return [...parts, ...extra];
}
