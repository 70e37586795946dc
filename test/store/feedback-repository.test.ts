import { describe, expect, it } from 'vitest';
import type { FeedbackVote } from '../../src/store/feedback-repository.ts';
import { openTempStore } from './support/temp-store.ts';

function vote(question: string, kind: 'up' | 'down', user = 'u1'): FeedbackVote {
  return { question, replyKind: 'answer', topCitations: ['art-65'], vote: kind, platform: 'slack', userHash: user };
}

describe('FeedbackRepository.worstRated', () => {
  it('lists the questions with down votes, most disliked first (net, then most down votes)', () => {
    const store = openTempStore();
    const at = new Date('2026-03-02T08:00:00Z');
    for (const v of [
      vote('Who signed in Hanoi?', 'down'),
      vote('Who signed in Hanoi?', 'down', 'u2'),
      vote('Who signed in Hanoi?', 'up', 'u3'),
      vote('What is article 65?', 'down'),
      vote('What is article 65?', 'down', 'u2'),
      vote('What is a cybercrime?', 'up'),
      vote('Is it in force?', 'down'),
    ])
      store.feedback.record(v, at);
    expect(store.feedback.worstRated(10)).toEqual([
      { question: 'What is article 65?', down: 2, up: 0 },
      { question: 'Who signed in Hanoi?', down: 2, up: 1 },
      { question: 'Is it in force?', down: 1, up: 0 },
    ]);
    expect(store.feedback.worstRated(1)).toHaveLength(1);
  });

  it('refuses a vote that is neither up nor down', () => {
    const store = openTempStore();
    const sideways = { ...vote('Q', 'up'), vote: 'sideways' } as unknown as FeedbackVote;
    expect(() => store.feedback.record(sideways, new Date())).toThrow(/CHECK/);
  });
});
