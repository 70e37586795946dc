import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ansiStyle, renderText } from '../../adapters/console/render-text.ts';
import { hostileReply } from './support/arbitraries.ts';

/** As many cases as the chat renderers get. */
const RUNS = 10_000;

// What a terminal must never receive from a document or a user: a control character (the start of an escape
// sequence that recolours, moves the cursor or sets the title), apart from line feeds.
const CONTROL = /(?!\n)\p{Cc}/u;
// The colour style's own sequences, the only controls allowed in coloured output.
const STYLE_SEQUENCE = new RegExp(`${String.fromCharCode(27)}\\[(?:1;33|2|0)m`, 'g');

describe('console replies with hostile text in every field', () => {
  it('render as text ending in a newline, with no escape sequence but the highlights', () => {
    fc.assert(
      fc.property(
        hostileReply(),
        fc.constantFrom('\x1b[31m', '\x1b]0;title\x07', '\x9b2J', '\r\x1b[2K'),
        (hostile, sequence) => {
          // Every part's text carries an escape sequence too.
          const reply = JSON.parse(JSON.stringify(hostile), (key, value) =>
            typeof value === 'string' && key !== 'type' && key !== 'kind' ? `${sequence}${value}` : value,
          ) as typeof hostile;
          const plain = renderText(reply);
          expect(plain.endsWith('\n')).toBe(true);
          expect(plain).not.toMatch(CONTROL);
          // With colours, only the style's own sequences appear.
          expect(renderText(reply, ansiStyle).replace(STYLE_SEQUENCE, '')).not.toMatch(CONTROL);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
