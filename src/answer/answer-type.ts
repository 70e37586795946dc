import type { AnswerType, AnswerTypeRule } from '../lexicon/lexicon.ts';
import { normalizeArabic, toAsciiDigits } from '../text/arabic-normalize.ts';
import { escapeRegExp } from '../text/escape-regexp.ts';
import { namesCountry } from './country-names.ts';
import type { EvidenceText } from './type-evidence.ts';
import { ENGLISH_AUXILIARIES, followsAt, normalizedWords, withoutProclitic } from './word-sequence.ts';

/** The words that open a yes/no question (normalized), and the English auxiliaries that do. */
const YES_NO_ARABIC = new Set(['هل', 'وهل', 'فهل']);
// Not a polite request: "Can you tell me the number of …", "Do you know the deadline".
const YES_NO_ENGLISH =
  /^\s*(?:is|are|was|were|does|do|did|will|would|can|could|should|has|have|had)\b(?!\s+(?:you|u)\s+(?:please\s+)?(?:tell|give|show|list|name|say|share|provide|find|know|explain)\b)/i;
/** Number words that stand between a question word and its noun ("which five countries"). */
const ENGLISH_NUMBER_WORDS = 'two three four five six seven eight nine ten eleven twelve fifteen twenty'.split(' ');
/** The same in Arabic, normalized, in standard and colloquial spellings; with or without the article. */
const ARABIC_NUMBER_WORDS = new Set(
  'اثنان اثنتان اثنين اثنتين اتنين تنين ثلاث ثلاثه تلات تلاته اربع اربعه خمس خمسه ست سته سبع سبعه ثمان ثماني ثمانيه تمانيه تسع تسعه عشر عشره عشرين عشرون'
    .split(' ')
    .flatMap((word) => [word, `ال${word}`]),
);

/**
 * Money as a noun (normalized): asked for as an amount only after a quantity word (شكد فلوس), since a question
 * that names it otherwise is about money laundering or the proceeds of crime, not an amount.
 */
const MONEY_NOUNS = new Set(['فلوس', 'مصاري', 'اموال', 'مال', 'تمويل', 'دراهم'].flatMap((word) => [word, `ال${word}`]));

/**
 * Words after which a question word or keyword names a topic instead of asking: "what did they say about the
 * retention period" (عن مدة) asks for no duration, "information on where the suspect is" (على فين) for no place.
 */
const TOPIC_MARKERS = new Set(['عن', 'حول', 'بخصوص', 'بشأن', 'على', 'النظر'].map(normalizeArabic));

/** True when the word at `i` follows a topic marker (see TOPIC_MARKERS). */
function embedded(words: readonly string[], i: number): boolean {
  return TOPIC_MARKERS.has(words[i - 1] ?? '');
}

/**
 * باسم (on behalf of, in the name of) is a preposition of its own, not ب + اسم (name): "who spoke on behalf of
 * the Group of 77" asks who, "the spokesman for Guterres" asks for no name. With a conjunction too (وباسم).
 */
const ON_BEHALF_OF = /^[وف]?باسم$/;

/**
 * في before a keyword frames it, as "in" or, colloquially, "is there": في مدة محددة؟ (is there a set period?), في
 * عام 2020 (in the year 2020) ask for no duration or year. A question word after في still asks (في أي بلد).
 */
const FRAMES_A_KEYWORD = new Set(['في']);

/** أي (which) with a preposition and maybe a conjunction, normalized: بأي، لأي، وبأية. */
const PREPOSITION_AND_WHICH = /^[وف]?[بل]اي[هة]?$/;

/** The pronouns a person question word may take before its noun (مين هو، منو هي), normalized. */
const PRONOUNS = new Set(['هو', 'هي', 'هيا', 'هوا']);
/** A capitalized name right after "who is / was" (Who is Philemon Yang?); not an acronym (Who is INTERPOL's …). */
const ENGLISH_NAMED_PERSON = /^\s+(?:is|was)\s+[A-Z][a-z]/;

/** The types whose answer is a number, which a number the question states cannot be. */
const COUNT_TYPES: ReadonlySet<AnswerType> = new Set(['quantity', 'money', 'duration']);
/** A number in ASCII digits, maybe grouped by commas (1,006). */
const NUMBER = /\d[\d,]*/g;
const NO_NUMBERS: ReadonlySet<string> = new Set();

function withoutGrouping(number: string): string {
  return number.replace(/,/g, '');
}

/**
 * The numbers a question states (its words are normalized: digits in ASCII), without grouping commas, for
 * blankNotEvidence. A date asked about keeps its own year: "when in July 2020" is answered by "29 July 2020".
 */
export function statedNumbers(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.filter((word) => /^\d[\d,]*$/.test(word)).map(withoutGrouping));
}

/**
 * How many words after a person question word a role may stand to ask for a name: the question word, maybe a
 * pronoun or a verb (هو، كان; is the), then the role. Further on, a role is part of what the question is about.
 */
const ROLE_WINDOW = 3;
/** The same in English, which puts an article and maybe a body's name before the role: is the INTERPOL Secretary. */
const ENGLISH_ROLE_WINDOW = ROLE_WINDOW + 1;

/** The word for "number" before a number cites something (القرار رقم 3, resolution number 3) and asks for none. */
const ARABIC_NUMBER_WORD = 'رقم';
const ENGLISH_NUMBER_WORD = 'number';

/** The words without each ARABIC_NUMBER_WORD that a number follows. */
function withoutReferences(words: readonly string[]): string[] {
  return words.filter((word, i) => !(word === ARABIC_NUMBER_WORD && /^\d/.test(toAsciiDigits(words[i + 1] ?? ''))));
}

/** An English keyword as a pattern: the number word not before a number (see ARABIC_NUMBER_WORD). */
function englishKeywordPattern(keyword: string): string {
  return keyword === ENGLISH_NUMBER_WORD ? `${escapeRegExp(keyword)}(?!\\s*\\d)` : escapeRegExp(keyword);
}

/** The text with every match of the patterns blanked out, its length and offsets kept. */
export function blanked(text: string, patterns: readonly RegExp[]): string {
  let kept = text;
  for (const pattern of patterns) kept = kept.replace(pattern, (match) => ' '.repeat(match.length));
  return kept;
}

/**
 * The words without numbers, in digits or in words. A number with the article gives it to a bare noun after it:
 * الخمس دول is الدول الخمس.
 */
function withoutNumbers(words: readonly string[]): string[] {
  const kept: string[] = [];
  let article = false;
  for (const word of words) {
    if (/^\d+$/.test(toAsciiDigits(word)) || ARABIC_NUMBER_WORDS.has(word)) {
      article = word.startsWith('ال');
      continue;
    }
    kept.push(article && !word.startsWith('ال') && /^\p{Script=Arabic}/u.test(word) ? `ال${word}` : word);
    article = false;
  }
  return kept;
}

/** A number between "which" or "what" and its noun ("which 19 countries", "which five states"). */
const NUMBER_AFTER_WHICH = new RegExp(`(?<=\\b(?:which|what)\\s+)(?:\\d+|${ENGLISH_NUMBER_WORDS.join('|')})\\s+`, 'gi');

/** An answer type's rule (lexicon.ts), its patterns compiled. */
interface CompiledRule {
  type: AnswerType;
  english: RegExp;
  englishKeyword: RegExp;
  words: ReadonlySet<string>;
  digits: boolean;
  years: boolean;
  countries: boolean;
  patterns: RegExp[];
  notEvidence: RegExp[];
}

/**
 * What kind of answer a question asks for (a time, a quantity, a place, a person or body) and whether a passage
 * holds one. The typical on-topic question the documents cannot answer asks for exactly such a span that the
 * best passage lacks: "when does the first conference of the parties meet", "how much money was recovered".
 * The rules are data: src/lexicon/data/answer-types.json.
 */
export class AnswerTypes {
  /** The quantity question phrases (كم، how many), as normalized words, longest first. */
  private readonly quantityPhrases: string[][];
  /** Arabic question phrases by their first word, for one pass over the question. */
  private readonly arabicByFirstWord = new Map<
    string,
    Array<{ type: AnswerType; phrase: string[]; keyword: boolean }>
  >();
  private readonly rules: CompiledRule[];
  /** The roles and offices after a person question word that ask for a person's name (see `roleFollowsArabic`). */
  private readonly roles: { ar: ReadonlySet<string>; en: ReadonlySet<string> };
  /** The words of the names of the people the documents name (the name type's evidence), normalized. */
  private readonly people: ReadonlySet<string>;
  /** True when every English question word and keyword has a Latin letter: a question without one asks none. */
  private readonly englishNeedsLetter: boolean;

  constructor(rules: Record<AnswerType, AnswerTypeRule>) {
    // A name is asked by a person question about a role: its `ask` words are roles, not question words.
    const { name, ...questionRules } = rules;
    this.roles = { ar: new Set(name.ask.ar.map(normalizeArabic)), en: new Set(name.ask.en) };
    this.people = new Set(name.evidence.words.map(normalizeArabic));
    const anyAsk = Object.values(questionRules)
      .flatMap((rule) => rule.ask.en)
      .map(escapeRegExp)
      .join('|');
    // (An empty list of question words would match anywhere: see `english` below.)
    const asksNeedLetter = (rule: AnswerTypeRule) => rule.ask.en.length > 0 && rule.ask.en.every(hasLatinLetter);
    this.englishNeedsLetter = Object.entries(rules).every(
      ([type, rule]) => (type === 'name' || asksNeedLetter(rule)) && rule.keywords.en.every(hasLatinLetter),
    );
    this.rules = (Object.entries(rules) as Array<[AnswerType, AnswerTypeRule]>).map(([type, rule]) => {
      const ask = type === 'name' ? '(?!)' : rule.ask.en.map(escapeRegExp).join('|');
      // "Which" with its noun asks wherever it stands, a keyword query's middle too ("INTERPOL resolution which
      // countries abstained"), unless "states" is the verb ("Article 2, which states that …") or the noun is the
      // subject of a relative clause ("the obligations which States should meet", "which states parties adopt").
      const which =
        rule.ask.en
          .filter((phrase) => phrase.startsWith('which '))
          .map(escapeRegExp)
          .join('|') || '(?!)';
      return {
        type,
        // An English question word asks only at the start of a clause, a dash's too ("… AFRIPOL — which country was
        // that?"): "when" in "when states cooperate, …" or "who" in "the rapporteur who compiled" does not. Or
        // last, where a keyword query puts it ("expert group first meeting when, where?"), except for who / whom
        // after a preposition ("what damage, and on whom?").
        english: new RegExp(
          `(?:^|[,;:?.!—–]\\s*|\\b(?:and|or|but)\\s+)(?:${ask})\\b|\\b(?:${which})\\b(?!\\s+(?:that|parties|${[...ENGLISH_AUXILIARIES].join('|')})\\b)|(?<!\\b(?:on|to|for|with|by|from|of|about|against|at|in)\\s+(?=who))\\b(?:${ask})(?=(?:[\\s,]+(?:${anyAsk}))*\\s*[?؟.!]*\\s*$)`,
          'i',
        ),
        // A keyword after "of" or "about" names a topic, as after عن in Arabic: "loss of location data".
        englishKeyword: new RegExp(
          `(?<!\\b(?:of|about)\\s+(?:(?:the|a|an|its|their)\\s+)?)\\b(?:${rule.keywords.en.map(englishKeywordPattern).join('|') || '(?!)'})\\b`,
          'i',
        ),
        words: new Set(rule.evidence.words.map((word) => normalizeArabic(word))),
        digits: rule.evidence.digits === true,
        years: rule.evidence.years === true,
        countries: rule.evidence.countries === true,
        patterns: (rule.evidence.patterns ?? []).map((pattern) => new RegExp(pattern, 'u')),
        notEvidence: (rule.evidence.notEvidence ?? []).map((pattern) => new RegExp(pattern, 'gu')),
      };
    });
    this.quantityPhrases = [...rules.quantity.ask.ar, ...rules.quantity.ask.en]
      .map((text) => normalizedWords(text))
      .sort((a, b) => b.length - a.length);
    for (const [type, rule] of Object.entries(questionRules) as Array<[AnswerType, AnswerTypeRule]>) {
      const phrases = [
        ...rule.ask.ar.map((text) => ({ text, keyword: false })),
        ...rule.keywords.ar.map((text) => ({ text, keyword: true })),
      ];
      for (const { text, keyword } of phrases) {
        const phrase = normalizedWords(text);
        const first = phrase[0];
        if (!first) continue;
        this.arabicByFirstWord.set(first, [...(this.arabicByFirstWord.get(first) ?? []), { type, phrase, keyword }]);
      }
    }
  }

  /**
   * The types of answer the question asks for (a question may ask when and where at once). `words` are the
   * question's normalized words when the caller has them already.
   */
  asked(question: string, words: readonly string[] = normalizedWords(question)): AnswerType[] {
    const types = new Set<AnswerType>();
    // A number between the question word and its noun asks the same: "which 19 countries", "which five states",
    // "أي ١٩ دولة", "وش هي الخمس دول".
    const asking = mainEnglishClause(question).replace(NUMBER_AFTER_WHICH, '');
    // A yes/no question asks for confirmation: "هل يُنصح بقياس الكلفة" does not ask for an amount. Its question
    // words still ask ("Is there a handbook, and who wrote it?").
    const yesNo = YES_NO_ARABIC.has(words[0] ?? '') || YES_NO_ENGLISH.test(question);
    // Without a Latin letter, the English patterns are not run (they cannot match; see englishNeedsLetter), nor is
    // the name type's, which matches nothing.
    const englishRules = this.englishNeedsLetter && !hasLatinLetter(asking) ? [] : this.rules;
    for (const rule of englishRules) {
      const questionWord = rule.type === 'name' ? null : rule.english.exec(asking);
      const after = questionWord ? asking.slice(questionWord.index + questionWord[0].length) : '';
      // "Who is Philemon Yang?" asks what he is, not for a person.
      if (rule.type === 'person' && ENGLISH_NAMED_PERSON.test(after)) continue;
      if (questionWord || (!yesNo && rule.englishKeyword.test(asking))) types.add(rule.type);
      if (questionWord && rule.type === 'person' && this.roleFollowsEnglish(after)) types.add('name');
    }
    const unnumbered = withoutNumbers(withoutReferences(words));
    unnumbered.forEach((word, i) => {
      if (embedded(unnumbered, i)) return;
      // A question word may carry a conjunction (ووين، وإمتى); a keyword also a preposition (للكلفة) or a pronoun
      // ending (أساميهم، ميزانيتها). Not a question word: Maghrebi كاين (there is) is no ك + أين.
      const questionForms = new Set([word, /^[وف]../.test(word) ? word.slice(1) : word]);
      // "Which" may also carry a preposition (بأي سنة، لأي دولة), in a phrase of several words.
      const which = PREPOSITION_AND_WHICH.test(word) ? word.replace(/^[وف]?[بل]/, '') : undefined;
      const bare = ON_BEHALF_OF.test(word) ? word : withoutProclitic(word);
      const forms = new Set([...questionForms, bare, withoutPronoun(word), which ?? word]);
      const framed = FRAMES_A_KEYWORD.has(unnumbered[i - 1] ?? '');
      const here = new Set<AnswerType>();
      for (const form of forms) {
        for (const { type, phrase, keyword } of this.arabicByFirstWord.get(form) ?? []) {
          const asks = questionForms.has(form) || (form === which && phrase.length > 1);
          if (!keyword && !asks) continue;
          if ((keyword && (yesNo || framed)) || !followsAt(unnumbered, i, phrase)) continue;
          // "مين هو فيليمون يانغ؟" asks what he is, not for a person.
          if (type === 'person' && !keyword && this.personNamedAt(unnumbered, i + phrase.length)) continue;
          here.add(type);
          if (type === 'person' && !keyword && this.roleFollowsArabic(unnumbered, i, phrase.length)) here.add('name');
        }
      }
      // "Who" with the word for states asks which states (منو الدولة اللي اقترحت), not for a person.
      if (here.has('states')) here.delete('person');
      for (const type of here) types.add(type);
    });
    // A question about a role asks for the person's name: any organisation or role word does not answer it.
    if (types.has('name')) types.delete('person');
    if (types.has('states')) types.delete('name');
    // Money is a topic (غسل الأموال، فلوس الجرايم) until a quantity word counts it: شكد فلوس، كم من الأموال.
    const counted = types.has('quantity') ? this.afterQuantityPhrase(words) : undefined;
    if (counted !== undefined) {
      const noun = words[counted] === 'من' ? words[counted + 1] : words[counted];
      if (noun !== undefined && MONEY_NOUNS.has(noun)) types.add('money');
    }
    return this.rules.map((rule) => rule.type).filter((type) => types.has(type));
  }

  /**
   * True when a role or an office stands among the few words from the person question word at `i` on (its
   * phrase is `length` words): منو هو الأمين العام، شو اسم المتحدث، مين ترأس، مين كان رئيس الدورة.
   */
  private roleFollowsArabic(words: readonly string[], i: number, length: number): boolean {
    for (let j = i + 1; j <= i + length + ROLE_WINDOW - 1 && j < words.length; j++) {
      if (this.roles.ar.has(words[j] ?? '')) return true;
    }
    return false;
  }

  /** True when a person the documents name stands at `at`, maybe after a pronoun (مين هو فيليمون يانغ). */
  private personNamedAt(words: readonly string[], at: number): boolean {
    const next = PRONOUNS.has(words[at] ?? '') ? at + 1 : at;
    return this.people.has(words[next] ?? '');
  }

  /**
   * The same for the English text after a person question word: "was the rapporteur", "is the INTERPOL Secretary
   * General", "currently heads", "of the rapporteur" (after "what's the name").
   */
  private roleFollowsEnglish(text: string): boolean {
    const words = text.toLowerCase().match(/[a-z][a-z'’-]*/g) ?? [];
    return words.slice(0, ENGLISH_ROLE_WINDOW).some((word) => this.roles.en.has(word.replace(/['’]s$/, '')));
  }

  /**
   * Where the words after the question's first quantity phrase start ("كم دولة" → the index of دولة), for the
   * noun it counts; undefined when it has none.
   */
  afterQuantityPhrase(words: readonly string[]): number | undefined {
    for (let i = 0; i < words.length; i++) {
      const form = /^[وف]../.test(words[i] ?? '') ? (words[i] ?? '').slice(1) : undefined;
      for (const phrase of this.quantityPhrases) {
        const matches = (first: string | undefined) => first === phrase[0] && followsAt(words, i, phrase);
        if (matches(words[i]) || matches(form)) return i + phrase.length;
      }
    }
    return undefined;
  }

  /**
   * The text without the spans that are no evidence (`evidence.notEvidence`), offsets kept; digits in ASCII. For
   * a count, also without the numbers the question states itself (`stated`, see statedNumbers): "of the 1,006
   * arrested, how many were charged?" is not answered by 1,006.
   */
  blankNotEvidence(type: AnswerType, text: string, stated: ReadonlySet<string> = NO_NUMBERS): string {
    const rule = this.ruleOf(type);
    if (!rule) return text;
    const kept = blanked(toAsciiDigits(text), rule.notEvidence);
    if (stated.size === 0 || !COUNT_TYPES.has(type)) return kept;
    return kept.replace(NUMBER, (number) => (stated.has(withoutGrouping(number)) ? ' '.repeat(number.length) : number));
  }

  /**
   * True when the text holds a span of the type: a year for a time, a number for a quantity, a place name …
   * Names are looked for in `unmatched` when given: the text without the question's own words (type-evidence.ts).
   */
  holds(type: AnswerType, text: string, unmatched = text): boolean {
    const blank = (piece: string) => this.blankNotEvidence(type, piece);
    return this.heldIn(type, { text: blank(text), unmatched: blank(unmatched) });
  }

  /** `holds`, for a piece of evidence whose text is blanked already (blankNotEvidence): evidenceTexts cuts them so. */
  heldIn(type: AnswerType, { text, unmatched }: EvidenceText): boolean {
    const rule = this.ruleOf(type);
    if (!rule) return true;
    if (rule.digits && /\d/.test(text)) return true;
    if (rule.years && /(?<!\d)(?:19|20)\d{2}(?!\d)/.test(text)) return true;
    if (rule.patterns.some((pattern) => pattern.test(text))) return true;
    const words = normalizedWords(unmatched);
    if (rule.countries && namesCountry(words)) return true;
    return words.some((word) => rule.words.has(word) || rule.words.has(withoutProclitic(word)));
  }

  private ruleOf(type: AnswerType): CompiledRule | undefined {
    return this.rules.find((candidate) => candidate.type === type);
  }
}

/**
 * An English question without a fronted subordinate clause: "When countries swap evidence, what principle
 * applies?" asks what, not when. The clause before the comma goes when a question word follows it ("When will it
 * apply, does anyone know?" keeps its when).
 */
function mainEnglishClause(question: string): string {
  return question.replace(
    /^\s*(?:when|where|while|if|once|as|since)\b[^,?]*,\s*(?=(?:what|which|who|whom|whose|how|when|where|why)\b)/i,
    '',
  );
}

/** True when the text has a Latin letter (the only letters the English patterns match, case-insensitive). */
function hasLatinLetter(text: string): boolean {
  return /[A-Za-z]/.test(text);
}

/** A word without a possessive pronoun ending, when three letters stay (أساميهم → أسامي، ميزانيتها → ميزانيه). */
function withoutPronoun(word: string): string {
  const bare = word.replace(/(?:هم|هن|ها|كم)$/, '');
  return bare.length >= 3 ? bare.replace(/ت$/, 'ه') : word;
}
