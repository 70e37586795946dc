import type { ContractJson } from '../answer/contract-json.ts';

/** One dev or held-out question (format: ../shared/eval/README.md). */
export interface EvalQuestion {
  id: string;
  lang: 'ar' | 'en';
  question: string;
  answerable: boolean;
  topic?: string;
  gold: Array<{ file: string; quote: string }>;
}

export interface QuestionResult {
  question: EvalQuestion;
  reply: ContractJson;
  /** 1-based rank of the first excerpt that overlaps a gold quote; null when none does. */
  rank: number | null;
}

export interface Metrics {
  answerable: number;
  recallAt1: number;
  recallAt3: number;
  recallAt5: number;
  mrrAt10: number;
  /** Share of answerable questions the bot abstained on. */
  falseAbstention: number;
}

export interface Report {
  byLanguage: Record<'ar' | 'en' | 'all', Metrics>;
  unanswerable: number;
  /** Share of unanswerable questions answered with `no_answer`. */
  abstentionAccuracy: number;
}

/**
 * Rank of the first hit: an excerpt from a gold file whose `[start, end)` overlaps the gold quote's range
 * (`fileText.indexOf(quote)`). Throws when a gold quote is not in its file, which means the question set is broken.
 */
export function firstHitRank(
  question: EvalQuestion,
  reply: ContractJson,
  seedText: (file: string) => string,
): number | null {
  const goldRanges = question.gold.map((gold) => {
    const start = seedText(gold.file).indexOf(gold.quote);
    if (start < 0) throw new Error(`eval: gold quote of ${question.id} not found in ${gold.file}`);
    return { file: gold.file, start, end: start + gold.quote.length };
  });
  const index = reply.excerpts.findIndex((excerpt) =>
    goldRanges.some((gold) => gold.file === excerpt.source && excerpt.start < gold.end && gold.start < excerpt.end),
  );
  return index < 0 ? null : index + 1;
}

/** Aggregates per-question results into the figures `npm run eval` prints. */
export function summarize(results: readonly QuestionResult[]): Report {
  const answerable = results.filter((result) => result.question.answerable);
  const unanswerable = results.filter((result) => !result.question.answerable);
  const metrics = (subset: readonly QuestionResult[]): Metrics => {
    const share = (predicate: (result: QuestionResult) => boolean) =>
      subset.length === 0 ? 0 : subset.filter(predicate).length / subset.length;
    const within = (k: number) => (result: QuestionResult) => result.rank !== null && result.rank <= k;
    return {
      answerable: subset.length,
      recallAt1: share(within(1)),
      recallAt3: share(within(3)),
      recallAt5: share(within(5)),
      mrrAt10:
        subset.length === 0
          ? 0
          : subset.reduce((sum, r) => sum + (r.rank !== null && r.rank <= 10 ? 1 / r.rank : 0), 0) / subset.length,
      falseAbstention: share((result) => result.reply.kind === 'no_answer'),
    };
  };
  return {
    byLanguage: {
      ar: metrics(answerable.filter((result) => result.question.lang === 'ar')),
      en: metrics(answerable.filter((result) => result.question.lang === 'en')),
      all: metrics(answerable),
    },
    unanswerable: unanswerable.length,
    abstentionAccuracy:
      unanswerable.length === 0
        ? 1
        : unanswerable.filter((result) => result.reply.kind === 'no_answer').length / unanswerable.length,
  };
}
