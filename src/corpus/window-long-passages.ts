import type { Passage, Span } from './passage.ts';
import { splitSentences } from './sentences.ts';

/** A passage longer than this (characters of its spans) is cut into windows: one long paragraph dilutes a match. */
export const LONG_PASSAGE_CHARS = 900;
/** A window holds whole sentences up to this many characters (a longer sentence is a window of its own). */
export const WINDOW_CHARS = 600;

/**
 * Cuts each long passage of one file into sentence-bounded windows that keep the passage's locator and
 * context, so a citation still names the paragraph, while search weighs the sentences that match on their
 * own. Passages are renumbered in file order (`file#0`, `file#1`, …).
 */
export function windowLongPassages(passages: readonly Passage[], text: string): Passage[] {
  const windowed = passages.flatMap((passage) =>
    spanLength(passage.spans) > LONG_PASSAGE_CHARS
      ? sentenceWindows(passage.spans, text).map((spans) => ({ ...passage, spans }))
      : [passage],
  );
  return windowed.map((passage, ordinal) => ({ ...passage, id: `${passage.file}#${ordinal}` }));
}

/** The spans' sentences grouped greedily into windows of at most WINDOW_CHARS, each window as its spans. */
function sentenceWindows(spans: readonly Span[], text: string): Span[][] {
  const windows: Span[][] = [];
  let current: Span[] = [];
  for (const span of spans) {
    for (const sentence of splitSentences(text, span)) {
      const first = current[0];
      if (first && sentence.end - first.start > WINDOW_CHARS) {
        windows.push(current);
        current = [];
      }
      const last = current.at(-1);
      // Sentences of one span are joined into one span (keeping the white space between them).
      if (last && spans.some((s) => s.start <= last.start && sentence.end <= s.end)) last.end = sentence.end;
      else current.push({ start: sentence.start, end: sentence.end });
    }
  }
  if (current.length > 0) windows.push(current);
  return windows;
}

function spanLength(spans: readonly Span[]): number {
  return spans.reduce((sum, span) => sum + span.end - span.start, 0);
}
