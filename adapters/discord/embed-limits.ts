/**
 * Discord's embed limits and the splitting that keeps every message inside them. The API rejects a whole message
 * when one limit is exceeded, so long answers are cut into more embeds and more messages instead.
 * Lengths are counted in UTF-16 code units, which is never less than Discord's character count.
 */
import type { APIEmbed } from 'discord.js';
import { escapeTextStart } from './escape-markdown.ts';

/** https://discord.com/developers/docs/resources/message#embed-object-embed-limits */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footerText: 2048,
  authorName: 256,
  embedsPerMessage: 10,
  /** Sum of titles, descriptions, field names and values, footers and author names of all embeds of a message. */
  charactersPerMessage: 6000,
  /** An attachment's description, its alt text (https://discord.com/developers/docs/resources/message#attachment-object). */
  attachmentDescription: 1024,
} as const;

/** An embed before it is fitted: any of its texts may be too long. Texts are markdown, already escaped. */
export interface EmbedDraft {
  title?: string;
  url?: string;
  color?: number;
  description?: string;
  fields?: Array<{ name: string; value: string }>;
  /** Plain text (footers show no markdown), on the last embed the draft becomes. */
  footer?: string;
  /** The picture under the first embed the draft becomes: `attachment://<name>` of a file the message carries. */
  image?: string;
}

/** A file sent with a message (discord.js `files`); an embed shows it by `attachment://<name>`. */
export interface RenderedFile {
  attachment: Buffer;
  name: string;
  /** Alt text: what screen readers say for an image. */
  description: string;
}

/** One message's worth of embeds. */
export interface RenderedMessage {
  embeds: APIEmbed[];
  /** Text above the embeds, e.g. who shared the reply. */
  content?: string;
  /** Files the embeds show (the progress chart). */
  files?: RenderedFile[];
}

/** The characters of an embed that count toward the 6000-per-message limit. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/**
 * Turns a draft into one or more embeds within the per-embed limits: a long description continues in further
 * embeds without a title, long field values continue in fields named "… (continued)", and fields move to a
 * further embed past 25 fields or 6000 characters.
 */
export function fitEmbed(draft: EmbedDraft): APIEmbed[] {
  const color = draft.color === undefined ? {} : { color: draft.color };
  const [firstChunk, ...moreChunks] = splitMarkdown(draft.description ?? '', EMBED_LIMITS.description);
  const first: APIEmbed = {
    ...(draft.title ? { title: truncateMarkdown(draft.title, EMBED_LIMITS.title) } : {}),
    ...(draft.url ? { url: draft.url } : {}),
    ...color,
    ...(firstChunk ? { description: firstChunk } : {}),
    ...(draft.image ? { image: { url: draft.image } } : {}),
  };
  const embeds: APIEmbed[] = [first, ...moreChunks.map((description) => ({ ...color, description }))];
  for (const field of (draft.fields ?? []).flatMap(splitField)) {
    let current = embeds[embeds.length - 1] ?? first;
    const fieldCount = current.fields?.length ?? 0;
    const grown = embedLength(current) + field.name.length + field.value.length;
    if (fieldCount >= EMBED_LIMITS.fields || grown > EMBED_LIMITS.charactersPerMessage) {
      current = { ...color };
      embeds.push(current);
    }
    current.fields = [...(current.fields ?? []), field];
  }
  if (draft.footer) {
    // A footer that would take the last embed past the per-message total goes on an embed of its own.
    const last = embeds.at(-1) ?? first;
    const fits = embedLength(last) + draft.footer.length <= EMBED_LIMITS.charactersPerMessage;
    if (fits) last.footer = { text: draft.footer };
    else embeds.push({ ...color, footer: { text: draft.footer } });
  }
  return embeds.filter((embed) => embedLength(embed) > 0);
}

/** Packs embeds, in order, into as few messages as the 10-embed and 6000-character limits allow. */
export function packMessages(embeds: APIEmbed[]): RenderedMessage[] {
  const messages: RenderedMessage[] = [];
  let current: RenderedMessage | undefined;
  let characters = 0;
  for (const embed of embeds) {
    const length = embedLength(embed);
    const full =
      current !== undefined &&
      (current.embeds.length >= EMBED_LIMITS.embedsPerMessage ||
        characters + length > EMBED_LIMITS.charactersPerMessage);
    if (current === undefined || full) {
      current = { embeds: [] };
      messages.push(current);
      characters = 0;
    }
    current.embeds.push(embed);
    characters += length;
  }
  return messages;
}

/** Shortens markdown to `max` characters with an ellipsis, cutting where the split would. */
export function truncateMarkdown(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  return `${splitMarkdown(trimmed, max - 1)[0] ?? ''}…`;
}

/**
 * Splits markdown into chunks of at most `max` characters: at a line break or a space outside bold text and
 * code spans when there is one in the second half of the chunk, otherwise at any character that does not split
 * an escape, a surrogate pair or a `**` marker (bold text or a code span cut that way is closed and reopened).
 * Chunks are trimmed and a block marker that a cut brings to the start of a chunk is escaped.
 */
export function splitMarkdown(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    if (rest.length <= max - 1) {
      chunks.push(escapeTextStart(rest));
      break;
    }
    // One character stays free for the escape `escapeTextStart` may add.
    const { head, tail } = cutMarkdown(rest, max - 1);
    chunks.push(escapeTextStart(head));
    rest = tail.trimStart();
  }
  return chunks;
}

const CONTINUED = ' (continued)';

function splitField(field: { name: string; value: string }): Array<{ name: string; value: string }> {
  const name = truncateMarkdown(field.name, EMBED_LIMITS.fieldName) || '\u200B';
  const continued = `${truncateMarkdown(field.name, EMBED_LIMITS.fieldName - CONTINUED.length)}${CONTINUED}`;
  return splitMarkdown(field.value, EMBED_LIMITS.fieldValue).map((value, index) => ({
    name: index === 0 ? name : continued,
    value,
  }));
}

/**
 * Cuts `text` (longer than `budget`) into a head of at most `budget` characters and the rest. A hard cut inside
 * bold text or a code span closes it in the head and reopens it in the rest, so no markup leaks across the cut.
 */
function cutMarkdown(text: string, budget: number): { head: string; tail: string } {
  let bold = false;
  let code = false;
  let afterMarker = false;
  let lastNewline = -1;
  let lastSpace = -1;
  let hardCut = { at: 0, close: '', reopen: '' };
  let i = 0;
  while (i <= budget && i < text.length) {
    const marker = markerAt(text, i, code);
    const close = `${code ? '`' : ''}${bold ? '**' : ''}`;
    // A hard cut before position i keeps the head within budget with the open markup closed; never next to a
    // marker, where closing and reopening would leave an empty `****` or a double backtick (read as one marker).
    if (i > 0 && i <= budget - close.length && !marker && !afterMarker) {
      hardCut = { at: i, close, reopen: `${bold ? '**' : ''}${code ? '`' : ''}` };
    }
    const outside = !bold && !code && i > 0;
    if (outside && text[i] === '\n') lastNewline = i;
    if (outside && text[i] === ' ') lastSpace = i;
    afterMarker = marker !== undefined;
    if (marker === '**') bold = !bold;
    if (marker === '`') code = !code;
    // Code spans show backslashes literally, so there a backslash escapes nothing.
    i += marker?.length ?? (code ? codePointLength(text, i) : unitLength(text, i));
  }
  const lastBreak = lastNewline >= budget / 2 ? lastNewline : Math.max(lastNewline, lastSpace);
  if (lastBreak >= budget / 2 || hardCut.at === 0) {
    const at = lastBreak > 0 ? lastBreak : budget;
    return { head: text.slice(0, at).trimEnd(), tail: text.slice(at).trimStart() };
  }
  return {
    head: `${text.slice(0, hardCut.at)}${hardCut.close}`,
    tail: `${hardCut.reopen}${text.slice(hardCut.at)}`,
  };
}

/**
 * The markup marker at position i, if any: `**` outside code spans, a backtick opening or closing a code span.
 * Escaped markers are never reached, because `unitLength` steps over an escape and its character together.
 */
function markerAt(text: string, i: number, inCode: boolean): '**' | '`' | undefined {
  if (text[i] === '`') return '`';
  return !inCode && text.startsWith('**', i) ? '**' : undefined;
}

/** Characters that must stay together: an escape and the character it escapes, a surrogate pair. */
function unitLength(text: string, i: number): number {
  if (text[i] === '\\' && i + 1 < text.length) return 1 + codePointLength(text, i + 1);
  return codePointLength(text, i);
}

/** 2 for a surrogate pair; a lone surrogate stands alone, so it cannot swallow the backtick after it. */
function codePointLength(text: string, i: number): number {
  return (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
}
