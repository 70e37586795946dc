import MiniSearch from 'minisearch';
import { stemmer } from 'stemmer';
import type { Translations } from '../corpus/translations.ts';
import type { RegisterEntry } from '../lexicon/lexicon.ts';
import type { AnalyzedPassage } from './analyzed-passage.ts';
import { Bm25Index, type Bm25QueryTerm, bm25Idf } from './bm25-index.ts';
import { FuzzyTerms } from './fuzzy-terms.ts';
import { followersOf } from './passage-layout.ts';

/** One passage's English, for the index. */
export interface EnglishPassage {
  id: number;
  text: string;
}

/** A passage the English text search found. */
export interface EnglishHit {
  ordinal: number;
  bm25: number;
  /** The question's stems found in the passage's English. */
  terms: string[];
}

/**
 * BM25 over the passages' unofficial English translations (see corpus/translations.ts), so an English question
 * worded away from the glossary still finds its passage. English analysis: lowercase words, stop words left
 * out, Porter stems (here, unlike the glossary lookup in text/english.ts, conflating derivations helps: the
 * question says "ratify", the text "ratification"). Built on the first English question: Arabic questions and
 * start-up never pay for it.
 */
export class EnglishTextIndex {
  private built: EnglishSearchIndex | undefined;
  private readonly sentenceCache = new Map<string, Array<{ start: number; stems: ReadonlySet<string> }>>();
  private readonly contextCache = new Map<number, ReadonlySet<string>>();
  private readonly followerCache = new Map<string, ReadonlyMap<string, ReadonlySet<string>>>();
  private lastStems: { question: string; stems: string[] } | undefined;
  private lastQuery:
    | { stems: readonly string[]; readings: ReadonlyMap<string, readonly string[]>; query: Bm25QueryTerm[] }
    | undefined;
  /** Plain words and two-word phrases, as `plainKey` stems them, and the stems of the formal words they mean. */
  private readonly formalByPlain = new Map<string, string[]>();
  /** True when any passage has an English translation to search. */
  readonly available: boolean;

  constructor(
    private readonly passages: readonly AnalyzedPassage[],
    private readonly translations: Translations,
    private readonly stopWords: ReadonlySet<string>,
    register: readonly RegisterEntry[] = [],
  ) {
    this.available = passages.some((analyzed) => translations.status.get(analyzed.passage.file) === 'current');
    for (const { formal, plain } of register) {
      for (const item of plain) {
        const key = plainKey(item.split(' '));
        this.formalByPlain.set(key, [...(this.formalByPlain.get(key) ?? []), stemmer(formal)]);
      }
    }
  }

  /** The English of a passage: its spans' translated sentences; empty when its file has no translation. */
  englishOf(analyzed: AnalyzedPassage): string {
    return analyzed.passage.spans
      .map((span) => this.translations.englishOf(analyzed.passage.file, span) ?? '')
      .join(' ')
      .trim();
  }

  /** The English of the translated sentences a range of a seed file overlaps; undefined when none is. */
  translationOf(file: string, range: { start: number; end: number }): string | undefined {
    return this.translations.englishOf(file, range);
  }

  /** The translated sentences of a passage with the stems of their English, in order. */
  sentenceStems(analyzed: AnalyzedPassage): Array<{ start: number; stems: ReadonlySet<string> }> {
    const { passage } = analyzed;
    let sentences = this.sentenceCache.get(passage.id);
    if (!sentences) {
      sentences = passage.spans
        .flatMap((span) => this.translations.sentencesIn(passage.file, span))
        .map((sentence) => ({ start: sentence.start, stems: new Set(this.stems(sentence.en)) }));
      this.sentenceCache.set(passage.id, sentences);
    }
    return sentences;
  }

  /**
   * The stems of the English of a passage's context: its document's title and the headings above it, as the
   * Arabic context is read (analyzed-passage.ts), but without a news paragraph's previous paragraph (on the
   * tuning half, counting it moved one question into the top three and another out).
   */
  contextStems(ordinal: number): ReadonlySet<string> {
    let stems = this.contextCache.get(ordinal);
    if (!stems) {
      const analyzed = this.passages[ordinal];
      const { file, context } = analyzed?.passage ?? { file: '', context: [] };
      const headings = context.map((heading) => this.translations.headingEnglish(file, heading) ?? '');
      stems = new Set(this.textStems([analyzed?.entry.title.en ?? '', ...headings].join('\n')));
      this.contextCache.set(ordinal, stems);
    }
    return stems;
  }

  /**
   * Each stem of a passage's English with the stems that follow it, stop words left out, for exact-phrase
   * evidence (ranker.ts): "first meeting", "member states", "cloud storage" standing together.
   */
  followers(analyzed: AnalyzedPassage): ReadonlyMap<string, ReadonlySet<string>> {
    let followers = this.followerCache.get(analyzed.passage.id);
    if (!followers) {
      followers = followersOf(this.textStems(this.englishOf(analyzed)).map((stem) => ({ stem, terms: [stem] })));
      this.followerCache.set(analyzed.passage.id, followers);
    }
    return followers;
  }

  /** The question's content stems, as the index analyzes them. */
  stems(question: string): string[] {
    // Search, confidence and excerpt ask for the same question's stems in turn.
    if (this.lastStems?.question !== question)
      this.lastStems = { question, stems: [...new Set(this.textStems(question))] };
    return this.lastStems.stems;
  }

  /** A text's content stems in order, as the index analyzes them (not kept, unlike a question's `stems`). */
  private textStems(text: string): string[] {
    return words(text).flatMap((word) => this.processTerm(word) ?? []);
  }

  /**
   * A question's `stems`, and its register readings (`readingsOf`) for the search: its words are split and
   * Porter-stemmed once for both.
   */
  questionStems(question: string): { stems: string[]; readings: ReadonlyMap<string, readonly string[]> } {
    const questionWords = this.wordsOf(question);
    const stems = [...new Set(questionWords.lower.flatMap((_, i) => questionWords.stemOf(i) ?? []))];
    return { stems, readings: this.readingsOf(questionWords) };
  }

  /**
   * A question's words in lower case, their Porter stems (each word stemmed once, although it is looked up alone
   * and in two phrases) and the term the index holds for each (`stemOf`: as `processTerm` gives it).
   */
  private wordsOf(question: string): QuestionWords {
    const lower = words(question).map((word) => word.toLowerCase());
    const porter = lower.map((word) => stemmer(word));
    return { lower, porter, stemOf: (i) => this.termOf(lower[i] ?? '', () => porter[i] ?? '') };
  }

  /**
   * The formal words the translations use for the question's plain ones (register.en.json), by the stem of the
   * question word they stand for: "set up" → establish, under `set`; "keep" → continu. Only formal stems some
   * translation holds. A two-word phrase of stop words alone ("go on") has no stem to stand under and is skipped.
   */
  private readingsOf({ lower, porter, stemOf }: QuestionWords): ReadonlyMap<string, readonly string[]> {
    const readings = new Map<string, string[]>();
    const add = (stem: string | null, formal: readonly string[] | undefined) => {
      const known = (formal ?? []).filter((reading) => reading !== stem && this.idf(reading) > 0);
      if (stem && known.length > 0) readings.set(stem, [...new Set([...(readings.get(stem) ?? []), ...known])]);
    };
    for (let i = 0; i < lower.length; i++) {
      const stem = stemOf(i);
      add(stem, this.formalByPlain.get(keyOfStems(porter.slice(i, i + 1))));
      if (i + 1 < lower.length) add(stem ?? stemOf(i + 1), this.formalByPlain.get(keyOfStems(porter.slice(i, i + 2))));
    }
    return readings;
  }

  /**
   * A question stem's weight: its IDF, or for a plain word the translations lack, the IDF of the rarest formal
   * word it stands for, so that "culprit" counts as known where the texts say "perpetrator".
   */
  stemWeight(stem: string, readings: ReadonlyMap<string, readonly string[]> = NO_READINGS): number {
    const idf = this.idf(stem);
    if (idf > 0) return idf;
    return Math.max(0, ...(readings.get(stem) ?? []).map((reading) => this.idf(reading)));
  }

  /**
   * Passages ranked by BM25 over their English for the question's stems (see `stems`), best first: the results of
   * MiniSearch's search with a fuzzy match for a possible typo, from bm25-index.ts and fuzzy-terms.ts.
   */
  search(
    stems: readonly string[],
    limit: number,
    readings: ReadonlyMap<string, readonly string[]> = NO_READINGS,
  ): EnglishHit[] {
    const { miniSearch, bm25, fuzzyTerms } = this.index();
    const query = stems.join(' ');
    if (query === '') return [];
    const terms = words(query);
    if (new Set(terms).size < terms.length) {
      // MiniSearch searches a repeated word twice; the stems are distinct words, so this is never met.
      return miniSearch
        .search(query, { combineWith: 'OR', processTerm: (term) => term, fuzzy: (term) => this.fuzziness(term) })
        .slice(0, limit)
        .map((result) => ({ ordinal: Number(result.id), bm25: result.score, terms: result.terms }));
    }
    const bm25Query = this.bm25Query(stems, fuzzyTerms, readings);
    return bm25
      .search(bm25Query, limit)
      .map((hit) => ({ ordinal: Number(hit.id), bm25: hit.score, terms: bm25.termsIn(hit.id, bm25Query) }));
  }

  /**
   * One passage's match, as `search` would find it, undefined when its English holds none of the stems: for a
   * passage the Arabic search found but the English search did not rank among its best.
   */
  matchOf(
    stems: readonly string[],
    ordinal: number,
    readings: ReadonlyMap<string, readonly string[]> = NO_READINGS,
  ): EnglishHit | undefined {
    const { bm25, fuzzyTerms } = this.index();
    const id = String(ordinal);
    const query = this.bm25Query(stems, fuzzyTerms, readings);
    const score = bm25.scoreOf(id, query);
    return score > 0 ? { ordinal, bm25: score, terms: bm25.termsIn(id, query) } : undefined;
  }

  /**
   * The stems as a BM25 query (the last question's, kept): a plain word with the formal words it stands for at
   * REGISTER_WEIGHT, else a word no translation holds with its fuzzy readings.
   */
  private bm25Query(
    stems: readonly string[],
    fuzzyTerms: FuzzyTerms,
    readings: ReadonlyMap<string, readonly string[]>,
  ): Bm25QueryTerm[] {
    // Asked for again for every candidate of one question, with the same stems and readings.
    if (this.lastQuery?.stems !== stems || this.lastQuery.readings !== readings) {
      const query = words(stems.join(' ')).map((term): Bm25QueryTerm => {
        const formal = readings.get(term);
        if (formal)
          return { term, boost: 1, fuzzy: formal.map((reading) => ({ term: reading, weight: REGISTER_WEIGHT })) };
        const fuzziness = this.fuzziness(term);
        return fuzziness ? { term, boost: 1, fuzzy: fuzzyTerms.near(term, fuzziness) } : { term, boost: 1 };
      });
      this.lastQuery = { stems, readings, query };
    }
    return this.lastQuery.query;
  }

  /** Only a word no translation holds is looked up as a possible typo (one or two edits): fuzzy matching costs. */
  private fuzziness(term: string): number | false {
    return this.mayBeTypo(term) ? TYPO_FUZZINESS : false;
  }

  private mayBeTypo(term: string): boolean {
    return term.length > 5 && this.idf(term) === 0;
  }

  /** BM25's IDF of a stem over the translated passages; 0 for a stem no passage holds. */
  idf(stem: string): number {
    const { miniSearch, bm25 } = this.index();
    // A stem is one word of the index (`words(stem)` is `[stem]`); anything else is counted as MiniSearch would
    // search it.
    const frequency = ONE_WORD.test(stem) ? bm25.documentFrequency(stem) : documentFrequency(miniSearch, stem);
    return frequency === 0 ? 0 : bm25Idf(Math.max(1, miniSearch.documentCount), frequency);
  }

  /** BM25's IDF of a stem only one passage holds: the weight of the rarest possible stem. */
  get maxIdf(): number {
    return bm25Idf(Math.max(1, this.index().miniSearch.documentCount), 1);
  }

  private readonly processTerm = (term: string): string | null => this.termOf(term.toLowerCase(), stemmer);

  /** A lowercase word as the index holds it: none for a stop word, else its Porter stem (`stem`) or itself. */
  private termOf(word: string, stem: (word: string) => string): string | null {
    if (this.stopWords.has(word)) return null;
    return /^[a-z]+$/.test(word) ? stem(word) : word;
  }

  private index(): EnglishSearchIndex {
    if (this.built) return this.built;
    const documents = this.passages.map((analyzed, id) => ({ id, text: this.englishOf(analyzed) }));
    this.built = buildEnglishSearchIndex(
      documents.filter((document) => document.text !== ''),
      this.processTerm,
    );
    return this.built;
  }
}

/** A question's words as `EnglishTextIndex.wordsOf` splits and stems them. */
interface QuestionWords {
  lower: string[];
  porter: string[];
  stemOf: (i: number) => string | null;
}

/** A formal word found for a plain one counts this share of its BM25 (a fuzzy reading's weight is lower). */
const REGISTER_WEIGHT = 0.8;
const NO_READINGS: ReadonlyMap<string, readonly string[]> = new Map();

/** The key of a plain word or two-word phrase: its words' Porter stems, stop words included ("set up"). */
function plainKey(plainWords: readonly string[]): string {
  return keyOfStems(plainWords.map((word) => stemmer(word.toLowerCase())));
}

function keyOfStems(stems: readonly string[]): string {
  return stems.join(' ');
}

/** A share of a word's length: the edits a possible typo may have (one for six letters, two from eight). */
const TYPO_FUZZINESS = 0.2;

/**
 * The English translations' index: built by MiniSearch (which also searches a question that repeats a word), read
 * into a Bm25Index for searching, and its terms in the order indexing met them for fuzzy matching.
 */
export interface EnglishSearchIndex {
  miniSearch: MiniSearch<EnglishPassage>;
  bm25: Bm25Index;
  fuzzyTerms: FuzzyTerms;
}

export function buildEnglishSearchIndex(
  documents: readonly EnglishPassage[],
  processTerm: (term: string) => string | null,
): EnglishSearchIndex {
  const indexingOrder = new Set<string>();
  const miniSearch = new MiniSearch<EnglishPassage>({
    fields: ['text'],
    tokenize: words,
    // MiniSearch adds each term to its tree as it meets it: the order is recorded for fuzzy-terms.ts.
    processTerm: (term) => {
      const processed = processTerm(term);
      if (processed) indexingOrder.add(processed);
      return processed;
    },
  });
  miniSearch.addAll(documents);
  return { miniSearch, bm25: Bm25Index.fromMiniSearch(miniSearch), fuzzyTerms: new FuzzyTerms(indexingOrder) };
}

/** How many passages hold the stem (MiniSearch finds them by an exact-term query). */
function documentFrequency(miniSearch: MiniSearch<EnglishPassage>, stem: string): number {
  return miniSearch.search(stem, { processTerm: (term) => term, fuzzy: false, prefix: false }).length;
}

/**
 * Words of an English text: runs of letters, or digits with the slashes and dots of numbers and symbols (74/247,
 * 24/7, 2.5). Hyphenated words are two words (entry-into-force, e-evidence).
 */
function words(text: string): string[] {
  return text.match(WORDS) ?? [];
}

const WORDS = /\p{N}+(?:[./]\p{N}+)*|\p{L}+/gu;
/** A text that is one word, whole. */
const ONE_WORD = /^(?:\p{N}+(?:[./]\p{N}+)*|\p{L}+)$/u;
