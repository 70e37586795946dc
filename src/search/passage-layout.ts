import { splitSentences, type TextRange } from '../corpus/sentences.ts';
import type { AnalyzedPassage } from './analyzed-passage.ts';

/**
 * What cutting an excerpt needs to know of a passage whatever the question: its segments, sentences and where
 * each term stands among its words. The same for every question, so it is worked out once per passage.
 */
export interface PassageLayout {
  /** The passage's spans, merged where only white space (a page break) separates them. */
  segments: readonly TextRange[];
  /** The segments' sentences, in order. */
  sentences: readonly TextRange[];
  /** For each term of the passage's words, the indices of the words that hold it, ascending. */
  wordsHolding: ReadonlyMap<string, readonly number[]>;
  /** For each concept term, the indices of its spans in `conceptSpans`, ascending. */
  spansOf: ReadonlyMap<string, readonly number[]>;
  /** Every pair of adjacent words as `phrasePair(stem of the first, a term of the second)`. */
  adjacentPairs: ReadonlySet<string>;
}

/** One key for a word's stem followed by a term of the next word (terms hold no space). */
export function phrasePair(first: string, second: string): string {
  return `${first} ${second}`;
}

export function passageLayout(analyzed: AnalyzedPassage): PassageLayout {
  const segments = joinPageBreaks(analyzed);
  const wordsHolding = new Map<string, number[]>();
  analyzed.words.forEach((word, i) => {
    for (const term of word.terms) {
      const words = wordsHolding.get(term);
      if (!words) wordsHolding.set(term, [i]);
      else if (words.at(-1) !== i) words.push(i);
    }
  });
  const adjacentPairs = new Set<string>();
  for (let i = 0; i + 1 < analyzed.words.length; i++) {
    const stem = analyzed.words[i]?.stem ?? '';
    for (const term of analyzed.words[i + 1]?.terms ?? []) adjacentPairs.add(phrasePair(stem, term));
  }
  const spansOf = new Map<string, number[]>();
  analyzed.conceptSpans.forEach((span, k) => {
    const spans = spansOf.get(span.term);
    if (spans) spans.push(k);
    else spansOf.set(span.term, [k]);
  });
  return {
    segments,
    sentences: segments.flatMap((segment) => splitSentences(analyzed.fileText, segment)),
    wordsHolding,
    spansOf,
    adjacentPairs,
  };
}

/**
 * Passages' layouts, each worked out the first time it is asked for and kept while the passage lives (keyed by
 * the passage itself: a lookup by identity, as cheap as they come).
 */
export class PassageLayouts {
  private readonly layouts = new WeakMap<AnalyzedPassage, PassageLayout>();

  of(analyzed: AnalyzedPassage): PassageLayout {
    let layout = this.layouts.get(analyzed);
    if (!layout) {
      layout = passageLayout(analyzed);
      this.layouts.set(analyzed, layout);
    }
    return layout;
  }
}

function joinPageBreaks(analyzed: AnalyzedPassage): TextRange[] {
  const segments: TextRange[] = [];
  for (const span of analyzed.passage.spans) {
    const previous = segments.at(-1);
    if (previous && analyzed.fileText.slice(previous.end, span.start).trim() === '') previous.end = span.end;
    else segments.push({ start: span.start, end: span.end });
  }
  return segments;
}
