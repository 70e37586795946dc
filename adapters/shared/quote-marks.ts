import { FSI, latinRuns, PDI, type TextRange } from './bidi.ts';

/**
 * The marks of a quoted excerpt, placed by offsets into its text: matched words in bold and Latin runs inside
 * the Arabic in bidi isolates (FSI … PDI), nested so that every bold run lies inside one isolate or wholly
 * outside all of them. Each platform supplies its bold marker and its escaping; the placement is the same.
 */

/** A span of the text wrapped in a pair of marks. */
interface Span extends TextRange {
  bold: boolean;
}

export interface QuoteMarks {
  /** The text with every white-space character turned into one space (offsets hold). */
  flat: string;
  spans: Span[];
}

/** How a platform writes a quote: its bold marker, and how it escapes a run of plain text. */
export interface QuoteMarkup {
  bold: string;
  escape: (text: string) => string;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** The marks of `text` with `highlights` (`[start, end)` offsets into it, as in the core's Excerpt). */
export function quoteMarks(text: string, highlights: readonly TextRange[]): QuoteMarks {
  const flat = text.replace(/\s/g, ' ');
  const isolates = latinRuns(flat);
  const bold = splitAt(flat, boldRanges(flat, highlights), isolates);
  return {
    flat,
    spans: [
      ...isolates.map((range) => ({ ...range, bold: false })),
      ...bold.map((range) => ({ ...range, bold: true })),
    ],
  };
}

/**
 * `marks.flat.slice(from, to)` as markup: the spans clipped to it and closed at its end, runs of spaces folded.
 * At equal bounds bold is written outside an isolate: `*⁨OMSAC⁩*` keeps the markers next to a space or
 * punctuation, where Slack and Discord recognise them.
 */
export function formatRange(marks: QuoteMarks, from: number, to: number, markup: QuoteMarkup): string {
  const { flat } = marks;
  const spans = marks.spans
    .filter((span) => span.end > from && span.start < to)
    .map((span) => ({ ...span, start: Math.max(span.start, from), end: Math.min(span.end, to) }))
    .sort((a, b) => a.start - b.start || b.end - a.end || Number(b.bold) - Number(a.bold));
  let out = '';
  let cursor = from;
  const stack: Span[] = [];
  const closeUntil = (position: number) => {
    for (let top = stack.at(-1); top && top.end <= position; top = stack.at(-1)) {
      out += markup.escape(flat.slice(cursor, top.end)) + (top.bold ? markup.bold : PDI);
      cursor = top.end;
      stack.pop();
    }
  };
  for (const span of spans) {
    closeUntil(span.start);
    out += markup.escape(flat.slice(cursor, span.start)) + (span.bold ? markup.bold : FSI);
    cursor = span.start;
    stack.push(span);
  }
  closeUntil(to);
  out += markup.escape(flat.slice(cursor, to));
  return out.replace(/ {2,}/g, ' ').trim();
}

/**
 * Highlights clamped, sorted, widened to whole words (Slack only bolds between word boundaries), trimmed of
 * spaces, and merged when they touch or only spaces separate them, so a matched phrase reads as one bold run.
 */
function boldRanges(flat: string, highlights: readonly TextRange[]): TextRange[] {
  const widened = highlights
    .map(({ start, end }) => {
      let from = Math.max(0, Math.min(start, flat.length));
      let to = Math.max(from, Math.min(end, flat.length));
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
    if (last && (range.start <= last.end || !flat.slice(last.end, range.start).trim()))
      last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** Splits bold ranges where they cross an isolate boundary, so the marks nest; pieces are trimmed of spaces. */
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
