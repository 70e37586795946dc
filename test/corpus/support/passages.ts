// Shared by the corpus tests: reading seeds and checking the invariants every splitter must keep.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { type Passage, passageText } from '../../../src/corpus/passage.ts';

export const seedsDir = join(import.meta.dirname, '../../../seeds');

export const seedFiles = {
  adoptionNews: '000_3d11450850dc9606.txt',
  omsacRelease: '001_4193e7ffee87e5c9.txt',
  hanoiNews: '002_0e7922f09a8ca988.txt',
  interpolResolution: '003_4fc5c03014882eb4.txt',
  expertGroupReport: '004_77fe3e7651538f96.txt',
} as const;

/** A seed file's text exactly as the corpus loader reads it. */
export function readSeed(file: string): string {
  return readFileSync(join(seedsDir, file), 'utf8');
}

/** The passage with this locator; fails the test when there is none. */
export function byLocator(passages: Passage[], locator: string): Passage {
  const passage = passages.find((candidate) => candidate.locator === locator);
  if (!passage) throw new Error(`no passage ${locator}; have ${passages.map((p) => p.locator).join(', ')}`);
  return passage;
}

/** The passage's spans joined with a space, as indexed and shown. */
export function textOf(passages: Passage[], locator: string, text: string): string {
  return passageText(byLocator(passages, locator), text);
}

/** Offsets, trimming, order, overlap, ids and locators: what every splitter promises for any input. */
export function expectPassageInvariants(passages: Passage[], file: string, text: string): void {
  const locators = passages.map((passage) => passage.locator);
  expect(new Set(locators).size).toBe(locators.length);
  passages.forEach((passage, ordinal) => {
    expect(passage.id).toBe(`${file}#${ordinal}`);
    expect(passage.file).toBe(file);
    expect(passage.spans.length).toBeGreaterThan(0);
    for (const [index, span] of passage.spans.entries()) {
      expect(Number.isInteger(span.start) && Number.isInteger(span.end)).toBe(true);
      expect(0 <= span.start && span.start < span.end && span.end <= text.length).toBe(true);
      const slice = text.slice(span.start, span.end);
      expect(slice).toBe(slice.trim());
      const previous = passage.spans[index - 1];
      if (previous) expect(span.start).toBeGreaterThan(previous.end);
    }
  });
  const spans = passages.flatMap((passage) => passage.spans).sort((a, b) => a.start - b.start);
  for (let index = 1; index < spans.length; index += 1) {
    const previous = spans[index - 1];
    const span = spans[index];
    if (previous && span) expect(span.start).toBeGreaterThanOrEqual(previous.end);
  }
}
