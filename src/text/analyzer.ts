import { normalizeArabic } from './arabic-normalize.ts';
import { patternRoots, ROOT_PREFIX } from './arabic-root.ts';
import { alternativeStems, lightStem } from './arabic-stemmer.ts';
import { type CliticRules, DialectClitics, personSwaps } from './dialect-clitics.ts';
import { englishStem } from './english.ts';
import { compoundParts, type Token, tokenize } from './tokenize.ts';

/**
 * Bump when tokenizing, normalizing or stemming changes, so that a committed index built by an older analyzer
 * is recognised as stale.
 */
export const ANALYZER_VERSION = 'ar-light10+alt+root/en-porter1/v10';

/** A token with everything the index and the ranker need to know about it. */
export interface AnalyzedToken extends Token {
  /** The one canonical search term: the light stem (Arabic) or Porter stem (English). */
  stem: string;
  /** Further index terms: alternative stems (Arabic); the lowercased form and parts of compounds (Latin). */
  variants: string[];
  /** A function word that carries no meaning for search (من، اللي، the, which …). */
  stop: boolean;
  /** Root terms (`√طبق`) of an Arabic word: a weaker match than its stems (see arabic-root.ts). */
  roots: string[];
}

export interface StopWords {
  /** Standard Arabic function words; these are also stop words behind the conjunction و/ف (وهي، فهو). */
  ar: readonly string[];
  /**
   * The dialects' question, function and negation words: stop words as written only. Behind و/ف they would take
   * standard nouns with them (فجوة = ف + جوه، فوائد = ف + وايد).
   */
  arColloquial: readonly string[];
  en: readonly string[];
}

/** What the analyzer is configured with: stop words, and the dialect clitics stripped from question words. */
export interface AnalyzerData {
  stopwords: StopWords;
  clitics: CliticRules;
}

/**
 * Turns text into search terms for Arabic and English alike. One instance serves index build and queries, so
 * both sides always agree on what a term is.
 */
export class TextAnalyzer {
  private readonly arabicStops: ReadonlySet<string>;
  private readonly standardArabicStops: ReadonlySet<string>;
  private readonly englishStops: ReadonlySet<string>;
  private readonly clitics: DialectClitics;

  constructor({ stopwords, clitics }: AnalyzerData) {
    this.standardArabicStops = new Set(stopwords.ar.map((word) => normalizeArabic(word)));
    this.arabicStops = new Set([...stopwords.ar, ...stopwords.arColloquial].map((word) => normalizeArabic(word)));
    this.englishStops = new Set(stopwords.en.map((word) => word.toLowerCase()));
    this.clitics = new DialectClitics({
      proclitics: clitics.proclitics.map((clitic) => normalizeArabic(clitic)),
      suffixes: clitics.suffixes.map((clitic) => normalizeArabic(clitic)),
    });
  }

  /** Tokenizes and analyzes text; offsets refer to `text`. */
  analyze(text: string): AnalyzedToken[] {
    return tokenize(text).map((token) => this.analyzeToken(token));
  }

  /**
   * `analyze` for a question, whose stop words planning drops after reading their normal form: a stop word is
   * not stemmed (its stem is its normal form, without variants or roots). Stemming them took a third of the
   * question's analysis.
   */
  analyzeQuestion(text: string): AnalyzedToken[] {
    return tokenize(text).map((token) => this.analyzeToken(token, true));
  }

  /** Analyzes the content words of text and returns their canonical stems, e.g. for a glossary phrase. */
  stems(text: string): string[] {
    return this.analyze(text)
      .filter((token) => !token.stop)
      .map((token) => token.stem);
  }

  /** Every term a token contributes to the index: its stem first, then its variants, then its roots. */
  indexTerms(token: AnalyzedToken): string[] {
    return [token.stem, ...token.variants, ...token.roots];
  }

  /**
   * What a colloquial question word may stand for in the documents, for a word whose own terms the index does
   * not know: the stems of its forms with dialect clitics stripped (see dialect-clitics.ts), fewest strips
   * first, or `stop` when one of those forms is a function word (بيقول → يقول، ماعندهمش → عندهم).
   */
  colloquialStems(token: AnalyzedToken): { stems: string[]; roots: string[]; stop: boolean } {
    if (token.script !== 'arabic') return { stems: [], roots: [], stop: false };
    const forms = this.clitics.strippedForms(token.norm);
    if (forms.some((form) => this.arabicStops.has(form))) return { stems: [], roots: [], stop: true };
    const own = new Set([token.stem, ...token.variants]);
    const stemsOf = (words: readonly string[]) =>
      words.flatMap((word) => {
        const stem = lightStem(word);
        return [stem, ...alternativeStems(word, stem)];
      });
    const stripped = [...new Set(stemsOf(forms))];
    // A swapped person prefix never makes a function word of a verb (تكون is no يكون to drop): not checked above.
    // Nor does it give a root of its own: the swapped letter is a prefix, so the root is the word's (طلب either way).
    const swapped = stemsOf([token.norm, ...forms].flatMap(personSwaps));
    const stems = [...new Set([...stripped, ...swapped])];
    const roots = patternRoots(stripped).map((root) => ROOT_PREFIX + root);
    return { stems: stems.filter((stem) => !own.has(stem)), roots, stop: false };
  }

  /**
   * A dialect function word behind the conjunction و/ف (فهاد، وشو، فوقاش). Not a stop word in the documents,
   * where such a form is a standard noun (فجوة، فوائد), but in a question it is read as the dialect word.
   */
  isConjoinedDialectWord(token: AnalyzedToken): boolean {
    const { norm } = token;
    return token.script === 'arabic' && /^[وف]/.test(norm) && norm.length > 2 && this.arabicStops.has(norm.slice(1));
  }

  private analyzeToken({ start, end, norm, script }: Token, stopsUnstemmed = false): AnalyzedToken {
    if (script === 'arabic') {
      const stop = this.isArabicStop(norm);
      if (stop && stopsUnstemmed) return { start, end, norm, script, stem: norm, variants: [], stop, roots: [] };
      const stem = lightStem(norm);
      const alternatives = alternativeStems(norm, stem);
      // The surface form is no variant: a word written alike has the same stem anyway.
      const variants = withoutDuplicates(alternatives, stem);
      // Roots of every stem reading (stemReadings), from the stems already at hand.
      const roots = patternRoots([stem, ...alternatives]).map((root) => ROOT_PREFIX + root);
      return { start, end, norm, script, stem, variants, stop, roots };
    }
    const stop = this.englishStops.has(norm);
    if (stop && stopsUnstemmed) return { start, end, norm, script, stem: norm, variants: [], stop, roots: [] };
    const stem = /^[a-z]+$/.test(norm) ? englishStem(norm) : norm;
    const variants = withoutDuplicates([norm, ...compoundParts(norm)], stem);
    return { start, end, norm, script, stem, variants, stop, roots: [] };
  }

  /** A stop word as written, or a standard one with a conjunction و/ف in front of it (وهي، فهو); a bare article. */
  private isArabicStop(norm: string): boolean {
    if (norm.length < 2 || norm === 'ال' || this.arabicStops.has(norm)) return true;
    // والي is the name Waly (and "governor") far more often than "and to".
    if (norm === 'والي') return false;
    return /^[وف]/.test(norm) && norm.length > 2 && this.standardArabicStops.has(norm.slice(1));
  }
}

/** The values in order, each once, leaving out `stem` (which is listed first anyway). */
function withoutDuplicates(values: string[], stem: string): string[] {
  return values.filter((value, i) => value !== stem && values.indexOf(value) === i);
}
