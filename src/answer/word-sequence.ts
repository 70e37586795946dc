import { normalizedTokens } from '../text/tokenize.ts';

/** A question's or an excerpt's words, normalized as the analyzer normalizes them (hamza, ة/ه, ى/ي, diacritics). */
export function normalizedWords(text: string): string[] {
  return normalizedTokens(text);
}

/**
 * English auxiliaries and modals. After "which" and a noun they make the noun a relative clause's subject ("the
 * obligations which States should meet"); after a quantity phrase they put the verb before any counted noun
 * ("how big is the economy").
 */
export const ENGLISH_AUXILIARIES: ReadonlySet<string> = new Set(
  'is are was were be been has have had do does did can could should would will must may might shall'.split(' '),
);

/**
 * Whether the rest of `phrase` follows its first word at `words[i]` (the caller has matched that word, in one of
 * its forms: وكم، بفيتنام).
 */
export function followsAt(words: readonly string[], i: number, phrase: readonly string[]): boolean {
  return phrase.every((next, j) => j === 0 || words[i + j] === next);
}

/** The letters a proclitic starts with: a word starting with none has none (checked first, for speed). */
const PROCLITIC_LETTERS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

/** A word with a conjunction or preposition in front (وفي، بنيويورك، للمكتب) still names what it names. */
export function withoutProclitic(word: string): string {
  if (word.length <= 3 || !PROCLITIC_LETTERS.has(word.charAt(0))) return word;
  // Letter by letter rather than by two regular expressions (it runs for every word of every quoted piece):
  // a conjunction, then لل (for ل + ال) before two letters or more reads as ال …
  const conjunction = isConjunction(word.charAt(0)) ? 1 : 0;
  const bare =
    word.startsWith('لل', conjunction) && word.length - conjunction >= 4
      ? `${word.slice(0, conjunction)}ال${word.slice(conjunction + 2)}`
      : word;
  // … then the conjunction and a preposition go, as many as leave three letters (both, the conjunction, none).
  const preposition = PREPOSITIONS.has(bare.charAt(conjunction)) ? 1 : 0;
  if (bare.length - conjunction - preposition >= 3) return bare.slice(conjunction + preposition);
  return bare.length - conjunction >= 3 ? bare.slice(conjunction) : bare;
}

function isConjunction(letter: string): boolean {
  return letter === 'و' || letter === 'ف';
}

/** The one-letter prepositions a word may carry after its conjunction. */
const PREPOSITIONS = new Set(['ب', 'ل', 'ك']);
