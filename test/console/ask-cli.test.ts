import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
/** A status source on disk: a child process is out of nock's reach, and no test may reach the internet. */
const statusSource = (name: string) => pathToFileURL(join(root, 'test', 'fixtures', 'untc', name)).href;
const askCli = (args: string[], input?: string) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'adapters/console/ask-cli.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    // The status database goes to a temporary folder, not into the checkout.
    env: {
      ...process.env,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'treaty-ask-')),
      STATUS_SOURCE_URL: statusSource('consents.xml'),
    },
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
        env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'info', STATUS_SOURCE_URL: statusSource('consents.xml') },
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

describe('npm run ask -- status before any status is stored', () => {
  const ask = (dataDir: string, source: string, args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'adapters/console/ask-cli.ts', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'info', STATUS_SOURCE_URL: source },
    });

  it('reads the source once, answers from it and keeps it in DATA_DIR', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'treaty-ask-'));
    const first = ask(dataDir, statusSource('latin1-after.xml'), ['status']);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Signatories: 6');
    expect(first.stdout).toContain('from latin1-after.xml');
    // Stored: the next ask answers from DATA_DIR, not from a source that is gone.
    const again = ask(dataDir, statusSource('missing.xml'), ['status']);
    expect(again.stdout).toContain('Signatories: 6');
    expect(again.stderr).toBe('');
  });

  it('reads the source for --json too, printing only the JSON', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'treaty-ask-'));
    const json = ask(dataDir, statusSource('consents.xml'), ['--json', 'status']);
    expect(JSON.parse(json.stdout)).toMatchObject({ kind: 'status', excerpts: [] });
    expect(ask(dataDir, statusSource('missing.xml'), ['status']).stdout).toContain('Signatories: 13');
  });

  it('says where it looked when the source cannot be read', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'treaty-ask-'));
    const missing = join(root, 'test', 'fixtures', 'untc', 'missing.xml');
    const result = ask(dataDir, pathToFileURL(missing).href, ['status']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('No ratification status has been fetched yet.');
    expect(result.stdout).toContain(`Source unavailable since`);
    expect(result.stdout).toContain(`reading ${missing} failed: ENOENT`);
    expect(result.stderr).toMatch(/^warn: status: reading .*missing\.xml failed/);
  });

  it('names the document when it is read but refused', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'treaty-ask-'));
    const result = ask(dataDir, statusSource('maintenance.html'), ['status']);
    expect(result.stdout).toMatch(
      /Source unavailable since .*\(.*maintenance\.html: treaties\.un\.org is under maintenance\)/,
    );
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
