import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { TextRange } from './sentences.ts';
import { sourceHash } from './translation-units.ts';

/**
 * The unofficial English translations of the seed files (seeds/translations/en/<file>.json), made for this
 * project sentence by sentence: each sentence of each passage (translation-units.ts) has its `[start, end)`
 * offsets in the Arabic file and its English. The Arabic stays the citation; the English is shown under it,
 * labelled unofficial, and English questions search it. A file records the hash of the Arabic text it was
 * made from: when the seed changes, the translation is stale and not used (a test fails first).
 */

const TRANSLATIONS_DIR = join('translations', 'en');

const translationFileSchema = z.strictObject({
  $comment: z.string().min(1),
  file: z.string().min(1),
  sourceHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The English of the headings above passages (their `context`), which are not passages and so not sentences. */
  headings: z.array(z.strictObject({ ar: z.string().min(1), en: z.string().min(1) })),
  sentences: z
    .array(z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(1), en: z.string().min(1) }))
    .min(1),
});

export type TranslationFile = z.infer<typeof translationFileSchema>;
export type TranslatedSentence = TranslationFile['sentences'][number];

/** What was found for one seed file. */
export type TranslationStatus = 'current' | 'missing' | 'stale';

/** The translations of every seed file that has a current one. */
export class Translations {
  private constructor(
    private readonly byFile: ReadonlyMap<string, readonly TranslatedSentence[]>,
    /** Per seed file, its headings' English by their Arabic text. */
    private readonly headingsByFile: ReadonlyMap<string, ReadonlyMap<string, string>>,
    /** Per seed file, whether its translation is current, missing or stale. */
    readonly status: ReadonlyMap<string, TranslationStatus>,
  ) {}

  /** Reads `seedsDir/translations/en/<file>.json` for each seed; a stale or missing one is left out. */
  static load(seedsDir: string, documents: ReadonlyArray<{ file: string; text: string }>): Translations {
    const byFile = new Map<string, readonly TranslatedSentence[]>();
    const headingsByFile = new Map<string, ReadonlyMap<string, string>>();
    const status = new Map<string, TranslationStatus>();
    for (const { file, text } of documents) {
      const translation = readTranslationFile(seedsDir, file);
      if (!translation) status.set(file, 'missing');
      else if (translation.sourceHash !== sourceHash(text)) status.set(file, 'stale');
      else {
        status.set(file, 'current');
        byFile.set(file, translation.sentences);
        headingsByFile.set(file, new Map(translation.headings.map(({ ar, en }) => [ar, en])));
      }
    }
    return new Translations(byFile, headingsByFile, status);
  }

  /** No translations at all (for tests and a bot without them). */
  static none(): Translations {
    return new Translations(new Map(), new Map(), new Map());
  }

  /** The translated sentences of `file` that overlap `range`, in order; empty when it has no translation. */
  sentencesIn(file: string, range: TextRange): TranslatedSentence[] {
    const sentences = this.byFile.get(file) ?? [];
    // Sentences are in file order and do not overlap: find the first that ends after the range starts.
    let low = 0;
    let high = sentences.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((sentences[middle]?.end ?? 0) <= range.start) low = middle + 1;
      else high = middle;
    }
    const found: TranslatedSentence[] = [];
    for (let i = low; i < sentences.length; i++) {
      const sentence = sentences[i];
      if (!sentence || sentence.start >= range.end) break;
      found.push(sentence);
    }
    return found;
  }

  /** The English of a heading of `file` (a passage's `context` line); undefined when it has none. */
  headingEnglish(file: string, heading: string): string | undefined {
    return this.headingsByFile.get(file)?.get(heading);
  }

  /** The English of the sentences that overlap `range`, joined; undefined when none is translated. */
  englishOf(file: string, range: TextRange): string | undefined {
    const sentences = this.sentencesIn(file, range);
    return sentences.length > 0 ? sentences.map((sentence) => sentence.en).join(' ') : undefined;
  }
}

/** The translation file of one seed, validated; undefined when there is none. Throws naming a bad file. */
export function readTranslationFile(seedsDir: string, file: string): TranslationFile | undefined {
  const path = join(seedsDir, TRANSLATIONS_DIR, file.replace(/\.txt$/, '.json'));
  if (!existsSync(path)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`corpus: ${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = translationFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`corpus: ${path} is invalid at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  if (parsed.data.file !== file) throw new Error(`corpus: ${path} says it translates ${parsed.data.file}`);
  // Lookups rely on sentences in file order that do not overlap.
  parsed.data.sentences.forEach((sentence, i) => {
    const previous = parsed.data.sentences[i - 1];
    if (sentence.end <= sentence.start || (previous && sentence.start < previous.end)) {
      throw new Error(`corpus: ${path} sentence ${i} [${sentence.start}, ${sentence.end}) is empty or out of order`);
    }
  });
  return parsed.data;
}
