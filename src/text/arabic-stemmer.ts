/**
 * Light Arabic stemming (Larkey, Ballesteros & Connell's "light10", as in Lucene's ArabicStemmer):
 * strip one definite-article or conjunction prefix, then common suffixes. Input must already be normalized
 * (see arabic-normalize.ts), so teh marbuta arrives as heh and alef maqsura as yeh.
 *
 * Light stemming keeps broken plurals apart (جريمه / جرايم); the synonym groups join those.
 */

// Longest first where one prefix begins another (وبال before و, وال and ولل before و).
const PREFIXES = ['وبال', 'فبال', 'وكال', 'فكال', 'ال', 'وال', 'بال', 'كال', 'فال', 'ولل', 'فلل', 'لل', 'و'] as const;
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'] as const;
// A suffix is stripped only when this many letters stay: امان → ام, مزيان → مز would meet unrelated words.
const MIN_STEM = 3;

/**
 * Light10 stem of a normalized Arabic word.
 * @example lightStem('والاتفاقيه') === 'اتفاق'
 */
export function lightStem(word: string): string {
  return stripSuffixes(stripPrefix(word));
}

/**
 * Other plausible stems of a word, for the forms light10 leaves apart: a one-letter proclitic (لمكافحه → مكافح,
 * بهدف → هدف), an imperfect-verb prefix (يتفاوض → تفاوض), the future prefix (ستوفر → توفر, سيشارك → شارك), the
 * feminine past suffix (شاركت → شارك), teh marbuta before a pronoun (جمعيته → جمعيه), tanween alef (يوما → يوم)
 * and a leading waw that belongs to the word (وافقت → وافق). Indexed beside the light stem, and tried at query time
 * when the light stem is not in the index, so that either spelling finds the other. `stem` is the word's light
 * stem, when the caller has it already.
 */
export function alternativeStems(word: string, stem = lightStem(word)): string[] {
  const base = stripPrefix(word);
  const variants: string[] = [];
  // A one-letter proclitic: لمكافحه → مكافح, وبتعزيز → تعزيز, بهدف → هدف.
  if (/^[بلكف]/.test(base) && base.length >= 4) variants.push(lightStem(base.slice(1)));
  const verb = /^س[يتن]/.test(stem) && stem.length >= 5 ? stem.slice(1) : stem;
  if (verb !== stem) variants.push(verb);
  if (/^[يتن]/.test(verb) && verb.length >= 5) variants.push(verb.slice(1));
  if (stem.endsWith('ت') && stem.length >= 5) variants.push(stem.slice(0, -1));
  // Teh marbuta before a pronoun is written ت: جمعيته، مهمتها → جمعيه، مهمه.
  // (Only a base with ت after its first two letters can match: the pattern is not run on the others.)
  const possessed = base.includes('ت', 2) ? /^(.{2,})ت(?:ه|ها|هم|هما|هن|كم|كن|نا|ك|ي)$/.exec(base) : null;
  if (possessed) variants.push(lightStem(`${possessed[1]}ه`));
  // Tanween on a final alef (يومًا → يوما): the bare noun.
  if (base.endsWith('ا') && base.length >= 4) variants.push(lightStem(base.slice(0, -1)));
  // A leading waw light10 took for the conjunction may be a root letter of a short verb: وافقت → وافق, not افق.
  if (word.startsWith('و') && word.length <= 5 && base !== word) {
    const kept = stripSuffixes(word);
    variants.push(kept.endsWith('ت') && kept.length >= 5 ? kept.slice(0, -1) : kept);
  }
  return [...new Set(variants)].filter((variant) => variant !== stem && variant.length >= 2);
}

/**
 * Every stem reading of a word, for root extraction: the light stem, the alternative stems and, when light10
 * took a leading waw for the conjunction, the stem with the waw kept (وافق is a verb, not و + افق).
 */
export function stemReadings(word: string): string[] {
  return [lightStem(word), ...alternativeStems(word)];
}

function stripPrefix(word: string): string {
  for (const prefix of PREFIXES) {
    // A lone waw is only a conjunction when at least three letters follow it.
    const minRest = prefix.length === 1 ? 3 : 2;
    if (word.startsWith(prefix) && word.length - prefix.length >= minRest) return word.slice(prefix.length);
  }
  return word;
}

function stripSuffixes(word: string): string {
  let stem = word;
  for (const suffix of SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= MIN_STEM) stem = stem.slice(0, -suffix.length);
  }
  return stem;
}
