import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIDENCE_THRESHOLD } from '../../src/answer/confidence.ts';
import { chooseThreshold, MAX_FALSE_ABSTENTION, tradeOff } from '../../src/eval/calibration.ts';
import { loadQuestionSets } from '../../src/eval/question-sets.ts';
import { realBot } from '../support/bot.ts';

const sample = (answerable: boolean, confidence: number | undefined, lang: 'ar' | 'en' = 'ar') => ({
  answerable,
  confidence,
  lang,
});

describe('tradeOff', () => {
  it('counts, per threshold, answerable and unanswerable questions with confidence below it', () => {
    const rows = tradeOff(
      [sample(true, 0.9), sample(true, 0.4), sample(true, 0.45, 'en'), sample(false, 0.2), sample(false, 0.6)],
      [0.3, 0.5],
    );
    expect(rows).toEqual([
      { threshold: 0.3, falseAbstention: { ar: 0, en: 0 }, abstention: 0.5 },
      { threshold: 0.5, falseAbstention: { ar: 0.5, en: 1 }, abstention: 0.5 },
    ]);
  });

  it('leaves replies that did not search (status, help) out of both counts', () => {
    expect(tradeOff([sample(false, undefined)], [0.9])[0]?.abstention).toBe(0);
  });
});

describe('chooseThreshold', () => {
  it('abstains most within the bound on false abstention, ties going to the lower threshold', () => {
    const fa = (ar: number, en = 0) => ({ ar, en });
    const rows = [
      { threshold: 0.3, falseAbstention: fa(0.01), abstention: 0.4 },
      { threshold: 0.4, falseAbstention: fa(0.02), abstention: 0.6 },
      { threshold: 0.5, falseAbstention: fa(0.03), abstention: 0.6 },
      { threshold: 0.6, falseAbstention: fa(MAX_FALSE_ABSTENTION + 0.01), abstention: 0.9 },
    ];
    expect(chooseThreshold(rows)).toBe(0.4);
  });

  it('holds the bound in each language, not only over both', () => {
    const rows = [
      { threshold: 0.4, falseAbstention: { ar: 0.04, en: 0 }, abstention: 0.6 },
      { threshold: 0.5, falseAbstention: { ar: 0.06, en: 0 }, abstention: 0.8 },
      { threshold: 0.6, falseAbstention: { ar: 0.01, en: 0.06 }, abstention: 0.9 },
    ];
    expect(chooseThreshold(rows)).toBe(0.4);
  });
});

describe('CONFIDENCE_THRESHOLD', () => {
  it('is the threshold the rule picks on the calibration split (the bank tuning half)', () => {
    const bot = realBot();
    const tuning = loadQuestionSets(resolve('test/eval')).find((set) => set.name === 'bank-tuning');
    const samples = (tuning?.questions ?? []).map((question) => ({
      answerable: question.answerable,
      lang: question.lang,
      confidence: bot.ask(question.question, { platform: 'cli', replay: true }).confidence,
    }));
    expect(samples.length).toBeGreaterThan(150);
    expect(chooseThreshold(tradeOff(samples))).toBe(CONFIDENCE_THRESHOLD);
  });
});
