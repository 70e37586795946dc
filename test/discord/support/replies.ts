/** Replies built by hand in the core's model, for renderer and adapter tests that need a shape the core rarely gives. */
import { VOTE_DOWN, VOTE_UP } from '../../../src/answer/phrases.ts';
import type { Action, Part, Reply, ReplyKind } from '../../../src/answer/reply.ts';

/** A reply of `kind` headed `heading`, with `parts` after the heading. */
export function replyOf(
  kind: ReplyKind,
  query: string,
  heading: string,
  parts: Part[] = [],
  actions: Action[] = [],
  lang: Reply['lang'] = 'en',
): Reply {
  return { kind, lang, query, parts: [{ type: 'heading', text: heading }, ...parts], actions };
}

/** The 👍 / 👎 action, as the core offers it when votes are recorded. */
export const VOTE: Action = { type: 'vote', up: VOTE_UP, down: VOTE_DOWN };

/** A list of `count` topics with long English and Arabic titles: more than one Discord message holds. */
export function longTopicList(count: number): Part {
  return {
    type: 'list',
    items: Array.from({ length: count }, (_, i) => ({
      code: `topic-${i}`,
      text: `A rather long English topic title number ${i} · موضوع طويل نوعا ما رقم ${i}`,
    })),
  };
}
