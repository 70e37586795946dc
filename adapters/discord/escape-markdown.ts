/**
 * Makes document and user text render literally in Discord: markdown is escaped and mention syntax is broken with
 * a zero-width space. `allowedMentions: { parse: [] }` already stops pings; neutralizing the text as well keeps a
 * quoted `<@&123>` from rendering as a role pill and keeps the text safe if it is ever sent without that option.
 */
import { stripTagCharacters } from '../../src/text/invisible.ts';
import { isHttpUrl } from '../shared/http-url.ts';

const ZERO_WIDTH_SPACE = '\u200B';

// Characters that start or end inline markdown anywhere in a line: bold/italic, underline, strike, code, spoiler,
// masked links; the backslash first so our own escapes are not doubled.
const INLINE_MARKDOWN = /[\\*_~`|[\]]/g;
// Constructs that only count at the start of a line (headings, subtext `-#`, quotes, lists). Bidi isolates and
// spaces may precede them and the line still starts a block, so they are skipped over.
const LINE_START_MARKER = /^([\s\u2066-\u2069]*)([-+>#])/gm;
const LINE_START_NUMBER = /^([\s\u2066-\u2069]*)(\d+)([.)])/gm;

// `@everyone` / `@here`, and `<@id>`, `<@!id>`, `<@&id>`, `<#id>`, `</cmd:id>`, `<:emoji:id>`, `<t:…>`, `<id:…>`.
const BROADCAST = /@(everyone|here)/gi;
const ANGLE_MARKUP = /<(?=[@#:/]|\w+:)/g;

/** Escapes Discord markdown so `text` shows as typed. Idempotent on line starts, not on inline characters. */
export function escapeMarkdown(text: string): string {
  return escapeLineStarts(escapeInline(text));
}

/**
 * Escapes the markdown characters that act anywhere in a line; for pieces of a line whose start is elsewhere.
 * Drops Unicode tag characters, which would carry invisible text.
 */
export function escapeInline(text: string): string {
  return stripTagCharacters(text).replace(INLINE_MARKDOWN, '\\$&');
}

/** Escapes only what turns a line into a block (heading, quote, list), on every line. */
export function escapeLineStarts(text: string): string {
  return text.replace(LINE_START_MARKER, '$1\\$2').replace(LINE_START_NUMBER, '$1$2\\$3');
}

/**
 * Escapes a block marker at the very start of `text` only (adds at most one character). A chunk cut from a long
 * text can begin with a `-` or `1.` that was mid-line before; its other lines were escaped with the whole text.
 */
export function escapeTextStart(text: string): string {
  return text.replace(FIRST_LINE_MARKER, '$1\\$2').replace(FIRST_LINE_NUMBER, '$1$2\\$3');
}

const FIRST_LINE_MARKER = new RegExp(LINE_START_MARKER.source);
const FIRST_LINE_NUMBER = new RegExp(LINE_START_NUMBER.source);

/** Breaks `@everyone`, `@here` and `<@…>`-style mentions so Discord shows them as plain text. */
export function neutralizeMentions(text: string): string {
  return text.replace(BROADCAST, `@${ZERO_WIDTH_SPACE}$1`).replace(ANGLE_MARKUP, `<${ZERO_WIDTH_SPACE}`);
}

/**
 * Text for an inline code span: code spans show backslashes literally, so backticks are swapped, not escaped.
 * Mentions are broken as everywhere else: a span cut by a split or misread by Discord must not ping anyone.
 * An empty span would be read as a double backtick opening a span that runs to the next one, so it holds a
 * zero-width space instead.
 */
export function inlineCode(text: string): string {
  return `\`${neutralizeMentions(stripTagCharacters(text).replace(/`/g, 'ˋ')) || ZERO_WIDTH_SPACE}\``;
}

/**
 * A masked link `[label](url)` when the URL is a clean http(s) URL Discord's link syntax can hold, else just the
 * label. The label must already be escaped.
 *
 * @example linkOrLabel('https://example.org/doc_(1)', 'Title') // '[Title](https://example.org/doc_%281%29)'
 */
export function linkOrLabel(url: string | undefined, escapedLabel: string): string {
  // Discord takes `<…>` around a link target as brackets and ends the target at a backslash; a link needs a label.
  if (!isHttpUrl(url) || /[<>\\]/.test(url) || escapedLabel.trim() === '') return escapedLabel;
  return `[${escapedLabel}](${url.replace(LINK_TARGET_MARKUP, percentEncode)})`;
}

// A parenthesis would end the target early; `*` and backticks would be read as bold and code spans by code that
// reads the markdown without knowing links (`splitMarkdown`). Servers read them the same percent-encoded.
const LINK_TARGET_MARKUP = /[()*`]/g;

function percentEncode(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase()}`;
}
