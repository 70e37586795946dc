/**
 * Cleans what a user typed before it is parsed or searched: platform mention syntax, bidi and zero-width
 * controls, control characters and runs of white space go; overlong text is cut at a word boundary.
 */

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
// Bidi embeddings/overrides/isolates and marks, zero-width characters, BOM, soft hyphen.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\u061C\uFEFF\u00AD]/g;
// C0/C1 control characters (white space included: runs of it collapse to one space below) and lone surrogates.
const CONTROL = /\p{Cc}|\p{Cs}/gu;

export function cleanInput(raw: string): CleanInput {
  const text = raw
    .replace(PLATFORM_MARKUP, ' ')
    .replace(BROADCAST, ' ')
    .replace(INVISIBLE, '')
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
  const arabic = text.match(/[\u0621-\u064A\u0671-\u06D3]/g)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return latin > arabic ? 'en' : 'ar';
}
