import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EvalQuestion } from './scoring.ts';

/**
 * The question sets `npm run eval` scores. `dev` and `round1` are the shared sets (../shared/eval, copied into
 * test/eval); the question bank is ours, split by a fixed hash of each id into a tuning half, which the
 * analysis and the abstention threshold may be fitted to, and a held-out half, which nothing is fitted to.
 * `blind` holds eight later batches (L–S) written over all five documents, without the bank's three-questions-a-
 * paragraph room, by sessions that saw neither the bot nor a question: like the held-out half, nothing is fitted
 * to it.
 */
export interface QuestionSet {
  name: 'dev' | 'round1' | 'bank-tuning' | 'bank-held-out' | 'blind';
  questions: EvalQuestion[];
}

/** The sets whose misses are not printed question by question: reading them is how a set gets fitted. */
export const UNREAD_SETS: ReadonlySet<QuestionSet['name']> = new Set(['bank-held-out', 'blind']);

/** Which half of the bank a question id belongs to: the first byte of its sha256, even or odd. Never change. */
export function bankHalf(id: string): 'tuning' | 'held-out' {
  const firstByte = createHash('sha256').update(id).digest()[0] ?? 0;
  return firstByte % 2 === 0 ? 'tuning' : 'held-out';
}

/** Every set, read from `dir` (test/eval). */
export function loadQuestionSets(dir: string): QuestionSet[] {
  const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as EvalQuestion[];
  const bank = read('question-bank.json');
  return [
    { name: 'dev', questions: read('dev-questions.json') },
    { name: 'round1', questions: read('round1-questions.json') },
    { name: 'bank-tuning', questions: bank.filter((question) => bankHalf(question.id) === 'tuning') },
    { name: 'bank-held-out', questions: bank.filter((question) => bankHalf(question.id) === 'held-out') },
    { name: 'blind', questions: read('blind-questions.json') },
  ];
}
