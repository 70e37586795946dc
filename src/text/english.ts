import { stemmer } from 'stemmer';

/**
 * English stem (Porter 1980) of a lowercase word; short words and numbers are kept as they are.
 * @example englishStem('extradition') === 'extradit'
 */
export function englishStem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  return stemmer(word);
}
