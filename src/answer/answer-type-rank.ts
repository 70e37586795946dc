import type { AnswerType } from '../lexicon/lexicon.ts';
import type { RankedPassage } from '../search/ranker.ts';
import type { Excerpt } from './reply.ts';

/**
 * A ranked passage with the excerpt that would be quoted from it, and which of the types of answer the question
 * asks for (a date for "when") the excerpt holds.
 */
export interface Quotable {
  ranked: RankedPassage;
  excerpt: Excerpt;
  heldTypes: ReadonlySet<AnswerType>;
}

/**
 * The share of a candidate's score that comes from holding the asked-for types (all of them: the whole share).
 * Enough to reorder passages that match the question about equally well ("how many states attended" matches
 * every paragraph about the meeting; the one with "93 States" answers), too little to lift a weak match over a
 * strong one.
 */
const TYPE_SHARE = 0.1;

/**
 * Candidates reordered by answer-type evidence: a passage whose excerpt holds the date a "when" question asks
 * for, the number a "how many" asks for, goes before one that matches as well but does not. Scores stay 0–1
 * (and the excerpts' scores follow). Unchanged when the question asks for no type.
 */
export function preferAskedType(candidates: readonly Quotable[], asked: readonly AnswerType[]): Quotable[] {
  if (asked.length === 0) return [...candidates];
  const rescored = candidates.map((candidate) => {
    const score = typedScore(candidate, asked);
    return {
      ...candidate,
      ranked: { ...candidate.ranked, score },
      excerpt: { ...candidate.excerpt, score: Math.round(score * 1000) / 1000 },
    };
  });
  // A stable sort: equal scores keep the relevance order.
  return rescored.sort((a, b) => b.ranked.score - a.ranked.score);
}

/** A candidate's score once reordered: its relevance with the share of the asked types it holds. */
function typedScore(candidate: Quotable, asked: readonly AnswerType[]): number {
  return blend(candidate.ranked.score, candidate.heldTypes.size / asked.length);
}

function blend(relevance: number, heldShare: number): number {
  return (1 - TYPE_SHARE) * relevance + TYPE_SHARE * heldShare;
}

/**
 * The candidates (best first, by relevance) that the reordering could still show among the first `shown`,
 * scoring at least `minRelative` of the best, each quoted (`quote`) as it is reached: the others need no
 * excerpt. A candidate gains at most TYPE_SHARE; once `shown` quoted candidates score more than the next one
 * could, or it could not reach `minRelative` of the best quoted one, neither it nor any after it (they score
 * less) can rise into view. Deciding on the quoted candidates' own scores quotes fewer than bounds on their
 * relevance alone would.
 */
export function quoteReorderable(
  ranked: readonly RankedPassage[],
  asked: readonly AnswerType[],
  shown: number,
  minRelative: number,
  quote: (passage: RankedPassage) => Quotable,
): Quotable[] {
  const quoted: Quotable[] = [];
  const scores: number[] = [];
  let top = 0;
  for (const passage of ranked) {
    const highest = blend(passage.score, 1);
    if (highest < minRelative * top || scores.filter((score) => score > highest).length >= shown) break;
    const candidate = quote(passage);
    const score = typedScore(candidate, asked);
    quoted.push(candidate);
    scores.push(score);
    top = Math.max(top, score);
  }
  return quoted;
}
