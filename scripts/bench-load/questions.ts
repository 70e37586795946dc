import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import type { EvalQuestion } from '../../src/eval/scoring.ts';

/**
 * What the simulated users ask, in turn: the dev questions (Arabic and English, answerable or not) and every
 * topic slug, so the core does its usual mix of free-text search and topic lookups rather than one cached path.
 */
export function benchQuestions(bot: TreatyBot, only?: string): string[] {
  if (only !== undefined) return [only];
  const dev = JSON.parse(readFileSync(resolve('test/eval/dev-questions.json'), 'utf8')) as EvalQuestion[];
  return [...dev.map((question) => question.question), ...bot.topics.map((topic) => topic.slug)];
}
