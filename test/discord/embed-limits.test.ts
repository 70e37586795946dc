import type { APIEmbed } from 'discord.js';
import { embedLength as discordEmbedLength } from 'discord.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMBED_LIMITS,
  embedLength,
  fitEmbed,
  packMessages,
  splitMarkdown,
  truncateMarkdown,
} from '../../adapters/discord/embed-limits.ts';

/**
 * Unescaped `**` and backtick markers in a chunk, read as Discord does: inside a code span a backslash is a
 * character and `**` is text. Even counts mean its bold text and code spans are closed.
 */
function markers(text: string): { bold: number; code: number } {
  const count = { bold: 0, code: 0 };
  let inCode = false;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '`') {
      count.code += 1;
      inCode = !inCode;
    } else if (inCode) continue;
    else if (text[i] === '\\') i += 1;
    else if (text.startsWith('**', i)) {
      count.bold += 1;
      i += 1;
    }
  }
  return count;
}

/** A markdown-like text: words, escaped characters, bold runs, code spans, Arabic, surrogate pairs, line breaks. */
const markdownText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'word',
        'كلمة',
        'الاتفاقية',
        '\\*',
        '\\_',
        '\\\\',
        '\\`',
        '😀',
        '\n',
        '- item',
        '1. x',
        'x'.repeat(40),
      ),
      fc.constantFrom('**bold**', '**حيز النفاذ**', '**a long bold run of several words**'),
      fc.constantFrom('`slug`', '`a\\`', '`**`', '`\uD800`', `\`${'long code span '.repeat(5)}\``),
    ),
    { maxLength: 400 },
  )
  .map((pieces) => pieces.join(' '));

describe('splitMarkdown', () => {
  it('keeps a short text whole', () => {
    expect(splitMarkdown('short **text**', 100)).toEqual(['short **text**']);
  });

  it('cuts at a space outside bold text', () => {
    expect(splitMarkdown('aaaa bbbb **cc dd** eeee', 15)).toEqual(['aaaa bbbb', '**cc dd** eeee']);
  });

  it('prefers a line break and escapes a block marker it brings to the front', () => {
    expect(splitMarkdown('first line is long\n- second line', 24)).toEqual(['first line is long', '\\- second line']);
  });

  it('closes and reopens bold text when it must cut inside it', () => {
    const chunks = splitMarkdown(`**${'ب'.repeat(30)}**`, 20);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(20);
      expect(chunk).toMatch(/^\*\*[^*]+\*\*$/);
    }
  });

  it('sees bold text after an escaped backslash', () => {
    const chunks = splitMarkdown(`\\\\**${'ب'.repeat(30)}**`, 20);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(markers(chunk).bold).toBe(2);
  });

  it('cuts at a space outside code spans, not inside one', () => {
    expect(splitMarkdown('aaaa bbbb `c d e` f', 15)).toEqual(['aaaa bbbb', '`c d e` f']);
  });

  it('closes and reopens a code span when it must cut inside it', () => {
    const chunks = splitMarkdown(`• \`${'@\u200Beveryone '.repeat(50)}\` — x`, 100);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(100);
      expect(markers(chunk).code).toBe(2);
      expect(chunk).not.toContain('``');
    }
  });

  it('reads a backslash in a code span as a character, not an escape of the closing backtick', () => {
    expect(splitMarkdown('`a\\` bbbb cccc', 11)).toEqual(['`a\\` bbbb', 'cccc']);
  });

  it('does not let a lone surrogate swallow the backtick closing its code span', () => {
    expect(splitMarkdown('`\uD800` bbbb `c` dddd', 16)).toEqual(['`\uD800` bbbb `c`', 'dddd']);
  });

  it('never separates an escape from its character or splits a surrogate pair', () => {
    const chunks = splitMarkdown(`${'\\*'.repeat(30)}${'😀'.repeat(30)}`, 11);
    for (const chunk of chunks) {
      expect(chunk.endsWith('\\') && !chunk.endsWith('\\\\')).toBe(false);
      expect(chunk).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
    }
    expect(chunks.join('')).toBe(`${'\\*'.repeat(30)}${'😀'.repeat(30)}`);
  });

  it('returns chunks within the limit, with balanced bold, that keep every word (property)', () => {
    fc.assert(
      fc.property(markdownText, fc.integer({ min: 12, max: 300 }), (text, max) => {
        const chunks = splitMarkdown(text, max);
        for (const chunk of chunks) {
          expect(chunk.length).toBeLessThanOrEqual(max);
          expect(chunk.length).toBeGreaterThan(0);
          expect(markers(chunk).bold % 2).toBe(0);
          expect(markers(chunk).code % 2).toBe(0);
        }
        const words = (value: string) =>
          value
            .replace(/\*\*|`|\\(?=[-+>#.])/g, '')
            .split(/\s+/)
            .join('');
        expect(words(chunks.join(' '))).toBe(words(text.trim()));
      }),
      { numRuns: 300 },
    );
  });
});

describe('truncateMarkdown', () => {
  it('shortens with an ellipsis within the limit', () => {
    const title = truncateMarkdown('word '.repeat(100), 256);
    expect(title.length).toBeLessThanOrEqual(256);
    expect(title.endsWith('word…')).toBe(true);
  });
});

describe('fitEmbed', () => {
  it('keeps every embed within the per-embed limits', () => {
    const embeds = fitEmbed({
      title: 't'.repeat(1000),
      description: 'word '.repeat(3000),
      color: 1,
      fields: Array.from({ length: 40 }, (_, i) => ({ name: `n${i} `.repeat(100), value: 'v '.repeat(1500) })),
    });
    expect(embeds.length).toBeGreaterThan(3);
    expect(embeds[0]?.title?.length).toBeLessThanOrEqual(EMBED_LIMITS.title);
    expect(embeds.slice(1).every((embed) => embed.title === undefined)).toBe(true);
    for (const embed of embeds) {
      expect(embed.color).toBe(1);
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.description);
      expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.fields);
      expect(embedLength(embed)).toBeLessThanOrEqual(EMBED_LIMITS.charactersPerMessage);
      for (const field of embed.fields ?? []) {
        expect(field.name.length).toBeGreaterThan(0);
        expect(field.name.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldName);
        expect(field.value.length).toBeGreaterThan(0);
        expect(field.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
      }
    }
    expect(embeds.flatMap((embed) => embed.fields ?? []).some((field) => field.name.endsWith('(continued)'))).toBe(
      true,
    );
  });

  it('puts the footer on the last embed, or on its own when it would take that embed past 6000 characters', () => {
    const footer = 'f'.repeat(EMBED_LIMITS.footerText);
    expect(fitEmbed({ title: 'T', description: 'd', footer })).toEqual([
      { title: 'T', description: 'd', footer: { text: footer } },
    ]);
    // Found by the digest fuzz test: a full footer under a long header embed came to 6001 characters.
    const embeds = fitEmbed({ title: 't'.repeat(53), description: 'word '.repeat(781), footer, color: 1 });
    expect(embeds.map(embedLength)).toEqual([53 + 3904, EMBED_LIMITS.footerText]);
    expect(embeds[1]).toEqual({ color: 1, footer: { text: footer } });
  });

  it('drops fields with nothing to show (Discord rejects empty values)', () => {
    expect(fitEmbed({ title: 'T', fields: [{ name: 'Also in', value: '  ' }] })).toEqual([{ title: 'T' }]);
  });
});

describe('packMessages', () => {
  it('puts at most 10 embeds and 6000 characters in a message, in order', () => {
    const embeds: APIEmbed[] = Array.from({ length: 37 }, (_, i) => ({ description: `${i} ${'x'.repeat(1500)}` }));
    const messages = packMessages(embeds);
    expect(messages.flatMap((message) => message.embeds)).toEqual(embeds);
    for (const message of messages) {
      expect(message.embeds.length).toBeLessThanOrEqual(EMBED_LIMITS.embedsPerMessage);
      expect(message.embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(6000);
    }
    expect(packMessages(Array.from({ length: 25 }, () => ({ title: 'x' }))).map((m) => m.embeds.length)).toEqual([
      10, 10, 5,
    ]);
  });
});

describe('embedLength', () => {
  it('counts what discord.js counts', () => {
    const embed: APIEmbed = {
      title: 'عنوان',
      description: 'نص **مهم**',
      fields: [{ name: 'Source', value: 'value' }],
      footer: { text: 'foot' },
      author: { name: 'author' },
    };
    expect(embedLength(embed)).toBe(discordEmbedLength(embed));
  });
});
