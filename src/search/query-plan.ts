import type { AnalyzedToken } from '../text/analyzer.ts';
import { CONCEPT_PREFIX } from './analyzed-passage.ts';
import type { CompiledLexicon } from './compiled-lexicon.ts';

/**
 * One thing the question asks about: a concept (الجريمة السيبرانية ≈ الجرائم الإلكترونية), a glossary entry
 * (English "extradition" → تسليم المطلوبين) or a single word. A passage covers the unit when it holds any of
 * the unit's terms.
 */
export interface QueryUnit {
  /** What the user wrote for this unit, for explanations. */
  label: string;
  /** Index terms, any of which satisfies the unit (a passage holding one covers it). */
  terms: string[];
  /** Terms searched for the unit: its `terms` and, for a concept, the words the user typed. */
  searchTerms: string[];
  /** Relative importance before IDF: glossary and concept units weigh more than stray words. */
  weight: number;
  /** Arabic words an English unit was translated to, shown to the user. */
  arabic?: string[];
  /** An English word the glossary does not know: searched as is, and weighed little. */
  untranslated?: boolean;
  /** Written with a capital inside an English sentence (Saudi, Macron): a name, not a filler word. */
  properName?: boolean;
}

export interface QueryPlan {
  lang: 'ar' | 'en';
  units: QueryUnit[];
  /** The question's content words in order, as canonical terms, for exact-phrase matching (Arabic only). */
  phrase: string[];
}

/** Unit weights: a curated concept says more about intent than one word does. */
const WEIGHT = { concept: 1.3, glossary: 1.2, word: 1, untranslated: 0.25 } as const;

/**
 * Turns an analyzed question into query units. `knownTerm` tells whether a term is in the index, so that a
 * word whose light stem is unknown can fall back to an alternative stem that is.
 */
export function planQuery(
  question: string,
  tokens: readonly AnalyzedToken[],
  lang: 'ar' | 'en',
  lexicon: CompiledLexicon,
  knownTerm: (term: string) => boolean,
): QueryPlan {
  const content = tokens.filter((token) => !token.stop);
  if (lang === 'en')
    return { lang, units: mergeDuplicateUnits(englishUnits(question, content, lexicon, knownTerm)), phrase: [] };
  const words = expandColloquial(content, lexicon);
  return {
    lang,
    units: mergeDuplicateUnits(arabicUnits(words, lexicon, knownTerm)),
    phrase: words.map((word) => canonicalTerm(word, knownTerm)),
  };
}

function arabicUnits(
  expanded: readonly QueryWord[],
  lexicon: CompiledLexicon,
  knownTerm: (term: string) => boolean,
): QueryUnit[] {
  const termSets = expanded.map((word) => [word.stem, ...word.variants]);
  const units: QueryUnit[] = [];
  const covered = new Set<number>();
  for (const match of lexicon.questionConcepts(termSets)) {
    const members = expanded.slice(match.from, match.to);
    const terms = match.ids.map((id) => CONCEPT_PREFIX + id);
    units.push({
      label: members.map((word) => word.label).join(' '),
      terms,
      searchTerms: [...terms, ...members.map((word) => canonicalTerm(word, knownTerm))],
      weight: WEIGHT.concept,
    });
    for (let i = match.from; i < match.to; i++) covered.add(i);
  }
  expanded.forEach((word, i) => {
    if (covered.has(i)) return;
    const terms = [canonicalTerm(word, knownTerm)];
    units.push({ label: word.label, terms, searchTerms: terms, weight: WEIGHT.word });
  });
  return units;
}

function englishUnits(
  question: string,
  words: readonly AnalyzedToken[],
  lexicon: CompiledLexicon,
  knownTerm: (term: string) => boolean,
): QueryUnit[] {
  const termSets = words.map((word) => [word.stem, word.norm]);
  const units: QueryUnit[] = [];
  const covered = new Set<number>();
  for (const { meaning, from, to } of lexicon.glossaryMatches(termSets)) {
    const terms = meaning.conceptIds.map((id) => CONCEPT_PREFIX + id);
    units.push({
      label: words
        .slice(from, to)
        .map((word) => word.norm)
        .join(' '),
      terms,
      searchTerms: terms,
      weight: WEIGHT.glossary,
      arabic: meaning.ar,
    });
    for (let i = from; i < to; i++) covered.add(i);
  }
  words.forEach((word, i) => {
    if (covered.has(i)) return;
    // Numbers and Latin names (UNODC, OMSAC, 2021) occur in the Arabic text as they are.
    const literal = /\d/.test(word.norm) || knownTerm(word.stem) || knownTerm(word.norm);
    const terms = [...new Set([word.stem, word.norm])];
    units.push({
      label: word.norm,
      terms,
      searchTerms: terms,
      weight: literal ? WEIGHT.word : WEIGHT.untranslated,
      untranslated: !literal,
      properName: word.start > 0 && /^[A-Z][a-z]/.test(question.slice(word.start, word.end)),
    });
  });
  return units;
}

interface QueryWord {
  label: string;
  stem: string;
  variants: string[];
}

/** Replaces colloquial phrases (النت، هالسنة) with the standard Arabic the documents use. */
function expandColloquial(words: readonly AnalyzedToken[], lexicon: CompiledLexicon): QueryWord[] {
  const analyzer = lexicon.textAnalyzer;
  const matches = lexicon.colloquialMatches(words.map((word) => [word.stem, ...word.variants]));
  const result: QueryWord[] = [];
  let next = 0;
  for (const match of matches) {
    for (; next < match.from; next++) result.push(asQueryWord(words[next]));
    const label = words
      .slice(match.from, match.to)
      .map((word) => word.norm)
      .join(' ');
    for (const token of analyzer.analyze(match.value).filter((token) => !token.stop)) {
      result.push({ label: `${label} → ${match.value}`, stem: token.stem, variants: token.variants });
    }
    next = match.to;
  }
  for (; next < words.length; next++) result.push(asQueryWord(words[next]));
  return result;
}

function asQueryWord(token: AnalyzedToken | undefined): QueryWord {
  if (!token) throw new Error('search: colloquial match outside the question');
  return { label: token.norm, stem: token.stem, variants: token.variants };
}

/** The word's light stem, or the first alternative stem the index knows when the light stem is unknown. */
function canonicalTerm(word: { stem: string; variants: readonly string[] }, knownTerm: (term: string) => boolean) {
  if (knownTerm(word.stem)) return word.stem;
  return word.variants.find((variant) => knownTerm(variant)) ?? word.stem;
}

/** A question that repeats a word or concept counts it once. */
function mergeDuplicateUnits(units: QueryUnit[]): QueryUnit[] {
  const seen = new Map<string, QueryUnit>();
  for (const unit of units) {
    const key = [...unit.terms].sort().join(' ');
    if (!seen.has(key)) seen.set(key, unit);
  }
  return [...seen.values()];
}
