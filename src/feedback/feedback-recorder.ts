import { createHash } from 'node:crypto';
import { excerptsOf, type Reply } from '../answer/reply.ts';
import type { FeedbackRepository } from '../store/feedback-repository.ts';

/** A 👍/👎 click as an adapter reports it. */
export interface FeedbackClick {
  /** The question as the bot searched it (`Reply.query`). */
  question: string;
  reply: Pick<Reply, 'kind' | 'parts'>;
  vote: 'up' | 'down';
  platform: 'slack' | 'discord' | 'console';
  /** The platform's user id: hashed before it is stored. */
  userId: string;
}

/** How many of the reply's citations are kept with a vote. */
const TOP_CITATIONS = 3;

/**
 * Records answer feedback for `npm run feedback:report`. Stores a hash of the user id (enough to see repeated
 * votes, not to identify anyone) and the top citations, to see which passages misled.
 */
export class FeedbackRecorder {
  constructor(
    private readonly feedback: FeedbackRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  record(click: FeedbackClick): number {
    return this.feedback.record(
      {
        question: click.question,
        replyKind: click.reply.kind,
        topCitations: excerptsOf(click.reply)
          .slice(0, TOP_CITATIONS)
          .map((e) => `${e.source}#${e.locator}`),
        vote: click.vote,
        platform: click.platform,
        userHash: createHash('sha256').update(`${click.platform}:${click.userId}`).digest('hex').slice(0, 16),
      },
      this.now(),
    );
  }
}
