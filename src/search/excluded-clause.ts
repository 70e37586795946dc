import type { Token } from '../text/tokenize.ts';

/**
 * "Apart from governments, who else backed the process?" already knows about governments: it asks for the
 * others. The words of such a clause say what the answer is not, so search leaves them out; a passage about
 * governments alone would otherwise match them best. The clause runs from its opening phrase to the next
 * punctuation mark, question word or auxiliary verb ("Besides Meta and Microsoft which companies …").
 */
const EXCLUDED_CLAUSE =
  /\b(?:apart from|aside from|besides|other than|except(?: for)?|in addition to)\b(.*?)(?=[,;:?!.،؟]|\b(?:who|whom|what|which|where|when|how|why|did|do|does|is|are|was|were|has|have|had|will|would|can|could|should)\b|$)/giu;

/** `[start, end)` of the question's excluded clauses (see EXCLUDED_CLAUSE). */
export function excludedClauses(question: string): Array<{ start: number; end: number }> {
  return [...question.matchAll(EXCLUDED_CLAUSE)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** The tokens outside the question's excluded clauses. */
export function withoutExcludedClauses<T extends Token>(question: string, tokens: readonly T[]): T[] {
  const clauses = excludedClauses(question);
  return tokens.filter((token) => !clauses.some((clause) => token.start >= clause.start && token.end <= clause.end));
}
