import { normalizeArabic } from '../text/arabic-normalize.ts';

/**
 * Questions the ratification tracker answers better than the documents: how many states have signed or
 * ratified so far, whether a named state has, whether the convention is in force yet. In Arabic of every
 * variety and English, matched on normalized text so that diacritics and spelling (وقّعت، صادقت، إنضمت) do not
 * matter. Rules, not counts: "how many must ratify" is a question for the documents (art. 65's forty), and so is
 * anything about the signing ceremony in Hanoi, which the news articles describe.
 */

/** How many: MSA and the dialects' question words, normalized. */
const HOW_MANY = '(?:كم|قديش|اديش|قداش|شحال|كام|شكد|اشكد|شقد)';
/** States or countries, with or without the article. */
const STATES = '(?:ال)?(?:دول|دوله|بلد|بلدان|بلاد)';
/** Perfect verbs of signing, ratifying and acceding (masculine, feminine and plural), with a colloquial prefix. */
const SIGNED =
  '(?:[وف]?(?:قد )?)(?:صادق|صادقت|صادقو|صادقوا|صدق|صدقت|صدقو|صدقوا|وقع|وقعت|وقعو|وقعوا|انضم|انضمت|انضمو|انضموا|اودع|اودعت|اودعو|اودعوا)';
/** Nouns for the states that did: signatories, parties, ratifying states. */
const SIGNATORIES = '(?:ال)?(?:موقعه|موقعين|موقعون|مصادقه|مصادقين|منضمه|اطراف|الاطراف)';

const ARABIC = [
  // كم دولة صادقت … / قديش بلد وقعت … / شحال من دولة صادقات
  new RegExp(`${HOW_MANY}\\s+(?:من\\s+)?${STATES}\\s+(?:اللي|الي|التي|لي)?\\s*${SIGNED}`),
  // كم صادقت / كم واحد وقع
  new RegExp(`${HOW_MANY}\\s+(?:واحد\\s+)?${SIGNED}(?:\\s|$)`),
  // عدد الدول الموقعة / المصادقة / التي صادقت
  new RegExp(`عدد\\s+${STATES}\\s+(?:${SIGNATORIES}|(?:اللي|الي|التي)\\s+${SIGNED})`),
  // هل صادقت مصر على الاتفاقية / واش المغرب صادق / وش السعودية وقعت
  new RegExp(`^(?:هل|واش|وش|ايش|شو)\\s+(?:\\S+\\s+)?${SIGNED}\\s+(?!على\\s+\\d)`),
  // دخلت الاتفاقية حيز النفاذ؟ صارت نافذة؟ … بعد / الان / لحد الان
  /(?:هل|صار|صارت|واش|وش)\s+.*(?:دخلت|نافذه|ساريه|سارت)\s+.*(?:بعد|الان|الحين|هلق|دابا|لحد)/,
];

const ENGLISH = [
  /\bhow many\b.*\b(?:have|has|had)\b.*\b(?:ratified|signed|acceded|joined)\b/,
  /\bhow many\b.*\b(?:ratifications|signatures|signatories|parties|instruments)\b.*\b(?:so far|now|yet|to date|currently)\b/,
  /\bhow many\b.*\b(?:signatories|ratifications)\b.*\b(?:are there|is there)\b/,
  /\b(?:is|has)\b.*\b(?:in force|entered into force)\b.*\b(?:yet|now|already)\b/,
  /\bratification status\b|\b(?:current|latest)\b.*\b(?:signatories|ratifications|status)\b/,
  /\b(?:which|what) (?:countries|states)\b.*\b(?:have|has) (?:ratified|signed|acceded|joined)\b/,
  /^(?:has|have|did)\s+(?!the convention\b|it\b)[a-z' -]+?\s+(?:ratified|ratify|signed|sign|acceded|accede|joined|join)\b/,
  // Keyword queries: "number of ratifications so far", "convention signatories to date".
  /\b(?:ratifications|signatures|signatories|states parties)\b.*\b(?:so far|to date|currently|right now|as of now|as of today)\b/,
  /\b(?:number|count|tally|total|list) of (?:ratifications|signatures|signatories|states parties|ratifying states)\b(?!.*\b(?:needed|required|necessary|must|to enter|for entry)\b)/,
];

/** About the signing ceremony or the vote the documents report, not the live count. */
const DOCUMENTED_EVENT = /حفل|هانوي|مراسم|ceremony|hanoi|first day|اول يوم|في اليوم الاول/;

/** Another treaty's parties (the Budapest Convention's, which the report counts) are not this convention's status. */
const OTHER_TREATY = /بودابست|budapest|مجلس اوروبا|council of europe|مالابو|malabo/;

/** True for a question about where signatures and ratifications stand. */
export function asksForStatus(text: string): boolean {
  const normalized = normalizeArabic(text.toLowerCase())
    .replace(/[؟?!.,،]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (DOCUMENTED_EVENT.test(normalized) || OTHER_TREATY.test(normalized)) return false;
  return ARABIC.some((pattern) => pattern.test(normalized)) || ENGLISH.some((pattern) => pattern.test(normalized));
}
