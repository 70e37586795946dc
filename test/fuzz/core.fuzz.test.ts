import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_QUESTION_CHARS } from '../../src/answer/clean-input.ts';
import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import { realBot } from '../support/bot.ts';
import { askContext, coreInput } from './support/arbitraries.ts';

/** Cases for the core: each ask searches the real index (about half a millisecond). */
const CORE_RUNS = 2_000;

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
const ZERO_WIDTH = /\u200B|\u200C|\u200D|\uFEFF/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('TreatyBot.ask on hostile text', () => {
  let bot: TreatyBot;

  beforeAll(() => {
    bot = realBot();
  });

  it('never throws and returns a Reply whose query is clean and at most 500 chars', () => {
    fc.assert(
      fc.property(coreInput, askContext, (text, context) => {
        const reply = bot.ask(text, context);
        expect(reply.parts[0]?.type).toBe('heading');
        expect(reply.query.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
        expect(reply.query).not.toMatch(BIDI_CONTROL);
        expect(reply.query).not.toMatch(ZERO_WIDTH);
        expect(reply.query).not.toMatch(LONE_SURROGATE);
      }),
      { numRuns: CORE_RUNS },
    );
  });

  // Found by this suite: `constructor` / `__proto__` used to reach Object.prototype through the command keywords.
  it('returns a Reply even for a message that names an Object.prototype key', () => {
    const words = fc.constantFrom('constructor', '__proto__', 'Constructor', ' __PROTO__ ', '<@U1> constructor');
    fc.assert(
      fc.property(words, askContext, (text, context) => {
        const reply = bot.ask(text, context);
        expect(reply).toBeDefined();
        expect(reply.parts[0]?.type).toBe('heading');
      }),
      { numRuns: 50 },
    );
  });
});
