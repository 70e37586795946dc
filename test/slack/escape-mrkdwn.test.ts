import { describe, expect, it } from 'vitest';
import { escapeText, linkOrLabel, neutralizeMrkdwn, userMention } from '../../adapters/slack/escape-mrkdwn.ts';

describe('escapeText', () => {
  it('escapes exactly &, < and >', () => {
    expect(escapeText('<!channel> & <@U123> <https://evil|x> "quoted" \'single\'')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil|x&gt; "quoted" \'single\'',
    );
  });

  it('drops Unicode tag characters and keeps other format characters (bidi isolates, ZWNJ)', () => {
    expect(escapeText('a\u{E0041}\u{E007F}b \u2068x\u2069 می\u200Cخواهم')).toBe('ab \u2068x\u2069 می\u200Cخواهم');
  });

  it('escapes an existing entity again, so it shows as typed', () => {
    expect(escapeText('&lt;')).toBe('&amp;lt;');
  });
});

describe('neutralizeMrkdwn', () => {
  it('swaps mrkdwn formatting characters for look-alikes of the same length', () => {
    const text = '*Terminology Guidelines* _x_ ~y~ `z`';
    const neutral = neutralizeMrkdwn(text);
    expect(neutral).toHaveLength(text.length);
    expect(neutral).not.toMatch(/[*_~`]/);
  });
});

describe('userMention', () => {
  it('mentions a well-formed user id and escapes anything else', () => {
    expect(userMention('U0ASKER')).toBe('<@U0ASKER>');
    expect(userMention('W012ABC')).toBe('<@W012ABC>');
    expect(userMention('<!channel>')).toBe('&lt;!channel&gt;');
    expect(userMention('U1> <!here')).toBe('U1&gt; &lt;!here');
  });
});

describe('linkOrLabel', () => {
  it('links a clean http(s) URL, escaping & in it', () => {
    expect(linkOrLabel('https://treaties.un.org/a?x=1&y=2', 'UNTC')).toBe(
      '<https://treaties.un.org/a?x=1&amp;y=2|UNTC>',
    );
  });

  it('shows only the label for anything else', () => {
    for (const url of ['javascript:alert(1)', 'https://evil|x', 'https://a b', 'https://x><!channel', undefined]) {
      expect(linkOrLabel(url, 'label')).toBe('label');
    }
  });
});
