import MiniSearch from 'minisearch';
import { stemmer } from 'stemmer';
import type { Translations } from '../corpus/translations.ts';
import type { AnalyzedPassage } from './analyzed-passage.ts';
import { Bm25Index, bm25Idf } from './bm25-index.ts';

/** One passage's English, for the index. */
interface EnglishPassage {
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
  /** MiniSearch, for a question with a possible typo (fuzzy search), and the same index read for plain BM25. */
  private built: { miniSearch: MiniSearch<EnglishPassage>; bm25: Bm25Index } | undefined;
  private readonly sentenceCache = new Map<string, Array<{ start: number; stems: ReadonlySet<string> }>>();
  private lastStems: { question: string; stems: string[] } | undefined;
  /** True when any passage has an English translation to search. */
  readonly available: boolean;

  constructor(
    private readonly passages: readonly AnalyzedPassage[],
    private readonly translations: Translations,
    private readonly stopWords: ReadonlySet<string>,
  ) {
    this.available = passages.some((analyzed) => translations.status.get(analyzed.passage.file) === 'current');
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

  /** The question's content stems, as the index analyzes them. */
  stems(question: string): string[] {
    // Search, confidence and excerpt ask for the same question's stems in turn.
    if (this.lastStems?.question !== question) {
      const stems = [...new Set(words(question).flatMap((word) => this.processTerm(word) ?? []))];
      this.lastStems = { question, stems };
    }
    return this.lastStems.stems;
  }

  /** Passages ranked by BM25 over their English for the question's stems (see `stems`), best first. */
  search(stems: readonly string[], limit: number): EnglishHit[] {
    const { miniSearch, bm25 } = this.index();
    const query = stems.join(' ');
    if (query === '') return [];
    const terms = words(query);
    if (new Set(terms).size === terms.length && !terms.some((term) => this.mayBeTypo(term))) {
      const boosts = new Map(terms.map((term) => [term, 1]));
      return bm25
        .search(boosts, limit)
        .map((hit) => ({ ordinal: Number(hit.id), bm25: hit.score, terms: bm25.termsIn(hit.id, terms) }));
    }
    return miniSearch
      .search(query, {
        combineWith: 'OR',
        processTerm: (term) => term,
        fuzzy: (term) => (this.mayBeTypo(term) ? 0.2 : false),
      })
      .slice(0, limit)
      .map((result) => ({ ordinal: Number(result.id), bm25: result.score, terms: result.terms }));
  }

  /**
   * Only a word no translation holds is looked up as a possible typo (one or two edits), with MiniSearch's fuzzy
   * search: it is the cost, so every other question is searched by plain BM25 (the same results, faster).
   */
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

  private readonly processTerm = (term: string): string | null => {
    const word = term.toLowerCase();
    if (this.stopWords.has(word)) return null;
    return /^[a-z]+$/.test(word) ? stemmer(word) : word;
  };

  private index() {
    if (this.built) return this.built;
    const miniSearch = new MiniSearch<EnglishPassage>({
      fields: ['text'],
      tokenize: words,
      processTerm: this.processTerm,
    });
    const documents = this.passages.map((analyzed, id) => ({ id, text: this.englishOf(analyzed) }));
    miniSearch.addAll(documents.filter((document) => document.text !== ''));
    this.built = { miniSearch, bm25: Bm25Index.fromMiniSearch(miniSearch) };
    return this.built;
  }
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
