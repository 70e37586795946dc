/**
 * Query latency as shipped, for `npm run bench`, which runs it from the compiled build (`node dist/…`, as the
 * Dockerfile runs the bot): the bot and plain MiniSearch (default options) over the same passages, in one
 * process, their rounds interleaved so that both meet the same machine load. Under tsx the bot would pay for the
 * transpiler's helpers too, which production never runs. Prints one JSON line: each one's latencies in ms.
 */
import { benchQuestions } from '../bench/bench-questions.ts';
import { buildPlainMiniSearch, plainDocuments } from '../bench/plain-minisearch.ts';
import { interleavedLatencies } from '../bench/timing.ts';
import { createTreatyBot } from '../create-treaty-bot.ts';
import { silentLogger } from '../logger.ts';

const rounds = Number(process.argv[2] ?? 5);
const questions = benchQuestions();
// The core as the composition root builds it for `npm start` (bench.ts has checked that index/ is fresh).
const bot = createTreatyBot({ logger: silentLogger });
const plain = buildPlainMiniSearch(plainDocuments(bot.passages));
const samples = interleavedLatencies(questions, rounds, {
  bot: (question: string) => bot.ask(question, { platform: 'cli' }),
  plain: (question: string) => plain.search(question).slice(0, 5),
});
console.log(JSON.stringify(samples));
