import { createRequire } from 'node:module';
import { followsAt, normalizedWords, withoutProclitic } from './word-sequence.ts';

/** First words of country names that name no country alone: islands, republic, kingdom, south, saint … */
const GENERIC_FIRST_WORDS = new Set(
  normalizedWords(
    'جزر الجزر جزيرة جمهورية المملكة الولايات ولايات سانت سان ساو جنوب القارة إقليم الرأس ساحل أراض جبل الجبل الصحراء لا هونغ',
  ),
);

/** Country names (i18n-iso-countries' Arabic locale) as normalized word sequences, by their first word. */
let countryNames: Map<string, string[][]> | undefined;

/** True when the words name a country: بفيتنام, الولايات المتحدة الأمريكية, ساحل العاج. */
export function namesCountry(words: readonly string[]): boolean {
  countryNames ??= readCountryNames();
  const names = countryNames;
  return words.some((word, i) =>
    [word, withoutProclitic(word)].some((first) => (names.get(first) ?? []).some((name) => followsAt(words, i, name))),
  );
}

function readCountryNames(): Map<string, string[][]> {
  const { countries } = createRequire(import.meta.url)('i18n-iso-countries/langs/ar.json') as {
    countries: Record<string, string | string[]>;
  };
  const byFirstWord = new Map<string, string[][]>();
  const add = (words: string[]) => {
    const first = words[0];
    if (first) byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), words]);
  };
  for (const name of Object.values(countries).flat()) {
    const words = normalizedWords(name);
    add(words);
    // A long name's first word alone names the country too (الإمارات، كوريا), unless it is a common noun.
    const first = words[0];
    if (words.length > 1 && first && !GENERIC_FIRST_WORDS.has(first)) add([first]);
  }
  return byFirstWord;
}
