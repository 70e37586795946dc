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
      { threshold: 0.3, falseAbstention: { ar: 0, en: 0 }, abstention: 0.5, net: 1 },
      { threshold: 0.5, falseAbstention: { ar: 0.5, en: 1 }, abstention: 0.5, net: -1 },
    ]);
  });

  it('leaves replies that did not search (status, help) out of both counts', () => {
    expect(tradeOff([sample(false, undefined)], [0.9])[0]?.abstention).toBe(0);
  });
});

describe('chooseThreshold', () => {
  it('abstains most, net of refused answers, within the bound on false abstention, ties going lower', () => {
    const fa = (ar: number, en = 0) => ({ ar, en });
    const rows = [
      { threshold: 0.3, falseAbstention: fa(0.01), abstention: 0.4, net: 10 },
      { threshold: 0.4, falseAbstention: fa(0.02), abstention: 0.6, net: 20 },
      { threshold: 0.5, falseAbstention: fa(0.03), abstention: 0.6, net: 20 },
      { threshold: 0.6, falseAbstention: fa(MAX_FALSE_ABSTENTION + 0.01), abstention: 0.9, net: 30 },
    ];
    expect(chooseThreshold(rows)).toBe(0.4);
  });

  it('does not refuse more answers than it gains abstentions, even within the bound', () => {
    // From 0.52 to 0.54 on the tuning half: one more unanswerable question abstained, three answerable refused.
    const rows = tradeOff(
      [
        ...Array.from({ length: 97 }, () => sample(true, 0.9)),
        ...[0.53, 0.53, 0.53].map((confidence) => sample(true, confidence)),
        sample(false, 0.2),
        sample(false, 0.53),
      ],
      [0.5, 0.54],
    );
    expect(rows.map((row) => row.abstention)).toEqual([0.5, 1]);
    expect(chooseThreshold(rows)).toBe(0.5);
  });

  it('holds the bound in each language, not only over both', () => {
    const rows = [
      { threshold: 0.4, falseAbstention: { ar: 0.04, en: 0 }, abstention: 0.6, net: 10 },
      { threshold: 0.5, falseAbstention: { ar: 0.06, en: 0 }, abstention: 0.8, net: 12 },
      { threshold: 0.6, falseAbstention: { ar: 0.01, en: 0.06 }, abstention: 0.9, net: 14 },
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
