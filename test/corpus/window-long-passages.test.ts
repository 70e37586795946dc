import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/passage.ts';
import { LONG_PASSAGE_CHARS, WINDOW_CHARS, windowLongPassages } from '../../src/corpus/window-long-passages.ts';

const sentence = (i: number) => `Sentence number ${i} ${'word '.repeat(20).trim()}.`;
const paragraph = (count: number) => Array.from({ length: count }, (_, i) => sentence(i)).join(' ');

function passageOver(spans: Array<[number, number]>): Passage {
  return {
    id: 'f#0',
    file: 'f',
    locator: '¶ 9',
    context: ['heading'],
    spans: spans.map(([start, end]) => ({ start, end })),
  };
}

describe('windowLongPassages', () => {
  it('leaves a passage up to LONG_PASSAGE_CHARS whole', () => {
    const text = paragraph(3);
    expect(text.length).toBeLessThan(LONG_PASSAGE_CHARS);
    const [only, ...rest] = windowLongPassages([passageOver([[0, text.length]])], text);
    expect(rest).toEqual([]);
    expect(only?.spans).toEqual([{ start: 0, end: text.length }]);
  });

  it('cuts a long passage into windows of whole sentences that keep its locator and context', () => {
    const text = paragraph(20);
    const windows = windowLongPassages([passageOver([[0, text.length]])], text);
    expect(windows.length).toBeGreaterThan(1);
    for (const window of windows) {
      expect(window.locator).toBe('¶ 9');
      expect(window.context).toEqual(['heading']);
      const quoted = window.spans.map((span) => text.slice(span.start, span.end)).join(' ');
      expect(quoted.length).toBeLessThanOrEqual(WINDOW_CHARS);
      expect(quoted).toMatch(/^Sentence number \d+/);
      expect(quoted).toMatch(/\.$/);
    }
    // Together the windows hold every sentence, in order.
    expect(windows.flatMap((window) => window.spans.map((span) => text.slice(span.start, span.end))).join(' ')).toBe(
      text,
    );
  });

  it('never joins sentences across a gap between spans (a footnote left out)', () => {
    const text = `${paragraph(10)}\nFOOTNOTE\n${paragraph(10)}`;
    const footnoteAt = text.indexOf('\nFOOTNOTE');
    const windows = windowLongPassages(
      [
        passageOver([
          [0, footnoteAt],
          [footnoteAt + '\nFOOTNOTE\n'.length, text.length],
        ]),
      ],
      text,
    );
    for (const window of windows)
      for (const span of window.spans) expect(text.slice(span.start, span.end)).not.toContain('FOOTNOTE');
  });

  it('numbers passages in file order', () => {
    const text = paragraph(20);
    const windows = windowLongPassages([passageOver([[0, text.length]])], text);
    expect(windows.map((window) => window.id)).toEqual(windows.map((_, i) => `f#${i}`));
  });
});
