import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Runs `body` in a fresh Node process with the handler installed over a JSON logger on stderr. */
function runWithHandler(body: string) {
  const script = `
    import { exitOnUnexpectedError } from './adapters/exit-on-unexpected-error.ts';
    import { stderrLogger } from './adapters/console/stderr-logger.ts';
    exitOnUnexpectedError(stderrLogger('info'));
    ${body}
  `;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
    cwd: root,
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('exitOnUnexpectedError', () => {
  it.each([
    ['an uncaught exception', "setTimeout(() => { throw new TypeError('boom'); }, 0);", 'uncaught exception'],
    ['an unhandled rejection', "void Promise.reject(new Error('boom'));", 'unhandled rejection'],
  ])('logs %s as one line and exits 70', (_, body, kind) => {
    const result = runWithHandler(body);
    expect(result.status).toBe(70);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 50, msg: `process: ${kind}, exiting with 70: boom` });
  });
});
