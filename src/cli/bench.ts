/**
 * `npm run bench`: index build and load time, start-to-first-answer, query latency p50/p99 and memory for the
 * bot's search, the same for plain MiniSearch (default options) on the same passages, and both on a 100×
 * synthetic corpus. Questions: every evaluation set (dev, round 1, the question bank, the blind set). Targets
 * (issue #10): query p50 ≤ 3× plain MiniSearch's in the same run, query p99 ≤ 2 ms, start to first answer from
 * dist/ ≤ 400 ms. Query latency and first answer are measured on the compiled build (`node dist/…`), the code the
 * Dockerfile runs. Exits 1 on a miss.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TreatyBot } from '../answer/treaty-bot.ts';
import { benchQuestions } from '../bench/bench-questions.ts';
import { buildPlainMiniSearch, loadPlainMiniSearch, plainDocuments } from '../bench/plain-minisearch.ts';
import { repeatCorpus } from '../bench/synthetic-corpus.ts';
import { latencies, mib, quantile, timed } from '../bench/timing.ts';
import { DEFAULT_PATHS } from '../default-paths.ts';
import { silentLogger } from '../logger.ts';
import { Bm25Index } from '../search/bm25-index.ts';
import { loadIndexIfFresh } from '../search/index-files.ts';
import { buildMiniSearch } from '../search/minisearch-index.ts';
import { buildSearchData, openEnglishText, readSearchInputs, searchOver } from '../search/open-search.ts';
import { PassageSearch } from '../search/passage-search.ts';

const TARGET_P99_MS = 2;
const TARGET_P50_RATIO = 3;
const TARGET_FIRST_ANSWER_MS = 400;
const ROUNDS = 5;
const SYNTHETIC_COPIES = 100;

const questions = benchQuestions();
const inputs = readSearchInputs(resolve(DEFAULT_PATHS.seeds));
const topics = inputs.lexicon.topics;
const fmt = (ms: number) => `${ms < 10 ? ms.toFixed(3) : ms.toFixed(1)} ms`;
const lines: string[] = [];
const report = (label: string, value: string) => lines.push(`${label.padEnd(50)} ${value}`);

// --- Start-up, measured first, while this process is still small --------------------------------------------
execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
const firstAnswer = median(Array.from({ length: 5 }, () => msToFirstAnswer(['dist/src/cli/first-answer.js'])));
const firstAnswerTsx = median(
  Array.from({ length: 3 }, () => msToFirstAnswer(['--import', 'tsx', 'src/cli/first-answer.ts'])),
);

// --- The bot's search ---------------------------------------------------------------------------------------
const build = timed(() => buildSearchData(inputs));
const indexOnly = timed(() => buildMiniSearch(build.value.analyzed));
const load = timed(() => loadIndexIfFresh(resolve(DEFAULT_PATHS.index), inputs.manifest, inputs.documents));
if ('reason' in load.value)
  throw new Error(`bench: the committed index is stale (${load.value.reason}); run npm run build:index`);
// Queries run on the index as loaded from index/, as in production.
const loaded = load.value;
// The English translations, searched by English questions; their index is built on the first one.
const english = openEnglishText(resolve(DEFAULT_PATHS.seeds), inputs.documents, loaded, silentLogger);
const englishBuild = timed(() => english.search(['convent'], 1));
const bot = new TreatyBot(searchOver(loaded, english), topics);
// Every question once, untimed, so that memory counts what answering builds. Latency is measured as shipped.
for (const question of questions) bot.ask(question, { platform: 'cli' });
const shipped = shippedLatencies();
const botLatency = shipped.bot;
report('passages', String(build.value.analyzed.length));
report('index build (split + analyze + MiniSearch)', fmt(build.ms));
report('index build (MiniSearch only)', fmt(indexOnly.ms));
report('index load (committed index/)', fmt(load.ms));
report('index size on disk (index/)', kib(directorySize(resolve(DEFAULT_PATHS.index))));
report(
  'English translations on disk (seeds/translations/en/)',
  kib(directorySize(resolve(DEFAULT_PATHS.seeds, 'translations', 'en'))),
);
report('English text index build (first English question)', fmt(englishBuild.ms));
report(`query latency p50 (${botLatency.length} asks, node dist)`, fmt(quantile(botLatency, 0.5)));
report('query latency p99', fmt(quantile(botLatency, 0.99)));
const botMemory = process.memoryUsage();
report('memory with the bot loaded: heap / RSS', `${mib(botMemory.heapUsed)} / ${mib(botMemory.rss)}`);

// --- Plain MiniSearch on the same passages ------------------------------------------------------------------
const documents = plainDocuments(build.value.analyzed);
const plainBuild = timed(() => buildPlainMiniSearch(documents));
const plainJson = JSON.stringify(plainBuild.value);
const plainLoad = timed(() => loadPlainMiniSearch(plainJson));
const plainLatency = shipped.plain;
report('plain MiniSearch build', fmt(plainBuild.ms));
report('plain MiniSearch load', fmt(plainLoad.ms));
report('plain MiniSearch query p50 (same process, rounds interleaved)', fmt(quantile(plainLatency, 0.5)));
report('plain MiniSearch query p99', fmt(quantile(plainLatency, 0.99)));
report('ratio bot / plain, query p50', `${(quantile(botLatency, 0.5) / quantile(plainLatency, 0.5)).toFixed(1)}×`);
report('ratio bot / plain, build', `${(build.ms / plainBuild.ms).toFixed(1)}×`);

// --- 100× synthetic corpus ----------------------------------------------------------------------------------
const synthetic = repeatCorpus(build.value.analyzed, SYNTHETIC_COPIES);
// Built with MiniSearch and read into the index the bot searches (bm25-index.ts), both timed.
const syntheticBuild = timed(() => Bm25Index.fromMiniSearch(buildMiniSearch(synthetic)));
const syntheticBot = new TreatyBot(new PassageSearch(synthetic, syntheticBuild.value, inputs.lexicon), topics);
const syntheticLatency = latencies(questions, 3, (question) => syntheticBot.ask(question, { platform: 'cli' }));
const syntheticPlain = timed(() => buildPlainMiniSearch(plainDocuments(synthetic)));
const syntheticPlainLatency = latencies(questions, 3, (question) => syntheticPlain.value.search(question).slice(0, 5));
report(`${SYNTHETIC_COPIES}× corpus passages`, String(synthetic.length));
report(`${SYNTHETIC_COPIES}× bot index build (MiniSearch)`, fmt(syntheticBuild.ms));
report(
  `${SYNTHETIC_COPIES}× bot query p50 / p99`,
  `${fmt(quantile(syntheticLatency, 0.5))} / ${fmt(quantile(syntheticLatency, 0.99))}`,
);
report(`${SYNTHETIC_COPIES}× plain build`, fmt(syntheticPlain.ms));
report(
  `${SYNTHETIC_COPIES}× plain query p50 / p99`,
  `${fmt(quantile(syntheticPlainLatency, 0.5))} / ${fmt(quantile(syntheticPlainLatency, 0.99))}`,
);

// --- Memory ---------------------------------------------------------------------------------------------------
const memory = process.memoryUsage();
report('memory after the 100× corpus too: heap / RSS', `${mib(memory.heapUsed)} / ${mib(memory.rss)}`);

report('start to first answer (node dist, median of 5)', fmt(firstAnswer));
report('start to first answer (tsx from source, median of 3)', fmt(firstAnswerTsx));

const p99 = quantile(botLatency, 0.99);
const p50Ratio = quantile(botLatency, 0.5) / quantile(plainLatency, 0.5);
const misses = [
  p99 > TARGET_P99_MS ? `query p99 ${fmt(p99)} > ${TARGET_P99_MS} ms` : '',
  p50Ratio > TARGET_P50_RATIO ? `query p50 ${p50Ratio.toFixed(1)}× plain > ${TARGET_P50_RATIO}×` : '',
  firstAnswer > TARGET_FIRST_ANSWER_MS ? `first answer ${fmt(firstAnswer)} > ${TARGET_FIRST_ANSWER_MS} ms` : '',
].filter(Boolean);
console.log(lines.join('\n'));
console.log(
  misses.length === 0
    ? `targets: met (query p50 ≤ ${TARGET_P50_RATIO}× plain, query p99 ≤ ${TARGET_P99_MS} ms, first answer ≤ ${TARGET_FIRST_ANSWER_MS} ms)`
    : `targets MISSED: ${misses.join('; ')}`,
);
process.exit(misses.length === 0 ? 0 : 1);

/**
 * Query latencies of the bot and of plain MiniSearch from the compiled build, in one child process with their
 * rounds interleaved (src/cli/query-latency.ts).
 */
function shippedLatencies(): { bot: number[]; plain: number[] } {
  const output = execFileSync(process.execPath, ['dist/src/cli/query-latency.js', String(ROUNDS)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const samples = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { bot?: number[]; plain?: number[] };
  if (!samples.bot?.length || !samples.plain?.length) throw new Error('bench: query-latency printed no latencies');
  return { bot: samples.bot, plain: samples.plain };
}

/** Process start to first answer, as the child process measures it. */
function msToFirstAnswer(nodeArgs: string[]): number {
  const output = execFileSync(process.execPath, [...nodeArgs, 'entry-into-force'], { encoding: 'utf8' });
  return (JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { msSinceProcessStart: number }).msSinceProcessStart;
}

function median(values: number[]): number {
  return quantile(values, 0.5);
}

/** The bytes of the files in a directory (not its subdirectories). */
function directorySize(dir: string): number {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(dir, entry.name)).size, 0);
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}
