/**
 * Colloquial Arabic attaches to verbs what Modern Standard Arabic writes apart or not at all: aspect and future
 * prefixes (Levantine بـ/عم/حـ, Egyptian بـ/هـ, Gulf بـ, Iraqi دـ, Maghrebi كـ/تا/غا), the negation circumfix
 * ما…ش, plural ـوا/ـو and dative endings (ـلي، ـلك). The seed documents are Modern Standard Arabic, so a question
 * word such as بيصدقوا or ماعرفوش finds nothing until they are stripped. The tables of clitics are data
 * (src/lexicon/data/dialects/); this module only applies them.
 */

/** The verb prefixes and clitic endings of every variety, in one list each. */
export interface CliticRules {
  proclitics: readonly string[];
  suffixes: readonly string[];
}

/** A strip must leave at least this many letters: shorter stems conflate unrelated words. */
const MIN_LETTERS = 3;
/** At most this many strips in a row (و + بـ + ـوا + ـش is four). */
const MAX_STRIPS = 4;
/**
 * The one-letter negation prefix م (Egyptian and Maghrebi معرفش) is stripped only from a word that ends in the
 * negation's ش: on its own, م begins the participles of standard Arabic (ميسّري ≠ يسري، مشارك ≠ شارك).
 */
const NEGATION_PREFIX = 'م';
const NEGATION_SUFFIX = 'ش';
/** A leading conjunction, stripped like a proclitic (light10 strips و only, and only before three letters). */
const CONJUNCTIONS = ['و', 'ف'] as const;

/**
 * The forms a normalized word may stand for once clitics are stripped, fewest strips first (breadth first,
 * longer clitics before shorter ones at each step), without the word itself. Only a leading conjunction may
 * precede a proclitic; a letter repeated for emphasis (كتييير) and a final teh typed for teh marbuta (القضات)
 * count as one strip each.
 *
 * @example strippedForms('بيصدقوا', rules) // → ['يصدقوا', 'صدقوا', 'بيصدق', …, 'يصدق', …]
 */
export function strippedForms(word: string, rules: CliticRules): string[] {
  return new DialectClitics(rules).strippedForms(word);
}

/** The clitic rules ordered once, longest clitics first, for stripping many words (see strippedForms). */
export class DialectClitics {
  private readonly proclitics: readonly string[];
  private readonly suffixes: readonly string[];

  constructor(rules: CliticRules) {
    this.proclitics = longestFirst(rules.proclitics);
    this.suffixes = longestFirst(rules.suffixes);
  }

  /** See strippedForms. */
  strippedForms(word: string): string[] {
    const { proclitics, suffixes } = this;
    const seen = new Set<string>([word]);
    const forms: string[] = [];
    // A form remembers whether a proclitic was stripped already: a conjunction may only come before it.
    let frontier: Array<{ form: string; afterProclitic: boolean }> = [{ form: word, afterProclitic: false }];
    for (let depth = 0; depth < MAX_STRIPS && frontier.length > 0; depth++) {
      const next: typeof frontier = [];
      const add = (form: string, afterProclitic: boolean) => {
        if (form.length < MIN_LETTERS || seen.has(form)) return;
        seen.add(form);
        forms.push(form);
        next.push({ form, afterProclitic });
      };
      for (const { form, afterProclitic } of frontier) {
        if (!afterProclitic)
          for (const conjunction of CONJUNCTIONS) if (form.startsWith(conjunction)) add(form.slice(1), false);
        for (const proclitic of proclitics) {
          if (!form.startsWith(proclitic)) continue;
          if (proclitic === NEGATION_PREFIX && !form.endsWith(NEGATION_SUFFIX)) continue;
          add(form.slice(proclitic.length), true);
        }
        for (const suffix of suffixes) if (form.endsWith(suffix)) add(form.slice(0, -suffix.length), afterProclitic);
        if (hasRepeatedLetter(form)) add(form.replace(/(.)\1+/g, '$1'), afterProclitic);
        // Teh marbuta typed as teh (القضات for القضاة).
        if (form.endsWith('ت')) add(`${form.slice(0, -1)}ه`, afterProclitic);
      }
      frontier = next;
    }
    return forms;
  }
}

/**
 * The person prefixes of the imperfect verb: يـ (he, they), تـ (she, you), نـ (we), أ/ا (I). A question often
 * conjugates for another person than the documents: تعطي الاتفاقية (the convention, feminine) against يعطي
 * الصك; نطلب (we ask) against يطلب.
 */
const PERSON_PREFIXES = ['ي', 'ت', 'ن', 'ا'] as const;

/**
 * The word with its imperfect person prefix swapped for each of the others (تطلب → يطلب، نطلب، اطلب), when at
 * least three letters follow it; none otherwise. Like a strip, a swap is only worth keeping when the index knows
 * the result.
 */
export function personSwaps(word: string): string[] {
  const prefix = PERSON_PREFIXES.find((letter) => word.startsWith(letter));
  if (!prefix || word.length - 1 < MIN_LETTERS) return [];
  const rest = word.slice(1);
  return PERSON_PREFIXES.filter((letter) => letter !== prefix).map((letter) => letter + rest);
}

/** True when some character stands twice in a row: only then can a repetition be collapsed. */
function hasRepeatedLetter(form: string): boolean {
  for (let i = 1; i < form.length; i++) if (form.charCodeAt(i) === form.charCodeAt(i - 1)) return true;
  return false;
}

function longestFirst(clitics: readonly string[]): string[] {
  return [...new Set(clitics)].sort((a, b) => b.length - a.length);
}
