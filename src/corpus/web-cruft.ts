import { trimSpan } from './lines.ts';
import type { Span } from './passage.ts';

/**
 * Page furniture that web scraping left in the news seeds (Wix widgets, bylines, comment boxes, a press-office
 * signature). It must never be indexed or quoted, but the stored text keeps it, so we cut around it by offset.
 */

/** Phrases removed wherever they occur in a line (a scraper may glue them onto real text). */
const inlineCruft: RegExp[] = [/top of page/gi, /bottom of page/gi, /コメント/g, /Photo du rédacteur\s*:.*$/gi];

/** Lines that are cruft only as a whole line: a press office signing off its release. */
const wholeLineCruft: RegExp[] = [/^قسم الصحافة والإعلام\s*[-–—]\s*OMSAC$/];

/**
 * The parts of `span` that are real text: cruft phrases cut out, each remaining piece trimmed; empty pieces
 * dropped. Returns `[]` when the span is all cruft.
 */
export function withoutCruft(text: string, span: Span): Span[] {
  const content = trimSpan(text, span);
  if (!content) return [];
  const line = text.slice(content.start, content.end);
  if (wholeLineCruft.some((pattern) => pattern.test(line))) return [];

  const cuts: Span[] = [];
  for (const pattern of inlineCruft) {
    for (const match of line.matchAll(pattern)) {
      const start = content.start + (match.index ?? 0);
      cuts.push({ start, end: start + match[0].length });
    }
  }
  cuts.sort((a, b) => a.start - b.start);

  const pieces: Span[] = [];
  let cursor = content.start;
  for (const cut of cuts) {
    if (cut.start > cursor) pieces.push({ start: cursor, end: cut.start });
    cursor = Math.max(cursor, cut.end);
  }
  pieces.push({ start: cursor, end: content.end });
  // A piece left with no letter or digit (a stray `|` or `-` between two cruft phrases) is not text either.
  return pieces
    .flatMap((piece) => trimSpan(text, piece) ?? [])
    .filter((piece) => /[\p{L}\p{N}]/u.test(text.slice(piece.start, piece.end)));
}
