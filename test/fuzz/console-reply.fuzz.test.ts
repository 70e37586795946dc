import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ansiStyle, renderText } from '../../adapters/console/render-text.ts';
import { hostileReply } from './support/arbitraries.ts';

/** As many cases as the chat renderers get. */
const RUNS = 10_000;

// What a terminal must never receive from a document or a user: escape sequences (colours, cursor moves, titles).
const ESCAPE = /[\x1b\x9b\x07\r]/;

describe('console replies with hostile text in every field', () => {
  it('render as text ending in a newline, with no escape sequence but the highlights', () => {
    fc.assert(
      fc.property(
        hostileReply(),
        fc.constantFrom('\x1b[31m', '\x1b]0;title\x07', '\x9b2J', '\r\x1b[2K'),
        (hostile, escape) => {
          // Every part's text carries an escape sequence too.
          const reply = JSON.parse(JSON.stringify(hostile), (key, value) =>
            typeof value === 'string' && key !== 'type' && key !== 'kind' ? `${escape}${value}` : value,
          ) as typeof hostile;
          const plain = renderText(reply);
          expect(plain.endsWith('\n')).toBe(true);
          expect(plain).not.toMatch(ESCAPE);
          // With colours, only the style's own sequences appear.
          expect(renderText(reply, ansiStyle).replace(/\x1b\[(?:1;33|2|0)m/g, '')).not.toMatch(ESCAPE);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
