import { splitSentences, type TextRange } from '../corpus/sentences.ts';
import type { AnalyzedPassage } from '../search/analyzed-passage.ts';
import type { QueryPlan, QueryUnit } from '../search/query-plan.ts';
import type { Excerpt } from './reply.ts';
import { ENGLISH_AUXILIARIES } from './word-sequence.ts';

/**
 * Where in a quoted excerpt an answer of the asked type may stand (see answer-type.ts), so that the check can
 * fail on an on-topic excerpt that does not answer:
 *
 * - **Not in the question's own words.** The words the question matched are blanked out: "which companies
 *   besides Meta and Microsoft" is not answered by a passage naming Meta and Microsoft, nor "what is the
 *   rapporteur's name" by the word "rapporteur", nor "what did resolution 74/173 ask" by 74/173.
 * - **A count beside what it counts.** "How many judges were trained?" asks for a number of judges: a number
 *   elsewhere in the excerpt (a 24/7 contact point) does not answer it. The counted noun is the question's
 *   first content unit after its quantity phrase; only the text within a few words of where the excerpt names
 *   it counts. Where the excerpt does not name it (a paraphrase), the whole excerpt does, as for other types.
 */

/** How far from the counted noun, in characters either side (about four words), a number may stand. */
const NEAR_CHARS = 30;

/**
 * The unit for the noun the question counts: the first unit holding one of the few words from `at` on. None when
 * a verb comes first: "how big is the cybercrime economy" asks a size, which need not stand beside the noun.
 */
export function countedUnit(plan: QueryPlan, at: number): QueryUnit | undefined {
  if (ENGLISH_AUXILIARIES.has(plan.words[at] ?? '')) return undefined;
  for (const word of plan.words.slice(at, at + 3)) {
    const unit = plan.units.find((candidate) => candidate.label.split(' ').includes(word));
    if (unit) return unit;
  }
  return undefined;
}

/**
 * A piece of an excerpt to look for an answer in: `text` as quoted, and `unmatched`, the same with the words the
 * question matched blanked out. Names (words, countries) are looked for in `unmatched`; numbers and patterns in
 * `text`, since "how many years" is answered by "five years" although "years" is the question's own word.
 */
export interface EvidenceText {
  text: string;
  unmatched: string;
}

/**
 * The pieces of the excerpt to look for an answer in: the text near `counted`, or else the excerpt's sentences
 * that hold a word the question matched (a date in the sentence after the one about the meeting does not say
 * when the meeting was); the whole excerpt when none does. `blank` blanks what is no evidence, offsets kept.
 */
export function evidenceTexts(
  excerpt: Excerpt,
  analyzed: AnalyzedPassage,
  counted?: QueryUnit,
  blank: (text: string) => string = (text) => text,
): EvidenceText[] {
  // Spans that are no evidence (AnswerTypes.blankNotEvidence) go before the pieces are cut: a cut would leave
  // half a date or a document symbol behind.
  const text = blank(excerpt.text);
  const whole = { text, unmatched: blankHighlights({ text, highlights: excerpt.highlights }) };
  if (!counted) {
    const matching = sentencesWithClauses(excerpt.text)
      .filter(({ start, end }) => excerpt.highlights.some((word) => word.start < end && start < word.end))
      .map(({ start, end }) => ({ text: whole.text.slice(start, end), unmatched: whole.unmatched.slice(start, end) }));
    return matching.length > 0 ? matching : [whole];
  }
  const pieces = nounOffsets(analyzed, counted)
    .filter((offset) => offset.start >= excerpt.start && offset.end <= excerpt.end)
    .map((offset) => {
      const from = Math.max(0, offset.start - excerpt.start - NEAR_CHARS);
      const to = offset.end - excerpt.start + NEAR_CHARS;
      return { text: whole.text.slice(from, to), unmatched: whole.unmatched.slice(from, to) };
    });
  return pieces.length > 0 ? pieces : [whole];
}

/**
 * The text's sentences, a clause after a semicolon joined to the one before it: "وسلط فيليمون يانغ؛ رئيس الدورة
 * التاسعة والسبعين، الضوء على …" names the person on one side of the semicolon and the role on the other.
 */
function sentencesWithClauses(text: string): TextRange[] {
  const joined: TextRange[] = [];
  for (const sentence of splitSentences(text, { start: 0, end: text.length })) {
    const last = joined.at(-1);
    if (last && CLAUSE_END.test(text.slice(last.start, last.end))) last.end = sentence.end;
    else joined.push({ ...sentence });
  }
  return joined;
}

/** A semicolon (Arabic or Latin) at the end of a sentence as splitSentences cuts it, maybe before a quote mark. */
const CLAUSE_END = /[؛;]["”“’»)]*$/;

/** The excerpt's text with its highlighted (matched) words replaced by spaces, offsets kept. */
function blankHighlights({ text, highlights }: Pick<Excerpt, 'text' | 'highlights'>): string {
  const parts: string[] = [];
  let at = 0;
  // Highlights come in text order from the excerpt: a sorted copy is made only when they do not.
  const ordered = highlights.every((word, i) => i === 0 || (highlights[i - 1]?.start ?? 0) <= word.start)
    ? highlights
    : [...highlights].sort((a, b) => a.start - b.start);
  for (const { start, end } of ordered) {
    if (end <= at) continue;
    const from = Math.max(at, start);
    parts.push(text.slice(at, from), ' '.repeat(end - from));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Where the passage names the unit: file offsets of its words holding one of the unit's terms or concepts. */
function nounOffsets(analyzed: AnalyzedPassage, unit: QueryUnit): Array<{ start: number; end: number }> {
  const terms = new Set(unit.terms);
  const indices = new Set<number>();
  analyzed.words.forEach((word, i) => {
    if (word.terms.some((term) => terms.has(term))) indices.add(i);
  });
  for (const span of analyzed.conceptSpans) {
    if (terms.has(span.term)) for (let i = span.from; i < span.to; i++) indices.add(i);
  }
  return [...indices].flatMap((i) => analyzed.words[i] ?? []);
}
