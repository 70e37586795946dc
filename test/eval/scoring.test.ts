import { describe, expect, it } from 'vitest';
import type { ContractJson } from '../../src/answer/contract-json.ts';
import { type EvalQuestion, firstHitRank, summarize } from '../../src/eval/scoring.ts';

const text = 'aaaa GOLD QUOTE bbbb other text';
const seedText = () => text;
const question = (id: string, answerable = true): EvalQuestion => ({
  id,
  lang: 'en',
  question: id,
  answerable,
  gold: answerable ? [{ file: 'f.txt', quote: 'GOLD QUOTE' }] : [],
});
const reply = (kind: ContractJson['kind'], ranges: Array<[string, number, number]>): ContractJson => ({
  query: '',
  lang: 'en',
  kind,
  excerpts: ranges.map(([source, start, end]) => ({ source, start, end, locator: '', title: '', text: '', score: 1 })),
});

describe('firstHitRank', () => {
  it('ranks the first excerpt from a gold file that overlaps the gold quote', () => {
    const r = reply('answer', [
      ['f.txt', 16, 20],
      ['g.txt', 5, 15],
      ['f.txt', 10, 25],
    ]);
    expect(firstHitRank(question('q'), r, seedText)).toBe(3);
  });

  it('does not count an excerpt that only touches the quote', () => {
    expect(firstHitRank(question('q'), reply('answer', [['f.txt', 0, 5]]), seedText)).toBeNull();
  });

  it('refuses a gold quote missing from its file', () => {
    const broken = { ...question('q'), gold: [{ file: 'f.txt', quote: 'nowhere' }] };
    expect(() => firstHitRank(broken, reply('answer', []), seedText)).toThrow(/not found/);
  });
});

describe('summarize', () => {
  it('computes recall, MRR, abstention and false abstention', () => {
    const report = summarize([
      { question: question('a'), reply: reply('answer', []), rank: 1 },
      { question: question('b'), reply: reply('answer', []), rank: 3 },
      { question: question('c'), reply: reply('no_answer', []), rank: null },
      { question: question('u1', false), reply: reply('no_answer', []), rank: null },
      { question: question('u2', false), reply: reply('answer', []), rank: null },
    ]);
    expect(report.byLanguage.en.recallAt1).toBeCloseTo(1 / 3);
    expect(report.byLanguage.en.recallAt3).toBeCloseTo(2 / 3);
    expect(report.byLanguage.en.mrrAt10).toBeCloseTo((1 + 1 / 3) / 3);
    expect(report.byLanguage.en.falseAbstention).toBeCloseTo(1 / 3);
    expect(report.abstentionAccuracy).toBe(0.5);
    expect(report.byLanguage.ar.answerable).toBe(0);
  });
});
