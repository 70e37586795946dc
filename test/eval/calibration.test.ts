import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIDENCE_THRESHOLD } from '../../src/answer/confidence.ts';
import { chooseThreshold, MAX_FALSE_ABSTENTION, tradeOff, UNANSWERABLE_IN_USE } from '../../src/eval/calibration.ts';
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
    expect(rows.map(({ net, ...shares }) => shares)).toEqual([
      { threshold: 0.3, falseAbstention: { ar: 0, en: 0 }, abstention: 0.5 },
      { threshold: 0.5, falseAbstention: { ar: 0.5, en: 1 }, abstention: 0.5 },
    ]);
  });

  it('weighs abstentions and refusals by how common each kind of question is in use, per 100 asked', () => {
    // Half the unanswerable questions abstained on, none of the answerable ones refused: 100 × 1/9 × 0.5.
    const [none, some] = tradeOff(
      [sample(true, 0.9), sample(true, 0.4), sample(true, 0.45, 'en'), sample(false, 0.2), sample(false, 0.6)],
      [0.3, 0.5],
    );
    expect(none?.net).toBeCloseTo(100 * UNANSWERABLE_IN_USE * 0.5);
    // Two thirds of the answerable questions refused as well.
    expect(some?.net).toBeCloseTo(100 * (UNANSWERABLE_IN_USE * 0.5 - (1 - UNANSWERABLE_IN_USE) * (2 / 3)));
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

  it('does not refuse more answers in use than it gains abstentions, even within the bound', () => {
    // 0.54 abstains on 2 more of 30 unanswerable questions and refuses 4 more of 100 answerable ones: counted one
    // for one that is a loss already; in use, where answerable questions are eight times as common, a clear one.
    const rows = tradeOff(
      [
        ...Array.from({ length: 96 }, () => sample(true, 0.9)),
        ...[0.53, 0.53, 0.53, 0.53].map((confidence) => sample(true, confidence)),
        ...Array.from({ length: 20 }, () => sample(false, 0.2)),
        ...Array.from({ length: 10 }, (_, i) => sample(false, i < 2 ? 0.53 : 0.9)),
      ],
      [0.5, 0.54],
    );
    expect(rows.map((row) => row.falseAbstention.ar)).toEqual([0, 0.04]);
    expect(chooseThreshold(rows)).toBe(0.5);
  });

  it('abstains more when the abstentions it gains outweigh, in use, the answers it refuses', () => {
    // 0.54 abstains on 10 more of 30 unanswerable questions (a third) and refuses 1 more of 100 answerable ones.
    const rows = tradeOff(
      [
        ...Array.from({ length: 99 }, () => sample(true, 0.9)),
        sample(true, 0.53),
        ...Array.from({ length: 10 }, () => sample(false, 0.2)),
        ...Array.from({ length: 20 }, (_, i) => sample(false, i < 10 ? 0.53 : 0.9)),
      ],
      [0.5, 0.54],
    );
    expect(chooseThreshold(rows)).toBe(0.54);
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
