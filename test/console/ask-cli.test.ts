import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const askCli = (args: string[], input?: string) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'adapters/console/ask-cli.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    // The status database goes to a temporary folder, not into the checkout.
    env: { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'treaty-ask-')) },
  });

const EXCERPT_KEYS = ['end', 'locator', 'score', 'source', 'start', 'text', 'title'];

describe('npm run ask (the evaluation contract)', () => {
  it('prints exactly one JSON object for --json, with cited excerpts that slice the seed file', () => {
    const output = askCli(['--json', 'entry-into-force']);
    expect(output.trim().split('\n')).toHaveLength(1);
    const reply = JSON.parse(output);
    expect(Object.keys(reply).sort()).toEqual(['excerpts', 'kind', 'lang', 'query']);
    expect(reply.kind).toBe('answer');
    expect(reply.excerpts.length).toBeGreaterThan(0);
    expect(reply.excerpts.length).toBeLessThanOrEqual(5);
    for (const excerpt of reply.excerpts) {
      // The contract's fields, and the optional unofficial English of the excerpt's sentences.
      expect(Object.keys(excerpt).sort()).toEqual([...EXCERPT_KEYS, 'translation'].sort());
      expect(excerpt.translation).toMatch(/[a-z]/);
      const text = readFileSync(join(root, 'seeds', excerpt.source), 'utf8');
      expect(text.slice(excerpt.start, excerpt.end)).toBe(excerpt.text);
    }
    expect(reply.excerpts.map((excerpt: { text: string }) => excerpt.text).join(' ')).toMatch(/90/);
  });

  it('answers one JSON line per input line for --jsonl', () => {
    const output = askCli(['--jsonl'], 'entry-into-force\nWho is the INTERPOL Secretary General?\n\ntopics\n');
    const lines = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.kind)).toEqual([
      'answer',
      expect.stringMatching(/answer|no_answer/),
      'help',
      'topics',
    ]);
    expect(lines[1].lang).toBe('en');
  });

  it('prints a readable answer with citations without flags', () => {
    const output = askCli(['متى تدخل الاتفاقية حيز النفاذ؟']);
    expect(output).toMatch(/\[1\] /);
    expect(output).toMatch(/الفقرة|¶/);
  });
});

describe('npm run ask for an operator', () => {
  it('prints its usage for --help instead of searching for it', () => {
    const output = askCli(['--help']);
    expect(output).toMatch(/^Usage: npm run ask -- \[--json\] \[--lang en\] "<question>"/);
    expect(output).toContain('--jsonl');
    expect(output).toContain('--lang en');
  });

  it('answers without a usable DATA_DIR, warning once in one line, and status says why nothing is kept', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'treaty-ask-')), 'not-a-folder');
    writeFileSync(dataDir, 'a file where the data folder should be');
    const run = (question: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'adapters/console/ask-cli.ts', question], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'info' },
      });
    const status = run('status');
    expect(status.status).toBe(0);
    expect(status.stderr).toBe(
      `warn: store: DATA_DIR "${dataDir}" cannot be used: a file is in the place of its folder; answering without it (status is not kept)\n`,
    );
    expect(status.stdout).toContain(`Not stored: DATA_DIR "${dataDir}" cannot be used: a file is in the place`);
    expect(run('entry-into-force').stdout).toMatch(/\[1\] /);
  });
});

describe('npm start with a platform and an unusable DATA_DIR', () => {
  it('stops with one line naming DATA_DIR and the cause, and status 1', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'treaty-start-'));
    writeFileSync(join(dataDir, 'treaty-bot.sqlite'), 'not a database, just text long enough for a header '.repeat(4));
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        SLACK_BOT_TOKEN: 'xoxb-1-2-test',
        SLACK_SIGNING_SECRET: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
      },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `store: DATA_DIR "${dataDir}" cannot be used: the database file is corrupt or not a SQLite database (move it aside to start afresh)\n`,
    );
  });
});
