/**
 * Unicode bidi isolation for chat text that mixes Arabic with Latin words and numbers.
 *
 * In a right-to-left line, a run such as `unodc.org`, `65/230` or `UN Office` can swap places with the
 * punctuation and words around it. Wrapping the run in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE makes
 * the renderer lay it out as one left-to-right unit without disturbing the Arabic around it. Slack and
 * Discord both render these invisible characters; plain terminals ignore them.
 */

/** FIRST STRONG ISOLATE: the run takes the direction of its first strong letter. */
export const FSI = '\u2068';
/** POP DIRECTIONAL ISOLATE: ends the run opened by FSI. */
export const PDI = '\u2069';

/** A `[start, end)` range of UTF-16 offsets into a string. */
export interface TextRange {
  start: number;
  end: number;
}

// Any character of the Arabic script, presentation forms included: what sets a line's direction.
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
// A Latin word or number, continued across the spaces and punctuation that join such words inside one
// phrase ("UN Office", "unodc.org", "65/230", "24/7", "Bangkok, ECPAT International, 2016"). The run starts
// and ends on a letter or digit so brackets and sentence punctuation stay with the Arabic around them.
const LATIN_RUN = /[A-Za-z0-9\u00C0-\u024F](?:[A-Za-z0-9\u00C0-\u024F.,:;/'’&%+@#_\- ]*[A-Za-z0-9\u00C0-\u024F%])?/g;

/** True when the text contains at least one Arabic letter. */
export function hasArabic(text: string): boolean {
  return ARABIC_SCRIPT.test(text);
}

/**
 * The ranges of Latin-letter and digit runs in a line that contains Arabic; none in a line without Arabic
 * (a purely left-to-right line needs no isolation).
 */
export function latinRuns(line: string): TextRange[] {
  if (!hasArabic(line)) return [];
  return [...line.matchAll(LATIN_RUN)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/**
 * Wraps every Latin/digit run of an Arabic line in FSI … PDI; returns other lines unchanged.
 *
 * @example isolateLatinRuns('كما يوضح unodc.org.') // 'كما يوضح \u2068unodc.org\u2069.'
 */
export function isolateLatinRuns(line: string): string {
  let out = '';
  let cursor = 0;
  for (const run of latinRuns(line)) {
    out += `${line.slice(cursor, run.start)}${FSI}${line.slice(run.start, run.end)}${PDI}`;
    cursor = run.end;
  }
  return out + line.slice(cursor);
}

/**
 * Wraps a whole field in FSI … PDI so it keeps its own direction inside a line of the other script, e.g. an
 * Arabic document title inside an English citation line. Latin runs inside Arabic fields are isolated too.
 */
export function isolate(text: string): string {
  if (text === '') return text;
  return `${FSI}${isolateLatinRuns(text)}${PDI}`;
}

// A run of Arabic: Arabic-script characters, continued across the spaces, digits and Arabic punctuation that
// belong to it (`الفقرة 59`).
const ARABIC_RUN = /\p{Script=Arabic}(?:[\p{Script=Arabic}\s\u060C\u061B\u061F0-9]*[\p{Script=Arabic}\u061F0-9])?/gu;

/**
 * Wraps every run of Arabic in a line of the core's English (a note, a list entry, a status line) in
 * FSI … PDI, so the line stays left to right even when it starts with an Arabic name or term, and the Arabic keeps
 * its own direction. (Isolating the English instead would leave Arabic as the line's first strong letter and turn
 * the whole line right to left.)
 *
 * @example isolateArabicRuns('دولة فلسطين ratified on 2026-03-02') // '\u2068دولة فلسطين\u2069 ratified on 2026-03-02'
 */
export function isolateArabicRuns(line: string): string {
  return line.replace(ARABIC_RUN, (run) => `${FSI}${run}${PDI}`);
}
