import type { Passage } from '../corpus/passage.ts';
import {
  type AnalyzedPassage,
  type ConceptSpan,
  conceptTermsOf,
  documentOf,
  type PassageWord,
  type SeedDocument,
} from './analyzed-passage.ts';
import { TermHolders } from './term-holders.ts';

/**
 * The analyzed passages as stored beside the MiniSearch index, so that startup reads them instead of splitting
 * and analyzing the seeds again. Every term is written once, in `terms`, and referred to by its index: startup
 * parses numbers, not ten thousand repeated strings. A word is a run of numbers in `words`:
 * `start, end, count, term…` (its stem first).
 */
interface StoredAnalysis {
  terms: string[];
  passages: StoredPassage[];
  /** TermHolders' records. */
  rootHolders: Readonly<Record<string, readonly number[]>>;
  contextHolders: Readonly<Record<string, readonly number[]>>;
}

interface StoredPassage {
  passage: Passage;
  words: number[];
  /** `term, from, to` per concept span. */
  concepts: number[];
  context: number[];
  twins: string[];
}

/** Writes the analyzed passages and which of them hold each root and context term (TermHolders.of them). */
export function serializeAnalysis(analyzed: readonly AnalyzedPassage[], holders: TermHolders): string {
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
  return JSON.stringify({
    terms,
    passages,
    rootHolders: holders.roots,
    contextHolders: holders.context,
  } satisfies StoredAnalysis);
}

/**
 * Reads stored passages. Each passage is decoded on first use, part by part: a question touches a few dozen
 * passages (their terms for coverage, their words and concepts for excerpts), and start-up needs none of them.
 */
export function deserializeAnalysis(
  json: string,
  documents: ReadonlyMap<string, SeedDocument>,
): { analyzed: AnalyzedPassage[]; holders: TermHolders } {
  const { terms, passages, rootHolders, contextHolders } = JSON.parse(json) as StoredAnalysis;
  if (![terms, passages].every(Array.isArray) || ![rootHolders, contextHolders].every(isRecord))
    throw new Error('search: the analysis file is malformed');
  const term = (index: number | undefined) => terms[index ?? -1] ?? '';
  return {
    analyzed: passages.map((stored) => new StoredAnalyzedPassage(stored, documentOf(stored.passage, documents), term)),
    holders: new TermHolders(rootHolders, contextHolders),
  };
}

function isRecord(value: unknown): value is Record<string, readonly number[]> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An analyzed passage as stored, decoding each part the first time it is read. A class, so that every stored
 * passage has one shape (getters redefined on plain objects made each a slow dictionary object).
 */
class StoredAnalyzedPassage implements AnalyzedPassage {
  readonly passage: Passage;
  readonly entry: SeedDocument['entry'];
  readonly fileText: string;
  readonly twinIds: string[];
  private decodedWords: PassageWord[] | undefined;
  private decodedSpans: ConceptSpan[] | undefined;
  private decodedConcepts: string[] | undefined;
  private decodedTerms: ReadonlySet<string> | undefined;
  private decodedContext: ReadonlySet<string> | undefined;

  constructor(
    private readonly stored: StoredPassage,
    document: SeedDocument,
    private readonly term: (index: number | undefined) => string,
  ) {
    this.passage = stored.passage;
    this.entry = document.entry;
    this.fileText = document.text;
    this.twinIds = stored.twins;
  }

  get words(): PassageWord[] {
    this.decodedWords ??= decodeWords(this.stored.words, this.term);
    return this.decodedWords;
  }

  get conceptSpans(): ConceptSpan[] {
    if (!this.decodedSpans) {
      const { concepts } = this.stored;
      this.decodedSpans = [];
      for (let i = 0; i < concepts.length; i += 3)
        this.decodedSpans.push({ term: this.term(concepts[i]), from: concepts[i + 1] ?? 0, to: concepts[i + 2] ?? 0 });
    }
    return this.decodedSpans;
  }

  get conceptTerms(): string[] {
    this.decodedConcepts ??= conceptTermsOf(this.conceptSpans);
    return this.decodedConcepts;
  }

  get terms(): ReadonlySet<string> {
    if (!this.decodedTerms) {
      const { words } = this.stored;
      const wordTermIds = new Set<number>();
      for (let i = 0; i < words.length; i += 3 + (words[i + 2] ?? 0))
        for (let j = i + 3; j < i + 3 + (words[i + 2] ?? 0); j++) wordTermIds.add(words[j] ?? -1);
      this.decodedTerms = new Set([...Array.from(wordTermIds, this.term), ...this.conceptTerms]);
    }
    return this.decodedTerms;
  }

  get contextTerms(): ReadonlySet<string> {
    this.decodedContext ??= new Set(this.stored.context.map(this.term));
    return this.decodedContext;
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
