import { ARABIC_LETTER_CLASS } from '../text/arabic-letters.ts';
import { type Line, lineContent, wordCount } from './lines.ts';
import type { Span } from './passage.ts';

/**
 * What a line of a UN report is, judged from how it starts. The report splitter decides from these kinds and
 * the running paragraph number where each line belongs.
 */
export type ReportLine =
  /** `أولاً - مقدمة` (level 1) or `ألف - التعاون الدولي` (level 2). */
  | { kind: 'heading'; level: 1 | 2; span: Span }
  /** `13- …` — a paragraph, or an item of a list embedded in one (the agenda in ¶ 66). */
  | { kind: 'numbered'; number: number; span: Span }
  /** `(أ) …`, `(أأ) …`, `(ق ق) …`; `label` is the letters with OCR spaces removed, e.g. `قق`, `هـ`. */
  | { kind: 'sub-item'; label: string; span: Span }
  /** `(1) …` — a footnote printed at the foot of a page. */
  | { kind: 'footnote'; number: number; span: Span }
  /** Anything else: a title, or text that a page break separated from what it continues. */
  | { kind: 'text'; span: Span };

/**
 * Classifies one line; undefined for a blank line. Spans exclude a leading `- ` bullet but keep the paragraph
 * number or item letter, which reads naturally in a quote.
 */
export function classifyReportLine(text: string, line: Line): ReportLine | undefined {
  const span = lineContent(text, line);
  if (!span) return undefined;
  const content = text.slice(span.start, span.end);

  const level = headingLevel(content);
  if (level) return { kind: 'heading', level, span };

  const numbered = numberedLine.exec(content);
  if (numbered) return { kind: 'numbered', number: Number(numbered[1]), span };

  const footnote = footnoteLine.exec(content);
  if (footnote) return { kind: 'footnote', number: Number(footnote[1]), span };

  const label = subItemLabel(content);
  if (label) return { kind: 'sub-item', label, span };

  return { kind: 'text', span };
}

/** `13- تماشيا …`; the space after the dash keeps a year range like `2019-2021` at a line start out. */
const numberedLine = /^(\d{1,3})\s*-\s+\S/;
const footnoteLine = /^\((\d{1,2})\)\s*\S/;
/** One to three Arabic letters (each optionally followed by a tatweel, as in `هـ`), OCR may space them. */
const subItemLine = new RegExp(
  `^\\(\\s*([${ARABIC_LETTER_CLASS}]\\u0640?(?:\\s?[${ARABIC_LETTER_CLASS}]\\u0640?){0,2})\\s*\\)\\s*\\S`,
);

/** Returns the item label, or undefined when the parenthesis holds a word rather than a repeated letter. */
function subItemLabel(content: string): string | undefined {
  const match = subItemLine.exec(content);
  if (!match?.[1]) return undefined;
  const label = match[1].replace(/\s+/g, '');
  const letters = [...label.replace(/\u0640/g, '')];
  // UN lists go أ … غ, then أأ … غغ, then أأأ …: a label always repeats one letter. `(مثلا)` is not a label.
  return letters.every((letter) => letter === letters[0]) ? label : undefined;
}

const level1 = /^(?:أول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر)[اً\u064B]{0,2}\s+[-–—]\s+\S/;
const level2 = /^(?:ألف|باء|جيم|دال|هاء|واو|زاي|حاء|طاء|ياء|كاف|لام|ميم|نون)\s+[-–—]\s+\S/;

/**
 * Section headings are spelled-out ordinals (chapters) and letter names (sections) before a dash. Headings are
 * short; the word limit keeps a sentence that happens to start with such a word in the text.
 */
function headingLevel(content: string): 1 | 2 | undefined {
  if (wordCount(content) > 20) return undefined;
  if (level1.test(content)) return 1;
  if (level2.test(content)) return 2;
  return undefined;
}
