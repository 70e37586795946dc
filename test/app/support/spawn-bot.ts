import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..', '..');

/** A free port on 127.0.0.1, for the bot's HTTP server. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

export interface RunningBot {
  child: ChildProcess;
  logs: () => string;
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number | null>;
}

/** Runs the composition root as `npm start` does (outside nock's guard: its store and status source must stay on this machine). */
export function spawnBot(env: Record<string, string>): RunningBot {
  const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += String(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, logs: () => output, exited };
}

/** `spawnBot`, resolving once its output contains `readyLine`. */
export function startBot(env: Record<string, string>, readyLine = 'slack: listening'): Promise<RunningBot> {
  const bot = spawnBot(env);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start:\n${bot.logs()}`)), 15_000);
    bot.child.stderr?.on('data', () => {
      if (bot.logs().includes(readyLine)) {
        clearTimeout(timer);
        resolve(bot);
      }
    });
    void bot.exited.then((code) => reject(new Error(`bot exited with ${code}:\n${bot.logs()}`)));
  });
}
