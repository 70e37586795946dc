import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs|cjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Every module specifier a file imports, re-exports or loads dynamically. */
function importsOf(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const pattern =
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(?\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]/g;
  return [...code.matchAll(pattern)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

const isPlatformOrAdapter = (specifier: string) =>
  /^@slack\/|^discord\.js$|^@discordjs\/|(^|\/)adapters(\/|$)/.test(specifier);

describe('the dependency rule', () => {
  const files = sourceFiles(join(root, 'src'));

  it('finds the core sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('keeps src/ free of Slack, Discord and adapter imports', () => {
    const violations = files.flatMap((file) =>
      importsOf(file)
        .filter(isPlatformOrAdapter)
        .map((specifier) => `${relative(root, file)} imports ${specifier}`),
    );
    expect(violations).toEqual([]);
  });

  it.each(['@slack/bolt', 'discord.js', '@discordjs/rest', '../../adapters/slack/render.ts', '../adapters'])(
    'recognises %s as forbidden',
    (specifier) => {
      expect(isPlatformOrAdapter(specifier)).toBe(true);
    },
  );

  it.each(['minisearch', '../search/ranker.ts', 'node:fs', './adapter-free.ts'])('allows %s', (specifier) => {
    expect(isPlatformOrAdapter(specifier)).toBe(false);
  });
});

describe('the adapters', () => {
  const platforms = ['slack', 'discord', 'console'];

  it.each(platforms)(
    'never import another adapter from adapters/%s (they share through adapters/shared or src/)',
    (platform) => {
      const others = platforms.filter((other) => other !== platform);
      const crossing = new RegExp(`(^|/)(${others.join('|')})/`);
      const violations = sourceFiles(join(root, 'adapters', platform)).flatMap((file) =>
        importsOf(file)
          .filter((specifier) => specifier.startsWith('.') && crossing.test(specifier))
          .map((specifier) => `${relative(root, file)} imports ${specifier}`),
      );
      expect(violations).toEqual([]);
    },
  );
});

describe('the layers of src/', () => {
  // Imports run downward: the chart draws what the answer layer words; the answer layer words what the tracker
  // reports; the tracker builds on the UNTC source, the store and delivery; none of those looks back up.
  const above: Record<string, string[]> = {
    status: ['chart', 'answer', 'tracker', 'digests', 'store'],
    store: ['chart', 'answer', 'tracker', 'digests'],
    digests: ['chart', 'answer', 'tracker'],
    tracker: ['chart', 'answer'],
    answer: ['chart'],
  };

  it.each(Object.entries(above))('src/%s imports nothing from %j', (layer, forbidden) => {
    const upward = new RegExp(`^\\.\\./(${forbidden.join('|')})/`);
    const violations = sourceFiles(join(root, 'src', layer)).flatMap((file) =>
      importsOf(file)
        .filter((specifier) => upward.test(specifier))
        .map((specifier) => `${relative(root, file)} imports ${specifier}`),
    );
    expect(violations).toEqual([]);
  });
});
