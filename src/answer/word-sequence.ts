import { tokenize } from '../text/tokenize.ts';

/** A question's or an excerpt's words, normalized as the analyzer normalizes them (hamza, ة/ه, ى/ي, diacritics). */
export function normalizedWords(text: string): string[] {
  return tokenize(text).map((token) => token.norm);
}

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
  return word.replace(/^([وف]?)لل(?=..)/, '$1ال').replace(/^[وف]?[بلك]?(?=...)/, '');
}
