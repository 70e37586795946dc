import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanInput, detectLanguage, MAX_QUESTION_CHARS } from '../../src/answer/clean-input.ts';

describe('cleanInput', () => {
  it.each([
    ['<!channel> ما هي الاتفاقية؟', 'ما هي الاتفاقية؟', 'a Slack broadcast'],
    ['<@U123ABC> entry-into-force', 'entry-into-force', 'a Slack user mention'],
    ['<@&987654321> hi <#C1|general>', 'hi', 'a Discord role mention and a channel link'],
    ['@everyone @here what is it', 'what is it', 'broadcast words'],
    ['\u202Eabc\u202C \u2067معاهدة\u2069', 'abc معاهدة', 'bidi overrides and isolates'],
    ['tre\u200Baty\uFEFF', 'treaty', 'zero-width characters'],
    ['a\u0000b\u001B[31mc', 'a b [31mc', 'control characters, including the escape of a terminal colour code'],
    ['  many   \n\t spaces ', 'many spaces', 'runs of white space'],
    ['**bold** _it_ `code`', '**bold** _it_ `code`', 'markdown, which is searched as plain text'],
    ['@\u200Beveryone look', 'look', 'a broadcast split by a zero-width space'],
    ['@\u2060here and @\u200Deveryone', 'and', 'broadcasts split by a word joiner and a ZWJ'],
    ['<\u200B!channel> hi', 'hi', 'markup split by a zero-width space'],
    ['ratif\u{E0069}\u{E0067}\u{E006E}ication\u{E007F}', 'ratification', 'Unicode tag characters'],
    ['\uFF20everyone \uFF54\uFF52\uFF45\uFF41\uFF54\uFF59', 'treaty', 'fullwidth forms, folded by NFKC first'],
    ['\uFEFBتفاقية', 'لاتفاقية', 'an Arabic presentation-form ligature'],
    ['می\u200Cخواهم', 'میخواهم', 'a Persian half-space (ZWNJ), joined'],
  ])('cleans %j to %j (%s)', (raw, expected) => {
    expect(cleanInput(raw)).toEqual({ text: expected, truncated: false });
  });

  it('cuts a huge message at a word boundary and says so', () => {
    const { text, truncated } = cleanInput('كلمة '.repeat(1000));
    expect(truncated).toBe(true);
    expect(text.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
    expect(text.endsWith('كلمة')).toBe(true);
  });

  it('never returns invisible controls or lone surrogates, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (raw) => {
        const { text } = cleanInput(raw);
        expect(text).not.toMatch(/\p{Cf}|\p{Cc}|\p{Cs}|[\u{E0000}-\u{E007F}]/u);
        expect(text.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
      }),
    );
  });
});

describe('cleanInput against hidden broadcasts', () => {
  it('never lets a broadcast word through, whatever is woven into it', () => {
    const piece = fc.constantFrom(
      '@',
      'everyone',
      'here',
      '\u200B',
      '\u200D',
      '\u2060',
      '\u{E0041}',
      '\uFF20',
      ' ',
      '<!',
      '>',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        expect(cleanInput(pieces.join('')).text).not.toMatch(/@(everyone|here|channel)\b/i);
      }),
      { numRuns: 300 },
    );
  });
});

describe('detectLanguage', () => {
  it.each([
    ['متى تدخل الاتفاقية حيز النفاذ؟', 'ar'],
    ['When does the convention enter into force?', 'en'],
    ['ما دور UNODC؟', 'ar'],
    ['Who is غادة والي at UNODC and OMSAC?', 'en'],
    ['', 'ar'],
  ])('%s → %s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});
