import { createRequire } from 'node:module';
import { followsAt, normalizedWords, withoutProclitic } from './word-sequence.ts';

/** First words of country names that name no country alone: islands, republic, kingdom, south, saint … */
const GENERIC_FIRST_WORDS = new Set(
  normalizedWords(
    'جزر الجزر جزيرة جمهورية المملكة الولايات ولايات سانت سان ساو جنوب القارة إقليم الرأس ساحل أراض جبل الجبل الصحراء لا هونغ',
  ),
);

/**
 * Country names (i18n-iso-countries' Arabic and English locales) as normalized word sequences, by their first
 * word, and the stems of the Arabic one-word names that their adjectives share (العراق → عراق، روسيا → روس).
 */
let countryNames: { byFirstWord: Map<string, string[][]>; adjectiveStems: Set<string> } | undefined;

/**
 * True when the words name a country: بفيتنام, الولايات المتحدة الأمريكية, ساحل العاج, Russian Federation, or
 * by its adjective: الخبير العراقي، الوفد المصري.
 */
export function namesCountry(words: readonly string[]): boolean {
  countryNames ??= readCountryNames();
  const { byFirstWord, adjectiveStems } = countryNames;
  return words.some(
    (word, i) =>
      [word, withoutProclitic(word)].some((first) =>
        (byFirstWord.get(first) ?? []).some((name) => followsAt(words, i, name)),
      ) || adjectiveStemsOf(word).some((stem) => adjectiveStems.has(stem)),
  );
}

/** The stems an Arabic adjective of origin may have: العراقي، المصرية، اللبنانيين → عراق، مصر، لبنان. */
function adjectiveStemsOf(word: string): string[] {
  const adjective = /^(?:ال)?(.{3,}?)(?:ي|يه|يين|يون)$/.exec(word);
  return adjective?.[1] ? [adjective[1]] : [];
}

/**
 * The stems a one-word Arabic country name may share with its adjective: العراق → عراق، روسيا → روس، فرنسا →
 * فرنس، ألمانيا → المان (whose ال is no article).
 */
function nameStems(name: string): string[] {
  const bare = name.replace(/(?:يا|ا|يه)$/, '');
  return [bare, bare.replace(/^ال/, '')].filter((stem) => stem.length >= 3);
}

function readCountryNames(): { byFirstWord: Map<string, string[][]>; adjectiveStems: Set<string> } {
  const require = createRequire(import.meta.url);
  const namesIn = (locale: 'ar' | 'en') =>
    Object.values(
      (require(`i18n-iso-countries/langs/${locale}.json`) as { countries: Record<string, string | string[]> })
        .countries,
    ).flat();
  const byFirstWord = new Map<string, string[][]>();
  const adjectiveStems = new Set<string>();
  const add = (words: string[]) => {
    const first = words[0];
    if (first) byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), words]);
  };
  for (const name of namesIn('ar')) {
    const words = normalizedWords(name);
    add(words);
    // A long name's first word alone names the country too (الإمارات، كوريا), unless it is a common noun.
    const first = words[0];
    if (words.length > 1 && first && !GENERIC_FIRST_WORDS.has(first)) add([first]);
    const named = words.length === 1 || (first && !GENERIC_FIRST_WORDS.has(first)) ? first : undefined;
    for (const stem of named ? nameStems(named) : []) adjectiveStems.add(stem);
  }
  // English names in full (Russian Federation, Iran); not the two-letter ones, which are words too (US).
  for (const name of namesIn('en')) if (name.length > 2) add(normalizedWords(name));
  return { byFirstWord, adjectiveStems };
}
