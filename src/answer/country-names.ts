import { createRequire } from 'node:module';
import { followsAt, normalizedWords, withoutProclitic } from './word-sequence.ts';

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
  for (const name of Object.values(countries).flat()) {
    const words = normalizedWords(name);
    const first = words[0];
    if (first) byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), words]);
  }
  return byFirstWord;
}
