import { resolve } from 'node:path';
import { loadQuestionSets } from '../eval/question-sets.ts';

/** Every question of every evaluation set: what `npm run bench` asks. */
export function benchQuestions(): string[] {
  return loadQuestionSets(resolve('test/eval')).flatMap((set) => set.questions.map((question) => question.question));
}
