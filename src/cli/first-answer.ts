/**
 * Measures start-up for `npm run bench`: builds the core as `npm start` does, answers one question and
 * prints how long after process start the answer was ready (`performance.now()` counts from process start).
 */
import { createTreatyBot } from '../create-treaty-bot.ts';
import { silentLogger } from '../logger.ts';

const bot = createTreatyBot({ logger: silentLogger });
const reply = bot.ask(process.argv[2] ?? 'entry-into-force', { platform: 'cli' });
console.log(JSON.stringify({ kind: reply.kind, msSinceProcessStart: performance.now() }));
