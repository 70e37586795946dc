/**
 * Renders a core Reply (an answer, a status, a digest…) as Discord messages: a header embed with the heading and
 * every part but the quotes, in the core's order and words, then one embed per quote. Pure: no client, no I/O.
 * Every document or user string goes through `prose` (mentions broken, Latin runs in Arabic lines isolated,
 * markdown escaped); the only markdown in the output is what this file adds.
 */
import { userMention } from 'discord.js';
import { andMore } from '../../src/answer/phrases.ts';
import type { CitationLine, Part, Reply, ReplyKind } from '../../src/answer/reply.ts';
import { hasArabic, isolate, isolateArabicRuns, isolateLatinRuns } from '../shared/bidi.ts';
import { CHART_FILE_NAME } from '../shared/chart-file.ts';
import { splitCodeSpans } from '../shared/code-spans.ts';
import { formatRange, quoteMarks } from '../shared/quote-marks.ts';
import { truncateText } from '../shared/truncate-text.ts';
import { EMBED_LIMITS, type EmbedDraft, fitEmbed, packMessages, type RenderedMessage } from './embed-limits.ts';
import {
  escapeInline,
  escapeMarkdown,
  escapeTextStart,
  inlineCode,
  linkOrLabel,
  neutralizeMentions,
} from './escape-markdown.ts';

export type { RenderedMessage } from './embed-limits.ts';

/** Embed colours by kind: answers stand out, abstentions are grey. */
const COLORS: Record<ReplyKind, number> = {
  answer: 0x2f6fdf,
  no_answer: 0x99aab5,
  help: 0x3ba55d,
  topics: 0x3ba55d,
  status: 0xf0b232,
  digest: 0xf0b232,
};

export interface RenderOptions {
  /**
   * Whether the message may carry files (the bot has Attach Files where it posts; see `canAttachFiles`). When not,
   * the chart shows as its words, a line of the header embed. Default true.
   */
  attachFiles?: boolean;
}

/** Renders a reply in as many messages as Discord's limits require. */
export function renderReply(reply: Reply, { attachFiles = true }: RenderOptions = {}): RenderedMessage[] {
  const messages = packMessages(drafts(reply, Number.POSITIVE_INFINITY, attachFiles).flatMap(fitEmbed));
  return withChartFile(reply, withSharedBy(reply, messages), attachFiles);
}

/**
 * Renders a reply as exactly one message, for a digest (posted with one nonce, exactly once): when it does not
 * fit, each list shows its first entries and "… and N more" (the linked official record has them all).
 */
export function renderOneMessage(reply: Reply, { attachFiles = true }: RenderOptions = {}): RenderedMessage {
  const fits = (keep: number) => packMessages(drafts(reply, keep, attachFiles).flatMap(fitEmbed)).length <= 1;
  // The most entries per list that fit: `fits` only gets harder as `keep` grows, so a binary search finds it.
  let low = 0;
  let high = Math.max(0, ...reply.parts.map((part) => (part.type === 'list' ? part.items.length : 0)));
  while (low < high) {
    const keep = Math.ceil((low + high) / 2);
    if (fits(keep)) low = keep;
    else high = keep - 1;
  }
  const [message] = packMessages(drafts(reply, low, attachFiles).flatMap(fitEmbed));
  return withChartFile(reply, withSharedBy(reply, [message ?? { embeds: [] }]), attachFiles)[0] ?? { embeds: [] };
}

/**
 * A line of the core's English (names and terms from documents or users inside it), safe to place in markdown:
 * mentions broken, Arabic runs wrapped in bidi isolates so the line stays left to right, markdown escaped.
 */
export function prose(text: string): string {
  return escapeMarkdown(neutralizeMentions(text).split('\n').map(isolateArabicRuns).join('\n'));
}

/** The heading, which may be the user's own question: Latin runs of an Arabic one isolated, escaped. */
function headingText(text: string): string {
  return escapeMarkdown(neutralizeMentions(isolateLatinRuns(text)));
}

function drafts(reply: Reply, keepPerList: number, attachFiles: boolean): EmbedDraft[] {
  const color = COLORS[reply.kind];
  const heading = reply.parts.find((part) => part.type === 'heading');
  const asOf = reply.parts.find((part) => part.type === 'asOf');
  const picture = attachFiles && reply.parts.some((part) => part.type === 'chart');
  const lines = reply.parts.flatMap((part) => headerLines(part, keepPerList, attachFiles));
  const header: EmbedDraft = {
    // A title always, so the header embed is never empty (Discord rejects an empty embed).
    title: (heading?.type === 'heading' && headingText(heading.text).trim()) || 'Treaty bot',
    ...(heading?.type === 'heading' && heading.url ? { url: heading.url } : {}),
    color,
    // Lists bring a blank line before and after them; two in a row would leave two.
    description: lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    // Footers show text literally (no markdown, no mentions), so the "as of" line needs no escaping.
    ...(asOf?.type === 'asOf' ? { footer: truncateText(asOf.text, EMBED_LIMITS.footerText) } : {}),
    // The chart's PNG, which the message carries (`withChartFile`).
    ...(picture ? { image: `attachment://${CHART_FILE_NAME}` } : {}),
  };
  return [header, ...reply.parts.flatMap((part) => (part.type === 'quote' ? [quoteDraft(part, color)] : []))];
}

/**
 * The header embed's lines for a part; quotes have their own embeds, the heading, "as of" and the chart (its
 * image, when the message carries it) their own fields.
 */
function headerLines(part: Part, keepPerList: number, attachFiles: boolean): string[] {
  switch (part.type) {
    case 'heading':
    case 'sharedBy':
    case 'quote':
    case 'asOf':
      return [];
    case 'chart':
      return attachFiles ? [] : [prose(part.altText)];
    case 'note':
      return [part.url ? linkOrLabel(part.url, prose(part.text)) : proseWithCode(part.text)];
    case 'list': {
      const shown = part.items
        .slice(0, keepPerList)
        .map((item) =>
          item.code ? `• ${inlineCode(item.code)} — ${proseWithCode(item.text)}` : `• ${proseWithCode(item.text)}`,
        );
      if (part.items.length > shown.length) shown.push(prose(andMore(part.items.length - shown.length)));
      return [
        '',
        // A heading may hold a command in backticks, e.g. help's "Ask with `/treaty query:`".
        ...(part.heading ? [`**${proseWithCode(part.heading)}**`] : []),
        ...shown,
        ...(part.hint ? [proseWithCode(part.hint)] : []),
        '',
      ];
    }
    case 'progress':
      return [`**${prose(part.label)}:** ${inlineCode(part.bar)}${part.detail ? ` (${prose(part.detail)})` : ''}`];
  }
}

/** "Shared by @user" as the first message's content: the mention renders the name and, with `parse: []`, pings nobody. */
function withSharedBy(reply: Reply, messages: RenderedMessage[]): RenderedMessage[] {
  const shared = reply.parts.find((part) => part.type === 'sharedBy');
  if (shared?.type !== 'sharedBy' || !/^\d{5,25}$/.test(shared.user)) return messages;
  const [first, ...rest] = messages;
  return [{ ...(first ?? { embeds: [] }), content: `${prose(shared.label)} ${userMention(shared.user)}` }, ...rest];
}

/**
 * The chart's PNG on the first message, whose header embed shows it, with the core's words for it as the
 * attachment's description (its alt text, plain text).
 */
function withChartFile(reply: Reply, messages: RenderedMessage[], attachFiles: boolean): RenderedMessage[] {
  const chart = reply.parts.find((part) => part.type === 'chart');
  const [first, ...rest] = messages;
  if (!attachFiles || chart?.type !== 'chart' || !first) return messages;
  const file = {
    attachment: Buffer.from(chart.png.buffer, chart.png.byteOffset, chart.png.byteLength),
    name: CHART_FILE_NAME,
    description: truncateText(chart.altText, EMBED_LIMITS.attachmentDescription),
  };
  return [{ ...first, files: [file] }, ...rest];
}

/** `prose`, with the core's backtick pairs as real code spans (commands and crons that copy as typed). */
function proseWithCode(text: string): string {
  return splitCodeSpans(text)
    .map((piece) => (piece.code ? inlineCode(piece.text) : prose(piece.text)))
    .join('');
}

function quoteDraft(part: Extract<Part, { type: 'quote' }>, color: number): EmbedDraft {
  const source = [citationLine(part.citation), ...(part.alsoIn ? [prose(part.alsoIn)] : [])].join('\n');
  const fields = [{ name: `${part.number}.`, value: source }];
  if (part.translation) fields.push({ name: prose(part.translation.label), value: prose(part.translation.text) });
  return { color, description: highlightedExcerpt(part.excerpt), fields };
}

/**
 * The excerpt with matched words in bold and Latin runs isolated (the shared quote marks), white space folded so
 * page breaks inside a quote read as spaces.
 */
export function highlightedExcerpt(excerpt: {
  text: string;
  highlights: Array<{ start: number; end: number }>;
}): string {
  const marks = quoteMarks(excerpt.text, excerpt.highlights);
  const out = formatRange(marks, 0, marks.flat.length, { bold: '**', escape: escapeInline });
  // Mentions are broken last, on the whole text, so a mark placed inside one cannot hide it from the pattern.
  return neutralizeMentions(escapeTextStart(out));
}

/** `title · publisher · date · locator`, the title linked when the catalog has a clean http(s) URL for it. */
export function citationLine(citation: CitationLine): string {
  const arabicLine = hasArabic(citation.title);
  // A field in the other script than the line's (a Latin publisher or date in an Arabic line, an Arabic locator in
  // an English one) is isolated whole, so its own punctuation and numbers stay with it.
  const field = (text: string) =>
    escapeMarkdown(neutralizeMentions(hasArabic(text) !== arabicLine ? isolate(text) : isolateLatinRuns(text)));
  return [linkOrLabel(citation.url, field(citation.title)), ...citation.details.map(field)].join(' · ');
}
