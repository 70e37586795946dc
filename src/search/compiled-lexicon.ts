import type { AnswerType, AnswerTypeRule, Lexicon, RegisterEntry, Topic } from '../lexicon/lexicon.ts';
import { type AnalyzerData, type StopWords, TextAnalyzer } from '../text/analyzer.ts';
import { normalizeArabic } from '../text/arabic-normalize.ts';
import type { CliticRules } from '../text/dialect-clitics.ts';
import { type PhraseMatch, PhraseMatcher, type WordTerms } from './phrase-matcher.ts';

/** Concept ids of glossary entries carry this prefix, keeping them apart from synonym-group ids. */
const GLOSSARY_CONCEPT = 'g:';

/** What an English glossary entry stands for in the Arabic text. */
export interface GlossaryMeaning {
  id: string;
  /** The Arabic terms, as written, shown to the user as "searched for". */
  ar: string[];
  /**
   * The entry's concept: passages are tagged with it where one of its Arabic terms occurs, or a term of a synonym
   * group that names a whole Arabic term of it. One class, so that an English word with many translations counts
   * as one query term (class-level term and document frequency), not as many.
   */
  conceptId: string;
}

/**
 * The lexicon with every phrase already analyzed into terms: what the index stores beside the passages, so
 * startup neither validates nor analyzes the curated data again when the index is fresh.
 */
export interface CompiledLexiconData {
  /** Arabic stop words: standard ones, and every dialect table's question, function and negation words. */
  stopwords: StopWords;
  clitics: CliticRules;
  topics: Topic[];
  answerTypes: Record<AnswerType, AnswerTypeRule>;
  /** Arabic phrase terms → concept id (synonym groups and glossary entries' Arabic terms). */
  concepts: Array<[string[], string]>;
  /** English phrase terms → index into `glossary`. */
  englishPhrases: Array<[string[], number]>;
  glossary: GlossaryMeaning[];
  /** Colloquial phrase terms → the standard Arabic they mean. */
  colloquial: Array<[string[], string]>;
  /** The dialects' possessive particles that are also standard nouns (مال، حق), normalized; see query-plan.ts. */
  possessives: string[];
  /** Plain English words and the formal ones the translations use (english-text-index.ts). */
  register: RegisterEntry[];
}

/** Words of a question that name concepts: one range, every concept whose phrase covers it exactly. */
export interface ConceptMatch {
  ids: string[];
  from: number;
  to: number;
}

/** An English glossary phrase found in a question. */
export interface GlossaryMatch {
  meaning: GlossaryMeaning;
  from: number;
  to: number;
}

/**
 * The curated lexicon turned into matchers over analyzed words. Concepts are synonym groups and glossary
 * entries: both are tagged in passages at index time (so a multi-word Arabic term counts only where the whole
 * phrase occurs), and both are recognised in questions. Built from the same analyzer as the index.
 */
export class CompiledLexicon {
  readonly textAnalyzer: TextAnalyzer;
  // Each matcher is built on first use: tagging passages needs every concept, but a question needs the synonym
  // groups (Arabic) or the glossary (English) only, and start-up should pay for neither.
  private readonly concepts = lazy(() => matcherOf(this.data.concepts));
  /** Synonym groups only: an Arabic question is matched against these, not against glossary translations. */
  private readonly synonyms = lazy(() =>
    matcherOf(this.data.concepts.filter(([, id]) => !id.startsWith(GLOSSARY_CONCEPT))),
  );
  private readonly glossary = lazy(() =>
    matcherOf(
      this.data.englishPhrases.flatMap(([terms, index]): Array<[string[], GlossaryMeaning]> => {
        const meaning = this.data.glossary[index];
        return meaning ? [[terms, meaning]] : [];
      }),
    ),
  );
  private readonly colloquial = lazy(() => matcherOf(this.data.colloquial));

  private constructor(readonly data: CompiledLexiconData) {
    this.textAnalyzer = new TextAnalyzer(data);
  }

  /** Analyzes every phrase of a validated lexicon (index build, or startup with a stale index). */
  static compile(lexicon: Lexicon): CompiledLexicon {
    const analyzerData = analyzerDataOf(lexicon);
    const analyzer = new TextAnalyzer(analyzerData);
    const termsOf = (phrase: string) => analyzer.stems(phrase);
    const synonymConcepts = lexicon.synonyms.flatMap((group) =>
      group.terms.map((term): [string[], string] => [termsOf(term), group.id]),
    );
    const synonymMatcher = matcherOf(synonymConcepts);
    // A glossary entry also stands for the synonym groups of its Arabic terms, but only groups that name a whole
    // term: `ولاية فريق الخبراء` (mandate) must not stand for every mention of the expert group.
    const glossaryConcepts = lexicon.glossary.flatMap((entry) => {
      const groups = new Set(
        entry.ar.flatMap((term) => {
          const words = analyzer
            .analyze(term)
            .filter((token) => !token.stop)
            .map((token) => analyzer.indexTerms(token));
          return synonymMatcher
            .findAll(words)
            .filter((match) => match.from === 0 && match.to === words.length)
            .map((match) => match.value);
        }),
      );
      const phrases = [
        ...entry.ar,
        ...lexicon.synonyms.filter((group) => groups.has(group.id)).flatMap((g) => g.terms),
      ];
      return [...new Set(phrases)].map((term): [string[], string] => [termsOf(term), GLOSSARY_CONCEPT + entry.id]);
    });
    return new CompiledLexicon({
      ...analyzerData,
      topics: lexicon.topics,
      answerTypes: lexicon.answerTypes,
      concepts: [...synonymConcepts, ...glossaryConcepts],
      englishPhrases: lexicon.glossary.flatMap((entry, index) =>
        entry.en.map((phrase): [string[], number] => [termsOf(phrase), index]),
      ),
      glossary: lexicon.glossary.map((entry) => ({
        id: entry.id,
        ar: entry.ar,
        conceptId: GLOSSARY_CONCEPT + entry.id,
      })),
      colloquial: lexicon.colloquial.flatMap((entry) =>
        entry.colloquial.flatMap((form) =>
          readingsOf(analyzer, form).map((terms): [string[], string] => [terms, entry.msa]),
        ),
      ),
      register: lexicon.register,
      possessives: [...new Set(lexicon.dialects.flatMap((table) => table.possessives.map(normalizeArabic)))],
    });
  }

  /** Rebuilds the matchers from stored compiled data. */
  static restore(data: CompiledLexiconData): CompiledLexicon {
    return new CompiledLexicon(data);
  }

  get topics(): Topic[] {
    return this.data.topics;
  }

  /** Every word term of the English glossary phrases, for correcting typos in English questions. */
  *englishTerms(): Iterable<[string, number]> {
    for (const term of this.englishWords()) yield [term, 1];
  }

  /** True when some English glossary phrase has this word term. */
  isEnglishTerm(term: string): boolean {
    return this.englishWords().has(term);
  }

  private readonly englishWords = lazy(() => new Set(this.data.englishPhrases.flatMap(([terms]) => terms)));

  /** True when the normalized word is a dialect possessive particle that is also a standard noun (مال، حق). */
  isPossessive(norm: string): boolean {
    return this.possessives().has(norm);
  }

  private readonly possessives = lazy(() => new Set(this.data.possessives));

  /** Distinct concept ids whose phrases occur in the words (each word given as its terms). */
  conceptsIn(words: ReadonlyArray<WordTerms>): string[] {
    return [
      ...new Set(
        this.concepts()
          .findAll(words)
          .map((match) => match.value),
      ),
    ];
  }

  /** Every concept occurrence with its word positions (overlaps allowed), for tagging passages. */
  conceptOccurrences(words: ReadonlyArray<WordTerms>): Array<PhraseMatch<string>> {
    // A number between a noun and its adjective does not break the phrase: البلدان الـ 196 الأعضاء are member states.
    const kept: number[] = [];
    words.forEach((terms, i) => {
      if (!NUMBER_TERM.test(terms[0] ?? '')) kept.push(i);
    });
    const found = this.concepts().findAll(words);
    if (kept.length === words.length) return found;
    // Phrases that hold a number themselves (24/7) are found with it; the others also without.
    const seen = new Set(found.map((match) => `${match.value} ${match.from} ${match.to}`));
    for (const match of this.concepts().findAll(kept.map((i) => words[i] ?? []))) {
      const span = { ...match, from: kept[match.from] ?? 0, to: (kept[match.to - 1] ?? 0) + 1 };
      const key = `${span.value} ${span.from} ${span.to}`;
      if (!seen.has(key)) found.push(span);
      seen.add(key);
    }
    return found.sort((a, b) => a.from - b.from || a.to - b.to);
  }

  /**
   * Synonym groups named in an Arabic question: longest phrases first, not overlapping, grouped by word range.
   * Glossary entries are left out: they translate English, and their Arabic terms would add conflations of their
   * own (مشروع draft in غير المشروعة illicit).
   */
  questionConcepts(words: ReadonlyArray<WordTerms>): ConceptMatch[] {
    const grouped = new Map<string, ConceptMatch>();
    for (const match of this.synonyms().findAll(words, true)) {
      const key = `${match.from}:${match.to}`;
      const group = grouped.get(key) ?? { ids: [], from: match.from, to: match.to };
      if (!group.ids.includes(match.value)) group.ids.push(match.value);
      grouped.set(key, group);
    }
    return [...grouped.values()];
  }

  /** Glossary entries for English words, longest phrase first, not overlapping. */
  glossaryMatches(words: ReadonlyArray<WordTerms>): GlossaryMatch[] {
    return this.glossary()
      .findAll(words, true)
      .map(({ value: meaning, from, to }) => ({ meaning, from, to }));
  }

  /** Colloquial phrases in the words with the standard Arabic they mean. */
  colloquialMatches(words: ReadonlyArray<WordTerms>): Array<PhraseMatch<string>> {
    return this.colloquial().findAll(words, true);
  }
}

/** Prepositions written joined to a dialect question word. */
export const QUESTION_PREPOSITIONS = ['ل', 'ب'] as const;

/** The stop words (standard and dialect) and the dialect clitics, as the analyzer takes them. */
function analyzerDataOf(lexicon: Lexicon): AnalyzerData {
  const dialectWords = lexicon.dialects.flatMap((table) => [
    ...table.questionWords,
    // With a preposition, a question word still asks (لمين for whom, بكام for how much, لشو what for).
    ...table.questionWords.flatMap((word) => QUESTION_PREPOSITIONS.map((preposition) => preposition + word)),
    ...table.functionWords,
    ...table.negation,
  ]);
  return {
    stopwords: { ar: lexicon.stopwords.ar, arColloquial: [...new Set(dialectWords)], en: lexicon.stopwords.en },
    clitics: {
      proclitics: [...new Set(lexicon.dialects.flatMap((table) => table.proclitics))],
      suffixes: [...new Set(lexicon.dialects.flatMap((table) => table.suffixes))],
    },
  };
}

function matcherOf<T>(phrases: ReadonlyArray<readonly [string[], T]>): PhraseMatcher<T> {
  const matcher = new PhraseMatcher<T>();
  for (const [terms, value] of phrases) matcher.add(terms, value);
  return matcher;
}

/** The value of `make`, computed on the first call only. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

/**
 * The ways a colloquial form may stand in a question, as stems: as analyzed alone, and, for a one-word form whose
 * first letter analysis reads as a conjunction or preposition, as analyzed with the article. Alone, ولاد reads as
 * و + لاد; a question's الولاد keeps the و.
 */
function readingsOf(analyzer: TextAnalyzer, form: string): string[][] {
  const alone = analyzer.stems(form);
  if (form.includes(' ') || !/^[وفبلك]/.test(form)) return [alone];
  const withArticle = analyzer.stems(`ال${form}`);
  return withArticle.join(' ') === alone.join(' ') ? [alone] : [alone, withArticle];
}

/** A word that is a number (its first term is its digits). */
const NUMBER_TERM = /^\d+$/;
