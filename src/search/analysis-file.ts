import type { Passage } from '../corpus/passage.ts';
import {
  type AnalyzedPassage,
  assemblePassage,
  type ConceptSpan,
  documentOf,
  type PassageWord,
  type SeedDocument,
} from './analyzed-passage.ts';

/**
 * The analyzed passages as stored beside the MiniSearch index, so that startup reads them instead of splitting
 * and analyzing the seeds again. Every term is written once, in `terms`, and referred to by its index: startup
 * parses numbers, not ten thousand repeated strings. A word is a run of numbers in `words`:
 * `start, end, count, term…` (its stem first).
 */
interface StoredAnalysis {
  terms: string[];
  passages: StoredPassage[];
}

interface StoredPassage {
  passage: Passage;
  words: number[];
  /** `term, from, to` per concept span. */
  concepts: number[];
  context: number[];
  twins: string[];
}

export function serializeAnalysis(analyzed: readonly AnalyzedPassage[]): string {
  const terms: string[] = [];
  const indexOf = new Map<string, number>();
  const id = (term: string) => {
    let index = indexOf.get(term);
    if (index === undefined) {
      index = terms.push(term) - 1;
      indexOf.set(term, index);
    }
    return index;
  };
  const passages = analyzed.map(
    (item): StoredPassage => ({
      passage: item.passage,
      words: item.words.flatMap((word) => [word.start, word.end, word.terms.length, ...word.terms.map(id)]),
      concepts: item.conceptSpans.flatMap((span) => [id(span.term), span.from, span.to]),
      context: [...item.contextTerms].map(id),
      twins: item.twinIds,
    }),
  );
  return JSON.stringify({ terms, passages } satisfies StoredAnalysis);
}

/**
 * Reads stored passages. A passage's words are decoded on first use (ranking and excerpts touch a dozen passages
 * per question); its term set, which the postings need for every passage at start-up, is decoded at once.
 */
export function deserializeAnalysis(json: string, documents: ReadonlyMap<string, SeedDocument>): AnalyzedPassage[] {
  const { terms, passages } = JSON.parse(json) as StoredAnalysis;
  if (!Array.isArray(terms) || !Array.isArray(passages)) throw new Error('search: the analysis file is malformed');
  const term = (index: number | undefined) => terms[index ?? -1] ?? '';
  return passages.map(({ passage, words, concepts, context, twins }) => {
    const spans: ConceptSpan[] = [];
    for (let i = 0; i < concepts.length; i += 3)
      spans.push({ term: term(concepts[i]), from: concepts[i + 1] ?? 0, to: concepts[i + 2] ?? 0 });
    const wordTermIds = new Set<number>();
    for (let i = 0; i < words.length; i += 3 + (words[i + 2] ?? 0))
      for (let j = i + 3; j < i + 3 + (words[i + 2] ?? 0); j++) wordTermIds.add(words[j] ?? -1);
    const analyzed = assemblePassage(
      passage,
      documentOf(passage, documents),
      [],
      spans,
      context.map(term),
      twins,
      Array.from(wordTermIds, term),
    );
    return new LazyWordsPassage(analyzed, () => decodeWords(words, term));
  });
}

/**
 * An analyzed passage whose words are decoded on first use. A class, so that every stored passage has one shape
 * with a `words` getter (redefining the property on a plain object turned each into a slow dictionary object).
 */
class LazyWordsPassage implements AnalyzedPassage {
  readonly passage: Passage;
  readonly entry: AnalyzedPassage['entry'];
  readonly fileText: string;
  readonly conceptSpans: ConceptSpan[];
  readonly conceptTerms: string[];
  readonly terms: ReadonlySet<string>;
  readonly twinIds: string[];
  readonly contextTerms: ReadonlySet<string>;
  private decoded: PassageWord[] | undefined;

  constructor(
    analyzed: Omit<AnalyzedPassage, 'words'>,
    private readonly decode: () => PassageWord[],
  ) {
    this.passage = analyzed.passage;
    this.entry = analyzed.entry;
    this.fileText = analyzed.fileText;
    this.conceptSpans = analyzed.conceptSpans;
    this.conceptTerms = analyzed.conceptTerms;
    this.terms = analyzed.terms;
    this.twinIds = analyzed.twinIds;
    this.contextTerms = analyzed.contextTerms;
  }

  get words(): PassageWord[] {
    this.decoded ??= this.decode();
    return this.decoded;
  }
}

function decodeWords(words: readonly number[], term: (index: number | undefined) => string): PassageWord[] {
  const decoded: PassageWord[] = [];
  for (let i = 0; i < words.length; ) {
    const count = words[i + 2] ?? 0;
    const wordTerms = words.slice(i + 3, i + 3 + count).map(term);
    decoded.push({ start: words[i] ?? 0, end: words[i + 1] ?? 0, stem: wordTerms[0] ?? '', terms: wordTerms });
    i += 3 + count;
  }
  return decoded;
}
