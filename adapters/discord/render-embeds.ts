/**
 * Renders a core Reply as Discord embeds, split into as many messages as Discord's limits require. Pure: no
 * client, no I/O. Every document or user string goes through `prose` (mentions broken, Latin runs in Arabic lines
 * isolated, markdown escaped); the only markdown in the output is what this file adds.
 */
import type { Citation, Excerpt, Reply, ReplyKind, TopicSuggestion } from '../../src/answer/reply.ts';
import { FSI, hasArabic, isolate, isolateLatinRuns, latinRuns, PDI, type TextRange } from '../shared/bidi.ts';
import { splitCodeSpans } from '../shared/code-spans.ts';
import { showsTranslations, UNOFFICIAL_TRANSLATION } from '../shared/translation-label.ts';
import { type EmbedDraft, fitEmbed, packMessages, type RenderedMessage } from './embed-limits.ts';
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
};

export interface RenderOptions {
  /**
   * Shows each quote's unofficial English translation under it; default for an English question. An Arabic
   * answer offers a "Show in English" button instead (answer-buttons.ts).
   */
  english?: boolean;
}

/** Renders a reply: a header embed (title, searched terms, help, topics, status, notices), then one per excerpt. */
export function renderReply(reply: Reply, options: RenderOptions = {}): RenderedMessage[] {
  const color = COLORS[reply.kind];
  const english = showsTranslations(reply, options.english);
  const drafts: EmbedDraft[] = [
    headerDraft(reply, color),
    ...reply.excerpts.map((excerpt) => excerptDraft(excerpt, color, english)),
  ];
  return packMessages(drafts.flatMap(fitEmbed));
}

/**
 * Text from a document or a user, safe to place in markdown: mentions broken, Latin runs of Arabic lines wrapped
 * in bidi isolates, markdown escaped.
 */
export function prose(text: string): string {
  return escapeMarkdown(neutralizeMentions(text).split('\n').map(isolateLatinRuns).join('\n'));
}

/** `prose`, with the core's backtick pairs as real code spans (commands and crons that copy as typed). */
function proseWithCode(text: string): string {
  return splitCodeSpans(text)
    .map((piece) => (piece.code ? inlineCode(piece.text) : prose(piece.text)))
    .join('');
}

/**
 * The excerpt with matched words in bold and Latin runs isolated (both placed by offsets into the raw text),
 * white space folded so page breaks inside a quote read as spaces.
 */
export function highlightedExcerpt(excerpt: Excerpt): string {
  const { text } = excerpt;
  const marks: Array<{ at: number; end: boolean; mark: string }> = [
    ...boldRanges(excerpt).flatMap(({ start, end }) => [
      { at: start, end: false, mark: '**' },
      { at: end, end: true, mark: '**' },
    ]),
    ...latinRuns(text).flatMap(({ start, end }) => [
      { at: start, end: false, mark: FSI },
      { at: end, end: true, mark: PDI },
    ]),
  ];
  // At one offset, closing marks come first; bold opens outside an isolate and closes outside it.
  marks.sort((a, b) => a.at - b.at || Number(b.end) - Number(a.end) || (a.end ? rank(b) - rank(a) : rank(a) - rank(b)));
  let out = '';
  let cursor = 0;
  for (const { at, mark } of marks) {
    out += escapeInline(text.slice(cursor, at).replace(/\s+/g, ' ')) + mark;
    cursor = at;
  }
  out += escapeInline(text.slice(cursor).replace(/\s+/g, ' '));
  // Mentions are broken last, on the whole text, so a mark placed inside one cannot hide it from the pattern.
  return neutralizeMentions(escapeTextStart(out.trim()));
}

/** `title · publisher · date · locator`, the title linked when the catalog has a clean http(s) URL for it. */
export function citationLine(citation: Citation): string {
  const arabicLine = hasArabic(citation.title.ar);
  // In an Arabic line a Latin field (publisher, date) is isolated whole, so its own punctuation stays with it.
  const field = (text: string) =>
    escapeMarkdown(neutralizeMentions(arabicLine && !hasArabic(text) ? isolate(text) : isolateLatinRuns(text)));
  return [
    linkOrLabel(citation.url, field(citation.title.ar)),
    field(citation.publisher.en),
    field(citation.date),
    field(citation.locator),
    ...(citation.symbol ? [field(citation.symbol)] : []),
  ].join(' · ');
}

function headerDraft(reply: Reply, color: number): EmbedDraft {
  const lines: string[] = [];
  if (reply.searchedTerms.length > 0) {
    lines.push(`Searched the Arabic text for: ${reply.searchedTerms.map((term) => prose(term)).join('، ')}`);
  }
  lines.push(...reply.statusLines.map(proseWithCode));
  if (reply.help.length > 0) {
    lines.push('Ask with `/treaty query:` or by mentioning me:');
    lines.push(...reply.help.map((line) => `${inlineCode(line.command)} — ${prose(line.description)}`));
  }
  if (reply.suggestions.length > 0) {
    if (reply.kind !== 'topics') lines.push('', reply.kind === 'help' ? 'Topics, for example:' : 'Topics to try:');
    lines.push(...reply.suggestions.map(topicLine));
  }
  if (reply.notices.length > 0) lines.push('', ...reply.notices.map((notice) => prose(notice)));
  // A title always, so the header embed is never empty (Discord rejects an empty embed); fitting drops a blank one.
  return { title: prose(reply.title).trim() || 'Treaty bot', color, description: lines.join('\n').trim() };
}

function excerptDraft(excerpt: Excerpt, color: number, english: boolean): EmbedDraft {
  const fields = [{ name: 'Source', value: citationLine(excerpt.citation) }];
  if (excerpt.alsoIn.length > 0) {
    fields.push({ name: 'Also in', value: excerpt.alsoIn.map(citationLine).join('\n') });
  }
  if (english && excerpt.translation) fields.push({ name: UNOFFICIAL_TRANSLATION, value: prose(excerpt.translation) });
  return { color, description: highlightedExcerpt(excerpt), fields };
}

function topicLine(topic: TopicSuggestion): string {
  return `• ${inlineCode(topic.slug)} — ${prose(topic.title.en)} · ${prose(topic.title.ar)}`;
}

/** Bold markers sort outside isolate markers at the same offset. */
function rank(mark: { mark: string }): number {
  return mark.mark === '**' ? 0 : 1;
}

/**
 * Highlights sorted, clipped to the text and merged where they overlap or only white space separates them, so a
 * matched phrase reads as one bold run (`**حيز النفاذ**`) rather than a bold word per word; white space is
 * trimmed off both ends because `** word**` does not render as bold.
 */
function boldRanges(excerpt: Excerpt): TextRange[] {
  const sorted = excerpt.highlights
    .map(({ start, end }) => ({ start: Math.max(0, start), end: Math.min(excerpt.text.length, end) }))
    .filter(({ start, end }) => end > start)
    .sort((a, b) => a.start - b.start);
  const merged: TextRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && (range.start <= last.end || !excerpt.text.slice(last.end, range.start).trim()))
      last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged
    .map(({ start, end }) => {
      const slice = excerpt.text.slice(start, end);
      return {
        start: start + (slice.length - slice.trimStart().length),
        end: end - (slice.length - slice.trimEnd().length),
      };
    })
    .filter(({ start, end }) => end > start);
}
