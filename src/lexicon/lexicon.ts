/**
 * The curated word lists the analyzer and the `/treaty` grammar rely on: Arabic synonym groups, the
 * English→Arabic glossary, dialect forms, stop words and the topic catalog. The data lives in
 * `src/lexicon/data/` (each file starts with a comment saying how to edit it); this module only reads and
 * validates it, so a curation mistake fails loudly at startup instead of silently degrading search.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ARABIC_LETTER_CLASS } from '../text/arabic-letters.ts';

/** Arabic words and phrases that name one concept, e.g. `الجريمة السيبرانية` / `الجرائم الإلكترونية`. */
export interface SynonymGroup {
  id: string;
  terms: string[];
}

/** English phrases (lowercase) and the Arabic terms, as written in the seeds, that they are searched with. */
export interface GlossaryEntry {
  id: string;
  en: string[];
  ar: string[];
}

/**
 * A formal English word the translations use (`establish`) and the plain words or two-word phrases people type
 * for it in questions about the treaty (`set up`, `create`).
 */
export interface RegisterEntry {
  formal: string;
  plain: string[];
}

/** Dialect forms users type (`النت`, `هالسنة`) and the Modern Standard Arabic the documents use. */
export interface ColloquialEntry {
  colloquial: string[];
  msa: string;
}

/** A browsable topic: `/treaty <slug>` runs `query`; `keywords` help users find it in either language. */
export interface Topic {
  slug: string;
  title: { en: string; ar: string };
  query: string;
  keywords: { en: string[]; ar: string[] };
}

/**
 * One variety of colloquial Arabic (see data/dialects/README.md): words dropped as stop words, and the verb
 * prefixes and clitic endings stripped from question words the index does not know.
 */
export interface DialectTable {
  variety: string;
  questionWords: string[];
  functionWords: string[];
  negation: string[];
  /**
   * Possessive particles that are also Modern Standard Arabic nouns (Iraqi and Gulf مال "of" / "money", Gulf حق
   * "of" / "right"): not stop words, but dropped from a question where one stands as a possessive.
   */
  possessives: string[];
  proclitics: string[];
  suffixes: string[];
}

/**
 * The kinds of answer a question can ask for that a passage either holds or not (see data/answer-types.json):
 * `name` is a person's name, asked by a person question about a role (who was the rapporteur).
 */
export type AnswerType = 'time' | 'duration' | 'quantity' | 'money' | 'place' | 'states' | 'person' | 'name';

/** How to recognise a question asking for one type of answer, and a passage that holds one. */
export interface AnswerTypeRule {
  /** Question words and frames: English ones ask only where a clause begins. */
  ask: { ar: string[]; en: string[] };
  /** Words that ask for the type wherever they stand (budget, year, اسم). */
  keywords: { ar: string[]; en: string[] };
  evidence: {
    digits?: boolean;
    years?: boolean;
    countries?: boolean;
    words: string[];
    patterns?: string[];
    /** Spans that look like evidence but are not (a paragraph's own number, a date for a count): blanked first. */
    notEvidence?: string[];
  };
}

export interface Lexicon {
  synonyms: SynonymGroup[];
  answerTypes: Record<AnswerType, AnswerTypeRule>;
  dialects: DialectTable[];
  glossary: GlossaryEntry[];
  colloquial: ColloquialEntry[];
  register: RegisterEntry[];
  topics: Topic[];
  /** Stop words as written in the files, without comment and blank lines. */
  stopwords: { ar: string[]; en: string[] };
}

/** The data files, relative to the data directory; useful for hashing the lexicon into an index manifest. */
export const lexiconFiles = {
  synonyms: 'synonyms.ar.json',
  glossary: 'glossary.en-ar.json',
  colloquial: 'colloquial.ar.json',
  register: 'register.en.json',
  topics: 'topics.json',
  stopwordsAr: 'stopwords.ar.txt',
  stopwordsEn: 'stopwords.en.txt',
  levantine: 'dialects/levantine.json',
  egyptian: 'dialects/egyptian.json',
  gulf: 'dialects/gulf.json',
  iraqi: 'dialects/iraqi.json',
  maghrebi: 'dialects/maghrebi.json',
  answerTypes: 'answer-types.json',
} as const;

/** The dialect tables, one file per variety. */
const dialectFiles = [
  lexiconFiles.levantine,
  lexiconFiles.egyptian,
  lexiconFiles.gulf,
  lexiconFiles.iraqi,
  lexiconFiles.maghrebi,
] as const;

/** Discord offers at most 25 autocomplete choices, and every topic must fit. */
const maxTopics = 25;

/** Where the curated data files live (next to this module, in the source tree and in dist/). */
export const defaultLexiconDir = fileURLToPath(new URL('./data/', import.meta.url));

/**
 * A sha256 over the data files' bytes, without parsing or validating them: an index built from these exact
 * files can be trusted without loading the lexicon again.
 */
export function lexiconFingerprint(dataDir: string = defaultLexiconDir): string {
  const hash = createHash('sha256');
  for (const file of Object.values(lexiconFiles).sort()) hash.update(`${file}\0`).update(readText(dataDir, file));
  return hash.digest('hex');
}

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, single hyphens)');

/** A word or phrase of at most `maxWords` words, without stray whitespace. */
const phrase = (maxWords: number) =>
  z
    .string()
    .min(1)
    .refine(
      (text) => text === text.trim() && !/\s{2,}/.test(text),
      'must not have leading, trailing or repeated spaces',
    )
    .refine((text) => wordCount(text) <= maxWords, `must have at most ${maxWords} words`);

const englishPhrase = phrase(5).refine((text) => text === text.toLowerCase(), 'must be lowercase');

const synonymsFileSchema = z
  .strictObject({
    $comment: z.string().min(1),
    groups: z.array(z.strictObject({ id: slug, terms: z.array(phrase(4)).min(2) }) satisfies z.ZodType<SynonymGroup>),
  })
  .superRefine((file, ctx) => {
    reportDuplicates(
      ctx,
      file.groups.map((group, index) => ({ value: group.id, path: ['groups', index, 'id'] })),
      'id',
    );
    reportDuplicates(
      ctx,
      file.groups.flatMap((group, index) =>
        group.terms.map((term, termIndex) => ({ value: term, path: ['groups', index, 'terms', termIndex] })),
      ),
      'term',
    );
  });

const glossaryFileSchema = z
  .strictObject({
    $comment: z.string().min(1),
    entries: z.array(
      z.strictObject({
        id: slug,
        en: z.array(englishPhrase).min(1),
        ar: z.array(phrase(8)).min(1),
      }) satisfies z.ZodType<GlossaryEntry>,
    ),
  })
  .superRefine((file, ctx) => {
    reportDuplicates(
      ctx,
      file.entries.map((entry, index) => ({ value: entry.id, path: ['entries', index, 'id'] })),
      'id',
    );
    reportDuplicates(
      ctx,
      file.entries.flatMap((entry, index) =>
        entry.en.map((text, phraseIndex) => ({ value: text, path: ['entries', index, 'en', phraseIndex] })),
      ),
      'English phrase',
    );
  });

const lowercaseWords = (maxWords: number) =>
  phrase(maxWords).refine((text) => /^[a-z]+(?: [a-z]+)*$/.test(text), 'must be lowercase words of a-z');

const registerFileSchema = z
  .strictObject({
    $comment: z.string().min(1),
    entries: z.array(
      z.strictObject({
        formal: lowercaseWords(1),
        plain: z.array(lowercaseWords(2)).min(1),
      }) satisfies z.ZodType<RegisterEntry>,
    ),
  })
  .superRefine((file, ctx) => {
    reportDuplicates(
      ctx,
      file.entries.map((entry, index) => ({ value: entry.formal, path: ['entries', index, 'formal'] })),
      'formal word',
    );
  });

const colloquialFileSchema = z
  .strictObject({
    $comment: z.string().min(1),
    entries: z.array(
      z.strictObject({ colloquial: z.array(phrase(4)).min(1), msa: phrase(4) }) satisfies z.ZodType<ColloquialEntry>,
    ),
  })
  .superRefine((file, ctx) => {
    reportDuplicates(
      ctx,
      file.entries.flatMap((entry, index) =>
        entry.colloquial.map((form, formIndex) => ({ value: form, path: ['entries', index, 'colloquial', formIndex] })),
      ),
      'colloquial form',
    );
  });

const arabicWord = z
  .string()
  .regex(new RegExp(`^[${ARABIC_LETTER_CLASS}\\u064B-\\u065F]+$`), 'must be one Arabic word');
const clitic = z.string().regex(new RegExp(`^[${ARABIC_LETTER_CLASS}]{1,3}$`), 'must be one to three Arabic letters');
/** A list of words, each once; `min` words at least. */
const uniqueWords = (item: z.ZodType<string>, min = 0) =>
  z
    .array(item)
    .min(min)
    .superRefine((words, ctx) =>
      reportDuplicates(
        ctx,
        words.map((value, index) => ({ value, path: [index] })),
        'entry',
      ),
    );

const dialectFileSchema = z.strictObject({
  $comment: z.string().min(1),
  variety: slug,
  questionWords: uniqueWords(arabicWord, 1),
  functionWords: uniqueWords(arabicWord),
  negation: uniqueWords(arabicWord),
  possessives: uniqueWords(arabicWord),
  proclitics: uniqueWords(clitic),
  suffixes: uniqueWords(clitic),
}) satisfies z.ZodType<DialectTable & { $comment: string }>;

const regExpSource = z.string().refine((pattern) => {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}, 'must be a valid regular expression');

const answerTypeRuleSchema = z.strictObject({
  ask: z.strictObject({ ar: z.array(phrase(4)).min(1), en: z.array(englishPhrase).min(1) }),
  keywords: z.strictObject({ ar: z.array(phrase(2)), en: z.array(englishPhrase) }),
  evidence: z.strictObject({
    digits: z.boolean().optional(),
    years: z.boolean().optional(),
    countries: z.boolean().optional(),
    words: uniqueWords(arabicWord),
    patterns: z.array(regExpSource).optional(),
    notEvidence: z.array(regExpSource).optional(),
  }),
}) satisfies z.ZodType<AnswerTypeRule>;

const answerTypesFileSchema = z.strictObject({
  $comment: z.string().min(1),
  types: z.strictObject({
    time: answerTypeRuleSchema,
    duration: answerTypeRuleSchema,
    quantity: answerTypeRuleSchema,
    money: answerTypeRuleSchema,
    place: answerTypeRuleSchema,
    states: answerTypeRuleSchema,
    person: answerTypeRuleSchema,
    name: answerTypeRuleSchema,
  }),
});

const topicsFileSchema = z
  .strictObject({
    $comment: z.string().min(1),
    topics: z
      .array(
        z.strictObject({
          slug,
          title: z.strictObject({ en: z.string().min(1), ar: z.string().min(1) }),
          query: phrase(40),
          keywords: z.strictObject({ en: z.array(phrase(6)).min(1), ar: z.array(phrase(6)).min(1) }),
        }) satisfies z.ZodType<Topic>,
      )
      .min(1)
      .max(maxTopics),
  })
  .superRefine((file, ctx) => {
    reportDuplicates(
      ctx,
      file.topics.map((topic, index) => ({ value: topic.slug, path: ['topics', index, 'slug'] })),
      'slug',
    );
  });

/**
 * Reads and validates every lexicon file.
 *
 * Throws `lexicon: <file> is invalid at <path>: <message>` naming the first problem, e.g.
 * `lexicon: synonyms.ar.json is invalid at groups.4.terms.1: duplicate term "معاهدة" (first at groups.1.terms.1)`.
 *
 * @param dataDir directory holding the files; defaults to `src/lexicon/data/` next to this module.
 * @example
 * const { glossary } = loadLexicon();
 */
export function loadLexicon(dataDir: string = defaultLexiconDir): Lexicon {
  return {
    synonyms: readJson(dataDir, lexiconFiles.synonyms, synonymsFileSchema).groups,
    answerTypes: readJson(dataDir, lexiconFiles.answerTypes, answerTypesFileSchema).types,
    dialects: dialectFiles.map((file) => {
      const { $comment: _, ...table } = readJson(dataDir, file, dialectFileSchema);
      return table;
    }),
    glossary: readJson(dataDir, lexiconFiles.glossary, glossaryFileSchema).entries,
    colloquial: readJson(dataDir, lexiconFiles.colloquial, colloquialFileSchema).entries,
    register: readJson(dataDir, lexiconFiles.register, registerFileSchema).entries,
    topics: readJson(dataDir, lexiconFiles.topics, topicsFileSchema).topics,
    stopwords: {
      ar: readStopwords(dataDir, lexiconFiles.stopwordsAr, false),
      en: readStopwords(dataDir, lexiconFiles.stopwordsEn, true),
    },
  };
}

function readJson<T>(dataDir: string, file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readText(dataDir, file));
  } catch (error) {
    if (error instanceof SyntaxError) throw invalid(file, '(root)', `not valid JSON (${error.message})`);
    throw error;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(file, formatPath(issue?.path ?? []), issue?.message ?? 'unknown problem');
  }
  return parsed.data;
}

/** One word per line; `#` starts a comment line; blank lines are ignored. */
function readStopwords(dataDir: string, file: string, lowercase: boolean): string[] {
  const words: string[] = [];
  const firstLine = new Map<string, number>();
  readText(dataDir, file)
    .split(/\r?\n/)
    .forEach((line, index) => {
      const word = line.trim();
      if (word === '' || word.startsWith('#')) return;
      const lineNumber = index + 1;
      const where = `line ${lineNumber}`;
      if (/\s/.test(word)) throw invalid(file, where, `"${word}" must be a single word`);
      if (lowercase && word !== word.toLowerCase()) throw invalid(file, where, `"${word}" must be lowercase`);
      const earlier = firstLine.get(word);
      if (earlier !== undefined) throw invalid(file, where, `duplicate stop word "${word}" (first at line ${earlier})`);
      firstLine.set(word, lineNumber);
      words.push(word);
    });
  if (words.length === 0) throw invalid(file, '(root)', 'has no stop words');
  return words;
}

function readText(dataDir: string, file: string): string {
  try {
    // A byte-order mark would otherwise become part of the first word or break JSON.parse.
    return readFileSync(join(dataDir, file), 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new Error(`lexicon: cannot read ${file} in ${dataDir}: ${(error as Error).message}`);
  }
}

function invalid(file: string, path: string, message: string): Error {
  return new Error(`lexicon: ${file} is invalid at ${path}: ${message}`);
}

function reportDuplicates(
  ctx: z.RefinementCtx,
  items: { value: string; path: (string | number)[] }[],
  what: string,
): void {
  const firstPath = new Map<string, (string | number)[]>();
  for (const { value, path } of items) {
    const first = firstPath.get(value);
    if (first) {
      ctx.addIssue({ code: 'custom', path, message: `duplicate ${what} "${value}" (first at ${formatPath(first)})` });
    } else {
      firstPath.set(value, path);
    }
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
