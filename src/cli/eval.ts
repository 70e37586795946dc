/**
 * `npm run eval [-- --set NAME] [--verbose]`: asks every question of every set (dev, round1, the question bank's
 * tuning and held-out halves) through the same core `npm run ask -- --json` uses, and prints per set and
 * language R@1, R@3, R@5, MRR@10 and false abstention beside the plain baseline (MiniSearch + light stemmer),
 * abstention on unanswerable questions, whether each target is met, and the abstention threshold trade-off on
 * the calibration split. Scoring rules: ../shared/eval/README.md.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CONFIDENCE_THRESHOLD } from '../answer/confidence.ts';
import { type ContractJson, toContractJson } from '../answer/contract-json.ts';
import { createTreatyBot } from '../create-treaty-bot.ts';
import { DEFAULT_PATHS } from '../default-paths.ts';
import { BaselineSearch } from '../eval/baseline.ts';
import {
  type ConfidenceSample,
  chooseThreshold,
  isTableStep,
  tradeOff,
  UNANSWERABLE_IN_USE,
} from '../eval/calibration.ts';
import { loadQuestionSets, type QuestionSet, UNREAD_SETS } from '../eval/question-sets.ts';
import { type EvalQuestion, firstHitRank, type Metrics, type QuestionResult, summarize } from '../eval/scoring.ts';
import { missedTargets, TARGETS } from '../eval/targets.ts';
import { silentLogger } from '../logger.ts';
import { openStore } from '../store/open-store.ts';
import { RatificationTracker } from '../tracker/ratification-tracker.ts';

const { values } = parseArgs({
  options: { set: { type: 'string' }, verbose: { type: 'boolean', default: false } },
});

// The bot as `npm run ask` builds it, status desk included (an empty store: status questions get status replies).
const store = openStore(':memory:', silentLogger);
const statusDesk = new RatificationTracker({ store, sourceUrl: 'file:///dev/null', logger: silentLogger });
const bot = createTreatyBot({ logger: silentLogger, statusDesk });
const baseline = new BaselineSearch(bot.passages);
const seedTexts = new Map<string, string>();
const seedText = (file: string) => {
  if (!seedTexts.has(file)) seedTexts.set(file, readFileSync(join(resolve(DEFAULT_PATHS.seeds), file), 'utf8'));
  return seedTexts.get(file) ?? '';
};

interface SetRun {
  set: QuestionSet;
  bot: QuestionResult[];
  baseline: QuestionResult[];
  samples: ConfidenceSample[];
}

const score = (question: EvalQuestion, reply: ContractJson): QuestionResult => ({
  question,
  reply,
  rank: question.answerable ? firstHitRank(question, reply, seedText) : null,
});

const sets = loadQuestionSets(resolve('test/eval')).filter((set) => !values.set || set.name === values.set);
const runs: SetRun[] = sets.map((set) => {
  const asked = set.questions.map((question) => ({ question, reply: bot.ask(question.question, { platform: 'cli' }) }));
  return {
    set,
    bot: asked.map(({ question, reply }) => score(question, toContractJson(reply))),
    baseline: set.questions.map((question) => score(question, baseline.ask(question.question))),
    samples: asked.map(({ question, reply }) => ({
      answerable: question.answerable,
      lang: question.lang,
      confidence: reply.confidence,
    })),
  };
});

if (values.verbose) for (const run of runs) printQuestions(run);

const f = (value: number) => value.toFixed(2);
console.log('R@k and MRR@10 over answerable questions; FA = false abstention; base = plain MiniSearch + light stemmer');
console.log(
  `targets per row: R@3 ≥ ${TARGETS.recallAt3}, MRR ≥ ${TARGETS.mrrAt10}, FA ≤ ${TARGETS.falseAbstention}, at or above base; per set: abstention ≥ ${TARGETS.abstention}`,
);
console.log('set            lang   n    R@1   R@3   R@5   MRR   FA  | base R@3  MRR | targets');
for (const run of runs) {
  const bots = summarize(run.bot);
  const bases = summarize(run.baseline);
  for (const lang of ['ar', 'en', 'all'] as const) {
    const m: Metrics = bots.byLanguage[lang];
    const b: Metrics = bases.byLanguage[lang];
    if (m.answerable === 0) continue;
    const missed = lang === 'all' ? [] : missedTargets(m, b);
    console.log(
      `${run.set.name.padEnd(14)} ${lang.padEnd(4)} ${String(m.answerable).padStart(3)}  ${f(m.recallAt1)}  ${f(m.recallAt3)}  ${f(m.recallAt5)}  ${f(m.mrrAt10)}  ${f(m.falseAbstention)} |     ${f(b.recallAt3)} ${f(b.mrrAt10)} | ${lang === 'all' ? '' : missed.length === 0 ? 'met' : `MISSED ${missed.join(', ')}`}`,
    );
  }
  const abstained = Math.round(bots.abstentionAccuracy * bots.unanswerable);
  const met = bots.unanswerable === 0 || bots.abstentionAccuracy >= TARGETS.abstention;
  // Live-status questions (how many have ratified so far) get the tracker's reply: not an abstention, never a hit.
  const toTracker = run.bot.filter((result) => result.reply.kind === 'status').length;
  console.log(
    `${run.set.name.padEnd(14)} abstention on unanswerable: ${abstained}/${bots.unanswerable} (${f(bots.abstentionAccuracy)}) ${met ? 'met' : 'MISSED'}${toTracker > 0 ? `; ${toTracker} routed to the ratification tracker` : ''}`,
  );
}

const calibration = runs.find((run) => run.set.name === 'bank-tuning');
if (calibration) {
  const rows = tradeOff(calibration.samples);
  const chosen = chooseThreshold(rows);
  console.log(
    `\nabstention threshold trade-off on the calibration split (bank-tuning, ${calibration.samples.length} questions)`,
  );
  console.log(
    `threshold  false abstention, ar  en (answerable)  abstention (unanswerable)  net (of 100 asked in use, ${Math.round(UNANSWERABLE_IN_USE * 90)} in 90 unanswerable)`,
  );
  for (const row of rows) {
    if (!isTableStep(row.threshold) && row.threshold !== chosen && row.threshold !== CONFIDENCE_THRESHOLD) continue;
    const marks = [
      row.threshold === chosen ? 'chosen by the rule' : '',
      row.threshold === CONFIDENCE_THRESHOLD ? 'in use' : '',
    ]
      .filter(Boolean)
      .join(', ');
    console.log(
      `  ${row.threshold.toFixed(2)}                  ${f(row.falseAbstention.ar)}  ${f(row.falseAbstention.en)}                ${f(row.abstention)}                    ${row.net.toFixed(1).padStart(5)}   ${marks}`,
    );
  }
  if (chosen !== CONFIDENCE_THRESHOLD)
    console.log(
      `the rule picks ${chosen}; CONFIDENCE_THRESHOLD in src/answer/confidence.ts is ${CONFIDENCE_THRESHOLD}`,
    );
}
store.close();

/** Question by question, except for the sets nothing is fitted to: reading misses is how a set gets fitted. */
function printQuestions(run: SetRun): void {
  if (UNREAD_SETS.has(run.set.name)) {
    console.log(`${run.set.name}: question-by-question results are not printed for a set nothing is fitted to`);
    return;
  }
  run.bot.forEach(({ question, reply, rank }, i) => {
    const outcome = question.answerable
      ? rank
        ? `rank ${rank}`
        : reply.kind === 'no_answer'
          ? 'ABSTAINED'
          : 'MISS'
      : reply.kind;
    const confidence = run.samples[i]?.confidence;
    const top = reply.excerpts.map((e) => `${e.source.slice(0, 3)} ${e.locator}`).join(' | ');
    console.log(
      `${run.set.name} ${question.id} ${question.lang} ${outcome.padEnd(9)} ${confidence?.toFixed(2) ?? '-   '} ${question.question.slice(0, 70)}\n      ${top}`,
    );
  });
}
