import { splitSentences, type TextRange } from '../corpus/sentences.ts';
import type { AnalyzedPassage, ConceptSpan } from './analyzed-passage.ts';

/**
 * What ranking and cutting an excerpt need to know of a passage whatever the question: its segments, sentences
 * and adjacent word pairs. The same for every question, so it is worked out once per passage.
 */
export interface PassageLayout {
  /** The passage's spans, merged where only white space (a page break) separates them. */
  segments: readonly TextRange[];
  /** The segments' sentences, in order. */
  sentences: readonly TextRange[];
  /**
   * Adjacent words: each word stem's followers, the terms of the words that follow it somewhere in the passage.
   * Looked up by the question's own strings, no pair key is built per question.
   */
  followers: ReadonlyMap<string, ReadonlySet<string>>;
  /** The indices of the words holding each term, ascending: a question's few terms find their words directly. */
  wordsByTerm: ReadonlyMap<string, readonly number[]>;
  /** The passage's concept spans by concept term, in passage order. */
  spansByTerm: ReadonlyMap<string, readonly ConceptSpan[]>;
}

export function passageLayout(analyzed: AnalyzedPassage): PassageLayout {
  const segments = joinPageBreaks(analyzed);
  const followers = followersOf(analyzed.words);
  const wordsByTerm = new Map<string, number[]>();
  analyzed.words.forEach((word, i) => {
    for (const term of word.terms) {
      const indices = wordsByTerm.get(term);
      if (!indices) wordsByTerm.set(term, [i]);
      else if (indices.at(-1) !== i) indices.push(i);
    }
  });
  const spansByTerm = new Map<string, ConceptSpan[]>();
  for (const span of analyzed.conceptSpans) {
    const spans = spansByTerm.get(span.term);
    if (spans) spans.push(span);
    else spansByTerm.set(span.term, [span]);
  }
  return {
    segments,
    sentences: segments.flatMap((segment) => splitSentences(analyzed.fileText, segment)),
    followers,
    wordsByTerm,
    spansByTerm,
  };
}

/**
 * Adjacent words: each word's stem with the terms of the words that follow it somewhere, each term once (the
 * phrase evidence of ranker.ts looks a question's pairs up in it).
 */
export function followersOf(
  words: ReadonlyArray<{ stem: string; terms: readonly string[] }>,
): Map<string, ReadonlySet<string>> {
  const followers = new Map<string, Set<string>>();
  words.forEach((word, i) => {
    const next = words[i + 1];
    if (!next) return;
    const after = followers.get(word.stem) ?? new Set<string>();
    for (const term of next.terms) after.add(term);
    followers.set(word.stem, after);
  });
  return followers;
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
