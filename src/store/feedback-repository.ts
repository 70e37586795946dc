import type Database from 'better-sqlite3';
import { isoInstant } from './store-error.ts';

/** A 👍/👎 on a reply, kept to find the questions the bot answers worst. */
export interface FeedbackVote {
  question: string;
  /** What the bot replied with (answer, abstention, help…), as the answering core names it. */
  replyKind: string;
  /** Ids of the top citations shown, to see which passages misled. */
  topCitations: string[];
  vote: 'up' | 'down';
  platform: 'slack' | 'discord' | 'console';
  /** A hash of the voter's id: enough to spot repeated votes, not to identify anyone. */
  userHash: string;
}

/** A question with its vote counts. */
export interface RatedQuestion {
  question: string;
  down: number;
  up: number;
}

/** The votes on replies. */
export class FeedbackRepository {
  private readonly insert;
  private readonly selectWorst;

  constructor(db: Database.Database) {
    this.insert = db.prepare<[string, string, string, string, string, string, string]>(
      'INSERT INTO feedback (question, reply_kind, top_citations, vote, platform, user_hash, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.selectWorst = db.prepare<[number], RatedQuestion>(`
      SELECT question, SUM(vote = 'down') AS down, SUM(vote = 'up') AS up
      FROM feedback
      GROUP BY question
      HAVING down > 0
      ORDER BY down - up DESC, down DESC, question
      LIMIT ?
    `);
  }

  /** @returns the vote's id. */
  record(vote: FeedbackVote, at: Date): number {
    const result = this.insert.run(
      vote.question,
      vote.replyKind,
      JSON.stringify(vote.topCitations),
      vote.vote,
      vote.platform,
      vote.userHash,
      isoInstant(at, 'vote time'),
    );
    return Number(result.lastInsertRowid);
  }

  /** The questions with down votes, most disliked first (down minus up, then down). */
  worstRated(limit: number): RatedQuestion[] {
    return this.selectWorst.all(limit);
  }
}
