import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { sourceHash, translationUnits } from '../../src/corpus/translation-units.ts';
import { readTranslationFile, Translations } from '../../src/corpus/translations.ts';
import { toAsciiDigits } from '../../src/text/arabic-normalize.ts';

const seedsDir = resolve('seeds');
const corpus = loadCorpus(seedsDir);
const documents = corpus.documents.map(({ entry, text }) => {
  const translation = readTranslationFile(seedsDir, entry.file);
  if (!translation) throw new Error(`test: ${entry.file} has no translation (seeds/translations/en)`);
  const units = translationUnits(
    corpus.passages.filter((passage) => passage.file === entry.file),
    text,
  );
  const pairs = translation.sentences.map((sentence) => ({
    ...sentence,
    ar: text.slice(sentence.start, sentence.end),
  }));
  // Sentences and headings alike must keep numbers and names and never be empty.
  const texts = [...pairs, ...translation.headings];
  const contexts = new Set(corpus.passages.filter((passage) => passage.file === entry.file).flatMap((p) => p.context));
  return { file: entry.file, text, translation, units, pairs, texts, contexts };
});

/**
 * Named entities of the glossary and how the English must render them wherever the Arabic names them (the same
 * body or person spelled one way everywhere, so an English reader and the English search meet one name).
 */
const NAMED_ENTITIES: Array<[RegExp, RegExp]> = [
  [/الإنتربول|الإنترپول|المنظمة الدولية للشرطة الجنائية/, /INTERPOL|International Criminal Police Organization/],
  [/المكتب المعني بالمخدرات والجريمة|مكتب الأمم المتحدة المعني بالمخدرات والجريمة/, /UNODC|Office on Drugs and Crime/],
  [/الجمعية العامة/, /General Assembly/],
  [/هانوي/, /Hanoi/],
  [/فيتنام|فييت نام/, /Viet Nam|Vietnamese/],
  [/فيينا/, /Vienna/],
  [/غوتيريش/, /Guterres/],
  [/غادة والي/, /Ghada Waly/],
  [/فيليمون يانغ/, /Philemon Yang/],
  [/OMSAC/, /OMSAC/],
  [/اتفاقية مجلس أوروبا/, /Council of Europe/],
  [/بودابست/, /Budapest/],
];

/** Numbers, dates and symbols: digit runs with their dots, commas and slashes (74/247, 24/7, 2,5). */
function numbersOf(text: string): string[] {
  return toAsciiDigits(text).match(/\d+(?:[.,/]\d+)*/g) ?? [];
}

describe.each(documents)('the English translation of $file', ({ text, translation, units, texts, contexts }) => {
  it('was made from the seed as it is now (a changed seed makes it stale)', () => {
    expect(translation.sourceHash).toBe(sourceHash(text));
  });

  it('has one sentence for each sentence of the passage segmentation, with the same offsets', () => {
    expect(translation.sentences.map(({ start, end }) => ({ start, end }))).toEqual(units);
  });

  it('translates every heading above a passage (its context), and nothing else as a heading', () => {
    expect(new Set(translation.headings.map((heading) => heading.ar))).toEqual(contexts);
  });

  it('is never empty, Arabic or absurdly longer or shorter than its source', () => {
    for (const { ar, en } of texts) {
      expect(en.trim(), ar).not.toBe('');
      expect(en, ar).not.toMatch(/[\u0600-\u06FF]/);
      if (ar.length > 40) {
        expect(en.length / ar.length, ar).toBeGreaterThan(0.5);
        expect(en.length / ar.length, ar).toBeLessThan(3);
      }
    }
  });

  it('keeps every number, date and document symbol (Arabic-order symbols such as 247/74 in either order)', () => {
    for (const { ar, en } of texts) {
      const english = en.replace(/,/g, '');
      for (const number of numbersOf(ar)) {
        const reversed = number.split('/').reverse().join('/');
        expect(
          [number, reversed, number.replace(/,/g, '')].some((form) => english.includes(form) || en.includes(form)),
          `${number} in "${ar}" → "${en}"`,
        ).toBe(true);
      }
    }
  });

  it('renders the named entities of the glossary one way', () => {
    for (const { ar, en } of texts) {
      for (const [arabic, english] of NAMED_ENTITIES) {
        if (arabic.test(ar)) expect(en, ar).toMatch(english);
      }
    }
  });
});

describe('Translations', () => {
  const translations = Translations.load(
    seedsDir,
    corpus.documents.map(({ entry, text }) => ({ file: entry.file, text })),
  );

  it('uses every current translation', () => {
    expect([...translations.status.values()].every((status) => status === 'current')).toBe(true);
  });

  it('gives the English of exactly the sentences a range overlaps', () => {
    const [first] = documents;
    const [one, two, three] = first?.pairs ?? [];
    if (!first || !one || !two || !three) throw new Error('test: too few sentences');
    expect(translations.englishOf(first.file, { start: one.start, end: two.start + 1 })).toBe(`${one.en} ${two.en}`);
    expect(translations.englishOf(first.file, { start: three.start, end: three.end })).toBe(three.en);
  });

  it("gives a heading's English by its Arabic", () => {
    const report = documents.find((document) => document.file.startsWith('004'));
    expect(translations.headingEnglish(report?.file ?? '', 'باء - المنع')).toBe('B. Prevention');
    expect(translations.headingEnglish(report?.file ?? '', 'no such heading')).toBeUndefined();
  });

  it('refuses a file whose sentences overlap or are not JSON, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'treaty-translations-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(join(dir, 'translations', 'en'), { recursive: true });
    const path = join(dir, 'translations', 'en', '000_a.json');
    const file = (sentences: unknown) =>
      JSON.stringify({ $comment: 'c', file: '000_a.txt', sourceHash: 'a'.repeat(64), headings: [], sentences });
    writeFileSync(
      path,
      file([
        { start: 0, end: 10, en: 'one' },
        { start: 5, end: 20, en: 'two' },
      ]),
    );
    expect(() => readTranslationFile(dir, '000_a.txt')).toThrow(
      /000_a\.json sentence 1 \[5, 20\) is empty or out of order/,
    );
    writeFileSync(path, '{');
    expect(() => readTranslationFile(dir, '000_a.txt')).toThrow(/000_a\.json is not JSON/);
  });

  it('leaves out a stale translation', () => {
    const stale = Translations.load(
      seedsDir,
      corpus.documents.map(({ entry, text }) => ({ file: entry.file, text: `${text} ` })),
    );
    expect([...stale.status.values()]).toEqual(corpus.documents.map(() => 'stale'));
    expect(stale.englishOf(corpus.documents[0]?.entry.file ?? '', { start: 0, end: 100 })).toBeUndefined();
  });
});
