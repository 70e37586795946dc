import { describe, expect, it } from 'vitest';
import { inAnswerTurn } from '../../adapters/slack/answer-turns.ts';

describe('inAnswerTurn', () => {
  it('runs queued answers in order and resolves each with its result', async () => {
    const ran: number[] = [];
    const results = await Promise.all(
      [1, 2, 3].map((n) =>
        inAnswerTurn(() => {
          ran.push(n);
          return n * 10;
        }),
      ),
    );
    expect(ran).toEqual([1, 2, 3]);
    expect(results).toEqual([10, 20, 30]);
  });

  it('runs one answer per event-loop turn, so work that arrived meanwhile goes first', async () => {
    const order: string[] = [];
    const first = inAnswerTurn(() => {
      order.push('answer 1');
      // Stands for a request that arrived while answer 1 was being computed.
      setImmediate(() => order.push('request read and acked'));
    });
    const second = inAnswerTurn(() => order.push('answer 2'));
    await Promise.all([first, second]);
    expect(order).toEqual(['answer 1', 'request read and acked', 'answer 2']);
  });

  it('does not run the answer in the caller’s turn', async () => {
    let ran = false;
    const pending = inAnswerTurn(() => {
      ran = true;
    });
    expect(ran).toBe(false);
    await pending;
    expect(ran).toBe(true);
  });

  it('rejects with the answer’s error and goes on with the next one', async () => {
    const failing = inAnswerTurn(() => {
      throw new Error('search failed');
    });
    const next = inAnswerTurn(() => 'answered');
    await expect(failing).rejects.toThrow('search failed');
    await expect(next).resolves.toBe('answered');
  });
});
