import { beforeAll, describe, expect, it } from 'vitest';
import { apologyMessage, renderReply, type SlackMessage } from '../../adapters/slack/render-blocks.ts';
import { type Citation, emptyReply, type Reply } from '../../src/answer/reply.ts';
import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import { realBot } from '../support/bot.ts';
import { sampleCitation, sampleExcerpt } from '../support/sample-excerpt.ts';

const HOSTILE = 'Hi <!channel> <!here> <@U123> <https://evil.example|click> & 1 < 2 > 0 *bold* _it_ ~s~ `c`';

const citation: Citation = sampleCitation;
const excerpt = sampleExcerpt;

/** Every string Slack displays: block texts, context elements, button labels and the fallback. */
function displayedTexts(message: SlackMessage): string[] {
  const texts = [message.text];
  const walk = (node: unknown, key = ''): void => {
    if (typeof node === 'string') {
      if (key === 'text') texts.push(node);
    } else if (Array.isArray(node)) {
      for (const item of node) walk(item);
    } else if (node && typeof node === 'object') {
      for (const [childKey, child] of Object.entries(node)) walk(child, childKey);
    }
  };
  walk(message.blocks);
  return texts;
}

function sectionTexts(message: SlackMessage): string[] {
  return message.blocks.flatMap((block) => (block.type === 'section' && block.text ? [block.text.text] : []));
}

describe('renderReply', () => {
  let bot: TreatyBot;

  beforeAll(() => {
    bot = realBot();
  });

  describe('an answer', () => {
    it('shows the title, one quoted section per excerpt with matched words in bold, and citations', () => {
      const message = renderReply(bot.ask('entry-into-force', { platform: 'slack' }), { shareButton: true });
      const [header, ...rest] = message.blocks;
      expect(header).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Entry into force' } });
      const sections = sectionTexts(message);
      const quotes = sections.filter((text) => text.startsWith('> '));
      expect(quotes.length).toBeGreaterThanOrEqual(2);
      // The topic is asked in English: each quote is followed by its unofficial English translation.
      const translations = sections.filter((text) => !text.startsWith('> '));
      expect(translations.length).toBe(quotes.length);
      for (const text of translations) expect(text).toMatch(/^_English \(unofficial translation\):_ \S/);
      expect(quotes.join('\n')).toMatch(/\*\u2068?40\u2069?\*/);
      expect(quotes.join('\n')).toMatch(/\*\u2068?90\u2069?\*/);
      const citations = rest.filter((block) => block.type === 'context');
      expect(JSON.stringify(citations)).toContain('*1.* ');
      expect(rest.filter((block) => block.type === 'divider')).toHaveLength(quotes.length - 1);
    });

    it('offers an Arabic answer a Show in English button, and shows the English when asked', () => {
      const reply = bot.ask('متى تدخل الاتفاقية حيز النفاذ؟', { platform: 'slack' });
      const arabic = renderReply(reply);
      expect(JSON.stringify(arabic)).not.toContain('unofficial translation');
      expect(arabic.blocks.at(-1)).toMatchObject({
        type: 'actions',
        elements: [{ type: 'button', action_id: 'treaty_show_english', value: reply.query }],
      });
      const english = renderReply(reply, { english: true });
      expect(sectionTexts(english).filter((text) => text.startsWith('_English')).length).toBe(reply.excerpts.length);
      expect(JSON.stringify(english)).not.toContain('treaty_show_english');
      // The notification text shown in its place carries the translations too.
      expect(english.text).toContain('English (unofficial translation)');
    });

    it('keeps a long translation within the section limit', () => {
      const reply = bot.ask('entry-into-force', { platform: 'slack' });
      const long = {
        ...reply,
        excerpts: reply.excerpts.map((excerpt) => ({ ...excerpt, translation: 'word '.repeat(2000) })),
      };
      for (const text of sectionTexts(renderReply(long))) expect(text.length).toBeLessThanOrEqual(3000);
    });

    it('ends with a Share button whose value is the query', () => {
      const message = renderReply(bot.ask('entry-into-force', { platform: 'slack' }), { shareButton: true });
      expect(message.blocks.at(-1)).toMatchObject({
        type: 'actions',
        elements: [{ type: 'button', action_id: 'treaty_share', value: 'entry-into-force' }],
      });
    });

    it('has no Share button unless asked, and none on help or topics', () => {
      expect(JSON.stringify(renderReply(bot.ask('entry-into-force', { platform: 'slack' })))).not.toContain(
        'treaty_share',
      );
      for (const text of ['help', 'topics']) {
        const message = renderReply(bot.ask(text, { platform: 'slack' }), { shareButton: true });
        expect(JSON.stringify(message)).not.toContain('treaty_share');
      }
    });

    it('adds 👍 / 👎 after the Share button in the same actions block, their value the query', () => {
      const message = renderReply(bot.ask('entry-into-force', { platform: 'slack' }), {
        shareButton: true,
        feedbackButtons: true,
      });
      expect(message.blocks.filter((block) => block.type === 'actions')).toHaveLength(1);
      expect(message.blocks.at(-1)).toMatchObject({
        type: 'actions',
        elements: [
          { action_id: 'treaty_share', value: 'entry-into-force' },
          { action_id: 'treaty_feedback_up', text: { text: '👍' }, value: 'entry-into-force' },
          { action_id: 'treaty_feedback_down', text: { text: '👎' }, value: 'entry-into-force' },
        ],
      });
    });

    it('has feedback buttons on no_answer replies, none unless asked, and none on help, topics or status', () => {
      const noAnswer = renderReply(bot.ask('what is the best pizza recipe', { platform: 'slack' }), {
        feedbackButtons: true,
      });
      expect(noAnswer.blocks.at(-1)).toMatchObject({
        type: 'actions',
        elements: [{ action_id: 'treaty_feedback_up' }, { action_id: 'treaty_feedback_down' }],
      });
      expect(JSON.stringify(renderReply(bot.ask('entry-into-force', { platform: 'slack' })))).not.toContain(
        'treaty_feedback',
      );
      for (const text of ['', 'help', 'topics', 'status']) {
        const message = renderReply(bot.ask(text, { platform: 'slack' }), { shareButton: true, feedbackButtons: true });
        expect(JSON.stringify(message)).not.toContain('treaty_feedback');
      }
    });

    it('cuts a feedback value to 2000 characters without splitting a surrogate pair', () => {
      const reply = { ...emptyReply('no_answer', `${'a'.repeat(1999)}😀tail`, 'en', 'Q') };
      const actions = renderReply(reply, { feedbackButtons: true }).blocks.at(-1);
      const values =
        actions?.type === 'actions' ? actions.elements.map((each) => ('value' in each ? each.value : '')) : [];
      expect(values).toEqual(['a'.repeat(1999), 'a'.repeat(1999)]);
    });

    it('says which Arabic terms an English question searched', () => {
      const reply = { ...emptyReply('answer', 'q', 'en', 'Q'), searchedTerms: ['حيز النفاذ', 'تصديق'] };
      const context = renderReply(reply).blocks.find((block) => block.type === 'context');
      expect(JSON.stringify(context)).toContain(
        'Searched the Arabic text for: \u2068حيز النفاذ\u2069, \u2068تصديق\u2069',
      );
    });

    it('lists where else the same passage appears', () => {
      const twin = { ...citation, title: { ar: 'وثيقة أخرى', en: 'Another document' }, locator: '¶ 7' };
      const reply = { ...emptyReply('answer', 'q', 'en', 'Q'), excerpts: [excerpt('نص', [], { alsoIn: [twin] })] };
      expect(JSON.stringify(renderReply(reply).blocks)).toContain(
        'Also in: \u2068Another document\u2069, \u2068¶ 7\u2069',
      );
    });

    it('attributes a shared answer to the user who shared it', () => {
      const message = renderReply(bot.ask('entry-into-force', { platform: 'slack' }), { sharedBy: 'U0ASKER' });
      expect(message.blocks[1]).toEqual({
        type: 'context',
        elements: [{ type: 'mrkdwn', text: 'Shared by <@U0ASKER>' }],
      });
    });
  });

  describe('other kinds', () => {
    it('shows the command list for help', () => {
      const text = JSON.stringify(renderReply(bot.ask('', { platform: 'slack' })).blocks);
      expect(text).toContain('`/treaty &lt;question&gt;` — Ask anything');
      expect(text).toContain('`/treaty topics`');
    });

    it('shows every topic as slug — English title · Arabic title', () => {
      const text = JSON.stringify(renderReply(bot.ask('topics', { platform: 'slack' })).blocks);
      expect(text).toContain('• `entry-into-force` — \u2068Entry into force\u2069 · \u2068');
    });

    it('shows the notice and suggested topics for a question the sources do not answer', () => {
      const message = renderReply(bot.ask('what is the best pizza recipe', { platform: 'slack' }));
      const sections = sectionTexts(message);
      expect(sections[0]).toContain('do not answer');
      expect(sections[1]).toContain('*Topics you can ask about*');
    });

    it('shows commands and crons in status lines as real code spans that cannot ping', () => {
      const reply: Reply = {
        ...emptyReply('status', '', 'en', 'Digest subscriptions'),
        statusLines: ['C1: `* * * * *` (UTC); stop with `/treaty unsubscribe`', 'odd `<!channel>` and *x* `'],
      };
      const [first, second] = sectionTexts(renderReply(reply));
      expect(first).toBe('C1: `* * * * *` (UTC); stop with `/treaty unsubscribe`');
      expect(second).toBe('odd `&lt;!channel&gt;` and \u2217x\u2217 \u02CB');
    });

    it('shows status lines', () => {
      const message = renderReply(bot.ask('status', { platform: 'slack' }));
      expect(sectionTexts(message).join('\n')).toContain('not connected');
    });
  });

  describe('the plain-text fallback', () => {
    it('is always present, for every kind of reply', () => {
      const replies: Reply[] = [
        ...['entry-into-force', '', 'topics', 'status', 'pizza'].map((text) => bot.ask(text, { platform: 'slack' })),
        emptyReply('answer', '', 'ar', ''),
      ];
      for (const reply of replies) {
        const { text } = renderReply(reply);
        expect(text.trim().length).toBeGreaterThan(0);
        expect(text.length).toBeLessThanOrEqual(3000);
      }
    });

    it('carries the quotes of an answer', () => {
      const { text } = renderReply(bot.ask('entry-into-force', { platform: 'slack' }));
      expect(text.split('\n')[0]).toBe('Entry into force');
      expect(text).toContain('«');
      expect(text).toContain('حيز');
    });
  });

  describe('escaping', () => {
    const hostileReply: Reply = {
      ...emptyReply('answer', HOSTILE, 'en', HOSTILE),
      excerpts: [
        excerpt(`نص ${HOSTILE} نص`, [{ start: 0, end: 2 }], {
          citation: {
            ...citation,
            title: { ar: HOSTILE, en: HOSTILE },
            publisher: { ar: HOSTILE, en: HOSTILE },
            locator: HOSTILE,
            symbol: HOSTILE,
            url: 'https://evil.example/a|<!channel>',
          },
          alsoIn: [{ ...citation, title: { ar: HOSTILE, en: HOSTILE }, locator: HOSTILE }],
        }),
      ],
      searchedTerms: [HOSTILE],
      suggestions: [{ slug: HOSTILE, title: { en: HOSTILE, ar: HOSTILE } }],
      help: [{ command: HOSTILE, description: HOSTILE }],
      statusLines: [HOSTILE],
      notices: [HOSTILE],
    };

    it('leaves no unescaped <, > or & in any displayed text', () => {
      for (const text of displayedTexts(renderReply(hostileReply, { shareButton: true }))) {
        expect(text).not.toContain('<');
        expect(text.replace(/^> /gm, '')).not.toMatch(/>/);
        expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
      }
    });

    it('cannot ping a channel, a user or forge a link', () => {
      const json = JSON.stringify(renderReply(hostileReply).blocks);
      for (const injected of ['<!channel>', '<!here>', '<@U123>', '<https://evil'])
        expect(json).not.toContain(injected);
      expect(json).toContain('&lt;!channel&gt;');
    });

    it('neutralizes mrkdwn formatting in document text', () => {
      const [quote] = sectionTexts(renderReply(hostileReply)).filter((text) => text.startsWith('> '));
      expect(quote).not.toContain('*bold*');
      expect(quote).not.toContain('_it_');
      expect(quote).not.toContain('`c`');
      // Our own highlight is still bold.
      expect(quote).toContain('*نص*');
    });

    it('escapes a hostile sharer id instead of mentioning it', () => {
      const message = renderReply(hostileReply, { sharedBy: '<!channel>' });
      expect(JSON.stringify(message.blocks[1])).toContain('Shared by &lt;!channel&gt;');
    });

    it('links a citation title only to a clean http(s) URL', () => {
      const clean = { ...citation, url: 'https://www.unodc.org/a?b=1&c=2' };
      const reply = { ...emptyReply('answer', 'q', 'en', 'Q'), excerpts: [excerpt('نص', [], { citation: clean })] };
      expect(JSON.stringify(renderReply(reply).blocks)).toContain(
        '<https://www.unodc.org/a?b=1&amp;c=2|\u2068The UN treaty\u2069>',
      );
    });
  });

  describe('Block Kit limits', () => {
    const huge = 'الاتفاقية & <b> '.repeat(2_000) + 'unodc.org 2024 '.repeat(500);
    const hugeReply: Reply = {
      ...emptyReply('answer', huge.slice(0, 5000), 'ar', huge),
      excerpts: Array.from({ length: 5 }, () =>
        excerpt(
          huge,
          Array.from({ length: 400 }, (_, i) => ({ start: i * 80, end: i * 80 + 9 })),
          { alsoIn: Array.from({ length: 30 }, () => ({ ...citation, title: { ar: huge, en: huge } })) },
        ),
      ),
      searchedTerms: Array.from({ length: 500 }, (_, i) => `مصطلح${i}`),
      suggestions: Array.from({ length: 300 }, (_, i) => ({ slug: `topic-${i}`, title: { en: huge, ar: huge } })),
      help: Array.from({ length: 100 }, () => ({ command: huge, description: huge })),
      statusLines: Array.from({ length: 100 }, () => huge),
      notices: Array.from({ length: 40 }, () => huge),
    };

    let message: SlackMessage;

    beforeAll(() => {
      message = renderReply(hugeReply, { shareButton: true, sharedBy: 'U0ASKER' });
    });

    it('never exceeds 50 blocks, 3000 characters a section or 150 a header', () => {
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      for (const block of message.blocks) {
        if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
        if (block.type === 'section') expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
        if (block.type === 'context') {
          expect(block.elements.length).toBeLessThanOrEqual(10);
          for (const element of block.elements) {
            expect('text' in element ? element.text.length : 0).toBeLessThanOrEqual(3000);
          }
        }
        if (block.type === 'actions') {
          for (const element of block.elements) {
            expect('value' in element ? (element.value ?? '').length : 0).toBeLessThanOrEqual(2000);
          }
        }
      }
      expect(message.text.length).toBeLessThanOrEqual(3000);
    });

    it('keeps the title, the share button and a note that something was left out', () => {
      expect(message.blocks[0]?.type).toBe('header');
      expect(message.blocks.at(-1)?.type).toBe('actions');
      expect(JSON.stringify(message.blocks)).toContain('Part of this reply was left out');
    });

    it('splits a long excerpt into several quoted sections, each ending in whole entities and markers', () => {
      const reply = {
        ...emptyReply('answer', 'q', 'ar', 'Q'),
        excerpts: [excerpt(huge.slice(0, 9000), [{ start: 0, end: 9 }])],
      };
      const quotes = sectionTexts(renderReply(reply));
      expect(quotes.length).toBeGreaterThan(3);
      for (const quote of quotes) {
        expect(quote.startsWith('> ')).toBe(true);
        expect(quote.length).toBeLessThanOrEqual(3000);
        expect(quote).not.toMatch(/&[a-z]*$/);
        expect((quote.match(/\*/g) ?? []).length % 2).toBe(0);
        expect((quote.match(/\u2068/g) ?? []).length).toBe((quote.match(/\u2069/g) ?? []).length);
      }
    });

    it('truncates a long title with …', () => {
      const header = renderReply(emptyReply('help', '', 'en', 'x '.repeat(400))).blocks[0];
      expect(header?.type === 'header' && header.text.text).toMatch(/…$/);
    });

    it('keeps a citation with every excerpt it shows', () => {
      const quoted = message.blocks.findLastIndex(
        (block) => block.type === 'section' && block.text?.text.startsWith('> '),
      );
      expect(message.blocks[quoted + 1]?.type).toBe('context');
    });
  });
});

describe('renderReply notices', () => {
  it('shows every notice whole, under an answer and under an abstention', () => {
    const notices = [
      'The source documents do not answer this.',
      'Your message was long; only its beginning was searched.',
    ];
    for (const kind of ['answer', 'no_answer'] as const) {
      const shown = displayedTexts(renderReply({ ...emptyReply(kind, 'q', 'en', 'Q'), notices })).join('\n');
      for (const notice of notices) expect(shown).toContain(notice);
    }
  });
});

describe('apologyMessage', () => {
  it('is short and has a fallback text', () => {
    const message = apologyMessage();
    expect(message.text).toMatch(/^Sorry/);
    expect(message.text.length).toBeLessThan(120);
    expect(message.blocks).toHaveLength(1);
  });
});
