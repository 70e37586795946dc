import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stemmer } from 'stemmer';
import { afterEach, describe, expect, it } from 'vitest';
import { type Lexicon, lexiconFiles, loadLexicon } from '../../src/lexicon/lexicon.ts';
import { englishStem } from '../../src/text/english.ts';

const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));
const dataDir = fileURLToPath(new URL('../../src/lexicon/data/', import.meta.url));

/** The topics the design names; the command grammar and the help text rely on them. */
const mandatoryTopics = [
  'entry-into-force',
  'signature',
  'ratification',
  'adoption',
  'interpol',
  'human-rights',
  'mutual-legal-assistance',
  'extradition',
  'electronic-evidence',
  'prevention',
  'capacity-building',
];

/**
 * Arabic terms allowed to occur in no seed file and in no occurring synonym group. Keep this list short:
 * a term the documents never use cannot match anything.
 */
const termsNotInSeeds: string[] = [];

/** Deliberately simpler than the analyzer: enough to tell whether a term is written in the seeds at all. */
function normalize(text: string): string {
  return text
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/پ/g, 'ب');
}

const seedText = readdirSync(seedsDir)
  .filter((file) => file.endsWith('.txt'))
  .map((file) => normalize(readFileSync(join(seedsDir, file), 'utf8')))
  .join('\n');

const inSeeds = (term: string) => seedText.includes(normalize(term));

const lexicon: Lexicon = loadLexicon();
const arabicStopwords = new Set(lexicon.stopwords.ar.map(normalize));
const englishStopwords = new Set(lexicon.stopwords.en);

/** Synonym terms (normalized) whose group has at least one term written in the seeds. */
const termsOfOccurringGroups = new Set(
  lexicon.synonyms.filter((group) => group.terms.some(inSeeds)).flatMap((group) => group.terms.map(normalize)),
);
const synonymTerms = new Set(lexicon.synonyms.flatMap((group) => group.terms.map(normalize)));

const searchable = (term: string) =>
  inSeeds(term) || termsOfOccurringGroups.has(normalize(term)) || termsNotInSeeds.includes(term);

/** Words of an Arabic query or phrase that search would keep. */
function contentWords(text: string): string[] {
  return (normalize(text).match(/[\p{L}\p{N}/]+/gu) ?? []).filter((word) => !arabicStopwords.has(word));
}

/**
 * Whether an Arabic term keeps a word once stop words are dropped. Search drops a stop word also when a
 * conjunction و/ف is glued to it, so `والي` (Ghada Waly) reads as و + الي and vanishes.
 */
function keepsContentWord(term: string): boolean {
  return (normalize(term).match(/[\p{L}\p{N}/]+/gu) ?? []).some(
    (word) => !arabicStopwords.has(word) && !(/^[وف]/.test(word) && arabicStopwords.has(word.slice(1))),
  );
}

/**
 * What an English glossary phrase is compiled to: its non-stop words, Porter-stemmed like the analyzer does.
 * Two entries with the same key would compete for the same words of a question.
 */
function englishKey(phrase: string): string {
  return (phrase.match(/[a-z0-9\u00C0-\u024F]+(?:['’]s)?(?:[-/.,:][a-z0-9\u00C0-\u024F]+)*/g) ?? [])
    .map((word) => word.replace(/['’]s$/, ''))
    .filter((word) => !englishStopwords.has(word))
    .map((word) => englishStem(word))
    .join(' ');
}

/** A query word counts as present when it occurs as written or without a leading conjunction و. */
const wordInSeeds = (word: string) =>
  seedText.includes(word) || (word.startsWith('و') && word.length > 3 && seedText.includes(word.slice(1)));

function duplicates(values: string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

describe('loadLexicon', () => {
  it('loads every data file with the expected amount of curated data', () => {
    expect(lexicon.synonyms.length).toBeGreaterThanOrEqual(60);
    expect(lexicon.glossary.length).toBeGreaterThanOrEqual(250);
    expect(lexicon.colloquial.length).toBeGreaterThanOrEqual(40);
    expect(lexicon.topics.length).toBeGreaterThanOrEqual(15);
    expect(lexicon.topics.length).toBeLessThanOrEqual(25);
    expect(lexicon.stopwords.ar).toContain('هل');
    expect(lexicon.stopwords.en).toContain('what');
  });

  it('drops comment and blank lines from the stop word files', () => {
    for (const word of [...lexicon.stopwords.ar, ...lexicon.stopwords.en]) {
      expect(word).not.toMatch(/^#|^\s*$/);
    }
  });

  describe('on bad data', () => {
    let dir = '';
    const withFile = (file: string, edit: (text: string) => string) => {
      dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
      cpSync(dataDir, dir, { recursive: true });
      writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
      return dir;
    };
    afterEach(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = '';
    });

    it('names the file and the path of a duplicate id', () => {
      const bad = withFile(lexiconFiles.synonyms, (text) => {
        const file = JSON.parse(text);
        file.groups[1].id = file.groups[0].id;
        return JSON.stringify(file);
      });
      expect(() => loadLexicon(bad)).toThrow(/^lexicon: synonyms\.ar\.json is invalid at groups\.1\.id: duplicate id/);
    });

    it('names the file and the path of a schema violation', () => {
      const bad = withFile(lexiconFiles.glossary, (text) => {
        const file = JSON.parse(text);
        file.entries[2].en.push('Entry Into Force');
        return JSON.stringify(file);
      });
      expect(() => loadLexicon(bad)).toThrow(
        /^lexicon: glossary\.en-ar\.json is invalid at entries\.2\.en\.\d+: must be lowercase/,
      );
    });

    it('rejects a duplicate topic slug', () => {
      const bad = withFile(lexiconFiles.topics, (text) => {
        const file = JSON.parse(text);
        file.topics.push(file.topics[0]);
        return JSON.stringify(file);
      });
      expect(() => loadLexicon(bad)).toThrow(/^lexicon: topics\.json is invalid at topics\.\d+\.slug: duplicate slug/);
    });

    it('reports JSON syntax errors', () => {
      const bad = withFile(lexiconFiles.colloquial, (text) => text.slice(0, -10));
      expect(() => loadLexicon(bad)).toThrow(/^lexicon: colloquial\.ar\.json is invalid at \(root\): not valid JSON/);
    });

    it('reports the line of a bad stop word', () => {
      const bad = withFile(lexiconFiles.stopwordsEn, () => '# header\nthe\n\nof course\n');
      expect(() => loadLexicon(bad)).toThrow(/^lexicon: stopwords\.en\.txt is invalid at line 4: "of course"/);
    });
  });
});

describe('synonyms.ar.json', () => {
  it('has unique group ids', () => {
    expect(duplicates(lexicon.synonyms.map((group) => group.id))).toEqual([]);
  });

  it('puts each term, once normalized, in one group only', () => {
    expect(duplicates(lexicon.synonyms.flatMap((group) => [...new Set(group.terms.map(normalize))]))).toEqual([]);
  });

  it('has at least one term per group that the seeds contain', () => {
    const unseen = lexicon.synonyms.filter((group) => !group.terms.some(inSeeds)).map((group) => group.id);
    expect(unseen).toEqual([]);
  });

  it('keeps a content word in every term', () => {
    expect(lexicon.synonyms.flatMap((group) => group.terms).filter((term) => !keepsContentWord(term))).toEqual([]);
  });

  it('contains no stop word as a term', () => {
    const stops = lexicon.synonyms
      .flatMap((group) => group.terms)
      .filter((term) => arabicStopwords.has(normalize(term)));
    expect(stops).toEqual([]);
  });
});

describe('glossary.en-ar.json', () => {
  it('has unique entry ids', () => {
    expect(duplicates(lexicon.glossary.map((entry) => entry.id))).toEqual([]);
  });

  it('lists each English phrase in one entry only', () => {
    const phrases = lexicon.glossary.flatMap((entry) => [
      ...new Set(entry.en.map((text) => text.replace(/\s+/g, ' ').trim())),
    ]);
    expect(duplicates(phrases)).toEqual([]);
  });

  it('gives each English phrase words that no other entry compiles to', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const entry of lexicon.glossary) {
      for (const phrase of entry.en) {
        const key = englishKey(phrase);
        const first = owner.get(key);
        if (key === '') clashes.push(`${entry.id}: "${phrase}" is all stop words`);
        else if (first === undefined) owner.set(key, entry.id);
        else if (first !== entry.id) clashes.push(`${entry.id}: "${phrase}" reads like an English phrase of ${first}`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('keeps a content word in every Arabic term', () => {
    const empty = lexicon.glossary.flatMap((entry) => entry.ar.filter((term) => !keepsContentWord(term)));
    expect(empty).toEqual([]);
  });

  it('only uses Arabic terms the seeds contain, directly or through a synonym group', () => {
    const unsearchable = lexicon.glossary.flatMap((entry) =>
      entry.ar.filter((term) => !searchable(term)).map((term) => `${entry.id}: ${term}`),
    );
    expect(unsearchable).toEqual([]);
  });

  it('keeps single-word phrases out of the stop word lists', () => {
    const stops = lexicon.glossary.flatMap((entry) => [
      ...entry.en.filter((text) => englishStopwords.has(text)),
      ...entry.ar.filter((term) => arabicStopwords.has(normalize(term))),
    ]);
    expect(stops).toEqual([]);
  });

  it('covers the vocabulary the design names', () => {
    const english = new Set(lexicon.glossary.flatMap((entry) => entry.en));
    for (const phrase of [
      'entry into force',
      'ratification',
      'signature',
      'accession',
      'mutual legal assistance',
      'extradition',
      'electronic evidence',
      '24/7 network',
      'capacity building',
      'data preservation',
      'data retention',
      'child sexual abuse',
      'human rights',
      'interpol',
      'hanoi',
      'general assembly',
    ]) {
      expect(english, phrase).toContain(phrase);
    }
  });
});

describe('colloquial.ar.json', () => {
  const forms = lexicon.colloquial.flatMap((entry) => entry.colloquial);

  it('lists each form once, outside the synonym groups and the stop words', () => {
    const normalized = forms.map(normalize);
    expect(duplicates(normalized)).toEqual([]);
    expect(forms.filter((form) => synonymTerms.has(normalize(form)))).toEqual([]);
    expect(forms.filter((form) => arabicStopwords.has(normalize(form)))).toEqual([]);
  });

  it('keeps a content word in every form and every replacement', () => {
    const empty = lexicon.colloquial
      .flatMap((entry) => [...entry.colloquial, entry.msa])
      .filter((term) => !keepsContentWord(term));
    expect(empty).toEqual([]);
  });

  it('keeps two content words in a multi-word form, so that it never replaces a single common word', () => {
    const weak = forms.filter((form) => form.includes(' ') && contentWords(form).length < 2);
    expect(weak).toEqual([]);
  });

  it('maps to Modern Standard Arabic the seeds contain', () => {
    const missing = lexicon.colloquial
      .filter((entry) => !contentWords(entry.msa).every((word) => searchable(word)))
      .map((entry) => entry.msa);
    expect(missing).toEqual([]);
  });
});

describe('register.en.json', () => {
  const translated = new Set(
    readdirSync(join(seedsDir, 'translations', 'en')).flatMap((file) =>
      (
        readFileSync(join(seedsDir, 'translations', 'en', file), 'utf8')
          .toLowerCase()
          .match(/[a-z]+/g) ?? []
      ).map((word) => stemmer(word)),
    ),
  );
  const plain = lexicon.register.flatMap((entry) => entry.plain);

  it('maps plain words to formal words the translations hold', () => {
    expect(
      lexicon.register.filter((entry) => !translated.has(stemmer(entry.formal))).map((entry) => entry.formal),
    ).toEqual([]);
  });

  it('lists a plain word or phrase once per entry, with a content word, and never a form of its own formal word', () => {
    expect(lexicon.register.flatMap((entry) => duplicates(entry.plain))).toEqual([]);
    expect(plain.filter((item) => item.split(' ').every((word) => englishStopwords.has(word)))).toEqual([]);
    const ownForms = lexicon.register.filter((entry) =>
      entry.plain.some((item) => item.split(' ').some((word) => stemmer(word) === stemmer(entry.formal))),
    );
    expect(ownForms.map((entry) => entry.formal)).toEqual([]);
  });
});

describe('stop word lists', () => {
  it('hold single words only', () => {
    for (const word of [...lexicon.stopwords.ar, ...lexicon.stopwords.en]) expect(word).not.toMatch(/\s/);
  });

  it('keep the plural of دولة, which Egyptian also uses for "these", out of the Arabic list', () => {
    expect(lexicon.stopwords.ar).not.toContain('دول');
  });
});

describe('topics.json', () => {
  it('has unique kebab-case slugs including every mandatory topic', () => {
    const slugs = lexicon.topics.map((topic) => topic.slug);
    expect(duplicates(slugs)).toEqual([]);
    for (const slug of mandatoryTopics) expect(slugs).toContain(slug);
  });

  it('writes each query with words the seeds contain', () => {
    const missing = lexicon.topics.flatMap((topic) =>
      contentWords(topic.query)
        .filter((word) => !wordInSeeds(word))
        .map((word) => `${topic.slug}: ${word}`),
    );
    expect(missing).toEqual([]);
  });

  it('uses Arabic keywords the seeds contain', () => {
    const missing = lexicon.topics.flatMap((topic) =>
      topic.keywords.ar.filter((keyword) => !searchable(keyword)).map((keyword) => `${topic.slug}: ${keyword}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('answer-types.json', () => {
  // A question word left in the question is searched as a word: فوقاش (Maghrebi "when") had read as ف + الوقاية.
  it('has every one-word Arabic question word among the stop words, save the nouns that ask (كمية، مقدار)', () => {
    const askingNouns = ['كمية', 'مقدار'];
    const stopWords = new Set(
      [
        ...lexicon.stopwords.ar,
        ...lexicon.dialects.flatMap((table) => [...table.questionWords, ...table.functionWords]),
      ].map(normalize),
    );
    const { name: _roles, ...questionTypes } = lexicon.answerTypes;
    const kept = Object.values(questionTypes)
      .flatMap((rule) => rule.ask.ar)
      .filter((phrase) => !phrase.includes(' ') && !askingNouns.includes(phrase) && !stopWords.has(normalize(phrase)));
    expect(kept).toEqual([]);
  });

  // A name answers "who was the rapporteur" only if it is a person the documents name (answer-type.ts).
  it('lists as names only words of people the seeds name, as written there', () => {
    const missing = lexicon.answerTypes.name.evidence.words.filter((word) => !inSeeds(word));
    expect(missing).toEqual([]);
  });

  it('lists no name that is also a common word once normalized (والي is وإلى)', () => {
    const common = lexicon.answerTypes.name.evidence.words.filter((word) => !keepsContentWord(word));
    expect(common).toEqual([]);
  });
});
