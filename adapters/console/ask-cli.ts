/**
 * `npm run ask -- "<question>"` prints a readable answer; `--json` prints the evaluation-contract JSON for one
 * question; `--jsonl` reads one question per line on stdin and prints one JSON object per line; `--help` prints
 * the usage. With --json/--jsonl, stdout carries only JSON (warnings go to stderr).
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { toContractJson } from '../../src/answer/contract-json.ts';
import type { Reply } from '../../src/answer/reply.ts';
import type { AskContext } from '../../src/answer/treaty-bot.ts';
import { createTreatyBot } from '../../src/create-treaty-bot.ts';
import { RatificationTracker } from '../../src/tracker/ratification-tracker.ts';
import { configOrExit } from '../config-or-exit.ts';
import { openStoreOrMemory } from '../open-store-or-explain.ts';
import { consoleLogLevel, LineLogger } from './line-logger.ts';
import { ansiStyle, plainStyle, renderText } from './render-text.ts';

const USAGE = `Usage: npm run ask -- [--json] [--lang en] "<question>"
       npm run ask -- --jsonl < questions.txt

Asks the treaty bot one question (Arabic or English) and prints the answer with its citations.
  --json     print the evaluation-contract JSON for the question instead
  --jsonl    read one question per line on stdin, print one JSON object per line
  --lang en  show each Arabic quote's unofficial English translation under it (an English question always does)
  --help     print this help

"status" answers from DATA_DIR's database as the running bot last polled it; when that holds no status yet,
it is read once from STATUS_SOURCE_URL (and the reply says where it looked if that fails).
`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const { values, positionals } = parseArgs({
  args,
  allowPositionals: true,
  options: { json: { type: 'boolean' }, jsonl: { type: 'boolean' }, lang: { type: 'string' } },
  strict: false,
});
const json = values.json === true;
const jsonl = values.jsonl === true;
const english = values.lang === 'en';
const question = positionals.join(' ');
const context: AskContext = { platform: 'cli', ...(english ? { english } : {}) };

// `status` answers from the tracker's database (DATA_DIR) as last polled by the running bot.
const config = configOrExit();
// Warnings as readable lines on stderr; stdout carries only the answers (or JSON).
const logger = new LineLogger(consoleLogLevel(config.logLevel));
// Answering needs no database: without a usable DATA_DIR, `status` says why nothing is kept.
const { store, notStoredBecause } = openStoreOrMemory(config.dataDir, logger);
const tracker = new RatificationTracker({ store, sourceUrl: config.status.sourceUrl, logger, notStoredBecause });
const bot = createTreatyBot({ seedsDir: config.seedsDir, indexDir: config.indexDir, logger, statusDesk: tracker });

let polled = false;
/**
 * The bot's reply; a status reply before any status is stored polls the source once, as the console chat does at
 * start, and asks again (a failed poll is recorded, and the reply then names the source and why).
 */
async function ask(text: string): Promise<Reply> {
  const reply = bot.ask(text, context);
  if (reply.kind !== 'status' || polled || store.snapshots.lastGood()) return reply;
  polled = true;
  await tracker.poll();
  return bot.ask(text, context);
}

if (jsonl) {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    process.stdout.write(`${JSON.stringify(toContractJson(await ask(line)))}\n`);
  }
} else if (json) {
  process.stdout.write(`${JSON.stringify(toContractJson(await ask(question)))}\n`);
} else {
  const style = process.stdout.isTTY ? ansiStyle : plainStyle;
  process.stdout.write(renderText(await ask(question), style));
}
store.close();
