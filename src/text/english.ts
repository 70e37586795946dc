/**
 * English stemming for matching questions against the glossary: Porter's (1980) step 1 only, which undoes
 * inflection (plural, -ed, -ing, final y) and leaves derivation alone. The full Porter stemmer conflates
 * words the glossary must keep apart (informal / information → inform, general / generate → gener).
 *
 * @example englishStem('ratified') === 'ratifi' && englishStem('ratifies') === 'ratifi'
 * @example englishStem('informal') !== englishStem('information')
 */
export function englishStem(word: string): string {
  if (word.length <= 3 || /[^a-z]/.test(word)) return word;
  return step1c(step1b(step1a(word)));
}

/** Plurals: caresses → caress, ponies → poni, cats → cat (but not -ss, -us, -is). */
function step1a(word: string): string {
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ies')) return word.slice(0, -2);
  if (/(?:ss|us|is)$/.test(word)) return word;
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/** Past and progressive: agreed → agree, signed → sign, hopping → hop, filing → file. */
function step1b(word: string): string {
  if (word.endsWith('eed')) return measure(word.slice(0, -3)) > 0 ? word.slice(0, -1) : word;
  const suffix = /(?:ed|ing)$/.exec(word)?.[0];
  if (!suffix) return word;
  const stem = word.slice(0, -suffix.length);
  if (!hasVowel(stem)) return word;
  if (/(?:at|bl|iz)$/.test(stem)) return `${stem}e`;
  if (/([^aeiouylsz])\1$/.test(stem)) return stem.slice(0, -1);
  if (measure(stem) === 1 && endsCvc(stem)) return `${stem}e`;
  return stem;
}

/** Final y after a vowel-bearing stem: happy → happi, so happy and happiness share a stem. */
function step1c(word: string): string {
  return word.endsWith('y') && hasVowel(word.slice(0, -1)) ? `${word.slice(0, -1)}i` : word;
}

/** Porter's m: the number of vowel–consonant sequences in the stem. */
function measure(stem: string): number {
  return (collapsed(consonantPattern(stem)).match(/vc/g) ?? []).length;
}

function hasVowel(stem: string): boolean {
  return consonantPattern(stem).includes('v');
}

/** Ends consonant–vowel–consonant, the last not w, x or y (hop, but not snow). */
function endsCvc(stem: string): boolean {
  return /cvc$/.test(consonantPattern(stem)) && !/[wxy]$/.test(stem);
}

/** Each letter as c or v; y is a vowel after a consonant. */
function consonantPattern(stem: string): string {
  let pattern = '';
  for (const [i, letter] of [...stem].entries()) {
    const vowel = /[aeiou]/.test(letter) || (letter === 'y' && i > 0 && pattern[i - 1] === 'c');
    pattern += vowel ? 'v' : 'c';
  }
  return pattern;
}

function collapsed(pattern: string): string {
  return pattern.replace(/v+/g, 'v').replace(/c+/g, 'c');
}
