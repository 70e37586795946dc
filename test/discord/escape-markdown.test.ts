import { describe, expect, it } from 'vitest';
import {
  escapeLineStarts,
  escapeMarkdown,
  escapeTextStart,
  inlineCode,
  neutralizeMentions,
} from '../../adapters/discord/escape-markdown.ts';

const ZWSP = '\u200B';

describe('escapeMarkdown', () => {
  it.each([
    ['**bold**', '\\*\\*bold\\*\\*'],
    ['__underline__ and _italic_', '\\_\\_underline\\_\\_ and \\_italic\\_'],
    ['~~struck~~', '\\~\\~struck\\~\\~'],
    ['||spoiler||', '\\|\\|spoiler\\|\\|'],
    ['`code`', '\\`code\\`'],
    ['[x](https://evil)', '\\[x\\](https://evil)'],
    ['a \\ backslash', 'a \\\\ backslash'],
  ])('escapes inline markdown in %s', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  it('escapes headings, subtext, quotes and lists at the start of any line', () => {
    expect(escapeMarkdown('# Title\n-# small\n> quote\n- item\n+ item\n12. item\nmid-line - # > stay')).toBe(
      '\\# Title\n\\-# small\n\\> quote\n\\- item\n\\+ item\n12\\. item\nmid-line - # > stay',
    );
  });

  it('sees a line start through leading spaces and bidi isolates', () => {
    expect(escapeLineStarts('  \u2068- item')).toBe('  \u2068\\- item');
  });

  it('drops Unicode tag characters and keeps bidi isolates', () => {
    expect(escapeMarkdown('a\u{E0041}b \u2068x\u2069')).toBe('ab \u2068x\u2069');
  });

  it('leaves Arabic text alone', () => {
    const arabic = 'ستدخل الاتفاقية حيز النفاذ بعد 90 يومًا من إيداع صك التصديق الأربعين.';
    expect(escapeMarkdown(arabic)).toBe(arabic);
  });
});

describe('escapeTextStart', () => {
  it('escapes a block marker at the very start only, once', () => {
    expect(escapeTextStart('- a\n- b')).toBe('\\- a\n- b');
    expect(escapeTextStart('3. a')).toBe('3\\. a');
    expect(escapeTextStart(escapeTextStart('> a'))).toBe('\\> a');
  });
});

describe('neutralizeMentions', () => {
  it.each([
    ['@everyone look', `@${ZWSP}everyone look`],
    ['@here now', `@${ZWSP}here now`],
    ['hi <@456> and <@!456>', `hi <${ZWSP}@456> and <${ZWSP}@!456>`],
    ['role <@&123>', `role <${ZWSP}@&123>`],
    ['see <#789>', `see <${ZWSP}#789>`],
    ['run </treaty:1>', `run <${ZWSP}/treaty:1>`],
    ['<:emoji:1> <t:1700000000:R>', `<${ZWSP}:emoji:1> <${ZWSP}t:1700000000:R>`],
  ])('breaks %s', (text, neutral) => {
    expect(neutralizeMentions(text)).toBe(neutral);
  });

  it('keeps ordinary angle brackets and e-mail addresses', () => {
    expect(neutralizeMentions('a < b > c, mail@example.org')).toBe('a < b > c, mail@example.org');
  });
});

describe('inlineCode', () => {
  it('wraps text in a code span and swaps backticks, which cannot be escaped there', () => {
    expect(inlineCode('entry-into-force')).toBe('`entry-into-force`');
    expect(inlineCode('a`b')).toBe('`aˋb`');
  });

  it('breaks mentions inside the span too, since a misread or cut span would leave them live', () => {
    expect(inlineCode('@everyone <@1>')).toBe('`@\u200Beveryone <\u200B@1>`');
  });

  it('never writes an empty span, which Discord reads as a double backtick opening a longer one', () => {
    expect(inlineCode('')).toBe('`\u200B`');
  });
});
