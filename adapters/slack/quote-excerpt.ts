import type { TextRange } from '../shared/bidi.ts';
import { formatRange, type QuoteMarks, quoteMarks } from '../shared/quote-marks.ts';
import { safeCut } from '../shared/truncate-text.ts';
import { escapeText, neutralizeMrkdwn } from './escape-mrkdwn.ts';

/**
 * Turns a document excerpt into Slack mrkdwn: the shared quote marks (bold matches, isolated Latin runs) with
 * `*` for bold, every `&`, `<`, `>` escaped and stray mrkdwn characters neutralized, line breaks folded, and the
 * result split into pieces no longer than a given size, cut between words.
 */

const MARKUP = { bold: '*', escape: escapeText };

/**
 * The excerpt as mrkdwn pieces of at most `maxChars` characters each (one piece when it fits).
 * `highlights` are `[start, end)` offsets into `text`, as in the core's Excerpt.
 */
export function quoteExcerpt(text: string, highlights: readonly TextRange[], maxChars: number): string[] {
  // Each mrkdwn character becomes one look-alike: offsets hold.
  const marks = quoteMarks(neutralizeMrkdwn(text), highlights);
  const pieces: string[] = [];
  let start = skipSpaces(marks.flat, 0);
  while (start < marks.flat.length) {
    const { end, formatted } = nextPiece(marks, start, maxChars);
    if (formatted) pieces.push(formatted);
    start = skipSpaces(marks.flat, end);
  }
  return pieces;
}

/** The longest piece from `start` whose formatted form fits, ending at a space when there is one. */
function nextPiece(marks: QuoteMarks, start: number, maxChars: number): { end: number; formatted: string } {
  let budget = maxChars;
  for (;;) {
    const end = pieceEnd(marks.flat, start, budget);
    const formatted = formatRange(marks, start, end, MARKUP);
    // Escaping and markers make the formatted piece longer than its raw text: shrink in proportion until it fits.
    if (formatted.length <= maxChars || end - start <= 1) return { end, formatted };
    budget = Math.max(1, Math.min(end - start - 1, Math.floor(((end - start) * maxChars) / formatted.length)));
  }
}

function pieceEnd(flat: string, start: number, budget: number): number {
  if (start + budget >= flat.length) return flat.length;
  const hardEnd = safeCut(flat, start + budget);
  let lastSpace = flat.lastIndexOf(' ', hardEnd);
  // End before the whole run of spaces, so no piece ends in a space inside a marker (`⁨unodc.org ⁩`).
  while (lastSpace > start && flat[lastSpace - 1] === ' ') lastSpace--;
  if (lastSpace > start) return lastSpace;
  // One word longer than the budget: cut it (never split a surrogate pair, always make progress).
  return Math.max(hardEnd, start + (hardEnd === start ? 2 : 1));
}

function skipSpaces(flat: string, from: number): number {
  let at = from;
  while (at < flat.length && flat[at] === ' ') at++;
  return at;
}
