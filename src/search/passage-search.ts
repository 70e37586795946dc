import { type AnalyzedPassage, CONCEPT_PREFIX, type ConceptSpan } from './analyzed-passage.ts';
import { type Bm25Index, bm25Idf } from './bm25-index.ts';
import type { CompiledLexicon } from './compiled-lexicon.ts';
import type { EnglishHit, EnglishTextIndex } from './english-text-index.ts';
import { cutExcerpt, type ExcerptWindow } from './excerpt-window.ts';
import { PassageLayouts } from './passage-layout.ts';
import { PlainTextIndex } from './plain-text-index.ts';
import { planQuery, type QueryPlan, type QueryUnit, type Vocabulary } from './query-plan.ts';
import { type Candidate, type Followers, type RankedPassage, rankCandidates } from './ranker.ts';
import { TermHolders } from './term-holders.ts';
import { TypoVocabulary } from './typo-vocabulary.ts';
import { CONTEXT_CREDIT, type TermSources, unitCredits } from './unit-credit.ts';

/**
 * How many BM25 candidates the ranker looks at. BM25 over a few common units (INTERPOL, member states) ranks
 * dozens of passages alike; the reranker's coverage needs to see past the first twenty to find the one that
 * answers (30 gains on the tuning half and round 1; 60 barely more, for twice the reranking).
 */
const CANDIDATES = 30;
/** How many of the best plain-text matches lend their score to the candidates, for an Arabic question. */
const PLAIN_CANDIDATES = 30;
/**
 * … and the share of plain search's best score a passage the analysis did not find needs to join them: below
 * it, none ranked among the quoted excerpts for any evaluation question (every rank was the same), and each
 * candidate costs reranking.
 */
const PLAIN_JOIN_SHARE = 0.6;
/** How many of the best English-text matches join them, for an English question. */
const ENGLISH_CANDIDATES = 10;
/** A term held by more than this share of passages is left out of the BM25 query (see searchTermWeights). */
const COMMON_TERM_SHARE = 0.2;

/**
 * Search over the analyzed passages: plans a question into units, retrieves BM25 candidates from the index
 * MiniSearch built (one term per unit: its class; see bm25-index.ts), reranks them by coverage and cuts excerpts.
 */
export class PassageSearch {
  /** Each passage's sentences, word positions and adjacent pairs, for ranking and excerpts. */
  private readonly layouts = new PassageLayouts();
  private readonly typos: TypoVocabulary;
  private readonly englishTypos: TypoVocabulary;
  private readonly plain: PlainTextIndex;
  /** Which passages hold each term, for coverage credit (unit-credit.ts). */
  private readonly termSources: TermSources;

  constructor(
    readonly passages: readonly AnalyzedPassage[],
    readonly index: Bm25Index,
    readonly lexicon: CompiledLexicon,
    /** Search over the passages' English translations, for English questions; none without translations. */
    readonly english?: EnglishTextIndex,
    /** The plain index over the passages' words (SearchData.plain); built on the first Arabic question without. */
    plainIndex?: Bm25Index,
    /** Which passages hold each root and context term (SearchData.holders); read from the passages without. */
    private readonly holders: TermHolders = TermHolders.of(passages),
  ) {
    // The index's terms are the passages' word and concept terms (roots are left out of it, and no question term
    // is a root): its postings say which passages hold a question's term, and its document frequencies are what
    // planning and the typo vocabulary need. MiniSearch numbers documents as they are added, so an index built
    // from the passages numbers them as their ordinals, and its postings and results are lists of ordinals.
    if (index.documentIds.some((id, document) => passages[document]?.passage.id !== id)) {
      throw new Error('The search index does not list the passages in their order: rebuild it (npm run build:index)');
    }
    if (new Set(passages.map((analyzed) => analyzed.passage.id)).size !== passages.length) {
      throw new Error('search: two passages have the same id');
    }
    this.termSources = {
      passageCount: passages.length,
      withTerm: (term) => index.holders(term),
      withContext: (term) => holders.withContext(term),
      withRoot: (root) => holders.withRoot(root),
    };
    this.typos = new TypoVocabulary(() => index.documentFrequencies());
    this.englishTypos = new TypoVocabulary(() => lexicon.englishTerms());
    this.plain = new PlainTextIndex(passages, plainIndex);
    this.medianWords = median(passages.map((analyzed) => analyzed.words.length));
  }

  /** How many content words the median passage has (the ranker's pivot for long passages). */
  private readonly medianWords: number;

  /** True when some passage holds the term. */
  readonly knownTerm = (term: string): boolean => this.index.documentFrequency(term) > 0;

  private readonly vocabulary: Vocabulary = {
    known: this.knownTerm,
    nearest: (term) => this.typos.nearest(term),
    nearestEnglish: (term) => this.englishTypos.nearest(term),
  };

  private readonly followers: Followers = (analyzed) => this.layouts.of(analyzed).followers;

  /** Analyzes a question into query units. */
  plan(question: string, lang: 'ar' | 'en'): QueryPlan {
    const tokens = this.lexicon.textAnalyzer.analyzeQuestion(question);
    const plan = planQuery(tokens, lang, this.lexicon, this.vocabulary);
    // Analyzed once here for the search, the confidence and the excerpt.
    if (lang !== 'en' || !this.english?.available) return plan;
    const { stems, readings } = this.english.questionStems(plan.words.join(' '));
    // The phrase evidence of an English question is its stems standing together in a passage's English.
    return { ...plan, englishStems: stems, englishReadings: readings, phrase: stems };
  }

  /** Passages ranked best first (near-identical ones folded together), at most `limit`. */
  search(plan: QueryPlan, limit: number): RankedPassage[] {
    const boosts = this.searchTermWeights(plan);
    const query = [...boosts].map(([term, boost]) => ({ term, boost }));
    // Results by short id, which is the passage's ordinal (see the constructor): no id is looked up.
    const results = query.length === 0 ? [] : this.index.searchDocuments(query, CANDIDATES);
    const candidates = results.flatMap(({ document: ordinal, score }): Candidate[] => {
      const analyzed = this.passages[ordinal];
      return analyzed ? [{ analyzed, ordinal, bm25: score }] : [];
    });
    if (plan.lang === 'en') this.addEnglishMatches(plan, candidates);
    else this.addPlainMatches(plan, candidates);
    if (candidates.length === 0) return [];
    const weights = plan.units.map((unit) => this.unitWeight(unit));
    const credits = unitCredits(
      plan.units,
      candidates.map((candidate) => candidate.ordinal),
      this.termSources,
    );
    const english = this.english;
    const followers: Followers =
      plan.lang === 'en' && english?.available ? (analyzed) => english.followers(analyzed) : this.followers;
    return rankCandidates(plan, candidates, weights, followers, credits, this.medianWords).slice(0, limit);
  }

  /**
   * An English question also searches the passages' English translations: every candidate gets its English
   * match (a candidate without one would lose the English half of its score only for being ranked past a cut),
   * and the best English matches the glossary path missed join the candidates.
   */
  private addEnglishMatches(plan: QueryPlan, candidates: Candidate[]): void {
    const english = this.english;
    if (!english?.available) return;
    const stems = plan.englishStems ?? [];
    const readings = plan.englishReadings;
    const total = stems.reduce((sum, stem) => sum + english.stemWeight(stem, readings), 0);
    if (total === 0) return;
    const byOrdinal = this.byOrdinal(candidates);
    // Each stem's IDF, looked up once for all the candidates (a hit's terms may also be a typo's reading).
    const idfs = new Map(stems.map((stem) => [stem, english.idf(stem)]));
    const idf = (stem: string) => idfs.get(stem) ?? english.idf(stem);
    const toMatch = (hit: EnglishHit) => {
      // A stem only the passage's headings hold counts as a unit only its context holds does in Arabic.
      const context = english.contextStems(hit.ordinal);
      let inContext = 0;
      for (const stem of stems) {
        if (context.has(stem) && !hit.terms.includes(stem)) inContext += CONTEXT_CREDIT * idf(stem);
      }
      const inText = hit.terms.reduce((sum, stem) => sum + idf(stem), 0);
      // A typo's match (electronik → electron) counts, so the share is capped at the whole question.
      return { bm25: hit.bm25, coverage: Math.min(1, (inText + inContext) / total), stems: hit.terms };
    };
    for (const hit of english.search(stems, ENGLISH_CANDIDATES, readings)) {
      const candidate = byOrdinal.get(hit.ordinal);
      const analyzed = this.passages[hit.ordinal];
      if (candidate) candidate.english = toMatch(hit);
      else if (analyzed) candidates.push({ analyzed, ordinal: hit.ordinal, bm25: 0, english: toMatch(hit) });
    }
    // A candidate past the English search's best gets its English match all the same.
    for (const [ordinal, candidate] of byOrdinal) {
      if (candidate.english) continue;
      const hit = english.matchOf(stems, ordinal, readings);
      if (hit) candidate.english = toMatch(hit);
    }
  }

  /**
   * An Arabic question is also matched word for word, light-stemmed (plain-text-index.ts): every candidate the
   * plain search ranks among its best gets its share, and the best of those the analysis missed join them.
   */
  private addPlainMatches(plan: QueryPlan, candidates: Candidate[]): void {
    const byOrdinal = this.byOrdinal(candidates);
    for (const { ordinal, share } of this.plain.search(plan.words, PLAIN_CANDIDATES)) {
      const candidate = byOrdinal.get(ordinal);
      const analyzed = this.passages[ordinal];
      if (candidate) candidate.plain = share;
      else if (analyzed && share >= PLAIN_JOIN_SHARE) candidates.push({ analyzed, ordinal, bm25: 0, plain: share });
    }
  }

  /** The candidates by their passages' ordinals, for the English and plain matches to find them. */
  private byOrdinal(candidates: readonly Candidate[]): Map<number, Candidate> {
    return new Map(candidates.map((candidate) => [candidate.ordinal, candidate]));
  }

  /**
   * The terms sent to MiniSearch with their boosts: terms the index knows, and not the ones most passages
   * hold (الاتفاقية، الدول) unless nothing rarer is asked. Common terms barely move BM25 but make nearly every
   * passage a result to score; coverage still counts them.
   */
  private searchTermWeights(plan: QueryPlan): Map<string, number> {
    const known = new Map<string, number>();
    // Each term's document frequency is looked up once, for whether it is known and whether it is rare.
    const common = new Set<string>();
    const maxFrequency = COMMON_TERM_SHARE * this.passages.length;
    for (const unit of plan.units) {
      for (const term of unit.terms) {
        const frequency = this.index.documentFrequency(term);
        if (frequency === 0) continue;
        known.set(term, Math.max(known.get(term) ?? 0, unit.weight));
        if (frequency > maxFrequency) common.add(term);
      }
    }
    const rare = new Map([...known].filter(([term]) => !common.has(term)));
    return rare.size > 0 ? rare : known;
  }

  /** How many passages hold any of the unit's terms. */
  unitFrequency(unit: QueryUnit): number {
    return Math.max(0, ...unit.terms.map((term) => this.index.documentFrequency(term)));
  }

  /** Each question unit's weight, once computed (see unitWeight). */
  private readonly unitWeights = new WeakMap<QueryUnit, number>();

  /**
   * A unit's weight for coverage: its planned weight times its IDF over passages. A unit no passage holds in any
   * of its forms weighs by its root's IDF when some passage holds the root (a colloquial تتسجل, whose stem no
   * passage has, is still a question about لتسجيل, and the root credit must count); else 0.
   */
  readonly unitWeight = (unit: QueryUnit): number => {
    // Asked for again by every excerpt and by the confidence: a unit's weight is computed once.
    let weight = this.unitWeights.get(unit);
    if (weight === undefined) {
      const frequency = this.unitFrequency(unit) || this.rootFrequency(unit);
      weight = frequency === 0 ? 0 : unit.weight * bm25Idf(this.passages.length, frequency);
      this.unitWeights.set(unit, weight);
    }
    return weight;
  };

  /** How many passages hold one of the unit's roots (the most for any one root). */
  private rootFrequency(unit: QueryUnit): number {
    return Math.max(0, ...unit.roots.map((root) => this.holders.withRoot(root).length));
  }

  /** The IDF a unit would have if a single passage held it: the weight of the rarest possible term. */
  get maxIdf(): number {
    return bm25Idf(this.passages.length, 1);
  }

  /**
   * The excerpt to quote from a ranked passage, highlighting the words that matched the question. Words the
   * user typed count more than their synonyms, so the excerpt keeps the sentence with the user's own words.
   */
  excerpt(ranked: RankedPassage): ExcerptWindow {
    const { analyzed, matched } = ranked;
    const unitsByTerm = new Map<string, number[]>();
    const add = (term: string, u: number) => {
      const units = unitsByTerm.get(term);
      if (!units) unitsByTerm.set(term, [u]);
      else if (!units.includes(u)) units.push(u);
    };
    // One typed word of a several-word concept (الأطفال of حماية الأطفال) is not the concept: it only tells which
    // words of the concept's span the user typed.
    const typedOnly = new Set<string>();
    matched.forEach((unit, u) => {
      for (const term of unit.terms) add(term, u);
      for (const term of unit.typedTerms) {
        if (unit.typedTerms.length > 1 && !unit.terms.includes(term)) typedOnly.add(term);
        else add(term, u);
      }
    });
    // By word index; most words match nothing and share one empty list.
    const unitsOfWord: number[][] = new Array(analyzed.words.length);
    const typedWords = new Set<number>();
    const mark = (i: number, u: number) => {
      const units = unitsOfWord[i];
      if (!units) unitsOfWord[i] = [u];
      else if (!units.includes(u)) units.push(u);
    };
    const layout = this.layouts.of(analyzed);
    for (const term of typedOnly) for (const i of layout.wordsByTerm.get(term) ?? NO_WORDS) typedWords.add(i);
    for (const [term, units] of unitsByTerm) {
      // A concept term stands for spans of words, any other term for single words.
      if (term.startsWith(CONCEPT_PREFIX)) {
        for (const span of layout.spansByTerm.get(term) ?? NO_SPANS)
          for (const u of units) for (let i = span.from; i < span.to; i++) mark(i, u);
        continue;
      }
      for (const i of layout.wordsByTerm.get(term) ?? NO_WORDS)
        for (const u of units) {
          mark(i, u);
          if (matched[u]?.typedTerms.includes(term)) typedWords.add(i);
        }
    }
    const weights = matched.map((unit) => this.unitWeight(unit));
    // An English question's words found in a sentence's English make that sentence a match too.
    const sentenceUnits: Array<{ start: number; units: number[] }> = [];
    const stems = ranked.english?.stems ?? [];
    if (this.english && stems.length > 0) {
      for (const sentence of this.english.sentenceStems(analyzed)) {
        const units = stems.flatMap((stem, k) => (sentence.stems.has(stem) ? [matched.length + k] : []));
        if (units.length > 0) sentenceUnits.push({ start: sentence.start, units });
      }
      for (const stem of stems) weights.push(this.english.idf(stem));
    }
    return cutExcerpt(
      analyzed,
      {
        unitsOfWord: (i) => unitsOfWord[i] ?? NO_UNITS,
        matchedWords: indicesOf(unitsOfWord),
        typed: (i) => typedWords.has(i),
        unitWeight: (u) => weights[u] ?? 0,
        sentenceUnits,
      },
      layout,
    );
  }
}

const NO_UNITS: readonly number[] = [];
const NO_WORDS: readonly number[] = [];
const NO_SPANS: readonly ConceptSpan[] = [];

/** The indices a sparse array holds, ascending (forEach skips the holes). */
function indicesOf(sparse: readonly unknown[]): number[] {
  const indices: number[] = [];
  sparse.forEach((_, i) => {
    indices.push(i);
  });
  return indices;
}

/** The middle value (the upper one of an even count); 0 for none. */
function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
}
