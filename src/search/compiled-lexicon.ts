import type { GlossaryEntry, Lexicon } from '../lexicon/lexicon.ts';
import type { TextAnalyzer } from '../text/analyzer.ts';
import { type PhraseMatch, PhraseMatcher } from './phrase-matcher.ts';

/** Concept ids of glossary entries carry this prefix, keeping them apart from synonym-group ids. */
const GLOSSARY_CONCEPT = 'g:';

/** Words of a question that name concepts: one range, every concept whose phrase covers it exactly. */
export interface ConceptMatch {
  ids: string[];
  from: number;
  to: number;
}

/** An English glossary phrase found in a question, with the concepts it stands for in the Arabic text. */
export interface GlossaryMatch {
  entry: GlossaryEntry;
  /** The glossary entry's own concept and the synonym groups of its Arabic terms. */
  conceptIds: string[];
  from: number;
  to: number;
}

/**
 * The curated lexicon turned into matchers over analyzed words. Concepts are synonym groups and glossary
 * entries: both are tagged in passages at index time (so a multi-word Arabic term counts only where the whole
 * phrase occurs), and both are recognised in questions. Built once from the same analyzer as the index.
 */
export class CompiledLexicon {
  private readonly concepts = new PhraseMatcher<string>();
  private readonly glossary = new PhraseMatcher<GlossaryEntry>();
  private readonly colloquial = new PhraseMatcher<string>();
  private readonly glossaryConcepts = new Map<string, string[]>();

  constructor(
    readonly lexicon: Lexicon,
    private readonly analyzer: TextAnalyzer,
  ) {
    const termsOf = (phrase: string) => analyzer.stems(phrase);
    for (const group of lexicon.synonyms) {
      for (const term of group.terms) this.concepts.add(termsOf(term), group.id);
    }
    for (const entry of lexicon.glossary) {
      for (const phrase of entry.en) this.glossary.add(termsOf(phrase), entry);
      for (const term of entry.ar) this.concepts.add(termsOf(term), GLOSSARY_CONCEPT + entry.id);
    }
    // A glossary entry stands for the synonym groups of its Arabic terms, but only groups that name a whole
    // term: `ولاية فريق الخبراء` (mandate) must not stand for every mention of the expert group.
    for (const entry of lexicon.glossary) {
      const groups = entry.ar.flatMap((term) => {
        const words = this.wordTerms(term);
        return this.concepts
          .findAll(words)
          .filter((match) => match.from === 0 && match.to === words.length && !match.value.startsWith(GLOSSARY_CONCEPT))
          .map((match) => match.value);
      });
      this.glossaryConcepts.set(entry.id, [GLOSSARY_CONCEPT + entry.id, ...new Set(groups)]);
    }
    for (const entry of lexicon.colloquial) {
      for (const form of entry.colloquial) this.colloquial.add(termsOf(form), entry.msa);
    }
  }

  /** Distinct concept ids whose phrases occur in the words (each word given as its set of terms). */
  conceptsIn(words: ReadonlyArray<ReadonlySet<string>>): string[] {
    return [...new Set(this.concepts.findAll(words).map((match) => match.value))];
  }

  /** Every concept occurrence with its word positions (overlaps allowed), for tagging passages. */
  conceptOccurrences(words: ReadonlyArray<ReadonlySet<string>>): Array<PhraseMatch<string>> {
    return this.concepts.findAll(words);
  }

  /** Concepts named in a question: longest phrases first, not overlapping, grouped by word range. */
  questionConcepts(words: ReadonlyArray<ReadonlySet<string>>): ConceptMatch[] {
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
  glossaryMatches(words: ReadonlyArray<ReadonlySet<string>>): GlossaryMatch[] {
    return this.glossary.findAll(words, true).map(({ value: entry, from, to }) => ({
      entry,
      conceptIds: this.glossaryConcepts.get(entry.id) ?? [],
      from,
      to,
    }));
  }

  /** Colloquial phrases in the words with the standard Arabic they mean. */
  colloquialMatches(words: ReadonlyArray<ReadonlySet<string>>): Array<PhraseMatch<string>> {
    return this.colloquial.findAll(words, true);
  }

  /** The analyzer both the lexicon and the index were compiled with. */
  get textAnalyzer(): TextAnalyzer {
    return this.analyzer;
  }

  private wordTerms(text: string): Array<Set<string>> {
    return this.analyzer
      .analyze(text)
      .filter((token) => !token.stop)
      .map((token) => new Set(this.analyzer.indexTerms(token)));
  }
}
