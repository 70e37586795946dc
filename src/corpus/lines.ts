import type { Passage, Span } from './passage.ts';

/**
 * Line and span helpers shared by the splitters. Everything works on offsets into the original text so that a
 * passage can always be quoted verbatim; nothing here copies or normalizes the text itself.
 */

/** One line of a document: `[start, end)` excludes the line terminator. */
export interface Line {
  /** 1-based line number, for error messages and tests. */
  number: number;
  start: number;
  end: number;
}

/** A passage under construction: the splitters fill these in and `finishPassages` numbers them. */
export interface PassageDraft {
  locator: string;
  context: string[];
  spans: Span[];
}

/** Splits text into lines on `\n`, `\r\n` or `\r`, keeping offsets into the original string. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const terminator = /\r\n|\n|\r/g;
  let start = 0;
  let number = 1;
  for (let match = terminator.exec(text); match !== null; match = terminator.exec(text)) {
    lines.push({ number, start, end: match.index });
    start = match.index + match[0].length;
    number += 1;
  }
  lines.push({ number, start, end: text.length });
  return lines;
}

/**
 * Narrows a range to its non-whitespace content, or returns undefined when nothing is left.
 * `\s` is exactly the set `String.prototype.trim` removes, so the result always equals its own `trim()`.
 */
export function trimSpan(text: string, span: Span): Span | undefined {
  let { start, end } = span;
  while (start < end && /\s/.test(text.charAt(start))) start += 1;
  while (end > start && /\s/.test(text.charAt(end - 1))) end -= 1;
  return start < end ? { start, end } : undefined;
}

/** A leading bullet (`- `, `– `, `• `) that OCR or copy-paste put before an item; never part of a quote. */
const listMarker = /^[-–—•]\s+/;

/** The quotable content of a line: trimmed, without a leading list marker. Undefined for a blank line. */
export function lineContent(text: string, line: Line): Span | undefined {
  const trimmed = trimSpan(text, line);
  if (!trimmed) return undefined;
  const marker = listMarker.exec(text.slice(trimmed.start, trimmed.end));
  if (!marker) return trimmed;
  return trimSpan(text, { start: trimmed.start + marker[0].length, end: trimmed.end });
}

/** The text of a span. */
export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/** Number of whitespace-separated words in a string. */
export function wordCount(value: string): number {
  return value.split(/\s+/).filter((word) => word.length > 0).length;
}

const superscriptDigits = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/** `2` → `²`, `12` → `¹²`: marks the second, twelfth … occurrence of a locator. */
export function toSuperscript(value: number): string {
  return String(value)
    .split('')
    .map((digit) => superscriptDigits[Number(digit)] ?? digit)
    .join('');
}

/**
 * Turns drafts into passages: ids in document order, and a superscript occurrence number on any locator seen
 * before in the same document (`¶ 13 (ي)`, then `¶ 13 (ي)²`), because OCR'd reports restart letter series.
 */
export function finishPassages(file: string, drafts: PassageDraft[]): Passage[] {
  const seen = new Map<string, number>();
  return drafts
    .filter((draft) => draft.spans.length > 0)
    .map((draft, ordinal) => {
      const count = (seen.get(draft.locator) ?? 0) + 1;
      seen.set(draft.locator, count);
      const locator = count === 1 ? draft.locator : `${draft.locator}${toSuperscript(count)}`;
      return { id: `${file}#${ordinal}`, file, locator, context: [...draft.context], spans: [...draft.spans] };
    });
}
