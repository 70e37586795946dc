import { countArabicLetters } from '../text/arabic-letters.ts';
/**
 * Cleans what a user typed before it is parsed or searched. Invisible characters go first, before any other
 * filter, so they cannot hide what a later filter looks for (`@` + zero-width space + `everyone` would pass the
 * broadcast filter and come out as a clean `@everyone`); then NFKC folds compatibility forms (fullwidth `＠`,
 * Arabic presentation forms) into the letters the filters and the search know; then platform mention syntax,
 * broadcast words, control characters and runs of white space go; overlong text is cut at a word boundary.
 *
 * Every format character (`\p{Cf}`) is removed, ZWNJ and ZWJ included: in a question they only join or split
 * letters (Persian half-spaces, emoji sequences), which the search normalises away anyway, and they are the
 * usual filler for hiding a word. Bidi marks are removed too; the adapters add their own isolates on output.
 */

import { stripInvisible } from '../text/invisible.ts';

/** Longest question searched; the rest is dropped with a notice. */
export const MAX_QUESTION_CHARS = 500;

export interface CleanInput {
  text: string;
  /** True when the text was cut to MAX_QUESTION_CHARS. */
  truncated: boolean;
}

// Slack `<@U123>`, `<!channel>`, `<#C1|general>`, `<https://…|label>`; Discord `<@123>`, `<@&123>`, `<#123>`.
const PLATFORM_MARKUP = /<[@#!][^<>\s]*>|<https?:[^<>\s]*>/g;
const BROADCAST = /@(everyone|here|channel)\b/gi;
// C0/C1 control characters (white space included: runs of it collapse to one space below) and lone surrogates.
const CONTROL = /\p{Cc}|\p{Cs}/gu;

export function cleanInput(raw: string): CleanInput {
  const text = stripInvisible(raw)
    .normalize('NFKC')
    .replace(PLATFORM_MARKUP, ' ')
    .replace(BROADCAST, ' ')
    .replace(CONTROL, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= MAX_QUESTION_CHARS) return { text, truncated: false };
  const cut = text.slice(0, MAX_QUESTION_CHARS);
  const lastSpace = cut.lastIndexOf(' ');
  return { text: (lastSpace > MAX_QUESTION_CHARS / 2 ? cut.slice(0, lastSpace) : cut).trim(), truncated: true };
}

/** `ar` when the text has at least as many Arabic letters as Latin ones. */
export function detectLanguage(text: string): 'ar' | 'en' {
  const arabic = countArabicLetters(text);
  return countLatinLetters(text) > arabic ? 'en' : 'ar';
}

/** How many ASCII letters the text has (a loop: a global match made an array of one-letter strings). */
function countLatinLetters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i) | 0x20;
    if (code >= 0x61 && code <= 0x7a) count++;
  }
  return count;
}
