import type { TextRange } from '../corpus/sentences.ts';
import type { AnalyzedPassage } from './analyzed-passage.ts';
import { type PassageLayout, passageLayout } from './passage-layout.ts';

/** A quoted piece of a seed file: `fileText.slice(start, end) === text`. */
export interface ExcerptWindow {
  start: number;
  end: number;
  text: string;
  /** Matched words, as `[start, end)` offsets into `text`. */
  highlights: Array<{ start: number; end: number }>;
}

/**
 * What the question matched in a passage: for each word, the query units it satisfies and whether it is a word
 * the user typed (rather than a synonym or translation of one), and the units' weights.
 */
export interface WordMatches {
  /** The distinct units each word satisfies. */
  unitsOfWord: (wordIndex: number) => readonly number[];
  /** The indices of the words with any unit, ascending; when absent, every word is looked at. */
  matchedWords?: readonly number[];
  typed: (wordIndex: number) => boolean;
  unitWeight: (unit: number) => number;
  /**
   * Units a whole sentence matched rather than a word of it (an English question's words in the sentence's
   * English translation), by the sentence's start offset: they count for that sentence like typed words, and
   * highlight nothing.
   */
  sentenceUnits?: ReadonlyArray<{ start: number; units: readonly number[] }>;
}

/** A unit found only through a synonym counts this share of its weight when choosing the sentences to quote. */
const SYNONYM_SHARE = 0.6;

/**
 * A window shorter than this grows by neighbouring sentences; one longer is cut around the matches. At 220 the
 * sentence that names the topic was often quoted without the next one that answers ("the rapporteur prepared a
 * list …" without "… to be discussed at the stocktaking meeting in 2021"): tuning half Arabic R@3 197 → 200 of 237.
 */
const MIN_CHARS = 320;
const MAX_CHARS = 600;
type Range = TextRange;

/**
 * Cuts the excerpt shown for a passage: the run of consecutive sentences (at most MAX_CHARS) that holds the
 * most distinct matched units, grown with neighbouring sentences to a readable length, or cut at word
 * boundaries around the matches when one sentence alone is too long. Never cuts a word in half. A window may
 * cross a page break (spans separated only by white space) but never a footnote or web cruft.
 */
export function cutExcerpt(
  analyzed: AnalyzedPassage,
  matches: WordMatches,
  { segments, sentences }: PassageLayout = passageLayout(analyzed),
): ExcerptWindow {
  const { fileText, words } = analyzed;
  const matchedWords = matches.matchedWords ?? words.map((_, i) => i);
  // The units each sentence holds (and whether through a word the user typed), then the best run of sentences
  // by the weight of the distinct units it holds.
  // Words and sentences are both in text order: one pass assigns each matched word to its sentence.
  const sentenceUnits = sentences.map(() => new Map<number, boolean>());
  let s = 0;
  for (const i of matchedWords) {
    const word = words[i];
    const units = matches.unitsOfWord(i);
    if (!word || units.length === 0) continue;
    while (s < sentences.length && (sentences[s]?.end ?? 0) < word.end) s++;
    const sentence = sentences[s];
    const held = sentenceUnits[s];
    if (!sentence || !held || word.start < sentence.start) continue;
    for (const unit of units) held.set(unit, held.get(unit) === true || matches.typed(i));
  }
  for (const { start, units } of matches.sentenceUnits ?? []) {
    const held = sentenceUnits[sentences.findIndex((sentence) => sentence.start <= start && start < sentence.end)];
    for (const unit of units) held?.set(unit, true);
  }
  const share = (typed: boolean) => (typed ? 1 : SYNONYM_SHARE);
  // Objects are written out field by field here: spreading them cost a tenth of the excerpt's time.
  let best: Range & { weight: number } = { start: sentences[0]?.start ?? 0, end: sentences[0]?.end ?? 0, weight: -1 };
  sentences.forEach((first, i) => {
    const units = new Map<number, boolean>();
    let weight = 0;
    for (let j = i; j < sentences.length; j++) {
      const last = sentences[j];
      if (!last || !sameSegment(segments, first.start, last.end)) break;
      if (j > i && last.end - first.start > MAX_CHARS) break;
      for (const [unit, typed] of sentenceUnits[j] ?? []) {
        const before = units.get(unit);
        if (before === true || before === typed) continue;
        units.set(unit, typed);
        weight += matches.unitWeight(unit) * (share(typed) - (before === undefined ? 0 : share(before)));
      }
      const shorter = last.end - first.start < best.end - best.start;
      if (weight > best.weight + 1e-9 || (Math.abs(weight - best.weight) <= 1e-9 && shorter)) {
        best = { start: first.start, end: last.end, weight };
      }
    }
  });

  let window: Range = grow({ start: best.start, end: best.end }, sentences, segments);
  if (window.end - window.start > MAX_CHARS) window = trimAroundMatches(analyzed, window, matches);
  const highlights: ExcerptWindow['highlights'] = [];
  for (const i of matchedWords) {
    const word = words[i];
    if (word && matches.unitsOfWord(i).length > 0 && word.start >= window.start && word.end <= window.end)
      highlights.push({ start: word.start - window.start, end: word.end - window.start });
  }
  return { start: window.start, end: window.end, text: fileText.slice(window.start, window.end), highlights };
}

function sameSegment(segments: readonly Range[], a: number, b: number): boolean {
  return segments.some((segment) => segment.start <= a && b <= segment.end);
}

/** Adds following, then preceding sentences of the same segment while the window is short. */
function grow(window: Range, sentences: readonly Range[], segments: readonly Range[]): Range {
  const grown = { start: window.start, end: window.end };
  let next = sentences.findIndex((sentence) => sentence.start >= grown.end);
  let previous = sentences.findLastIndex((sentence) => sentence.end <= grown.start);
  while (grown.end - grown.start < MIN_CHARS) {
    const after = next >= 0 ? sentences[next] : undefined;
    const before = previous >= 0 ? sentences[previous] : undefined;
    if (after && sameSegment(segments, grown.start, after.end) && after.end - grown.start <= MAX_CHARS) {
      grown.end = after.end;
      next = next + 1 < sentences.length ? next + 1 : -1;
    } else if (before && sameSegment(segments, before.start, grown.end) && grown.end - before.start <= MAX_CHARS) {
      grown.start = before.start;
      previous--;
    } else break;
  }
  return grown;
}

/** Narrows a long window to at most MAX_CHARS holding the most matched weight, on word boundaries. */
function trimAroundMatches(analyzed: AnalyzedPassage, window: Range, matches: WordMatches): Range {
  const inWindow = analyzed.words
    .map((word, i) => ({ word, units: matches.unitsOfWord(i) }))
    .filter(({ word }) => word.start >= window.start && word.end <= window.end);
  // Slide a MAX_CHARS window over the words (two pointers), counting each unit once by how often it is inside.
  const inside = new Map<number, number>();
  let weight = 0;
  let best = { start: window.start, end: window.start, weight: -1 };
  let last = -1;
  for (let first = 0; first < inWindow.length; first++) {
    const from = inWindow[first]?.word.start ?? 0;
    while ((inWindow[last + 1]?.word.end ?? Number.POSITIVE_INFINITY) <= from + MAX_CHARS) {
      last++;
      for (const unit of inWindow[last]?.units ?? []) {
        inside.set(unit, (inside.get(unit) ?? 0) + 1);
        if (inside.get(unit) === 1) weight += matches.unitWeight(unit);
      }
    }
    if (weight > best.weight) best = { start: from, end: inWindow[last]?.word.end ?? from, weight };
    for (const unit of inWindow[first]?.units ?? []) {
      inside.set(unit, (inside.get(unit) ?? 0) - 1);
      if (inside.get(unit) === 0) weight -= matches.unitWeight(unit);
    }
  }
  // Start at the beginning of the word's run of non-space characters (an opening quote or bracket).
  let start = best.start;
  while (start > window.start && !/\s/.test(analyzed.fileText[start - 1] ?? '')) start--;
  return { start, end: best.end };
}
