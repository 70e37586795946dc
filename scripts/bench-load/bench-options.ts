import { parseArgs } from 'node:util';
import type { BenchSettings } from './platform-run.ts';

export interface BenchOptions extends BenchSettings {
  platforms: Array<'slack' | 'discord'>;
  json: boolean;
  keepDiscordGlobalLimit: boolean;
}

export const USAGE = `npm run bench:load -- [--requests 2000] [--concurrency 50] [--platform slack|discord|both]
  [--warmup 100] [--discord-channels <concurrency>] [--keep-discord-global-limit] [--question <text>] [--json]`;

/** Reads the bench's options from argv; throws with a one-line reason on a bad value. */
export function readBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      requests: { type: 'string', default: '2000' },
      concurrency: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '100' },
      platform: { type: 'string', default: 'both' },
      'discord-channels': { type: 'string' },
      'keep-discord-global-limit': { type: 'boolean', default: false },
      question: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const platform = values.platform;
  if (platform !== 'slack' && platform !== 'discord' && platform !== 'both') {
    throw new Error(`--platform must be slack, discord or both, not "${platform}"`);
  }
  const concurrency = count('--concurrency', values.concurrency, 1);
  return {
    requests: count('--requests', values.requests, 1),
    concurrency,
    warmup: count('--warmup', values.warmup, 0),
    // One channel per message in flight by default, so no two in-flight replies share a discord.js queue.
    discordChannels: count('--discord-channels', values['discord-channels'] ?? String(concurrency), 1),
    ...(values.question === undefined ? {} : { question: values.question }),
    platforms: platform === 'both' ? ['slack', 'discord'] : [platform],
    json: values.json,
    keepDiscordGlobalLimit: values['keep-discord-global-limit'],
  };
}

function count(name: string, value: string, min: number): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min)
    throw new Error(`${name} must be a whole number ≥ ${min}, not "${value}"`);
  return parsed;
}
