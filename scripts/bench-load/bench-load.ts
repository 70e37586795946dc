/**
 * `npm run bench:load`: load on the real adapters over loopback. Slack: signed `/treaty` commands POSTed to the
 * Bolt HTTP receiver, answers received at their response_urls. Discord: @mentions sent through the fake gateway,
 * replies received by the fake REST API. Both run the real core; the load side runs in a worker thread.
 * Prints throughput, latency percentiles, errors and the core's share of the time (`--json` for a machine).
 * Exits 1 on any error or missing answer; a missed latency target is reported, not failed (timings are the
 * machine's).
 */
import { createTreatyBot } from '../../src/create-treaty-bot.ts';
import { silentLogger } from '../../src/logger.ts';
import { type BenchOptions, readBenchOptions, USAGE } from './bench-options.ts';
import { benchDiscord } from './discord/bench-discord.ts';
import { type PlatformRun, totalErrors } from './platform-run.ts';
import { formatRun, targets } from './print-report.ts';
import { benchQuestions } from './questions.ts';
import { benchSlack } from './slack/bench-slack.ts';

let options: BenchOptions;
try {
  options = readBenchOptions(process.argv.slice(2));
} catch (error) {
  console.error(`bench:load: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}

const bot = createTreatyBot({ logger: silentLogger });
const questions = benchQuestions(bot, options.question);
const runs: PlatformRun[] = [];
for (const platform of options.platforms) {
  // One platform at a time: on a small machine, two benches at once would measure each other.
  const run =
    platform === 'slack'
      ? await benchSlack(bot, questions, options)
      : await benchDiscord(bot, questions, options, { keepGlobalLimit: options.keepDiscordGlobalLimit });
  runs.push(run);
  if (!options.json) console.log(`${formatRun(run)}\n`);
}

const failed = runs.some((run) => totalErrors(run) > 0);
if (options.json) {
  const { platforms: _platforms, json: _json, ...settings } = options;
  console.log(
    JSON.stringify(
      {
        settings,
        questions: questions.length,
        runs: runs.map((run) => ({ ...run, targets: targets(run) })),
        ok: !failed,
      },
      null,
      2,
    ),
  );
}
process.exitCode = failed ? 1 : 0;
