/**
 * Query latency as shipped, for `npm run bench`, which runs it from the compiled build (`node dist/…`, as the
 * Dockerfile runs the bot): the bot and plain MiniSearch (default options) over the same passages, in one
 * process, their rounds interleaved so that both meet the same machine load. Under tsx the bot would pay for the
 * transpiler's helpers too, which production never runs. Prints one JSON line: each one's latencies in ms.
 */
import { resolve } from 'node:path';
import { TreatyBot } from '../answer/treaty-bot.ts';
import { buildPlainMiniSearch, plainDocuments } from '../bench/plain-minisearch.ts';
import { interleavedLatencies } from '../bench/timing.ts';
import { DEFAULT_PATHS } from '../default-paths.ts';
import { loadQuestionSets } from '../eval/question-sets.ts';
import { silentLogger } from '../logger.ts';
import { loadIndexIfFresh } from '../search/index-files.ts';
import { openEnglishText, readSearchInputs } from '../search/open-search.ts';
import { PassageSearch } from '../search/passage-search.ts';

const rounds = Number(process.argv[2] ?? 5);
const questions = loadQuestionSets(resolve('test/eval')).flatMap((set) => set.questions.map((q) => q.question));
const inputs = readSearchInputs(resolve(DEFAULT_PATHS.seeds));
const loaded = loadIndexIfFresh(resolve(DEFAULT_PATHS.index), inputs.manifest, inputs.documents);
if ('reason' in loaded) throw new Error(`query-latency: the committed index is stale (${loaded.reason})`);
const english = openEnglishText(resolve(DEFAULT_PATHS.seeds), inputs.documents, loaded, silentLogger);
const bot = new TreatyBot(
  new PassageSearch(loaded.analyzed, loaded.index, loaded.lexicon, english, loaded.plain),
  inputs.lexicon.topics,
);
const plain = buildPlainMiniSearch(plainDocuments(loaded.analyzed));
const samples = interleavedLatencies(questions, rounds, {
  bot: (question: string) => bot.ask(question, { platform: 'cli' }),
  plain: (question: string) => plain.search(question).slice(0, 5),
});
console.log(JSON.stringify(samples));
