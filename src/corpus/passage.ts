/**
 * A passage is the unit the bot retrieves and cites: one numbered paragraph, lettered sub-item,
 * resolution clause or news paragraph of a seed document.
 *
 * Offsets are JavaScript string offsets (UTF-16 code units) into the seed file's text as read
 * with UTF-8 decoding, so `fileText.slice(span.start, span.end)` is exactly the quoted text.
 */

/** A half-open range `[start, end)` of the original file text. */
export interface Span {
  start: number;
  end: number;
}

export interface Passage {
  /** Stable id: `<file>#<ordinal>`, ordinal counting passages from 0 in document order. */
  id: string;
  /** Seed file name, e.g. `004_77fe3e7651538f96.txt`. */
  file: string;
  /** Human locator shown in citations, e.g. `¶ 13 (أ)`, `¶ 13 (ي)²`, `الديباجة، الفقرة 4`, `الفقرة 5`. */
  locator: string;
  /** Enclosing section headings, outermost first, cleaned of numbering cruft (e.g. `['ثانياً - …', 'ألف - التعاون الدولي']`). */
  context: string[];
  /**
   * The pieces of original text that make up the passage, in order. Usually one; several when a page break
   * cut the paragraph or when a footnote or web cruft sits inside it (the footnote and cruft are left out).
   */
  spans: Span[];
}

/** The passage's text as indexed and shown: its spans joined by a single space. */
export function passageText(passage: Passage, fileText: string): string {
  return passage.spans.map((span) => fileText.slice(span.start, span.end)).join(' ');
}
