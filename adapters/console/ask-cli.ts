/**
 * `npm run ask -- "<question>"` prints a readable answer; `--json` prints the evaluation-contract JSON for one
 * question; `--jsonl` reads one question per line on stdin and prints one JSON object per line.
 * With --json/--jsonl, stdout carries only JSON (warnings go to stderr).
 */
import { createInterface } from 'node:readline';
import { toContractJson } from '../../src/answer/contract-json.ts';
import type { AskContext } from '../../src/answer/treaty-bot.ts';
import { createTreatyBot } from '../../src/create-treaty-bot.ts';
import { RatificationTracker } from '../../src/status/ratification-tracker.ts';
import { openStore, storePath } from '../../src/store/open-store.ts';
import { configOrExit } from '../config-or-exit.ts';
import { ansiStyle, plainStyle, renderText } from './render-text.ts';
import { stderrLogger } from './stderr-logger.ts';

const context: AskContext = { platform: 'cli' };
const args = process.argv.slice(2);
const json = args.includes('--json');
const jsonl = args.includes('--jsonl');
const question = args.filter((arg) => arg !== '--json' && arg !== '--jsonl').join(' ');

// `status` answers from the tracker's database (DATA_DIR) as last polled by the running bot; nothing is fetched here.
const config = configOrExit();
// Informational logs would drown the answers; only warnings and worse unless LOG_LEVEL asks for less.
const logger = stderrLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
const store = openStore(storePath(config.dataDir), logger);
const tracker = new RatificationTracker({ store, sourceUrl: config.status.sourceUrl, logger });
const bot = createTreatyBot({ seedsDir: config.seedsDir, indexDir: config.indexDir, logger, statusDesk: tracker });

if (jsonl) {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    process.stdout.write(`${JSON.stringify(toContractJson(bot.ask(line, context)))}\n`);
  }
} else if (json) {
  process.stdout.write(`${JSON.stringify(toContractJson(bot.ask(question, context)))}\n`);
} else {
  process.stdout.write(renderText(bot.ask(question, context), process.stdout.isTTY ? ansiStyle : plainStyle));
}
store.close();
