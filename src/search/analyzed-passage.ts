import type { CatalogEntry } from '../corpus/catalog.ts';
import { type Passage, passageText } from '../corpus/passage.ts';
import type { TextAnalyzer } from '../text/analyzer.ts';
import type { CompiledLexicon } from './compiled-lexicon.ts';
import type { WordTerms } from './phrase-matcher.ts';

/** A content word of a passage: where it stands in the seed file and the terms it is indexed under. */
export interface PassageWord {
  start: number;
  end: number;
  stem: string;
  /** Stem first, then the other index terms. */
  terms: WordTerms;
}

/** Where a concept (synonym group) occurs in a passage, as a word index range `[from, to)`. */
export interface ConceptSpan {
  term: string;
  from: number;
  to: number;
}

/** A passage with its words analyzed once, shared by the index builder, the ranker and the excerpt cutter. */
export interface AnalyzedPassage {
  passage: Passage;
  entry: CatalogEntry;
  fileText: string;
  /** Content words in order (stop words left out), offsets into the seed file. */
  words: PassageWord[];
  /** Where each concept occurs, for coverage and for highlighting synonyms. */
  conceptSpans: ConceptSpan[];
  /** Distinct concept terms (`~id`) of the passage. */
  conceptTerms: string[];
  /** Every term of the passage (word terms and concept terms), for coverage checks. */
  terms: ReadonlySet<string>;
  /** Ids of near-identical passages (see twins.ts), shown once with all their citations. */
  twinIds: string[];
  /**
   * Terms of the text that situates the passage: document title, section headings and, in news, the paragraph
   * before (a quote that starts "وقالت:" is about the person named just above it).
   */
  contextTerms: ReadonlySet<string>;
}

/** Prefix that keeps concept terms apart from word terms in the index. */
export const CONCEPT_PREFIX = '~';

export interface SeedDocument {
  entry: CatalogEntry;
  text: string;
}

/** Analyzes every passage of the corpus; the order of the result is the order of `passages`. */
export function analyzePassages(
  passages: readonly Passage[],
  documents: ReadonlyMap<string, SeedDocument>,
  lexicon: CompiledLexicon,
): AnalyzedPassage[] {
  const analyzer = lexicon.textAnalyzer;
  return passages.map((passage, ordinal) => {
    const document = documentOf(passage, documents);
    const words: PassageWord[] = passage.spans.flatMap((span) =>
      contentWords(analyzer, document.text.slice(span.start, span.end)).map((word) => ({
        ...word,
        start: span.start + word.start,
        end: span.start + word.end,
      })),
    );
    const conceptSpans = lexicon
      .conceptOccurrences(words.map((word) => word.terms))
      .map((match) => ({ term: CONCEPT_PREFIX + match.value, from: match.from, to: match.to }));
    const previous = passages[ordinal - 1];
    const newsLike = document.entry.kind === 'news' || document.entry.kind === 'press-release';
    const contextParts = [document.entry.title.ar, ...passage.context];
    if (newsLike && previous?.file === passage.file) contextParts.push(passageText(previous, document.text));
    const contextWords = contentWords(analyzer, contextParts.join('\n')).map((word) => word.terms);
    const contextTerms = [...contextWords.flat(), ...lexicon.conceptsIn(contextWords).map((id) => CONCEPT_PREFIX + id)];
    return assemblePassage(passage, document, words, conceptSpans, contextTerms);
  });
}

/** Puts an analyzed passage together from its parts. */
export function assemblePassage(
  passage: Passage,
  document: SeedDocument,
  words: PassageWord[],
  conceptSpans: ConceptSpan[],
  contextTerms: Iterable<string>,
): AnalyzedPassage {
  const conceptTerms = conceptTermsOf(conceptSpans);
  return {
    passage,
    entry: document.entry,
    fileText: document.text,
    words,
    conceptSpans,
    conceptTerms,
    terms: new Set([...words.flatMap((word) => word.terms), ...conceptTerms]),
    twinIds: [],
    contextTerms: new Set(contextTerms),
  };
}

/** The distinct concept terms of a passage's concept spans, in order of first occurrence. */
export function conceptTermsOf(conceptSpans: readonly ConceptSpan[]): string[] {
  return [...new Set(conceptSpans.map((span) => span.term))];
}

export function documentOf(passage: Passage, documents: ReadonlyMap<string, SeedDocument>): SeedDocument {
  const document = documents.get(passage.file);
  if (!document) throw new Error(`search: passage ${passage.id} names an unknown file`);
  return document;
}

function contentWords(analyzer: TextAnalyzer, text: string): PassageWord[] {
  return analyzer
    .analyze(text)
    .filter((token) => !token.stop)
    .map((token) => ({
      start: token.start,
      end: token.end,
      stem: token.stem,
      terms: analyzer.indexTerms(token),
    }));
}
