import { createRequire } from 'node:module';
import { followsAt, normalizedWords, withoutProclitic } from './word-sequence.ts';

/** First words of country names that name no country alone: islands, republic, kingdom, south, saint … */
const GENERIC_FIRST_WORDS = new Set(
  normalizedWords(
    'جزر الجزر جزيرة جمهورية المملكة الولايات ولايات سانت سان ساو جنوب القارة إقليم الرأس ساحل أراض جبل الجبل الصحراء لا هونغ',
  ),
);

/**
 * Adjective stems left out: القطري/القطرية is "country-level" far more often than "of Qatar" in UN Arabic
 * (المكاتب القطرية), and اليمنى "right-hand" normalizes to اليمني.
 */
const AMBIGUOUS_ADJECTIVE_STEMS = new Set(['قطر', 'يمن']);

/**
 * Names people use for a state that the ISO lists lack: أمريكا for الولايات المتحدة, Britain for the United
 * Kingdom, and Viet Nam, as the UN and the seeds' translations spell it.
 */
const EVERYDAY_NAMES = ['أمريكا', 'أميركا', 'بريطانيا', 'America', 'Britain', 'Viet Nam'];

const AMERICA = new Set(normalizedWords('America أمريكا أميركا'));
/** Words that make America a continent: أمريكا اللاتينية، South America. */
const CONTINENT_BEFORE = new Set(['latin', 'south', 'north', 'central']);
const CONTINENT_AFTER = new Set(normalizedWords('اللاتينية الجنوبية الشمالية الوسطى'));

/**
 * Country names (i18n-iso-countries' Arabic and English locales) as normalized word sequences, by their first
 * word, and the stems their Arabic adjectives share with the names (العراق → عراق، روسيا → روس).
 */
let countryNames: { byFirstWord: Map<string, string[][]>; adjectiveStems: Set<string> } | undefined;

/**
 * True when the words name a country: بفيتنام, الولايات المتحدة الأمريكية, ساحل العاج, Russian Federation, or
 * by its adjective: الخبير العراقي، الخبراء الجزائريين.
 */
export function namesCountry(words: readonly string[]): boolean {
  countryNames ??= readCountryNames();
  const { byFirstWord, adjectiveStems } = countryNames;
  // Looked up with the word as it stands, then without a proclitic: no array is made per word.
  const startsName = (first: string, i: number) =>
    byFirstWord.get(first)?.some((name) => followsAt(words, i, name)) === true && !continent(words, i);
  return words.some(
    (word, i) =>
      startsName(word, i) || startsName(withoutProclitic(word), i) || adjectiveStems.has(adjectiveStemOf(word) ?? ''),
  );
}

/** True when the word at `i` is America named as a continent (Latin America, أمريكا الجنوبية). */
function continent(words: readonly string[], i: number): boolean {
  if (!AMERICA.has(words[i] ?? '')) return false;
  return CONTINENT_BEFORE.has(words[i - 1] ?? '') || CONTINENT_AFTER.has(words[i + 1] ?? '');
}

/**
 * The stem of an Arabic adjective of origin in the masculine (العراقي، اللبنانيين → عراق، لبنان). The feminine
 * is left out: it names the languages (اللغة الفرنسية، الصينية) as often as the states.
 */
function adjectiveStemOf(word: string): string | undefined {
  // Every ending below ends in ي or ن: other words are not matched against the pattern.
  if (!word.endsWith('ي') && !word.endsWith('ن')) return undefined;
  return /^(?:ال)?(.{3,}?)(?:ي|يين|يون)$/.exec(word)?.[1];
}

/**
 * The stem a country's Arabic name shares with its adjective: العراق → عراق، روسيا → روس، فرنسا → فرنس.
 * Only an article is taken off, not the أل of ألمانيا (→ المان), which the adjective keeps (الألماني).
 */
function nameStem(writtenName: string): string | undefined {
  const [word = ''] = normalizedWords(writtenName);
  const stem = (writtenName.startsWith('ال') ? word.slice(2) : word).replace(/(?:يا|ا|يه)$/, '');
  return stem.length >= 3 && !AMBIGUOUS_ADJECTIVE_STEMS.has(stem) ? stem : undefined;
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
    const first = words[0];
    if (!first || (words.length > 1 && GENERIC_FIRST_WORDS.has(first))) continue;
    // A long name's first word alone names the country too (الإمارات، كوريا), unless it is a common noun.
    if (words.length > 1) add([first]);
    const stem = nameStem(name);
    if (stem) adjectiveStems.add(stem);
  }
  // English names in full (Russian Federation, Iran); not the two-letter ones, which are words too (US).
  for (const name of namesIn('en')) if (name.length > 2) add(normalizedWords(name));
  for (const name of EVERYDAY_NAMES) add(normalizedWords(name));
  return { byFirstWord, adjectiveStems };
}
