import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/lexicon/lexicon.ts';
import { CompiledLexicon, QUESTION_PREPOSITIONS } from '../../src/search/compiled-lexicon.ts';
import { normalizeArabic } from '../../src/text/arabic-normalize.ts';
import { tokenize } from '../../src/text/tokenize.ts';

const { dialects } = loadLexicon();
const seeds = join(import.meta.dirname, '..', '..', 'seeds');
const seedWords = new Set(
  readdirSync(seeds)
    .filter((file) => file.endsWith('.txt'))
    .flatMap((file) => tokenize(readFileSync(join(seeds, file), 'utf8')).map((token) => token.norm)),
);

/**
 * Dialect stop words that also stand in the seed documents. Each is a function word in Modern Standard Arabic
 * too, so dropping it from passages loses nothing; anything else found here is a content word the table must
 * not list (دول، حق، مال، خاص …).
 */
const ALSO_STANDARD_FUNCTION_WORDS = [
  'يعني',
  'فيه',
  'فيها',
  'ان',
  'انه',
  'هو',
  'هي',
  'ممكن',
  'يمكن',
  'الي',
  'احد',
  'هناك',
  'كان',
  'حتي',
  'كيف',
  'تحت',
  'ع',
];

describe('dialect tables', () => {
  it('cover the five varieties the bot is asked in', () => {
    expect(dialects.map((table) => table.variety)).toEqual(['levantine', 'egyptian', 'gulf', 'iraqi', 'maghrebi']);
  });

  it.each(dialects.map((table) => [table.variety, table] as const))(
    '%s lists no content word of the seeds',
    (_, table) => {
      const words = [...table.questionWords, ...table.functionWords, ...table.negation].map(normalizeArabic);
      expect(words.filter((word) => seedWords.has(word) && !ALSO_STANDARD_FUNCTION_WORDS.includes(word))).toEqual([]);
    },
  );

  it('keeps the plural of دولة, the content words حق and مال, and خاص out of every table', () => {
    const all = dialects.flatMap((table) => [...table.questionWords, ...table.functionWords, ...table.negation]);
    for (const word of ['دول', 'حق', 'مال', 'خاص', 'يوم', 'لازم']) expect(all).not.toContain(word);
  });

  it('gives every variety verb prefixes and clitic endings to strip', () => {
    for (const table of dialects) {
      expect(table.proclitics.length, table.variety).toBeGreaterThan(0);
      expect(table.suffixes.length, table.variety).toBeGreaterThan(0);
    }
  });
});

describe('a dialect question word with a preposition joined to it', () => {
  const { textAnalyzer } = CompiledLexicon.compile(loadLexicon());
  const joined = dialects.flatMap((table) =>
    table.questionWords.flatMap((word) =>
      QUESTION_PREPOSITIONS.map((preposition) => normalizeArabic(preposition + word)),
    ),
  );

  it.each(['لمين', 'بكام', 'لشو', 'بشنو', 'لمنو', 'لوين'])('is a stop word: %s', (word) => {
    expect(textAnalyzer.analyze(word)[0]?.stop).toBe(true);
  });

  it('is never a word of the seeds', () => {
    expect(joined.filter((word) => seedWords.has(word))).toEqual([]);
  });
});
