import type { AnalyzedToken } from '../text/analyzer.ts';
import { CONCEPT_PREFIX } from './analyzed-passage.ts';
import type { CompiledLexicon } from './compiled-lexicon.ts';

/**
 * One thing the question asks about: a concept (الجريمة السيبرانية ≈ الجرائم الإلكترونية), a glossary entry
 * (English "extradition" → تسليم المطلوبين) or a single word. Its terms form one class: a passage covers the
 * unit when it holds any of them, and search counts the class once (class-level term and document frequency,
 * as in Pirkola's structured queries), however many synonyms or translations it has.
 */
export interface QueryUnit {
  /** What the user wrote for this unit, for explanations. */
  label: string;
  /** Index terms, any of which satisfies the unit. */
  terms: string[];
  /** The terms of the words the user typed for the unit: excerpts prefer the sentence that holds these. */
  typedTerms: string[];
  /** Root terms of the typed words: a passage holding only these covers the unit in part (see arabic-root.ts). */
  roots: string[];
  /** Relative importance before IDF: glossary and concept units weigh more than stray words. */
  weight: number;
  /** Arabic words an English unit was translated to, shown to the user. */
  arabic?: string[];
}

export interface QueryPlan {
  lang: 'ar' | 'en';
  units: QueryUnit[];
  /** Every word of the question, normalized, stop words included (for what the question asks for). */
  words: string[];
  /**
   * The question's content words in order, as canonical terms, for exact-phrase matching; for an English question,
   * its English stems (set by PassageSearch.plan, matched in the passages' English), else none.
   */
  phrase: string[];
  /** An English question's stems as the English text index analyzes them (english-text-index.ts). */
  englishStems?: string[];
  /** Formal words of the translations for the question's plain ones, by stem (EnglishTextIndex.questionStems). */
  englishReadings?: ReadonlyMap<string, readonly string[]>;
}

/** What planning needs to know of the index's vocabulary. */
export interface Vocabulary {
  /** True when some passage holds the term. */
  known(term: string): boolean;
  /** The indexed word closest to an unknown one (one edit away), for typos; undefined when none is. */
  nearest(term: string): string | undefined;
  /** The same over the English glossary's words. */
  nearestEnglish(term: string): string | undefined;
}

/** A word of Latin letters only (an English word; not a symbol such as GA-2025-93-RES-03 or I-24/7). */
const LATIN_WORD = /^[a-z]+$/i;

/** Unit weights: a curated concept says more about intent than one word does. */
const WEIGHT = { concept: 1.3, glossary: 1.2, word: 1, untranslated: 0.25 } as const;

/**
 * Turns an analyzed question into query units. A word whose stems the index does not know is tried with
 * dialect clitics stripped (بيصدقوا → يصدق), then as a typo of an indexed word, before it is left unknown.
 */
export function planQuery(
  tokens: readonly AnalyzedToken[],
  lang: 'ar' | 'en',
  lexicon: CompiledLexicon,
  vocabulary: Vocabulary,
): QueryPlan {
  const content = tokens.filter((token, i) => !token.stop && !isPossessiveParticle(tokens, i, lexicon));
  const words = tokens.map((token) => token.norm);
  if (lang === 'en')
    return { lang, units: mergeDuplicateUnits(englishUnits(content, lexicon, vocabulary)), words, phrase: [] };
  // An English word in an Arabic question that no passage holds (شو قصة مشروع No More Ransom، شو يعني phishing) is
  // read through the glossary, as in an English question: the passages say it in Arabic (لا مزيد من الفدية).
  const english = content.filter((token) => LATIN_WORD.test(token.norm) && !vocabulary.known(token.stem));
  const arabic = content.filter((token) => !english.includes(token));
  const queryWords = expandColloquial(arabic, lexicon).flatMap((word) => resolveWord(word, lexicon, vocabulary));
  return {
    lang,
    units: mergeDuplicateUnits([...arabicUnits(queryWords, lexicon), ...englishUnits(english, lexicon, vocabulary)]),
    words,
    phrase: queryWords.map((word) => word.canonical),
  };
}

/** A content word of a question with every term it may stand for, and the one it is searched as. */
interface QueryWord {
  label: string;
  /** Own stems first, then colloquial and typo readings. */
  terms: string[];
  /** The first of `terms` the index knows, else the light stem. */
  canonical: string;
  roots: string[];
}

/** Resolves a word's terms against the index; a word that turns out to be a dialect function word is dropped. */
function resolveWord(
  word: { label: string; token: AnalyzedToken },
  lexicon: CompiledLexicon,
  vocabulary: Vocabulary,
): QueryWord[] {
  // فهاد (ف + هاد) is the dialect word; فجوة, whose own stem the index knows, is the noun.
  if (lexicon.textAnalyzer.isConjoinedDialectWord(word.token) && !vocabulary.known(word.token.stem)) return [];
  const own = [word.token.stem, ...word.token.variants];
  // Each term is looked up in the index once: the first one known is the canonical term.
  const ownKnown = own.find((term) => vocabulary.known(term));
  if (ownKnown !== undefined) return [{ label: word.label, terms: own, canonical: ownKnown, roots: word.token.roots }];
  const colloquial = lexicon.textAnalyzer.colloquialStems(word.token);
  if (colloquial.stop) return [];
  const terms = [...own, ...colloquial.stems];
  const roots = [...new Set([...word.token.roots, ...colloquial.roots])];
  let canonical = colloquial.stems.find((term) => vocabulary.known(term));
  if (canonical === undefined) {
    const nearest = vocabulary.nearest(word.token.stem);
    if (nearest) terms.push(nearest);
    if (nearest && vocabulary.known(nearest)) canonical = nearest;
  }
  return [{ label: word.label, terms, canonical: canonical ?? word.token.stem, roots }];
}

function arabicUnits(words: readonly QueryWord[], lexicon: CompiledLexicon): QueryUnit[] {
  const units: QueryUnit[] = [];
  const covered = new Set<number>();
  for (const match of lexicon.questionConcepts(words.map((word) => word.terms))) {
    const members = words.slice(match.from, match.to);
    units.push({
      label: members.map((word) => word.label).join(' '),
      terms: match.ids.map((id) => CONCEPT_PREFIX + id),
      typedTerms: members.map((word) => word.canonical),
      roots: members.length === 1 ? (members[0]?.roots ?? []) : [],
      weight: WEIGHT.concept,
    });
    for (let i = match.from; i < match.to; i++) covered.add(i);
  }
  words.forEach((word, i) => {
    if (covered.has(i)) return;
    units.push({
      label: word.label,
      terms: [word.canonical],
      typedTerms: [word.canonical],
      roots: word.roots,
      weight: WEIGHT.word,
    });
  });
  return units;
}

function englishUnits(words: readonly AnalyzedToken[], lexicon: CompiledLexicon, vocabulary: Vocabulary): QueryUnit[] {
  const units: QueryUnit[] = [];
  const covered = new Set<number>();
  // A word neither in the glossary nor in the index may be a typo of a glossary word (ransome → ransom).
  const termSets = words.map((word) => {
    const terms = [word.stem, word.norm];
    if (terms.some((term) => lexicon.isEnglishTerm(term) || vocabulary.known(term))) return terms;
    const nearest = vocabulary.nearestEnglish(word.stem);
    return nearest ? [...terms, nearest] : terms;
  });
  for (const { meaning, from, to } of lexicon.glossaryMatches(termSets)) {
    const label = words
      .slice(from, to)
      .map((word) => word.norm)
      .join(' ');
    const terms = [CONCEPT_PREFIX + meaning.conceptId];
    units.push({ label, terms, typedTerms: terms, roots: [], weight: WEIGHT.glossary, arabic: meaning.ar });
    for (let i = from; i < to; i++) covered.add(i);
  }
  words.forEach((word, i) => {
    if (covered.has(i)) return;
    // Numbers (2021, 74/247) occur in the Arabic text as they are. A Latin word that some passage holds is mostly
    // an English title quoted in the Arabic ("Practical Guide for Requesting Electronic Evidence Across Borders"):
    // it weighs as any word the glossary does not know, and the English translations find it.
    const literal = /\d/.test(word.norm);
    const terms = [...new Set([word.stem, word.norm])];
    units.push({
      label: word.norm,
      terms,
      typedTerms: terms,
      roots: [],
      // An English word the glossary does not know is searched as is, and weighs little.
      weight: literal ? WEIGHT.word : WEIGHT.untranslated,
    });
  });
  return units;
}

/** Replaces colloquial phrases (النت، هالسنة) with the standard Arabic the documents use. */
function expandColloquial(
  words: readonly AnalyzedToken[],
  lexicon: CompiledLexicon,
): Array<{ label: string; token: AnalyzedToken }> {
  const analyzer = lexicon.textAnalyzer;
  const matches = lexicon.colloquialMatches(words.map((word) => [word.stem, ...word.variants]));
  const result: Array<{ label: string; token: AnalyzedToken }> = [];
  const asIs = (token: AnalyzedToken | undefined) => {
    if (!token) throw new Error('search: colloquial match outside the question');
    result.push({ label: token.norm, token });
  };
  let next = 0;
  for (const match of matches) {
    for (; next < match.from; next++) asIs(words[next]);
    const label = words
      .slice(match.from, match.to)
      .map((word) => word.norm)
      .join(' ');
    for (const token of analyzer.analyzeQuestion(match.value).filter((token) => !token.stop)) {
      result.push({ label: `${label} → ${match.value}`, token });
    }
    next = match.to;
  }
  for (; next < words.length; next++) asIs(words[next]);
  return result;
}

/** A question that repeats a word or concept counts it once. */
function mergeDuplicateUnits(units: QueryUnit[]): QueryUnit[] {
  const seen = new Map<string, QueryUnit>();
  for (const unit of units) {
    // A unit of one term (most of them) is keyed by it: no copy is sorted and joined.
    const key = unit.terms.length === 1 ? (unit.terms[0] ?? '') : [...unit.terms].sort().join(' ');
    if (!seen.has(key)) seen.set(key, unit);
  }
  return [...seen.values()];
}

/**
 * A dialect possessive particle that is also a standard noun (Iraqi and Gulf مال "of" / "money", Gulf حق "of" /
 * "right") stands as a possessive after a definite noun, a number or a Latin name and before another word:
 * "اجتماع الخبراء مال تموز", "الدورة 91 مال الانتربول", "NEXUS حق الانتربول". There it asks about nothing. Standard
 * Arabic puts the noun elsewhere: "رأس مال", "ما حق الدول في", "الحق".
 */
function isPossessiveParticle(tokens: readonly AnalyzedToken[], i: number, lexicon: CompiledLexicon): boolean {
  const token = tokens[i];
  const before = tokens[i - 1];
  if (!token || !before || i + 1 >= tokens.length || !lexicon.isPossessive(token.norm)) return false;
  // Not after a preposition's noun: "للدول حق الانسحاب" is standard Arabic for "states have the right to withdraw".
  return before.script === 'latin' || /^[وف]?ال/.test(before.norm);
}
