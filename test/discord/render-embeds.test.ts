import { beforeAll, describe, expect, it } from 'vitest';
import { EMBED_LIMITS, embedLength } from '../../adapters/discord/embed-limits.ts';
import { citationLine, highlightedExcerpt, prose, renderReply } from '../../adapters/discord/render-embeds.ts';
import { type Citation, type Excerpt, emptyReply, type Reply } from '../../src/answer/reply.ts';
import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import { discordProblems } from '../fuzz/checks.ts';
import { realBot } from '../support/bot.ts';
import { sampleCitation, sampleExcerpt } from '../support/sample-excerpt.ts';
import { embedText } from './embed-text.ts';

const FSI = '\u2068';
const PDI = '\u2069';
const HOSTILE = '@everyone @here <@&123> <@456> **bold** ||spoiler|| [x](https://evil) # heading';

const citation: Citation = {
  ...sampleCitation,
  title: { ar: 'معاهدة الأمم المتحدة', en: 'UN treaty' },
  publisher: { ar: 'ناشر', en: 'News site (not identified)' },
};

function excerptOf(text: string, highlights: Excerpt['highlights'] = [], alsoIn: Citation[] = []): Excerpt {
  return sampleExcerpt(text, highlights, { alsoIn }, citation);
}

/** Every embed and message of a rendering is within Discord's limits. */
function expectWithinLimits(messages: ReturnType<typeof renderReply>): void {
  for (const message of messages) {
    expect(message.embeds.length).toBeGreaterThan(0);
    expect(message.embeds.length).toBeLessThanOrEqual(EMBED_LIMITS.embedsPerMessage);
    const total = message.embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
    expect(total).toBeLessThanOrEqual(EMBED_LIMITS.charactersPerMessage);
    for (const embed of message.embeds) {
      expect(embed.title?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.title);
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.description);
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
  it('renders entry-into-force as a header and one cited embed per excerpt', () => {
    const reply = bot.ask('entry-into-force', { platform: 'discord' });
    const messages = renderReply(reply);

    expect(messages).toHaveLength(1);
    const [header, ...excerpts] = messages[0]?.embeds ?? [];
    expect(header?.title).toBe('Entry into force');
    expect(excerpts).toHaveLength(reply.excerpts.length);
    const first = excerpts[0];
    expect(first?.description).toMatch(/\*\*[^*]+\*\*/);
    expect(first?.description).toContain(`${FSI}40${PDI}`);
    expect(first?.description).toContain(`${FSI}90${PDI}`);
    expect(first?.fields?.[0]?.name).toBe('Source');
    expect(first?.fields?.at(-1)?.name).toBe('English (unofficial translation)');
    const [title, publisher, date, locator] = first?.fields?.[0]?.value.split(' · ') ?? [];
    expect(title).toBe(reply.excerpts[0]?.citation.title.ar);
    expect(publisher).toBe(`${FSI}${reply.excerpts[0]?.citation.publisher.en}${PDI}`);
    expect(date).toBe(`${FSI}${reply.excerpts[0]?.citation.date}${PDI}`);
    expect(locator?.replace(/[\u2068\u2069]/g, '')).toBe(reply.excerpts[0]?.citation.locator);
    expectWithinLimits(messages);
  });

  it('shows an Arabic answer without translations unless asked, and fits long ones in the limits', () => {
    const reply = bot.ask('متى تدخل الاتفاقية حيز النفاذ؟', { platform: 'discord' });
    expect(JSON.stringify(renderReply(reply))).not.toContain('unofficial translation');
    const english = renderReply(reply, { english: true });
    const fields = english.flatMap((message) => message.embeds.flatMap((embed) => embed.fields ?? []));
    expect(fields.filter((field) => field.name === 'English (unofficial translation)')).toHaveLength(
      reply.excerpts.length,
    );
    const long = {
      ...reply,
      excerpts: reply.excerpts.map((excerpt) => ({ ...excerpt, translation: 'word '.repeat(3000) })),
    };
    expectWithinLimits(renderReply(long, { english: true }));
  });

  it('shows the Arabic terms an English question searched', () => {
    const text = embedText(
      renderReply(bot.ask('when does the convention enter into force?', { platform: 'discord' }))[0],
    );
    expect(text).toMatch(/Searched the Arabic text for: .*حيز/);
  });

  it('offers topics when the sources do not answer', () => {
    const reply = bot.ask('what is the best pizza in Naples?', { platform: 'discord' });
    expect(reply.kind).toBe('no_answer');
    const text = embedText(renderReply(reply)[0]);
    expect(text).toContain('Topics to try:');
    expect(text).toMatch(/• `[a-z0-9-]+` — /);
  });

  it('lists the commands for help and every topic for topics', () => {
    const help = embedText(renderReply(bot.ask('help', { platform: 'discord' }))[0]);
    expect(help).toContain('`<question>` — Ask anything about the convention, in Arabic or English.');
    expect(help).toContain('Ask with `/treaty query:` or by mentioning me:');
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

  it('cannot mention or format through a title, notice, suggestion or citation', () => {
    const reply: Reply = {
      ...emptyReply('no_answer', HOSTILE, 'en', HOSTILE),
      notices: [HOSTILE],
      suggestions: [{ slug: 'x`y', title: { en: HOSTILE, ar: HOSTILE } }],
    };
    const text = renderReply(reply).map(embedText).join('\n');
    expect(text).not.toMatch(/@(everyone|here)|<@|(?<!\\)\*\*bold|(?<!\\)\|\|/);
    expect(citationLine({ ...citation, title: { ar: HOSTILE, en: HOSTILE } })).not.toMatch(/@(everyone|here)|<@/);
  });

  it('shows commands and crons in status lines as real code spans that cannot ping', () => {
    const reply: Reply = {
      ...emptyReply('status', '', 'en', 'Digest subscriptions'),
      statusLines: ['C1: `* * * * *` (UTC); stop with `/treaty unsubscribe`', 'odd `@everyone` *x*'],
    };
    const description = renderReply(reply)[0]?.embeds[0]?.description ?? '';
    expect(description).toContain('C1: `* * * * *` (UTC); stop with `/treaty unsubscribe`');
    expect(description).toContain('odd `@\u200Beveryone` \\*x\\*');
  });

  it('titles a reply whose title is blank, so its header embed is never empty', () => {
    const messages = renderReply(emptyReply('answer', '', 'ar', ' '));
    expect(messages[0]?.embeds[0]?.title).toBe('Treaty bot');
  });

  it('escapes a heading or list marker that starts a user question used as a title', () => {
    expect(prose('# not a heading')).toBe('\\# not a heading');
    expect(prose('- not a list')).toBe('\\- not a list');
  });
});

describe('code spans cut across embeds', () => {
  it('keeps a long slug in closed code spans with its mentions broken', () => {
    const messages = renderReply({
      ...emptyReply('topics', '', 'en', 'T'),
      suggestions: [{ slug: '@everyone '.repeat(500), title: { en: 'x', ar: 'y' } }],
    });
    const descriptions = messages.flatMap((message) => message.embeds.map((embed) => embed.description ?? ''));

    expect(descriptions.length).toBeGreaterThan(1);
    for (const description of descriptions) expect(description.split('`').length % 2).toBe(1);
    expect(descriptions[0]).toMatch(/^• `@\u200Beveryone .*`$/);
    expect(descriptions[1]).toMatch(/^`.* ` — x · y$/);
    expect(discordProblems(messages, [])).toEqual([]);
  });

  it('keeps a long help command in closed code spans with its mentions broken', () => {
    const messages = renderReply({
      ...emptyReply('help', '', 'en', 'Help'),
      help: [{ command: '<@1> '.repeat(1000), description: 'd' }],
    });
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

  it('keeps a long list of linked citations free of stray code spans when it is split', () => {
    const twins = Array.from({ length: 40 }, (_, i) => ({ ...citation, url: `https://example.org/${i}\`\`\`` }));
    const messages = renderReply({ ...emptyReply('answer', 'q', 'ar', 'Q'), excerpts: [excerptOf('نص', [], twins)] });
    const targets = twins.map((twin) => `](${twin.url.replace(/`/g, '%60')})`);
    expect(messages.flatMap((message) => message.embeds).flatMap((embed) => embed.fields ?? []).length).toBeGreaterThan(
      2,
    );
    expect(discordProblems(messages, targets)).toEqual([]);
  });

  it('renders the minimal counterexample without a link or a live mention', () => {
    const reply: Reply = {
      ...emptyReply('answer', 'q', 'ar', 'Q'),
      excerpts: [sampleExcerpt('نص', [], {}, { ...sampleCitation, url: '@everyone' })],
    };
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
    expect(rendered).toBe(`يجب أن تصدق عليها **${FSI}40${PDI} دولة**، كما يوضح ${FSI}unodc.org${PDI}.`);
  });

  it('leaves an English line alone', () => {
    expect(prose('Entry into force after 90 days')).toBe('Entry into force after 90 days');
  });

  it('isolates Latin fields of an Arabic citation line and links the title when a URL is known', () => {
    const line = citationLine({ ...citation, url: 'https://example.org/doc_(1)', symbol: 'A/RES/79/243' });
    expect(line).toBe(
      `[معاهدة الأمم المتحدة](https://example.org/doc_%281%29) · ${FSI}News site (not identified)${PDI} · ${FSI}2025-10${PDI} · الفقرة ${FSI}2${PDI} · ${FSI}A/RES/79/243${PDI}`,
    );
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
    const twins = Array.from({ length: 60 }, (_, i) => ({ ...citation, locator: `الفقرة ${i}` }));
    const reply: Reply = {
      ...emptyReply('answer', 'q', 'ar', 'عنوان '.repeat(100)),
      excerpts: Array.from({ length: 5 }, () => excerptOf(longText, highlights, twins)),
      searchedTerms: Array.from({ length: 400 }, (_, i) => `مصطلح${i}`),
      suggestions: Array.from({ length: 300 }, (_, i) => ({
        slug: `topic-${i}`,
        title: { en: `Topic ${i}`, ar: `موضوع ${i}` },
      })),
      notices: Array.from({ length: 50 }, (_, i) => `Notice number ${i} about this answer.`),
    };
    const messages = renderReply(reply);

    expect(messages.length).toBeGreaterThan(3);
    expectWithinLimits(messages);
    const all = messages.map(embedText).join('\n');
    expect(all).toContain('`topic-299`');
    expect(all).toContain('Notice number 49 about this answer.');
    expect(all).toContain(`الفقرة ${FSI}59${PDI}`);
  });
});
