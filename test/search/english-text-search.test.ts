import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Translations } from '../../src/corpus/translations.ts';
import { silentLogger } from '../../src/logger.ts';
import { EnglishTextIndex } from '../../src/search/english-text-index.ts';
import { openSearch } from '../../src/search/open-search.ts';
import { PassageSearch } from '../../src/search/passage-search.ts';

const search = openSearch({ seedsDir: resolve('seeds'), indexDir: resolve('index'), logger: silentLogger });
const english = search.english;
if (!english) throw new Error('test: the search has no English text index');
const located = (ranked: ReturnType<typeof search.search>) =>
  ranked.map(({ analyzed }) => `${analyzed.passage.file.slice(0, 3)} ${analyzed.passage.locator}`);

describe('EnglishTextIndex', () => {
  it('analyzes English as words: stop words out, Porter stems, hyphens split, symbols kept', () => {
    expect(english.stems('When does the entry-into-force of resolution 74/247 happen?')).toEqual(
      expect.arrayContaining(['entri', 'forc', 'resolut', '74/247']),
    );
    expect(english.stems('the ratification of it')).toEqual(['ratif']);
  });

  it('finds a passage by a word only its English holds (no glossary entry)', () => {
    const [best] = english.search(english.stems('heinous'), 5);
    const passage = search.passages[best?.ordinal ?? -1];
    if (!passage) throw new Error('test: nothing found');
    expect(english.englishOf(passage)).toMatch(/heinous/i);
  });

  it('reads a plain word or phrase as the formal word the translations use, when they hold it', () => {
    const register = [
      { formal: 'perpetrator', plain: ['culprit'] },
      { formal: 'establish', plain: ['set up'] },
      { formal: 'zyzzyva', plain: ['bug'] },
    ];
    const seeds = new Map(search.passages.map(({ passage, fileText }) => [passage.file, fileText]));
    const translations = Translations.load(
      resolve('seeds'),
      [...seeds].map(([file, text]) => ({ file, text })),
    );
    const plain = new EnglishTextIndex(search.passages, translations, new Set(['who', 'up', 'the']), register);
    const { readings } = plain.questionStems('Who set up the culprit bug');
    // "set up" stands under its content word; a formal word no translation holds is no reading.
    expect(Object.fromEntries(readings)).toEqual({ set: ['establish'], culprit: ['perpetr'] });
    expect(plain.questionStems('the sun set').readings).toEqual(new Map());
    // A plain word the translations lack weighs as its formal word does.
    expect(plain.idf('culprit')).toBe(0);
    expect(plain.stemWeight('culprit', readings)).toBe(plain.idf('perpetr'));
    const [best] = plain.search(['culprit'], 3, readings);
    const passage = search.passages[best?.ordinal ?? -1];
    if (!passage) throw new Error('test: nothing found');
    expect(plain.englishOf(passage)).toMatch(/perpetrator/);
    expect(best?.terms).toEqual(['perpetr']);
    expect(plain.search(['culprit'], 3)).toEqual([]);
  });

  it("reads a passage's context in English: its document's title and the headings above it", () => {
    const ordinal = search.passages.findIndex(({ passage }) => passage.context.includes('باء - المنع'));
    const context = english.contextStems(ordinal);
    // "B. Prevention" above it; "Report on the meeting of the Expert Group … Vienna …" is the document's title.
    expect([...context]).toEqual(expect.arrayContaining(['prevent', 'report', 'expert', 'vienna', '2020']));
    // The section it is in (II. List of … recommendations) holds it; the next one (III. Summary …) does not.
    expect(context.has('recommend')).toBe(true);
    expect(context.has('summari')).toBe(false);
  });

  it("gives each stem of a passage's English the stems that follow it, stop words left out", () => {
    const report = search.passages.find(({ passage }) => passage.file.startsWith('004') && passage.locator === '¶ 2');
    if (!report) throw new Error('test: no ¶ 2');
    // "The first meeting of the Expert Group was held in Vienna …"
    const followers = english.followers(report);
    expect(followers.get('first')).toContain('meet');
    expect(followers.get('meet')).toContain('expert');
    expect(followers.has('the')).toBe(false);
  });

  it('is not available, and finds nothing, without translations', () => {
    const none = new EnglishTextIndex(search.passages, Translations.none(), new Set());
    expect(none.available).toBe(false);
    expect(none.search(['heinous'], 5)).toEqual([]);
  });
});

/** Section II of the report, whose English (List of preliminary recommendations …) says "recommendations". */
const LIST_HEADING = 'ثانياً - قائمة التوصيات والاستنتاجات الأولية التي جمعها المقرر';

describe('PassageSearch for an English question', () => {
  it('ranks a passage found only through its English translation', () => {
    const glossaryOnly = new PassageSearch(search.passages, search.index, search.lexicon);
    expect(glossaryOnly.search(glossaryOnly.plan('heinous', 'en'), 3)).toEqual([]);
    const [best] = search.search(search.plan('heinous', 'en'), 3);
    expect(best?.english?.stems).toContain('heinou');
  });

  it('gives every candidate whose English holds a word asked its English match, however far down it ranks', () => {
    const plan = search.plan('interpol vote', 'en');
    const ranked = search.search(plan, 100);
    expect(ranked.length).toBeGreaterThan(20);
    for (const { analyzed, english: match } of ranked) {
      const stems = new Set(english.stems(english.englishOf(analyzed)));
      const held = (plan.englishStems ?? []).filter((stem) => stems.has(stem));
      expect(match?.stems ?? []).toEqual(held);
    }
  });

  it("counts a word only a passage's headings hold at half, as the Arabic context counts", () => {
    const plan = search.plan('prevention recommendations on awareness campaigns', 'en');
    const stems = plan.englishStems ?? [];
    const total = stems.reduce((sum, stem) => sum + english.idf(stem), 0);
    const ranked = search.search(plan, 30);
    const underHeading = ranked.filter(
      ({ analyzed, english: match }) =>
        analyzed.passage.context.join(' | ') === `${LIST_HEADING} | باء - المنع` && !match?.stems.includes('prevent'),
    );
    expect(underHeading.length).toBeGreaterThan(0);
    for (const { english: match } of underHeading) {
      const inText = (match?.stems ?? []).reduce((sum, stem) => sum + english.idf(stem), 0);
      // prevent (B. Prevention) and recommend (II. List of … recommendations) stand in the headings.
      const inContext =
        0.5 * (english.idf('prevent') + (match?.stems.includes('recommend') ? 0 : english.idf('recommend')));
      expect(match?.coverage).toBeCloseTo(Math.min(1, (inText + inContext) / total), 10);
    }
  });

  it("looks for an English question's adjacent words in the passages' English (phrase evidence)", () => {
    const plan = search.plan('When was the very first meeting?', 'en');
    expect(plan.phrase).toEqual(plan.englishStems);
    expect(plan.phrase).toEqual(expect.arrayContaining(['first', 'meet']));
  });

  it('quotes the sentence whose English holds the words asked', () => {
    const ranked = search.search(search.plan('Boe Declaration on regional security for the Pacific Islands', 'en'), 3);
    expect(located(ranked)[0]).toBe('004 ¶ 39');
    const best = ranked[0];
    if (!best) throw new Error('test: nothing ranked');
    const window = search.excerpt(best);
    const boe = english.sentenceStems(best.analyzed).find((sentence) => sentence.stems.has('boe'));
    expect(boe).toBeDefined();
    expect(window.start).toBeLessThanOrEqual(boe?.start ?? -1);
    expect(window.end).toBeGreaterThan(boe?.start ?? Number.POSITIVE_INFINITY);
  });

  it('leaves Arabic questions to the Arabic text', () => {
    const [best] = search.search(search.plan('متى تدخل الاتفاقية حيز النفاذ؟', 'ar'), 3);
    expect(best?.english).toBeUndefined();
  });
});
