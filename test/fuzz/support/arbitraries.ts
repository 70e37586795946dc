/**
 * fast-check arbitraries for the fuzz tests: hostile text (random Unicode, bidi and zero-width controls, combining
 * marks, lone surrogates, markdown, Slack and Discord mention syntax, domain words) and synthetic Replies and
 * Digests whose every string field is such text.
 */
import fc from 'fast-check';
import type {
  Action,
  Citation,
  Excerpt,
  Language,
  ListItem,
  Part,
  Reply,
  ReplyKind,
} from '../../../src/answer/reply.ts';
import type { AskContext } from '../../../src/answer/treaty-bot.ts';
import type { StatusChange } from '../../../src/status/snapshot.ts';
import { CONSENT_KINDS } from '../../../src/status/snapshot-schema.ts';
import type { Digest } from '../../../src/tracker/digest.ts';

/** The longest hostile text generated (a pasted document). */
export const HUGE_TEXT = 20_000;

const codeUnits = (from: number, to: number) => fc.integer({ min: from, max: to }).map((c) => String.fromCharCode(c));

const BIDI = codeUnits(0x202a, 0x202e);
const ISOLATES = codeUnits(0x2066, 0x2069);
const ZERO_WIDTH = fc.constantFrom('\u200B', '\u200C', '\u200D', '\uFEFF');
const COMBINING = codeUnits(0x0300, 0x036f);
const TASHKEEL = codeUnits(0x064b, 0x0652);
const LONE_SURROGATE = codeUnits(0xd800, 0xdfff);
const WHITE_SPACE = fc.constantFrom(' ', ' ', ' ', '\n', '\t', '\r\n', '\u00A0', '\u2028', '\n\n');

const MARKDOWN = fc.constantFrom(
  '*',
  '**',
  '_',
  '__',
  '~',
  '~~',
  '`',
  '```',
  '|',
  '||',
  '>',
  '> ',
  '>>> ',
  '#',
  '# ',
  '-# ',
  '- ',
  '1. ',
  '\\',
  '[x](https://evil)',
  '[',
  ']',
  '(',
  ')',
  '*bold*',
  '_it_',
  '~s~',
  '`c`',
);

const SLACK_SYNTAX = fc.constantFrom(
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<@U123>',
  '<@W0ABC|bob>',
  '<#C1|x>',
  '<https://evil|x>',
  '<https://evil>',
  '<mailto:a@b.c|x>',
  '<!subteam^S1>',
  '<!date^1392734382^{date}|x>',
  '&',
  '&amp;',
  '&lt;',
  '&gt',
  '<',
  '>',
  '<!',
  '<@',
  '<#',
);

const DISCORD_SYNTAX = fc.constantFrom(
  '@everyone',
  '@here',
  '@EVERYONE',
  '@Here',
  '<@123>',
  '<@!123>',
  '<@&123>',
  '<#123>',
  '</cmd:123>',
  '<:emoji:123>',
  '<t:1700000000:R>',
  '<id:customize>',
  '@',
  '@@everyone',
  '<@<@123>>',
);

const DOMAIN_WORDS = fc.constantFrom(
  'اتفاقية',
  'تصديق',
  'حيز النفاذ',
  'تسليم المجرمين',
  'الجرائم السيبرانية',
  'الأمم المتحدة',
  'entry-into-force',
  'extradition',
  'ratification',
  'convention',
  'help',
  'topics',
  'status',
  'subscribe',
  'unodc.org',
  '65/230',
  '2026-03-02',
  '40',
  'Viet Nam',
  'European Union',
);

/** One piece of hostile text. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }), weight: 2 },
  { arbitrary: BIDI, weight: 1 },
  { arbitrary: ISOLATES, weight: 1 },
  { arbitrary: ZERO_WIDTH, weight: 1 },
  { arbitrary: COMBINING, weight: 1 },
  { arbitrary: TASHKEEL, weight: 1 },
  { arbitrary: LONE_SURROGATE, weight: 1 },
  { arbitrary: WHITE_SPACE, weight: 3 },
  { arbitrary: MARKDOWN, weight: 3 },
  { arbitrary: SLACK_SYNTAX, weight: 3 },
  { arbitrary: DISCORD_SYNTAX, weight: 3 },
  { arbitrary: DOMAIN_WORDS, weight: 4 },
);

/** Hostile text of up to `maxFragments` pieces. */
export function hostileText(maxFragments = 12): fc.Arbitrary<string> {
  return fc.array(fragment, { maxLength: maxFragments }).map((parts) => parts.join(''));
}

/** A few pieces repeated until the text is long: mostly a few thousand code units, sometimes up to HUGE_TEXT. */
export function hugeText(maxLength = HUGE_TEXT): fc.Arbitrary<string> {
  const length = fc.oneof(
    { arbitrary: fc.integer({ min: 50, max: Math.min(4_000, maxLength) }), weight: 4 },
    { arbitrary: fc.integer({ min: 50, max: maxLength }), weight: 1 },
  );
  return fc.tuple(fc.array(fragment, { minLength: 1, maxLength: 6 }), length).map(([parts, size]) => {
    const unit = `${parts.join('')} `;
    return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  });
}

/**
 * Mostly short hostile text, sometimes longer, rarely huge (`hugeWeight` in about 75): a Reply has dozens of
 * strings, so huge ones stay rare enough for 10 000 renderings to run in seconds.
 */
export function anyText(hugeWeight = 1, maxHuge = HUGE_TEXT): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: hostileText(8), weight: 60 },
    { arbitrary: hostileText(40), weight: 14 },
    { arbitrary: hugeText(maxHuge), weight: hugeWeight },
  );
}

/** Mostly small arrays, sometimes long ones, to push past block and embed limits. */
function list<T>(item: fc.Arbitrary<T>, usual = 3, rare = 60): fc.Arbitrary<T[]> {
  return fc.oneof(
    { arbitrary: fc.array(item, { maxLength: usual }), weight: 12 },
    { arbitrary: fc.array(item, { maxLength: rare }), weight: 1 },
  );
}

/** A clean http(s) URL, what the catalog holds. */
export const cleanUrl: fc.Arbitrary<string> = fc.webUrl({ validSchemes: ['https', 'http'] });

/** A citation whose every text field is hostile; its URL is absent, clean, or (when allowed) hostile too. */
export function citation(hostileUrls: boolean): fc.Arbitrary<Citation> {
  const url = hostileUrls
    ? fc.option(
        fc.oneof(
          cleanUrl,
          anyText(0),
          cleanUrl.chain((u) => anyText(0).map((t) => u + t)),
        ),
      )
    : fc.option(cleanUrl);
  return fc
    .record({
      source: anyText(0),
      title: fc.record({ ar: anyText(), en: anyText(0) }),
      publisher: fc.record({ ar: anyText(0), en: anyText(0) }),
      date: anyText(0),
      locator: anyText(0),
      url,
      symbol: fc.option(anyText(0)),
    })
    .map(({ url: u, symbol, ...rest }) => ({
      ...rest,
      ...(u === null ? {} : { url: u }),
      ...(symbol === null ? {} : { symbol }),
    }));
}

/** An excerpt of hostile text with highlights anywhere near (and past) its bounds. */
export function excerpt(hostileUrls: boolean): fc.Arbitrary<Excerpt> {
  return fc
    .record({
      text: anyText(1),
      ranges: fc.array(fc.tuple(fc.integer({ min: -5, max: 400 }), fc.integer({ min: -5, max: 400 })), {
        maxLength: 8,
      }),
      spread: fc.double({ min: 0, max: 1, noNaN: true }),
      citation: citation(hostileUrls),
      alsoIn: list(citation(hostileUrls), 1, 12),
      title: anyText(0),
      locator: anyText(0),
    })
    .map(({ text, ranges, spread, citation: cited, alsoIn, title, locator }) => {
      // Scale the offsets over the text so long excerpts get highlights past their first 400 units too.
      const scale = Math.max(1, (text.length / 400) * spread);
      return {
        source: cited.source,
        start: 0,
        end: text.length,
        locator,
        title,
        text,
        score: 1,
        highlights: ranges.map(([a, b]) => ({ start: Math.round(a * scale), end: Math.round(b * scale) })),
        citation: cited,
        alsoIn,
      };
    });
}

/**
 * What a synthetic Reply may hold beyond hostile text in every field: hostile citation URLs (the catalog's are
 * clean), and whether code (slugs, commands, the progress bar: core-authored, shown in code spans) may hold
 * mention syntax.
 */
export interface HostileReplyOptions {
  hostileUrls?: boolean;
  /** Default true; false keeps `@`, `<` and backticks out of code (see the Discord tests). */
  hostileCode?: boolean;
  /** The kinds to draw from; default every kind. */
  kinds?: readonly ReplyKind[];
}

const ALL_KINDS: readonly ReplyKind[] = ['answer', 'no_answer', 'help', 'topics', 'status', 'digest'];

/** A part of hostile text (never a heading: a reply's heading comes first, once). */
function hostilePart(hostileUrls: boolean, code: fc.Arbitrary<string>): fc.Arbitrary<Part> {
  const item: fc.Arbitrary<ListItem> = fc
    .record({ code: fc.option(code), text: anyText(0) })
    .map(({ code: c, text }) => (c === null ? { text } : { code: c, text }));
  return fc.oneof(
    fc.record({ type: fc.constant('note' as const), text: anyText(), aside: fc.boolean() }),
    fc.record({
      type: fc.constant('sharedBy' as const),
      label: anyText(0),
      user: fc.oneof(anyText(0), fc.constant('U0123ABC'), fc.constant('123456789012345678')),
    }),
    fc
      .record({
        number: fc.integer({ min: 1, max: 5 }),
        excerpt: excerpt(hostileUrls),
        alsoIn: fc.option(anyText()),
        translation: fc.option(fc.record({ label: anyText(0), text: anyText() })),
      })
      .map(({ number, excerpt: quoted, alsoIn, translation }) => ({
        type: 'quote' as const,
        number,
        excerpt: quoted,
        citation: {
          title: quoted.citation.title.ar,
          ...(quoted.citation.url ? { url: quoted.citation.url } : {}),
          details: [quoted.citation.publisher.en, quoted.citation.date, quoted.citation.locator],
        },
        ...(alsoIn === null ? {} : { alsoIn }),
        ...(translation === null ? {} : { translation }),
      })),
    fc
      .record({ heading: fc.option(anyText(0)), items: list(item, 4, 120), hint: fc.option(anyText()) })
      .map(({ heading, items, hint }) => ({
        type: 'list' as const,
        items,
        ...(heading === null ? {} : { heading }),
        ...(hint === null ? {} : { hint }),
      })),
    fc
      .record({
        label: anyText(0),
        bar: fc.oneof(fc.constant('▓▓▓░░░░░░░ 12/40'), code),
        detail: fc.option(anyText(0)),
      })
      .map(({ label, bar, detail }) => ({
        type: 'progress' as const,
        label,
        bar,
        ...(detail === null ? {} : { detail }),
      })),
    fc.record({
      type: fc.constant('chart' as const),
      altText: anyText(0),
      png: fc.uint8Array({ minLength: 8, maxLength: 8 }),
    }),
    fc.record({ type: fc.constant('asOf' as const), text: anyText(0) }),
  );
}

const ACTIONS: readonly Action[] = [
  { type: 'share', label: 'Share in channel' },
  { type: 'english', label: 'Show in English', description: 'Show the unofficial English translation' },
  {
    type: 'vote',
    up: { label: '👍', description: 'This reply helped' },
    down: { label: '👎', description: 'This reply did not help' },
  },
];

/** A Reply whose every string is hostile text: a heading, then any parts in any order, and any actions. */
export function hostileReply({
  hostileUrls = false,
  hostileCode = true,
  kinds = ALL_KINDS,
}: HostileReplyOptions = {}): fc.Arbitrary<Reply> {
  // Sometimes huge, so a code span can straddle a cut between embeds.
  const code = hostileCode ? anyText(1) : anyText(0).map((text) => text.replace(/[@<`]/g, '.'));
  return fc
    .record({
      kind: fc.constantFrom(...kinds),
      query: anyText(),
      lang: fc.constantFrom<Language>('ar', 'en'),
      heading: anyText(),
      url: fc.option(fc.constant('https://treaties.un.org/status')),
      parts: list(hostilePart(hostileUrls, code), 3, 10),
      actions: fc.subarray([...ACTIONS]),
    })
    .map(({ heading, url, parts, ...rest }) => ({
      ...rest,
      parts: [{ type: 'heading' as const, text: heading, ...(url === null ? {} : { url }) }, ...parts],
    }));
}

/** Text for the core: hostile, sometimes plain domain questions, sometimes huge. */
export const coreInput: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: hostileText(20), weight: 10 },
  { arbitrary: fc.array(DOMAIN_WORDS, { maxLength: 6 }).map((words) => words.join(' ')), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 300 }), weight: 2 },
  { arbitrary: hugeText(), weight: 1 },
);

const change: fc.Arbitrary<StatusChange> = fc
  .record({
    participant: anyText(1, 2_000),
    action: fc.constantFrom<StatusChange['action']>('signature', ...CONSENT_KINDS, 'withdrawal', 'correction'),
    date: fc.option(fc.oneof(fc.constant('2026-03-02'), anyText(0))),
    previous: fc.option(anyText(0)),
    current: fc.option(anyText(0)),
  })
  .map(({ date, previous, current, ...rest }) => ({
    ...rest,
    ...(date === null ? {} : { date }),
    ...(previous === null ? {} : { previous }),
    ...(current === null ? {} : { current }),
  }));

/** Digest facts with hostile participant names and record source, and any counts. */
export const hostileDigest: fc.Arbitrary<Digest> = fc
  .record({
    since: fc.option(fc.oneof(fc.constant('2026-11-16T09:00:00.000Z'), anyText(0))),
    newParties: list(change, 4, 120),
    newSignatures: list(change, 4, 120),
    corrections: list(change, 4, 60),
    counted: fc.nat({ max: 200 }),
    fortieth: fc.option(fc.constant('2026-11-05')),
    fetchedAt: fc.date({ min: new Date('2025-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
    source: anyText(1, 3_000),
  })
  .map(({ since, newParties, newSignatures, corrections, counted, fortieth, fetchedAt, source }) => ({
    ...(since === null ? {} : { since }),
    groups: { newParties, newSignatures, corrections },
    status: {
      counted,
      needed: Math.max(0, 40 - counted),
      ...(counted >= 40 && fortieth ? { fortiethDeposit: fortieth, entryIntoForce: '2027-02-03' } : {}),
    },
    record: { fetchedAt: fetchedAt.toISOString(), source },
    empty: newParties.length + newSignatures.length + corrections.length === 0,
  }));

/** Who asks: every platform, with or without a workspace, channel, user and locale. */
export const askContext: fc.Arbitrary<AskContext> = fc
  .record({
    platform: fc.constantFrom('slack', 'discord', 'console', 'cli'),
    workspace: fc.option(fc.constantFrom('T1', 'G1')),
    channel: fc.option(fc.constantFrom('C1', '123')),
    user: fc.option(fc.constantFrom('U1', '456')),
    locale: fc.option(fc.constantFrom('ar', 'en-US', 'ar-EG', 'fr', '')),
    canManageSubscriptions: fc.boolean(),
  })
  .map(({ workspace, channel, user, locale, ...rest }) => ({
    ...rest,
    ...(workspace === null ? {} : { workspace }),
    ...(channel === null ? {} : { channel }),
    ...(user === null ? {} : { user }),
    ...(locale === null ? {} : { locale }),
  }));
