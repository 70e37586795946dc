import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FSI, PDI } from '../../adapters/shared/bidi.ts';
import { BLOCK_LIMITS } from '../../adapters/slack/block-limits.ts';
import { apologyMessage, renderReply, type SlackMessage } from '../../adapters/slack/render-blocks.ts';
import { type AnswerFacts, answerReply, type ReplyOffers } from '../../src/answer/answer-reply.ts';
import { digestReply } from '../../src/answer/digest-reply.ts';
import { SHARED_BY, UNOFFICIAL_TRANSLATION, VOTE_DOWN, VOTE_UP } from '../../src/answer/phrases.ts';
import { type Action, type Citation, excerptsOf, type Part, type Reply } from '../../src/answer/reply.ts';
import { topicList } from '../../src/answer/topic-list.ts';
import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import { silentLogger } from '../../src/logger.ts';
import type { StatusChange } from '../../src/status/snapshot.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { buildDigest } from '../../src/tracker/digest.ts';
import { ratifiers, snapshotOf } from '../status/support/snapshots.ts';
import { realBot, realBotWithFeedback } from '../support/bot.ts';
import { sampleCitation, sampleExcerpt } from '../support/sample-excerpt.ts';

const HOSTILE = 'Hi <!channel> <!here> <@U123> <https://evil.example|click> & 1 < 2 > 0 *bold* _it_ ~s~ `c`';

const citation: Citation = sampleCitation;
const excerpt = sampleExcerpt;

const SHARE: Action = { type: 'share', label: 'Share in channel' };
const ENGLISH: Action = {
  type: 'english',
  label: 'Show in English',
  description: 'Show the unofficial English translation',
};
const VOTE: Action = { type: 'vote', up: VOTE_UP, down: VOTE_DOWN };

/** An answer as the core words it for these facts (no actions unless `offers` allow them). */
function answerOf(facts: Partial<AnswerFacts>, offers: Partial<ReplyOffers> = {}): Reply {
  return answerReply(
    { query: 'q', lang: 'en', heading: 'Q', excerpts: [], searchedTerms: [], confidence: 1, ...facts },
    { share: false, vote: false, english: false, platform: 'slack', ...offers },
  );
}

/** A reply of `kind`: a heading, then `parts`, and `actions`. */
function replyOf(
  kind: Reply['kind'],
  heading: string,
  parts: Part[] = [],
  { query = 'q', lang = 'en', actions = [] }: { query?: string; lang?: Reply['lang']; actions?: Action[] } = {},
): Reply {
  return { kind, lang, query, parts: [{ type: 'heading', text: heading }, ...parts], actions };
}

/** The reply with a "Shared by" part under its heading, where the core puts it. */
function sharedBy(reply: Reply, user: string): Reply {
  const [heading, ...rest] = reply.parts;
  return { ...reply, parts: [...(heading ? [heading] : []), { type: 'sharedBy', label: SHARED_BY, user }, ...rest] };
}

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
  /** The core recording votes: its answers and abstentions offer 👍 / 👎. */
  let voting: TreatyBot;
  let store: Store;

  beforeAll(() => {
    bot = realBot();
    store = openStore(':memory:', silentLogger);
    voting = realBotWithFeedback(store);
  });

  afterAll(() => {
    store.close();
  });

  describe('an answer', () => {
    it('shows the title, one quoted section per excerpt with matched words in bold, and citations', () => {
      const message = renderReply(bot.ask('entry-into-force', { platform: 'slack', privateReply: true }));
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
      const question = 'متى تدخل الاتفاقية حيز النفاذ؟';
      const reply = bot.ask(question, { platform: 'slack' });
      const arabic = renderReply(reply);
      expect(JSON.stringify(arabic)).not.toContain('unofficial translation');
      expect(arabic.blocks.at(-1)).toMatchObject({
        type: 'actions',
        elements: [{ type: 'button', action_id: 'treaty_show_english', value: reply.query }],
      });
      const english = renderReply(bot.ask(question, { platform: 'slack', english: true }));
      expect(sectionTexts(english).filter((text) => text.startsWith('_English')).length).toBe(excerptsOf(reply).length);
      expect(JSON.stringify(english)).not.toContain('treaty_show_english');
      // The notification text shown in its place carries the translations too.
      expect(english.text).toContain('English (unofficial translation)');
    });

    it('keeps a long translation within the section limit', () => {
      const reply = bot.ask('entry-into-force', { platform: 'slack' });
      const long: Reply = {
        ...reply,
        parts: reply.parts.map((part) =>
          part.type === 'quote'
            ? { ...part, translation: { label: UNOFFICIAL_TRANSLATION, text: 'word '.repeat(2000) } }
            : part,
        ),
      };
      const sections = sectionTexts(renderReply(long));
      expect(sections.filter((text) => text.startsWith('_English')).length).toBe(excerptsOf(reply).length);
      for (const text of sections) expect(text.length).toBeLessThanOrEqual(3000);
    });

    it('ends with a Share button whose value is the query', () => {
      const message = renderReply(bot.ask('entry-into-force', { platform: 'slack', privateReply: true }));
      expect(message.blocks.at(-1)).toMatchObject({
        type: 'actions',
        elements: [{ type: 'button', action_id: 'treaty_share', value: 'entry-into-force' }],
      });
    });

    it('has no Share button unless the reply is private, and none on help or topics', () => {
      expect(JSON.stringify(renderReply(bot.ask('entry-into-force', { platform: 'slack' })))).not.toContain(
        'treaty_share',
      );
      for (const text of ['help', 'topics']) {
        const message = renderReply(bot.ask(text, { platform: 'slack', privateReply: true }));
        expect(JSON.stringify(message)).not.toContain('treaty_share');
      }
    });

    it('adds 👍 / 👎 after the Share button in the same actions block, their value the query', () => {
      const message = renderReply(voting.ask('entry-into-force', { platform: 'slack', privateReply: true }));
      expect(message.blocks.filter((block) => block.type === 'actions')).toHaveLength(1);
      expect(message.blocks.at(-1)).toMatchObject({
        type: 'actions',
        elements: [
          { action_id: 'treaty_share', value: 'entry-into-force' },
          {
            action_id: 'treaty_feedback_up',
            text: { text: '👍' },
            value: 'entry-into-force',
            accessibility_label: 'This reply helped',
          },
          {
            action_id: 'treaty_feedback_down',
            text: { text: '👎' },
            value: 'entry-into-force',
            accessibility_label: 'This reply did not help',
          },
        ],
      });
    });

    it('has feedback buttons on no_answer replies, none without votes, and none on help, topics or status', () => {
      const noAnswer = renderReply(voting.ask('what is the best pizza recipe', { platform: 'slack' }));
      expect(noAnswer.blocks.at(-1)).toMatchObject({
        type: 'actions',
        elements: [{ action_id: 'treaty_feedback_up' }, { action_id: 'treaty_feedback_down' }],
      });
      expect(JSON.stringify(renderReply(bot.ask('entry-into-force', { platform: 'slack' })))).not.toContain(
        'treaty_feedback',
      );
      for (const text of ['', 'help', 'topics', 'status']) {
        const message = renderReply(voting.ask(text, { platform: 'slack', privateReply: true }));
        expect(JSON.stringify(message)).not.toContain('treaty_feedback');
      }
    });

    it('renders each action the reply offers as a button, in order, and none for a reply without a query', () => {
      const reply = replyOf('answer', 'Q', [], { actions: [SHARE, ENGLISH, VOTE] });
      const actions = renderReply(reply).blocks.at(-1);
      expect(actions).toMatchObject({
        type: 'actions',
        elements: [
          { action_id: 'treaty_share', text: { text: 'Share in channel' }, value: 'q' },
          {
            action_id: 'treaty_show_english',
            text: { text: 'Show in English' },
            value: 'q',
            accessibility_label: 'Show the unofficial English translation',
          },
          { action_id: 'treaty_feedback_up', value: 'q' },
          { action_id: 'treaty_feedback_down', value: 'q' },
        ],
      });
      // A click asks the core again for the query: without one, there is nothing to ask.
      const blocks = renderReply({ ...reply, query: '' }).blocks;
      expect(blocks.some((block) => block.type === 'actions')).toBe(false);
    });

    it('cuts a feedback value to 2000 characters without splitting a surrogate pair', () => {
      const reply = replyOf('no_answer', 'Q', [], { query: `${'a'.repeat(1999)}😀tail`, actions: [VOTE] });
      const actions = renderReply(reply).blocks.at(-1);
      const values =
        actions?.type === 'actions' ? actions.elements.map((each) => ('value' in each ? each.value : '')) : [];
      expect(values).toEqual(['a'.repeat(1999), 'a'.repeat(1999)]);
    });

    it('says which Arabic terms an English question searched', () => {
      const reply = answerOf({ searchedTerms: ['حيز النفاذ', 'تصديق'] });
      const context = renderReply(reply).blocks.find((block) => block.type === 'context');
      // The core's English line stays left to right: the Arabic terms are isolated, not the English.
      expect(context).toEqual({
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `Searched the Arabic text for: ${FSI}حيز النفاذ، تصديق${PDI}` }],
      });
    });

    it('lists where else the same passage appears', () => {
      const twin = { ...citation, title: { ar: 'وثيقة أخرى', en: 'Another document' }, locator: '¶ 7' };
      const reply = answerOf({ excerpts: [excerpt('نص', [], { alsoIn: [twin] })] });
      const [cited] = renderReply(reply).blocks.filter((block) => block.type === 'context');
      expect(cited).toEqual({
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `*1.* ${FSI}The UN treaty${PDI} · ${FSI}Publisher${PDI} · ${FSI}2025-10${PDI} · ${FSI}الفقرة ${FSI}2${PDI}${PDI}`,
          },
          { type: 'mrkdwn', text: 'Also in: Another document, ¶ 7' },
        ],
      });
    });

    it('attributes a shared answer to the user who shared it', () => {
      const message = renderReply(bot.ask('entry-into-force', { platform: 'slack', sharedBy: 'U0ASKER' }));
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
      expect(text).toContain(`• \`entry-into-force\` — Entry into force · ${FSI}دخول الاتفاقية حيز النفاذ${PDI}`);
    });

    it('shows the notice and suggested topics for a question the sources do not answer', () => {
      const message = renderReply(bot.ask('what is the best pizza recipe', { platform: 'slack' }));
      const sections = sectionTexts(message);
      expect(sections[0]).toContain('do not answer');
      expect(sections[1]).toContain('*Topics you can ask about*');
    });

    it('shows commands and crons in status lines as real code spans that cannot ping', () => {
      const reply = replyOf('status', 'Digest subscriptions', [
        { type: 'note', text: 'C1: `* * * * *` (UTC); stop with `/treaty unsubscribe`' },
        { type: 'note', text: 'odd `<!channel>` and *x* `' },
      ]);
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
        replyOf('answer', '', [], { query: '', lang: 'ar' }),
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
    const hostileExcerpt = excerpt(`نص ${HOSTILE} نص`, [{ start: 0, end: 2 }], {
      citation: {
        ...citation,
        title: { ar: HOSTILE, en: HOSTILE },
        publisher: { ar: HOSTILE, en: HOSTILE },
        locator: HOSTILE,
        symbol: HOSTILE,
        url: 'https://evil.example/a|<!channel>',
      },
      alsoIn: [{ ...citation, title: { ar: HOSTILE, en: HOSTILE }, locator: HOSTILE }],
      translation: HOSTILE,
    });
    const answer = answerOf(
      { query: HOSTILE, heading: HOSTILE, excerpts: [hostileExcerpt], searchedTerms: [HOSTILE] },
      { share: true, vote: true, english: true },
    );
    /** Every kind of part, each string hostile, and every action. */
    const hostileReply: Reply = {
      ...answer,
      parts: [
        ...answer.parts,
        topicList([{ slug: HOSTILE, title: { en: HOSTILE, ar: HOSTILE } }], 'slack', HOSTILE),
        { type: 'list', heading: HOSTILE, items: [{ code: HOSTILE, text: HOSTILE }], hint: HOSTILE },
        { type: 'note', text: HOSTILE },
        { type: 'note', text: HOSTILE, aside: true },
        { type: 'note', text: HOSTILE, url: 'https://evil.example/<!channel>|x', aside: true },
        { type: 'progress', label: HOSTILE, bar: HOSTILE, detail: HOSTILE },
        { type: 'asOf', text: HOSTILE },
      ],
      actions: [SHARE, ENGLISH, VOTE],
    };

    it('leaves no unescaped <, > or & in any displayed text', () => {
      for (const text of displayedTexts(renderReply(hostileReply))) {
        expect(text).not.toContain('<');
        expect(text.replace(/^> /gm, '')).not.toMatch(/>/);
        expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
      }
    });

    it('cannot ping a channel, a user or forge a link', () => {
      // Button values are never shown: they carry the query back to the core as typed.
      const shown = renderReply(hostileReply).blocks.filter((block) => block.type !== 'actions');
      const json = JSON.stringify(shown);
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
      const message = renderReply(sharedBy(hostileReply, '<!channel>'));
      expect(JSON.stringify(message.blocks[1])).toContain('Shared by &lt;!channel&gt;');
    });

    it('links a citation title only to a clean http(s) URL', () => {
      const clean = { ...citation, url: 'https://www.unodc.org/a?b=1&c=2' };
      const reply = answerOf({ excerpts: [excerpt('نص', [], { citation: clean })] });
      expect(JSON.stringify(renderReply(reply).blocks)).toContain(
        '<https://www.unodc.org/a?b=1&amp;c=2|\u2068The UN treaty\u2069>',
      );
    });
  });

  describe('Block Kit limits', () => {
    const huge = 'الاتفاقية & <b> '.repeat(2_000) + 'unodc.org 2024 '.repeat(500);
    const answer = answerOf(
      {
        query: huge.slice(0, 5000),
        lang: 'ar',
        heading: huge,
        excerpts: Array.from({ length: 5 }, () =>
          excerpt(
            huge,
            Array.from({ length: 400 }, (_, i) => ({ start: i * 80, end: i * 80 + 9 })),
            {
              alsoIn: Array.from({ length: 30 }, () => ({ ...citation, title: { ar: huge, en: huge } })),
              translation: huge,
            },
          ),
        ),
        searchedTerms: Array.from({ length: 500 }, (_, i) => `مصطلح${i}`),
      },
      { share: true, english: true },
    );
    /** An answer with every part as long and as many as a reply could hold: far past 50 blocks. */
    const hugeReply: Reply = sharedBy(
      {
        ...answer,
        parts: [
          ...answer.parts,
          topicList(
            Array.from({ length: 300 }, (_, i) => ({ slug: `topic-${i}`, title: { en: huge, ar: huge } })),
            'slack',
            huge,
          ),
          { type: 'list', heading: huge, items: Array.from({ length: 100 }, () => ({ code: huge, text: huge })) },
          ...Array.from({ length: 100 }, (): Part => ({ type: 'note', text: huge })),
          ...Array.from({ length: 40 }, (): Part => ({ type: 'note', text: huge, aside: true })),
          { type: 'progress', label: huge, bar: huge, detail: huge },
          { type: 'asOf', text: huge },
        ],
      },
      'U0ASKER',
    );

    let message: SlackMessage;

    beforeAll(() => {
      message = renderReply(hugeReply);
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

    it('keeps the title, who shared it, the share button and a note that something was left out', () => {
      expect(message.blocks[0]?.type).toBe('header');
      expect(JSON.stringify(message.blocks[1])).toContain('Shared by <@U0ASKER>');
      expect(message.blocks.at(-1)).toMatchObject({ type: 'actions', elements: [{ action_id: 'treaty_share' }] });
      expect(JSON.stringify(message.blocks)).toContain('Part of this reply was left out to fit in one message.');
    });

    it('stays within 50 blocks when the parts it always keeps would fill more on their own', () => {
      const notes = Array.from({ length: 80 }, (_, i): Part => ({ type: 'note', text: `C${i}: \`daily\` (UTC)` }));
      const many = renderReply(replyOf('status', 'Digest subscriptions', notes, { actions: [SHARE] }));
      expect(many.blocks.length).toBe(50);
      expect(many.blocks[0]?.type).toBe('header');
      expect(many.blocks.at(-1)?.type).toBe('actions');
      expect(JSON.stringify(many.blocks.at(-2))).toContain('Part of this reply was left out');
      // The first ones, in order.
      expect(sectionTexts(many)).toEqual(notes.slice(0, 47).map((note) => (note.type === 'note' ? note.text : '')));
    });

    it('splits a long excerpt into several quoted sections, each ending in whole entities and markers', () => {
      const reply = answerOf({ lang: 'ar', excerpts: [excerpt(huge.slice(0, 9000), [{ start: 0, end: 9 }])] });
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
      const header = renderReply(replyOf('help', 'x '.repeat(400))).blocks[0];
      expect(header?.type === 'header' && header.text.text).toMatch(/…$/);
    });

    it('keeps a citation with every excerpt it shows', () => {
      const quoted = message.blocks.findLastIndex(
        (block) => block.type === 'section' && block.text?.text.startsWith('> '),
      );
      expect(quoted).toBeGreaterThan(0);
      expect(message.blocks[quoted + 1]?.type).toBe('context');
    });
  });
});

describe('renderReply notices', () => {
  it('shows every notice whole, under an answer and under an abstention', () => {
    const notices: Part[] = [
      { type: 'note', text: 'The source documents do not answer this.' },
      { type: 'note', text: 'Your message was long; only its beginning was searched.', aside: true },
    ];
    for (const kind of ['answer', 'no_answer'] as const) {
      const shown = displayedTexts(renderReply(replyOf(kind, 'Q', notices))).join('\n');
      for (const notice of notices) expect(shown).toContain(notice.type === 'note' ? notice.text : '');
    }
  });
});

describe('renderReply of a digest', () => {
  type Block = { type: string; text?: { text: string }; elements?: Array<{ text: string }> };

  const snapshot = snapshotOf(ratifiers(12, () => '2026-03-01'));
  const digestOf = (changes: StatusChange[]) =>
    digestReply(buildDigest({ changes, snapshot, since: '2026-11-16T09:00:00.000Z' }));
  const texts = (blocks: Block[]) => blocks.map((block) => block.text?.text ?? block.elements?.[0]?.text ?? '');

  it('renders the title, one part per kind of change, the progress, the projection and the "as of" line', () => {
    const { text, blocks } = renderReply(
      digestOf([
        { participant: 'Cuba', action: 'ratification', date: '2026-03-01' },
        { participant: 'European Union', action: 'approval', date: '2026-03-02' },
        { participant: 'Chile', action: 'signature', date: '2026-03-03' },
        {
          participant: 'Peru',
          action: 'correction',
          previous: 'acceptance 2026-01-02',
          current: 'approval 2026-01-02',
        },
      ]),
    );
    const shown = blocks as Block[];
    expect(shown[0]).toEqual({
      type: 'header',
      text: {
        type: 'plain_text',
        text: 'UN Convention against Cybercrime: ratification update since 2026-11-16 09:00 UTC',
      },
    });
    expect(texts(shown)).toEqual([
      'UN Convention against Cybercrime: ratification update since 2026-11-16 09:00 UTC',
      '*New parties (2)*\n• Cuba ratified on 2026-03-01\n• European Union approved on 2026-03-02 (not counted as additional to its member States, art. 65)',
      '*New signatures (1)*\n• Chile signed on 2026-03-03',
      '*Corrections and withdrawals (1)*\n• Peru: record corrected to approval 2026-01-02 (was acceptance 2026-01-02)',
      '*Toward entry into force:* ▓▓▓░░░░░░░ 12/40 (28 more needed)',
      expect.stringMatching(/^28 more instruments .* needed/),
      'as of 2026-11-23 14:00 UTC from treaties.un.org',
    ]);
    expect(shown.at(-1)?.type).toBe('context');
    // A digest is posted by the scheduler: nothing to click.
    expect(shown.some((block) => block.type === 'actions')).toBe(false);
    expect(text).toMatch(/^UN Convention against Cybercrime: ratification update/);
    expect(text).toContain('• Cuba ratified on 2026-03-01');
    expect(text).toContain('Toward entry into force: ▓▓▓░░░░░░░ 12/40');
  });

  it('escapes names from the UN page so they cannot ping, link or format', () => {
    const { text, blocks } = renderReply(
      digestOf([
        { participant: '<!channel> *Bold* & <https://evil.example|x>', action: 'signature', date: '2026-03-03' },
      ]),
    );
    const json = JSON.stringify({ text, blocks });
    expect(json).not.toMatch(/<!channel>|<https:|\*Bold\*/);
    expect(json).toContain('&lt;!channel&gt; ∗Bold∗ &amp; &lt;https://evil.example|x&gt;');
  });

  it('isolates an Arabic name in an English line, so the line stays left to right', () => {
    const { blocks } = renderReply(digestOf([{ participant: 'دولة فلسطين', action: 'accession', date: '2026-03-04' }]));
    const line = texts(blocks as Block[]).find((each) => each.includes('فلسطين')) ?? '';
    expect(line).toContain(`• ${FSI}دولة فلسطين${PDI} acceded on 2026-03-04`);
  });

  it('says so when nothing changed', () => {
    const { text, blocks } = renderReply(digestOf([]));
    expect(texts(blocks as Block[])).toContain('No changes in the record.');
    expect(text).toContain('No changes in the record.');
  });

  it('stays one message within Block Kit limits for a huge digest, saying what was left out', () => {
    const changes: StatusChange[] = Array.from({ length: 3000 }, (_, i) => ({
      participant: `${'Very Long Participant Name '.repeat(4)}${i}`,
      action: i % 2 ? 'signature' : 'ratification',
      date: '2026-03-01',
    }));
    const { text, blocks } = renderReply(digestOf(changes));
    const shown = blocks as Block[];
    expect(shown.length).toBeLessThanOrEqual(BLOCK_LIMITS.blocks);
    expect(text.length).toBeLessThanOrEqual(BLOCK_LIMITS.fallbackText);
    for (const block of shown) {
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(BLOCK_LIMITS.sectionText);
    }
    expect(texts(shown)).toContain('Part of this reply was left out to fit in one message.');
    expect(texts(shown)[1]).toMatch(/^\*New parties \(1500\)\*\n• Very Long/);
    // The progress, projection and "as of" are kept whatever is cut.
    expect(texts(shown).slice(-3)).toEqual([
      '*Toward entry into force:* ▓▓▓░░░░░░░ 12/40 (28 more needed)',
      expect.stringMatching(/^28 more instruments .* needed/),
      'as of 2026-11-23 14:00 UTC from treaties.un.org',
    ]);
  });
});

describe('renderReply of a chart', () => {
  const chart: Part = {
    type: 'chart',
    altText: 'Ratification progress: 5 of 40 <instruments> & more',
    png: new Uint8Array(8),
  };
  const reply: Reply = {
    kind: 'digest',
    lang: 'en',
    query: '',
    parts: [
      { type: 'heading', text: 'Update' },
      { type: 'progress', label: 'Toward entry into force', bar: '▓░░░░░░░░░ 5/40' },
      chart,
      { type: 'asOf', text: 'as of 2026-04-02 14:00 UTC from consents.xml' },
    ],
    actions: [],
  };

  it('shows the uploaded chart as an image block where the part stands, its words (escaped) as alt text', () => {
    const { blocks, text } = renderReply(reply, { chart: 'F0CHART' });
    expect(blocks.map((block) => block.type)).toEqual(['header', 'section', 'image', 'context']);
    expect(blocks[2]).toEqual({
      type: 'image',
      slack_file: { id: 'F0CHART' },
      alt_text: 'Ratification progress: 5 of 40 &lt;instruments&gt; &amp; more',
    });
    // Notifications and screen readers get the chart's words in the fallback text too.
    expect(text).toContain('Ratification progress: 5 of 40 &lt;instruments&gt; &amp; more');
  });

  it('shows the chart as its words when no file was uploaded for it', () => {
    const { blocks } = renderReply(reply);
    expect(blocks[2]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Ratification progress: 5 of 40 &lt;instruments&gt; &amp; more' }],
    });
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
