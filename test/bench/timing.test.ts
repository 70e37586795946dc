import { describe, expect, it } from 'vitest';
import { interleavedLatencies } from '../../src/bench/timing.ts';

describe('interleavedLatencies', () => {
  it('times every input once per round for each function, the rounds taken in turn after the warm-up', () => {
    const calls: string[] = [];
    const samples = interleavedLatencies(['x', 'y'], 2, {
      a: (input: string) => calls.push(`a${input}`),
      b: (input: string) => calls.push(`b${input}`),
    });
    expect(samples.a).toHaveLength(4);
    expect(samples.b).toHaveLength(4);
    // Five warm-up rounds of each, then a round of a, a round of b, and again.
    expect(calls.slice(20)).toEqual(['ax', 'ay', 'bx', 'by', 'ax', 'ay', 'bx', 'by']);
  });
});
