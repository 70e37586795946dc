import { describe, expect, it } from 'vitest';
import { decodeSlackText } from '../../adapters/slack/incoming-text.ts';

describe('decodeSlackText', () => {
  it.each([
    ['Slack’s three entities', 'R&amp;D &lt;3 a&gt;b', 'R&D <3 a>b'],
    ['an entity the user typed, decoded once', 'write &amp;amp; or &amp;lt;', 'write &amp; or &lt;'],
    ['a labelled link', 'see <https://x.org/a?b=1&amp;c=2|the docs &amp; notes>', 'see the docs & notes'],
    ['a channel link', 'in <#C123|general>', 'in #general'],
    ['a date with its fallback', 'on <!date^1700000000^{date}|14 Nov 2023>', 'on 14 Nov 2023'],
    ['a broadcast', '<!channel> hello <!subteam^S1|@team>', '  hello  '],
    ['user mentions and bare links, left for the core', '<@U1> <https://x.org>', '<@U1> <https://x.org>'],
    ['typed markup, which stays text for the core to clean', '&lt;!channel&gt; hi', '<!channel> hi'],
    ['anything else', 'plain & simple; &quot;', 'plain & simple; &quot;'],
  ])('reads %s', (_, text, expected) => {
    expect(decodeSlackText(text)).toBe(expected);
  });
});
