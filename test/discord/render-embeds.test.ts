import { beforeAll, describe, expect, it } from 'vitest';
import { EMBED_LIMITS, embedLength, type RenderedMessage } from '../../adapters/discord/embed-limits.ts';
import {
  citationLine,
  highlightedExcerpt,
  prose,
  renderOneMessage,
  renderReply,
} from '../../adapters/discord/render-embeds.ts';
import { digestReply } from '../../src/answer/digest-reply.ts';
import { SHARED_BY, UNOFFICIAL_TRANSLATION } from '../../src/answer/phrases.ts';
import {
  type Citation,
  type CitationLine,
  type Excerpt,
  excerptsOf,
  type Part,
  type Reply,
} from '../../src/answer/reply.ts';
import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import type { StatusChange } from '../../src/status/snapshot.ts';
import { STATUS_PAGE_URL } from '../../src/status/untc-source.ts';
import type { Digest } from '../../src/tracker/digest.ts';
import { discordProblems } from '../fuzz/support/checks.ts';
import { realBot } from '../support/bot.ts';
import { sampleCitation, sampleExcerpt } from '../support/sample-excerpt.ts';
import { embedText } from './support/embed-text.ts';
import { longTopicList, replyOf } from './support/replies.ts';

const FSI = '\u2068';
const PDI = '\u2069';
const HOSTILE = '@everyone @here <@&123> <@456> **bold** ||spoiler|| [x](https://evil) # heading';

/** An Arabic citation line with Latin details, as the core writes one for an Arabic question. */
const citation: CitationLine = {
  title: 'معاهدة الأمم المتحدة',
  details: ['News site (not identified)', '2025-10', 'الفقرة 2'],
};

const documentCitation: Citation = {
  ...sampleCitation,
  title: { ar: 'معاهدة الأمم المتحدة', en: 'UN treaty' },
  publisher: { ar: 'ناشر', en: 'News site (not identified)' },
};

function excerptOf(text: string, highlights: Excerpt['highlights'] = []): Excerpt {
  return sampleExcerpt(text, highlights, {}, documentCitation);
}

type QuotePart = Extract<Part, { type: 'quote' }>;

/** A quote part of `excerpt`, numbered `number`, cited with `citation` unless `extra` says otherwise. */
function quoteOf(excerpt: Excerpt, number = 1, extra: Partial<QuotePart> = {}): QuotePart {
  return { type: 'quote', number, excerpt, citation, ...extra };
}

function quotesOf(reply: Reply): QuotePart[] {
  return reply.parts.flatMap((part) => (part.type === 'quote' ? [part] : []));
}

/** Every embed and message of a rendering is within Discord's limits. */
function expectWithinLimits(messages: RenderedMessage[]): void {
  for (const message of messages) {
    expect(message.embeds.length).toBeGreaterThan(0);
    expect(message.embeds.length).toBeLessThanOrEqual(EMBED_LIMITS.embedsPerMessage);
    const total = message.embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
    expect(total).toBeLessThanOrEqual(EMBED_LIMITS.charactersPerMessage);
    for (const embed of message.embeds) {
      expect(embed.title?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.title);
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.description);
      expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.footerText);
      expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.fields);
      for (const field of embed.fields ?? []) {
        expect(field.name.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldName);
        expect(field.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
        expect(field.value.trim().length).toBeGreaterThan(0);
      }
    }
  }
}

let bot: TreatyBot;
beforeAll(() => {
  bot = realBot();
});

describe('renderReply with the real core', () => {
  it('renders entry-into-force as a header and one cited embed per quote', () => {
    const reply = bot.ask('entry-into-force', { platform: 'discord' });
    const messages = renderReply(reply);

    expect(messages).toHaveLength(1);
    const [header, ...quotes] = messages[0]?.embeds ?? [];
    expect(header?.title).toBe('Entry into force');
    expect(quotes).toHaveLength(quotesOf(reply).length);
    const first = quotes[0];
    expect(first?.description).toMatch(/\*\*[^*]+\*\*/);
    expect(first?.description).toContain(`${FSI}40${PDI}`);
    expect(first?.description).toContain(`${FSI}90${PDI}`);
    expect(first?.fields?.[0]?.name).toBe('1.');
    expect(first?.fields?.at(-1)?.name).toBe(UNOFFICIAL_TRANSLATION);
    // Asked in English: the citation line is English, and its Arabic locator is isolated whole.
    const cited = quotesOf(reply)[0]?.citation;
    const [title, publisher, date, locator] = first?.fields?.[0]?.value.split('\n')[0]?.split(' · ') ?? [];
    expect(title).toContain(cited?.title);
    expect(publisher).toBe(cited?.details[0]);
    expect(date).toBe(cited?.details[1]);
    expect(locator?.startsWith(FSI) && locator.endsWith(PDI)).toBe(true);
    expect(locator?.replace(/[\u2068\u2069]/g, '')).toBe(cited?.details[2]);
    expectWithinLimits(messages);
  });

  it('isolates the Latin fields of the Arabic citation line of an Arabic question', () => {
    const reply = bot.ask('متى تدخل الاتفاقية حيز النفاذ؟', { platform: 'discord' });
    const cited = quotesOf(reply)[0]?.citation;
    const value = renderReply(reply)[0]?.embeds[1]?.fields?.[0]?.value ?? '';
    const [title, , date] = value.split(' · ');
    expect(title).toContain(cited?.title);
    expect(date).toBe(`${FSI}${cited?.details[1]}${PDI}`);
  });

  it('shows an Arabic answer without translations unless asked, and fits long ones in the limits', () => {
    const question = 'متى تدخل الاتفاقية حيز النفاذ؟';
    const reply = bot.ask(question, { platform: 'discord' });
    expect(JSON.stringify(renderReply(reply))).not.toContain(UNOFFICIAL_TRANSLATION);
    const english = bot.ask(question, { platform: 'discord', english: true });
    const fields = renderReply(english).flatMap((message) => message.embeds.flatMap((embed) => embed.fields ?? []));
    expect(fields.filter((field) => field.name === UNOFFICIAL_TRANSLATION)).toHaveLength(excerptsOf(reply).length);
    const long: Reply = {
      ...english,
      parts: english.parts.map((part) =>
        part.type === 'quote' && part.translation
          ? { ...part, translation: { ...part.translation, text: 'word '.repeat(3000) } }
          : part,
      ),
    };
    expectWithinLimits(renderReply(long));
  });

  it('shows the Arabic terms an English question searched', () => {
    const text = embedText(
      renderReply(bot.ask('when does the convention enter into force?', { platform: 'discord' }))[0],
    );
    expect(text).toMatch(/Searched the Arabic text for.*: .*حيز/);
  });

  it('offers topics when the sources do not answer', () => {
    const reply = bot.ask('what is the best pizza in Naples?', { platform: 'discord' });
    expect(reply.kind).toBe('no_answer');
    const list = reply.parts.find((part) => part.type === 'list');
    const text = embedText(renderReply(reply)[0]);
    expect(text).toContain(`**${list?.type === 'list' ? list.heading : '?'}**`);
    expect(text).toMatch(/• `[a-z0-9-]+` — /);
    expect(text).toContain('Ask about one with `/treaty query:<topic>`, e.g. `/treaty query:');
  });

  it('lists the commands for help and every topic for topics', () => {
    const help = embedText(renderReply(bot.ask('help', { platform: 'discord' }))[0]);
    expect(help).toContain('• `<question>` — Ask anything about the convention, in Arabic or English.');
    // The command in the list's heading is a real code span, not escaped backticks.
    expect(help).toContain('**Ask with `/treaty query:` or by mentioning me**');
    // One blank line between two lists, not two.
    expect(help).not.toContain('\n\n\n');
    const topics = renderReply(bot.ask('topics', { platform: 'discord' }))
      .map(embedText)
      .join('\n');
    for (const topic of bot.topics) expect(topics).toContain(`\`${topic.slug}\``);
  });
});

describe('hostile text', () => {
  it('cannot mention, format or link through an excerpt', () => {
    const text = `نص ${HOSTILE}`;
    const rendered = highlightedExcerpt(excerptOf(text, [{ start: 0, end: 2 }]));
    expect(rendered).not.toMatch(/@(everyone|here)/);
    expect(rendered).not.toMatch(/<@/);
    // The only markdown left is the highlight's bold: every other markdown character is escaped.
    expect(rendered.startsWith('**نص** ')).toBe(true);
    expect(rendered.slice('**نص** '.length)).not.toMatch(/(?<!\\)[*_~`|[\]]/);
    expect(rendered).toContain('\\*\\*');
    expect(rendered).toContain('\\[');
  });

  it('cannot mention or format through a heading, note, list, progress, quote or citation', () => {
    const reply = replyOf('no_answer', HOSTILE, HOSTILE, [
      { type: 'note', text: HOSTILE },
      { type: 'note', text: HOSTILE, aside: true },
      { type: 'list', heading: HOSTILE, items: [{ code: 'x`y', text: HOSTILE }, { text: HOSTILE }], hint: HOSTILE },
      { type: 'progress', label: HOSTILE, bar: '▓░ 1/40', detail: HOSTILE },
      quoteOf(excerptOf(HOSTILE), 1, {
        citation: { title: HOSTILE, details: [HOSTILE] },
        alsoIn: HOSTILE,
        translation: { label: HOSTILE, text: HOSTILE },
      }),
    ]);
    const messages = renderReply(reply);
    const text = messages.map(embedText).join('\n');
    expect(text).not.toMatch(/@(everyone|here)|<@|(?<!\\)\*\*bold|(?<!\\)\|\|/);
    expect(discordProblems(messages, [])).toEqual([]);
    expect(citationLine({ title: HOSTILE, details: [HOSTILE] })).not.toMatch(/@(everyone|here)|<@/);
  });

  it('shows commands and crons in notes as real code spans that cannot ping', () => {
    const reply = replyOf('status', '', 'Digest subscriptions', [
      { type: 'note', text: 'C1: `* * * * *` (UTC); stop with `/treaty unsubscribe`' },
      { type: 'note', text: 'odd `@everyone` *x*' },
    ]);
    const description = renderReply(reply)[0]?.embeds[0]?.description ?? '';
    expect(description).toContain('C1: `* * * * *` (UTC); stop with `/treaty unsubscribe`');
    expect(description).toContain('odd `@\u200Beveryone` \\*x\\*');
  });

  it('titles a reply whose heading is blank, so its header embed is never empty', () => {
    const messages = renderReply(replyOf('answer', '', ' '));
    expect(messages[0]?.embeds[0]?.title).toBe('Treaty bot');
  });

  it('escapes a heading or list marker that starts a user question used as a title', () => {
    expect(prose('# not a heading')).toBe('\\# not a heading');
    expect(prose('- not a list')).toBe('\\- not a list');
  });
});

describe('"Shared by"', () => {
  it('is the first message content, a mention that renders the name, and nothing else carries it', () => {
    const reply = replyOf('topics', 'topics', 'Topics', [
      { type: 'sharedBy', label: SHARED_BY, user: '400000000000000001' },
      longTopicList(400),
    ]);
    const messages = renderReply(reply);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages[0]?.content).toBe('Shared by <@400000000000000001>');
    expect(messages.slice(1).every((message) => message.content === undefined)).toBe(true);
    expect(messages.map(embedText).join('\n')).not.toContain(SHARED_BY);
  });

  it('is left out when the user is not a Discord user id, so it cannot carry a mention', () => {
    for (const user of ['@everyone', '&123', '123>@everyone<@1', '']) {
      const reply = replyOf('answer', 'q', 'Q', [{ type: 'sharedBy', label: SHARED_BY, user }]);
      expect(renderReply(reply)[0]?.content).toBeUndefined();
    }
    const hostileLabel = replyOf('answer', 'q', 'Q', [{ type: 'sharedBy', label: HOSTILE, user: '123456789' }]);
    expect(renderReply(hostileLabel)[0]?.content).not.toMatch(/@(everyone|here)|<@&|<@4/);
  });
});

describe('code spans cut across embeds', () => {
  it('keeps a long slug in closed code spans with its mentions broken', () => {
    const messages = renderReply(
      replyOf('topics', '', 'T', [{ type: 'list', items: [{ code: '@everyone '.repeat(500), text: 'x · y' }] }]),
    );
    const descriptions = messages.flatMap((message) => message.embeds.map((embed) => embed.description ?? ''));

    expect(descriptions.length).toBeGreaterThan(1);
    for (const description of descriptions) expect(description.split('`').length % 2).toBe(1);
    expect(descriptions[0]).toMatch(/^• `@\u200Beveryone .*`$/);
    expect(descriptions[1]).toMatch(/^`.* ` — x · y$/);
    expect(discordProblems(messages, [])).toEqual([]);
  });

  it('keeps a long help command in closed code spans with its mentions broken', () => {
    const messages = renderReply(
      replyOf('help', '', 'Help', [
        { type: 'list', heading: 'Commands', items: [{ code: '<@1> '.repeat(1000), text: 'd' }] },
      ]),
    );
    const descriptions = messages.flatMap((message) => message.embeds.map((embed) => embed.description ?? ''));

    expect(descriptions.length).toBeGreaterThan(1);
    for (const description of descriptions) expect(description.split('`').length % 2).toBe(1);
    expect(descriptions.join('')).not.toMatch(/<@/);
    expect(discordProblems(messages, [])).toEqual([]);
  });
});

describe('citation links', () => {
  const lineWithUrl = (url: string) => citationLine({ ...citation, url });

  it('shows the title alone when the URL is not an http(s) URL', () => {
    const line = lineWithUrl('@everyone');
    expect(line).toBe(
      `معاهدة الأمم المتحدة · ${FSI}News site (not identified)${PDI} · ${FSI}2025-10${PDI} · الفقرة ${FSI}2${PDI}`,
    );
    expect(lineWithUrl('javascript:alert(1)')).toBe(line);
    expect(lineWithUrl('http:example.org')).toBe(line);
  });

  it('shows the title alone when the URL holds white space, invisible characters or what ends a link target', () => {
    const line = citationLine(citation);
    for (const url of [
      'https://example.org/a b',
      'https://example.org/\u202Egpj.exe',
      'https://example.org/\u200B',
      'https://example.org/<@123>',
      'https://example.org/a\\b',
      'https://example.org/\uD800',
      'https://',
    ]) {
      expect(lineWithUrl(url)).toBe(line);
    }
  });

  it('links the title to a clean http(s) URL, percent-encoding what reads as markdown', () => {
    expect(lineWithUrl('http://example.org/@everyone')).toMatch(
      /^\[معاهدة الأمم المتحدة\]\(http:\/\/example\.org\/@everyone\) · /,
    );
    expect(lineWithUrl('https://example.org/a`**`(b)')).toMatch(/\(https:\/\/example\.org\/a%60%2A%2A%60%28b%29\) · /);
  });

  it('keeps a long quote source with a linked citation free of stray code spans when it is split', () => {
    const url = 'https://example.org/0```';
    const alsoIn = `Also in: ${Array.from({ length: 80 }, (_, i) => `Doc \`${i}\` **${i}**, الفقرة ${i}`).join('; ')}`;
    const messages = renderReply(
      replyOf('answer', 'q', 'Q', [quoteOf(excerptOf('نص'), 1, { citation: { ...citation, url }, alsoIn })], [], 'ar'),
    );
    const fields = messages.flatMap((message) => message.embeds).flatMap((embed) => embed.fields ?? []);
    expect(fields.length).toBeGreaterThan(2);
    expect(fields.slice(1).every((field) => field.name === '1. (continued)')).toBe(true);
    expect(fields[0]?.value).toMatch(/^\[معاهدة الأمم المتحدة\]\(https:\/\/example\.org\/0%60%60%60\) · /);
    expect(discordProblems(messages, ['](https://example.org/0%60%60%60)'])).toEqual([]);
    expectWithinLimits(messages);
  });

  it('renders the minimal counterexample without a link or a live mention', () => {
    const reply = replyOf('answer', 'q', 'Q', [
      quoteOf(excerptOf('نص'), 1, { citation: { ...citation, url: '@everyone' } }),
    ]);
    const messages = renderReply(reply);
    expect(messages[0]?.embeds[1]?.fields?.[0]?.value).toMatch(/^معاهدة الأمم المتحدة · /);
    expect(discordProblems(messages, [])).toEqual([]);
  });
});

describe('bidi isolation', () => {
  it('isolates Latin runs inside an Arabic excerpt, outside bold markers', () => {
    const rendered = highlightedExcerpt(
      excerptOf('يجب أن تصدق عليها 40 دولة، كما يوضح unodc.org.', [{ start: 18, end: 25 }]),
    );
    // A bold run never holds an isolate (adapters/shared/quote-marks.ts): the phrase is bold word by word.
    expect(rendered).toBe(`يجب أن تصدق عليها **${FSI}40${PDI}** **دولة**، كما يوضح ${FSI}unodc.org${PDI}.`);
  });

  it('leaves an English line alone', () => {
    expect(prose('Entry into force after 90 days')).toBe('Entry into force after 90 days');
  });

  it('isolates Latin fields of an Arabic citation line and links the title when a URL is known', () => {
    const line = citationLine({
      ...citation,
      url: 'https://example.org/doc_(1)',
      details: [...citation.details, 'A/RES/79/243'],
    });
    expect(line).toBe(
      `[معاهدة الأمم المتحدة](https://example.org/doc_%281%29) · ${FSI}News site (not identified)${PDI} · ${FSI}2025-10${PDI} · الفقرة ${FSI}2${PDI} · ${FSI}A/RES/79/243${PDI}`,
    );
  });

  it('isolates Arabic fields of an English citation line whole', () => {
    const line = citationLine({ title: 'The UN treaty', details: ['Publisher', '2025-10', 'الفقرة 2'] });
    expect(line).toBe(`The UN treaty · Publisher · 2025-10 · ${FSI}الفقرة ${FSI}2${PDI}${PDI}`);
  });

  it('folds line breaks inside an excerpt and bolds a phrase as one run', () => {
    const text = 'ستدخل الاتفاقية\nحيز   النفاذ بعد';
    const rendered = highlightedExcerpt(
      excerptOf(text, [
        { start: 16, end: 19 },
        { start: 22, end: 28 },
      ]),
    );
    expect(rendered).toBe('ستدخل الاتفاقية **حيز النفاذ** بعد');
  });
});

describe('limits', () => {
  it('splits a huge reply into several messages, each within every Discord limit', () => {
    const longText = Array.from({ length: 1500 }, (_, i) => (i % 7 === 0 ? 'Latin words' : 'كلمة عربية')).join(' ');
    const highlights = Array.from({ length: 200 }, (_, i) => ({ start: i * 80, end: i * 80 + 5 }));
    const alsoIn = `Also in: ${Array.from({ length: 60 }, (_, i) => `معاهدة الأمم المتحدة, الفقرة ${i}`).join('; ')}`;
    const reply = replyOf(
      'answer',
      'q',
      'عنوان '.repeat(100),
      [
        {
          type: 'note',
          text: `Searched the Arabic text for: ${Array.from({ length: 400 }, (_, i) => `مصطلح${i}`).join('، ')}`,
        },
        ...Array.from({ length: 5 }, (_, i) =>
          quoteOf(excerptOf(longText, highlights), i + 1, {
            alsoIn,
            translation: { label: 'English', text: 'word '.repeat(500) },
          }),
        ),
        {
          type: 'list',
          heading: 'Topics you can ask about',
          items: Array.from({ length: 300 }, (_, i) => ({ code: `topic-${i}`, text: `Topic ${i} · موضوع ${i}` })),
        },
        ...Array.from(
          { length: 50 },
          (_, i): Part => ({ type: 'note', text: `Notice number ${i} about this answer.`, aside: true }),
        ),
        { type: 'asOf', text: 'as of 2026-11-23 14:00 UTC from treaties.un.org' },
      ],
      [],
      'ar',
    );
    const messages = renderReply(reply);

    expect(messages.length).toBeGreaterThan(3);
    expectWithinLimits(messages);
    const all = messages.map(embedText).join('\n');
    expect(all).toContain('`topic-299`');
    expect(all).toContain('Notice number 49 about this answer.');
    expect(all).toContain(`${FSI}الفقرة 59${PDI}`);
    expect(all).toContain(`5.`);
    // The "as of" line is the header's footer, on the last embed the header became.
    const footers = messages.flatMap((message) => message.embeds.flatMap((embed) => embed.footer?.text ?? []));
    expect(footers).toEqual(['as of 2026-11-23 14:00 UTC from treaties.un.org']);
  });
});

/** A digest worded by the core (src/answer/digest-reply.ts) from facts. */
function digestOf(changes: Partial<Digest['groups']>): Reply {
  const groups = { newParties: [], newSignatures: [], corrections: [], ...changes };
  return digestReply({
    since: '2026-11-16T09:00:00.000Z',
    groups,
    status: { counted: 12, needed: 28 },
    record: { fetchedAt: '2026-11-23T14:00:00.000Z', source: STATUS_PAGE_URL },
    empty: Object.values(groups).every((group) => group.length === 0),
  });
}

const ratified = (participant: string, date = '2026-03-02'): StatusChange => ({
  participant,
  action: 'ratification',
  date,
});

const PROJECTION =
  '28 more instruments of ratification, acceptance, approval or accession needed; the Convention enters into force on the 90th day after the 40th (art. 65). Open for signature until 2026-12-31 (art. 64).';

describe('the chart', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const reply = replyOf('status', 'status', 'Ratification status', [
    { type: 'progress', label: 'Toward entry into force', bar: '▓░░░░░░░░░ 5/40' },
    { type: 'chart', altText: 'Ratification progress: 5 of 40 instruments, @everyone', png },
  ]);

  it('is the first message’s one file, shown as the header embed’s image, its words as the file’s description', () => {
    const [message, ...more] = renderReply(reply);
    expect(more).toEqual([]);
    expect(message?.files).toEqual([
      {
        attachment: Buffer.from(png),
        name: 'status.png',
        description: 'Ratification progress: 5 of 40 instruments, @everyone',
      },
    ]);
    expect(message?.embeds[0]?.image).toEqual({ url: 'attachment://status.png' });
    expect(message?.embeds[0]?.description).not.toContain('Ratification progress');
    expect(renderOneMessage(reply).files).toHaveLength(1);
  });

  it('shows as its words, with no file and no image, where the bot may not attach files', () => {
    const [message] = renderReply(reply, { attachFiles: false });
    expect(message?.files).toBeUndefined();
    expect(message?.embeds[0]?.image).toBeUndefined();
    expect(message?.embeds[0]?.description).toContain('Ratification progress: 5 of 40 instruments, @\u200Beveryone');
  });
});

describe('renderOneMessage (digests)', () => {
  it('renders the lists of changes, the count toward 40, the projection and the "as of" footer', () => {
    const message = renderOneMessage(
      digestOf({
        newParties: [ratified('Viet Nam'), { participant: 'European Union', action: 'approval', date: '2026-03-05' }],
        newSignatures: [{ participant: 'Chile', action: 'signature', date: '2026-03-01' }],
        corrections: [{ participant: 'Cuba', action: 'withdrawal', previous: 'signature 2025-10-25' }],
      }),
    );

    expect(message).toEqual({
      embeds: [
        {
          title: 'UN Convention against Cybercrime: ratification update since 2026-11-16 09:00 UTC',
          url: STATUS_PAGE_URL,
          color: 0xf0b232,
          description: [
            '**New parties (2)**',
            '• Viet Nam ratified on 2026-03-02',
            '• European Union approved on 2026-03-05 (not counted as additional to its member States, art. 65)',
            '',
            '**New signatures (1)**',
            '• Chile signed on 2026-03-01',
            '',
            '**Corrections and withdrawals (1)**',
            '• Cuba: signature 2025-10-25 withdrawn',
            '',
            '**Toward entry into force:** `▓▓▓░░░░░░░ 12/40` (28 more needed)',
            PROJECTION,
          ].join('\n'),
          footer: { text: 'as of 2026-11-23 14:00 UTC from treaties.un.org' },
        },
      ],
    });
  });

  it('escapes markdown and breaks mentions in names, and isolates an Arabic name so the English line stays left to right', () => {
    const message = renderOneMessage(
      digestOf({ newParties: [ratified('**Bold** @everyone <@&1> _x_'), ratified('دولة فلسطين')] }),
    );
    const description = message.embeds[0]?.description ?? '';

    expect(description).toContain('• \\*\\*Bold\\*\\* @\u200Beveryone <\u200B@&1> \\_x\\_ ratified on 2026-03-02');
    expect(description).toContain(`• ${FSI}دولة فلسطين${PDI} ratified on 2026-03-02`);
    expect(discordProblems([message], [])).toEqual([]);
  });

  it('says when nothing changed', () => {
    const message = renderOneMessage(digestOf({}));

    expect(message.embeds).toHaveLength(1);
    expect(message.embeds[0]?.fields).toBeUndefined();
    expect(message.embeds[0]?.description).toMatch(/^No changes in the record\.\n\*\*Toward entry into force/);
  });

  it('keeps a long list whole and a huge digest inside one message with "… and N more"', () => {
    const many = (count: number, prefix: string) =>
      Array.from({ length: count }, (_, i) => ratified(`${prefix} Republic of Somewhere Quite Far Away ${i}`));
    const medium = renderOneMessage(digestOf({ newParties: many(40, 'State') }));
    const mediumText = embedText(medium);
    expect(mediumText).toContain('**New parties (40)**');
    expect(mediumText).toContain('State Republic of Somewhere Quite Far Away 39 ratified');
    expect(mediumText).not.toContain('… and');
    expectWithinLimits([medium]);

    const huge = renderOneMessage(
      digestOf({
        newParties: many(300, 'State'),
        newSignatures: many(300, 'Signatory').map((change) => ({ ...change, action: 'signature' as const })),
        corrections: [{ participant: 'Cuba', action: 'withdrawal', previous: 'signature 2025-10-25' }],
      }),
    );
    expectWithinLimits([huge]);
    const text = embedText(huge);
    expect(text).toMatch(/… and \d+ more\n\n\*\*New signatures \(300\)\*\*/);
    expect(text).toMatch(/… and \d+ more\n\n\*\*Corrections and withdrawals \(1\)\*\*/);
    expect(text).toContain('Cuba: signature');
    expect(text).toContain('**Toward entry into force:**');
    expect(huge.embeds.at(-1)?.footer?.text).toBe('as of 2026-11-23 14:00 UTC from treaties.un.org');
  });
});
