import { FSI, latinRuns, PDI, type TextRange } from '../shared/bidi.ts';
import { safeCut } from '../shared/truncate-text.ts';
import { escapeText, neutralizeMrkdwn } from './escape-mrkdwn.ts';

/**
 * Turns a document excerpt into Slack mrkdwn: matched words in *bold*, Latin words and numbers inside the
 * Arabic isolated (FSI … PDI), every `&`, `<`, `>` escaped and stray mrkdwn characters neutralized, line
 * breaks folded, and the result split into pieces no longer than a given size, cut between words.
 */

/** A span of the excerpt wrapped in markers: bold (`*…*`) or a bidi isolate (FSI … PDI). */
interface Span extends TextRange {
  open: string;
  close: string;
  /** Among spans with equal bounds, the higher rank is written outside. */
  rank: number;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/**
 * The excerpt as mrkdwn pieces of at most `maxChars` characters each (one piece when it fits).
 * `highlights` are `[start, end)` offsets into `text`, as in the core's Excerpt.
 */
export function quoteExcerpt(text: string, highlights: readonly TextRange[], maxChars: number): string[] {
  // Each white-space character becomes one space and each mrkdwn character one look-alike: offsets hold.
  const flat = neutralizeMrkdwn(text.replace(/\s/g, ' '));
  const bold = boldRanges(flat, highlights);
  const isolates = latinRuns(flat);
  const pieces: string[] = [];
  let start = skipSpaces(flat, 0);
  while (start < flat.length) {
    const { end, formatted } = nextPiece(flat, start, maxChars, bold, isolates);
    if (formatted) pieces.push(formatted);
    start = skipSpaces(flat, end);
  }
  return pieces;
}

/** The longest piece from `start` whose formatted form fits, ending at a space when there is one. */
function nextPiece(
  flat: string,
  start: number,
  maxChars: number,
  bold: readonly TextRange[],
  isolates: readonly TextRange[],
): { end: number; formatted: string } {
  let budget = maxChars;
  for (;;) {
    const end = pieceEnd(flat, start, budget);
    const formatted = formatRange(flat, start, end, bold, isolates);
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

/** Formats `flat.slice(from, to)`, with the spans clipped to it and closed at its end. */
function formatRange(
  flat: string,
  from: number,
  to: number,
  bold: readonly TextRange[],
  isolates: readonly TextRange[],
): string {
  const clip = (ranges: readonly TextRange[]) =>
    ranges
      .filter((range) => range.end > from && range.start < to)
      .map((range) => ({ start: Math.max(range.start, from), end: Math.min(range.end, to) }));
  const clippedIsolates = clip(isolates);
  const spans: Span[] = [
    ...clippedIsolates.map(({ start, end }) => ({ start, end, open: FSI, close: PDI, rank: 0 })),
    // Bold outside an isolate that it covers exactly: `*⁨OMSAC⁩*` keeps the asterisks next to a space or
    // punctuation, which is where Slack recognises them.
    ...splitAt(flat, clip(bold), clippedIsolates).map(({ start, end }) => ({
      start,
      end,
      open: '*',
      close: '*',
      rank: 1,
    })),
  ].sort((a, b) => a.start - b.start || b.end - a.end || b.rank - a.rank);
  let out = '';
  let cursor = from;
  const stack: Span[] = [];
  const closeUntil = (position: number) => {
    for (let top = stack.at(-1); top && top.end <= position; top = stack.at(-1)) {
      out += escapeText(flat.slice(cursor, top.end)) + top.close;
      cursor = top.end;
      stack.pop();
    }
  };
  for (const span of spans) {
    closeUntil(span.start);
    out += escapeText(flat.slice(cursor, span.start)) + span.open;
    cursor = span.start;
    stack.push(span);
  }
  closeUntil(to);
  out += escapeText(flat.slice(cursor, to));
  return out.replace(/ {2,}/g, ' ').trim();
}

/** Highlights clamped, sorted, widened to whole words, trimmed of spaces and merged when they touch. */
function boldRanges(flat: string, highlights: readonly TextRange[]): TextRange[] {
  const widened = highlights
    .map(({ start, end }) => {
      let from = Math.max(0, Math.min(start, flat.length));
      let to = Math.max(from, Math.min(end, flat.length));
      // Slack only bolds between word boundaries, so a highlight inside a word covers the whole word.
      while (from > 0 && WORD_CHAR.test(flat[from - 1] ?? '') && WORD_CHAR.test(flat[from] ?? '')) from--;
      while (to < flat.length && to > from && WORD_CHAR.test(flat[to] ?? '') && WORD_CHAR.test(flat[to - 1] ?? ''))
        to++;
      return trimSpaces(flat, { start: from, end: to });
    })
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start);
  const merged: TextRange[] = [];
  for (const range of widened) {
    const last = merged.at(-1);
    // Touching ranges merge, or Slack would see `**` between them.
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/**
 * Splits bold ranges where they cross an isolate boundary, so every bold piece lies inside one isolate or
 * wholly outside all of them and the markers nest; pieces are trimmed of spaces, which Slack does not bold.
 */
function splitAt(flat: string, ranges: readonly TextRange[], isolates: readonly TextRange[]): TextRange[] {
  const cuts = isolates.flatMap((isolate) => [isolate.start, isolate.end]);
  return ranges.flatMap((range) => {
    const inner = cuts.filter((cut) => cut > range.start && cut < range.end).sort((a, b) => a - b);
    const bounds = [range.start, ...inner, range.end];
    return bounds
      .slice(1)
      .map((end, i) => trimSpaces(flat, { start: bounds[i] ?? range.start, end }))
      .filter((piece) => piece.end > piece.start);
  });
}

function trimSpaces(flat: string, range: TextRange): TextRange {
  let { start, end } = range;
  while (start < end && flat[start] === ' ') start++;
  while (end > start && flat[end - 1] === ' ') end--;
  return { start, end };
}

function skipSpaces(flat: string, from: number): number {
  let at = from;
  while (at < flat.length && flat[at] === ' ') at++;
  return at;
}
