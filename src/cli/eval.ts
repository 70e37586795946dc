/**
 * `npm run eval [-- --questions path.json] [--verbose]`: asks every question of the dev set and prints
 * R@1, R@3, R@5 and MRR@10 per language, abstention accuracy on unanswerable questions and the
 * false-abstention rate on answerable ones (scoring rules: ../shared/eval/README.md).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { toContractJson } from '../answer/contract-json.ts';
import { createTreatyBot } from '../create-treaty-bot.ts';
import { type EvalQuestion, firstHitRank, type Metrics, type QuestionResult, summarize } from '../eval/scoring.ts';
import { silentLogger } from '../logger.ts';

const { values } = parseArgs({
  options: {
    questions: { type: 'string', default: 'test/eval/dev-questions.json' },
    verbose: { type: 'boolean', default: false },
  },
});

const questions = JSON.parse(readFileSync(resolve(values.questions), 'utf8')) as EvalQuestion[];
const bot = createTreatyBot({ logger: silentLogger });
const seedTexts = new Map<string, string>();
const seedText = (file: string) => {
  if (!seedTexts.has(file)) seedTexts.set(file, readFileSync(join(resolve('seeds'), file), 'utf8'));
  return seedTexts.get(file) ?? '';
};

const results: QuestionResult[] = questions.map((question) => {
  const reply = toContractJson(bot.ask(question.question, { platform: 'cli' }));
  return { question, reply, rank: question.answerable ? firstHitRank(question, reply, seedText) : null };
});

if (values.verbose) {
  for (const { question, reply, rank } of results) {
    const outcome = question.answerable
      ? rank
        ? `rank ${rank}`
        : reply.kind === 'no_answer'
          ? 'ABSTAINED'
          : 'MISS'
      : reply.kind;
    const top = reply.excerpts.map((e) => `${e.source.slice(0, 3)} ${e.locator}`).join(' | ');
    console.log(`${question.id} ${question.lang} ${outcome.padEnd(9)} ${question.question.slice(0, 60)}\n      ${top}`);
  }
}

const report = summarize(results);
const pct = (value: number) => value.toFixed(3);
const row = (label: string, m: Metrics) =>
  `${label.padEnd(4)} ${String(m.answerable).padStart(3)}  ${pct(m.recallAt1)}  ${pct(m.recallAt3)}  ${pct(m.recallAt5)}  ${pct(m.mrrAt10)}  ${pct(m.falseAbstention)}`;
console.log(`questions: ${values.questions}`);
console.log('lang   n    R@1    R@3    R@5    MRR@10 false-abstention');
console.log(row('ar', report.byLanguage.ar));
console.log(row('en', report.byLanguage.en));
console.log(row('all', report.byLanguage.all));
const abstained = Math.round(report.abstentionAccuracy * report.unanswerable);
console.log(`abstention on unanswerable: ${abstained}/${report.unanswerable} (${pct(report.abstentionAccuracy)})`);
