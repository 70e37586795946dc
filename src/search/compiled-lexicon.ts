import type { Lexicon, Topic } from '../lexicon/lexicon.ts';
import { type StopWords, TextAnalyzer } from '../text/analyzer.ts';
import { type PhraseMatch, PhraseMatcher, type WordTerms } from './phrase-matcher.ts';

/** Concept ids of glossary entries carry this prefix, keeping them apart from synonym-group ids. */
const GLOSSARY_CONCEPT = 'g:';

/** What an English glossary entry stands for in the Arabic text. */
export interface GlossaryMeaning {
  id: string;
  /** The Arabic terms, as written, shown to the user as "searched for". */
  ar: string[];
  /** The entry's own concept and the synonym groups that name a whole Arabic term of it. */
  conceptIds: string[];
}

/**
 * The lexicon with every phrase already analyzed into terms: what the index stores beside the passages, so
 * startup neither validates nor analyzes the curated data again when the index is fresh.
 */
export interface CompiledLexiconData {
  stopwords: StopWords;
  topics: Topic[];
  /** Arabic phrase terms → concept id (synonym groups and glossary entries' Arabic terms). */
  concepts: Array<[string[], string]>;
  /** English phrase terms → index into `glossary`. */
  englishPhrases: Array<[string[], number]>;
  glossary: GlossaryMeaning[];
  /** Colloquial phrase terms → the standard Arabic they mean. */
  colloquial: Array<[string[], string]>;
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
  private readonly concepts = new PhraseMatcher<string>();
  private readonly glossary = new PhraseMatcher<GlossaryMeaning>();
  private readonly colloquial = new PhraseMatcher<string>();
  readonly textAnalyzer: TextAnalyzer;

  private constructor(readonly data: CompiledLexiconData) {
    this.textAnalyzer = new TextAnalyzer(data.stopwords);
    for (const [terms, id] of data.concepts) this.concepts.add(terms, id);
    for (const [terms, index] of data.englishPhrases) {
      const meaning = data.glossary[index];
      if (meaning) this.glossary.add(terms, meaning);
    }
    for (const [terms, msa] of data.colloquial) this.colloquial.add(terms, msa);
  }

  /** Analyzes every phrase of a validated lexicon (index build, or startup with a stale index). */
  static compile(lexicon: Lexicon): CompiledLexicon {
    const analyzer = new TextAnalyzer(lexicon.stopwords);
    const termsOf = (phrase: string) => analyzer.stems(phrase);
    const concepts: Array<[string[], string]> = [
      ...lexicon.synonyms.flatMap((group) => group.terms.map((term): [string[], string] => [termsOf(term), group.id])),
      ...lexicon.glossary.flatMap((entry) =>
        entry.ar.map((term): [string[], string] => [termsOf(term), GLOSSARY_CONCEPT + entry.id]),
      ),
    ];
    const synonymMatcher = new PhraseMatcher<string>();
    for (const [terms, id] of concepts) if (!id.startsWith(GLOSSARY_CONCEPT)) synonymMatcher.add(terms, id);
    // A glossary entry stands for the synonym groups of its Arabic terms, but only groups that name a whole
    // term: `ولاية فريق الخبراء` (mandate) must not stand for every mention of the expert group.
    const glossary = lexicon.glossary.map((entry): GlossaryMeaning => {
      const groups = entry.ar.flatMap((term) => {
        const words = analyzer
          .analyze(term)
          .filter((token) => !token.stop)
          .map((token) => analyzer.indexTerms(token));
        return synonymMatcher
          .findAll(words)
          .filter((match) => match.from === 0 && match.to === words.length)
          .map((match) => match.value);
      });
      return { id: entry.id, ar: entry.ar, conceptIds: [GLOSSARY_CONCEPT + entry.id, ...new Set(groups)] };
    });
    return new CompiledLexicon({
      stopwords: lexicon.stopwords,
      topics: lexicon.topics,
      concepts,
      englishPhrases: lexicon.glossary.flatMap((entry, index) =>
        entry.en.map((phrase): [string[], number] => [termsOf(phrase), index]),
      ),
      glossary,
      colloquial: lexicon.colloquial.flatMap((entry) =>
        entry.colloquial.map((form): [string[], string] => [termsOf(form), entry.msa]),
      ),
    });
  }

  /** Rebuilds the matchers from stored compiled data. */
  static restore(data: CompiledLexiconData): CompiledLexicon {
    return new CompiledLexicon(data);
  }

  get topics(): Topic[] {
    return this.data.topics;
  }

  /** Distinct concept ids whose phrases occur in the words (each word given as its terms). */
  conceptsIn(words: ReadonlyArray<WordTerms>): string[] {
    return [...new Set(this.concepts.findAll(words).map((match) => match.value))];
  }

  /** Every concept occurrence with its word positions (overlaps allowed), for tagging passages. */
  conceptOccurrences(words: ReadonlyArray<WordTerms>): Array<PhraseMatch<string>> {
    return this.concepts.findAll(words);
  }

  /** Concepts named in a question: longest phrases first, not overlapping, grouped by word range. */
  questionConcepts(words: ReadonlyArray<WordTerms>): ConceptMatch[] {
    const grouped = new Map<string, ConceptMatch>();
    for (const match of this.concepts.findAll(words, true)) {
      const key = `${match.from}:${match.to}`;
      const group = grouped.get(key) ?? { ids: [], from: match.from, to: match.to };
      if (!group.ids.includes(match.value)) group.ids.push(match.value);
      grouped.set(key, group);
    }
    return [...grouped.values()];
  }

  /** Glossary entries for English words, longest phrase first, not overlapping. */
  glossaryMatches(words: ReadonlyArray<WordTerms>): GlossaryMatch[] {
    return this.glossary.findAll(words, true).map(({ value: meaning, from, to }) => ({ meaning, from, to }));
  }

  /** Colloquial phrases in the words with the standard Arabic they mean. */
  colloquialMatches(words: ReadonlyArray<WordTerms>): Array<PhraseMatch<string>> {
    return this.colloquial.findAll(words, true);
  }
}
