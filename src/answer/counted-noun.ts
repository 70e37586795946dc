import type { AnalyzedPassage } from '../search/analyzed-passage.ts';
import type { QueryPlan, QueryUnit } from '../search/query-plan.ts';

/**
 * "How many judges were trained?" asks for a number of judges: a number elsewhere in the quoted sentences
 * (a 24/7 contact point, resolution 74/247) does not answer it. The counted noun is the question's first content
 * unit after its quantity phrase; a passage answers when a number stands within a few words of where it names
 * that noun. Where the passage does not name the noun itself (a paraphrase), any number counts, as before.
 */

/** How far from the counted noun, in characters either side (about four words), a number may stand. */
const NEAR_CHARS = 30;

/** The unit for the noun the question counts: the first unit holding one of the few words after `at`. */
export function countedUnit(plan: QueryPlan, at: number): QueryUnit | undefined {
  const following = plan.words.slice(at, at + 3);
  for (const word of following) {
    const unit = plan.units.find((candidate) => candidate.label.split(' ').includes(word));
    if (unit) return unit;
  }
  return undefined;
}

/**
 * The pieces of `[start, end)` of the passage around each word that names the unit, for the number check, or
 * undefined when the range names it nowhere.
 */
export function textNear(
  analyzed: AnalyzedPassage,
  unit: QueryUnit,
  range: { start: number; end: number },
): string[] | undefined {
  const terms = new Set(unit.terms);
  const indices = new Set<number>();
  analyzed.words.forEach((word, i) => {
    if (word.terms.some((term) => terms.has(term))) indices.add(i);
  });
  for (const span of analyzed.conceptSpans) {
    if (terms.has(span.term)) for (let i = span.from; i < span.to; i++) indices.add(i);
  }
  const pieces: string[] = [];
  for (const i of indices) {
    const word = analyzed.words[i];
    if (!word || word.start < range.start || word.end > range.end) continue;
    const from = Math.max(range.start, word.start - NEAR_CHARS);
    const to = Math.min(range.end, word.end + NEAR_CHARS);
    pieces.push(analyzed.fileText.slice(from, to));
  }
  return pieces.length > 0 ? pieces : undefined;
}
