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
    const held = candidate.heldTypes.size / asked.length;
    const score = (1 - TYPE_SHARE) * candidate.ranked.score + TYPE_SHARE * held;
    return {
      ...candidate,
      ranked: { ...candidate.ranked, score },
      excerpt: { ...candidate.excerpt, score: Math.round(score * 1000) / 1000 },
    };
  });
  // A stable sort: equal scores keep the relevance order.
  return rescored.sort((a, b) => b.ranked.score - a.ranked.score);
}

/**
 * The candidates (best first, by relevance) that the reordering could still show among the first `shown`, each
 * scoring at least `minRelative` of the best: the others need no excerpt. A candidate gains at most TYPE_SHARE,
 * the best keeps at least its relevance share, and a candidate that more than `shown - 1` others beat whatever
 * types they hold cannot rise into view.
 */
export function reorderable(ranked: readonly RankedPassage[], shown: number, minRelative: number): RankedPassage[] {
  const top = (1 - TYPE_SHARE) * (ranked[0]?.score ?? 0);
  return ranked.filter((candidate, i) => {
    const highest = (1 - TYPE_SHARE) * candidate.score + TYPE_SHARE;
    if (highest < minRelative * top) return false;
    const beaten = ranked.slice(0, i).filter((other) => (1 - TYPE_SHARE) * other.score > highest).length;
    return beaten < shown;
  });
}
