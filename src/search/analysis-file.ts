import type { Passage } from '../corpus/passage.ts';
import {
  type AnalyzedPassage,
  assemblePassage,
  type ConceptSpan,
  documentOf,
  type SeedDocument,
} from './analyzed-passage.ts';

/**
 * The analyzed passages as stored beside the MiniSearch index, so that startup reads them instead of
 * splitting and analyzing the seeds again. Words are compact tuples: `[start, end, stem, ...other terms]`.
 */
interface StoredPassage {
  passage: Passage;
  words: Array<[number, number, string, ...string[]]>;
  concepts: Array<[string, number, number]>;
  context: string[];
  twins: string[];
}

export function serializeAnalysis(analyzed: readonly AnalyzedPassage[]): string {
  const stored: StoredPassage[] = analyzed.map((item) => ({
    passage: item.passage,
    words: item.words.map((word) => [word.start, word.end, word.stem, ...word.terms.slice(1)]),
    concepts: item.conceptSpans.map((span) => [span.term, span.from, span.to]),
    context: [...item.contextTerms],
    twins: item.twinIds,
  }));
  return JSON.stringify(stored);
}

export function deserializeAnalysis(json: string, documents: ReadonlyMap<string, SeedDocument>): AnalyzedPassage[] {
  const stored = JSON.parse(json) as StoredPassage[];
  return stored.map(({ passage, words, concepts, context, twins }) =>
    assemblePassage(
      passage,
      documentOf(passage, documents),
      words.map((word) => ({ start: word[0], end: word[1], stem: word[2], terms: word.slice(2) as string[] })),
      concepts.map(([term, from, to]): ConceptSpan => ({ term, from, to })),
      context,
      twins,
    ),
  );
}
