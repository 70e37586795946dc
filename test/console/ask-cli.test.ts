import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
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
