/**
 * What the fuzz properties assert about a rendered message, as a list of problems (empty when the message is
 * fine), so a failing case reports every broken rule at once instead of the first `expect`.
 */
import { EMBED_LIMITS, embedLength, type RenderedMessage } from '../../../adapters/discord/embed-limits.ts';
import { BLOCK_LIMITS } from '../../../adapters/slack/block-limits.ts';
import { escapeText } from '../../../adapters/slack/escape-mrkdwn.ts';
import type { SlackMessage } from '../../../adapters/slack/render-blocks.ts';
import type { Reply } from '../../../src/answer/reply.ts';

/** Slack's own cap on a message's top-level `text`; the renderer keeps it far shorter. */
const SLACK_TEXT_MAX = 40_000;

/** Marks an empty header, section or fallback text, which Slack rejects (`truncateToFit` once produced them). */
export const EMPTY_TEXT = 'EMPTY:';

/** The empty-text problems only. */
export const onlyEmptyText = (problems: readonly string[]) =>
  problems.filter((problem) => problem.startsWith(EMPTY_TEXT));

/** The URLs of the quotes' citations, which renderers may link. */
function quoteUrls(reply: Reply): string[] {
  return reply.parts.flatMap((part) => (part.type === 'quote' && part.citation.url ? [part.citation.url] : []));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The links the Slack renderer may write itself: a citation title linked to a clean http(s) URL. */
export function slackLinkPrefixes(reply: Reply): string[] {
  return quoteUrls(reply)
    .filter((url): url is string => url !== undefined && /^https?:\/\/[^\s<>|]+$/.test(url))
    .map((url) => `<${escapeText(url)}|`);
}

/**
 * Slack: Block Kit limits hold, the fallback text is there, and no displayed string has an unescaped `<`, `>` or
 * `&` (so no `<!channel>`, `<@U…>`, `<#C…>` or forged link), apart from the renderer's own citation links
 * (`linkPrefixes`) and the `Shared by <@U…>` mention of a well-formed user id.
 */
export function slackProblems(message: SlackMessage, linkPrefixes: readonly string[], sharedBy?: string): string[] {
  const problems: string[] = [];
  const displayed: Array<{ where: string; text: string }> = [{ where: 'fallback', text: message.text }];
  if (message.text.length === 0) problems.push(`${EMPTY_TEXT} fallback text`);
  if (message.text.length > BLOCK_LIMITS.fallbackText || message.text.length > SLACK_TEXT_MAX) {
    problems.push(`fallback text has ${message.text.length} chars`);
  }
  if (message.blocks.length > BLOCK_LIMITS.blocks) problems.push(`${message.blocks.length} blocks`);
  for (const [i, block] of message.blocks.entries()) {
    switch (block.type) {
      case 'header':
        if (block.text.text.length > BLOCK_LIMITS.headerText)
          problems.push(`header ${i} has ${block.text.text.length} chars`);
        if (block.text.text.length === 0) problems.push(`${EMPTY_TEXT} header ${i}`);
        displayed.push({ where: `header ${i}`, text: block.text.text });
        break;
      case 'section': {
        const text = block.text?.text ?? '';
        if (text.length > BLOCK_LIMITS.sectionText) problems.push(`section ${i} has ${text.length} chars`);
        // A quote's leading `> ` is the renderer's own mrkdwn.
        displayed.push({ where: `section ${i}`, text: text.replace(/^> /, '') });
        break;
      }
      case 'context':
        if (block.elements.length > BLOCK_LIMITS.contextElements) {
          problems.push(`context ${i} has ${block.elements.length} elements`);
        }
        for (const element of block.elements) {
          const text = 'text' in element && typeof element.text === 'string' ? element.text : '';
          if (text.length > BLOCK_LIMITS.contextText) problems.push(`context ${i} element has ${text.length} chars`);
          displayed.push({ where: `context ${i}`, text });
        }
        break;
      case 'actions':
        for (const element of block.elements) {
          if (element.type !== 'button') continue;
          if (element.text.text.length > BLOCK_LIMITS.buttonText) problems.push(`button label in block ${i}`);
          if ((element.value ?? '').length > BLOCK_LIMITS.buttonValue) {
            problems.push(`button value of ${(element.value ?? '').length} chars in block ${i}`);
          }
          displayed.push({ where: `button ${i}`, text: element.text.text });
        }
        break;
      case 'image':
        if (block.alt_text.length > BLOCK_LIMITS.imageAltText) problems.push(`image ${i} alt text too long`);
        if (block.alt_text.trim().length === 0) problems.push(`${EMPTY_TEXT} image ${i} alt text`);
        displayed.push({ where: `image ${i}`, text: block.alt_text });
        break;
      case 'divider':
        break;
    }
  }
  const own = [
    ...linkPrefixes.map((prefix) => new RegExp(`${escapeRegExp(prefix)}[^<>]*>`, 'g')),
    ...(sharedBy && /^[UW][A-Z0-9]{2,}$/.test(sharedBy) ? [new RegExp(escapeRegExp(`<@${sharedBy}>`), 'g')] : []),
  ];
  for (const { where, text } of displayed) {
    const rest = own.reduce((left, pattern) => left.replace(pattern, ''), text);
    if (rest.includes('<')) problems.push(`${where}: unescaped < in ${JSON.stringify(rest)}`);
    if (rest.includes('>')) problems.push(`${where}: unescaped > in ${JSON.stringify(rest)}`);
    if (/&(?!amp;|lt;|gt;)/.test(rest)) problems.push(`${where}: unescaped & in ${JSON.stringify(rest)}`);
  }
  return problems;
}

/**
 * The text Discord would render outside inline code spans (where mentions and markdown are shown literally):
 * escaped characters are kept, code spans are dropped. A backtick opens a span only where Discord's inline code
 * rule (simple-markdown's, below) matches; a run of backticks needs as many to close it, so an empty span "``"
 * opens a span that runs to the next double backtick, or a single one that runs to the next backtick.
 */
export function outsideCode(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    const span = char === '`' ? INLINE_CODE.exec(text.slice(i)) : null;
    if (char === '\\') {
      out += text.slice(i, i + 2);
      i += 2;
    } else if (span) {
      out += ' ';
      i += span[0].length;
    } else {
      out += char;
      i += 1;
    }
  }
  return out;
}

/** simple-markdown's inline code rule, which Discord's parser is built on. */
const INLINE_CODE = /^(`+)([\s\S]*?[^`])\1(?!`)/;

/** A live broadcast or `<@…>`, `<@&…>`, `<#…>` mention: what neutralizing with a zero-width space must break. */
const LIVE_MENTION = /@(everyone|here)|<@|<#/i;
/** A masked link `[…](…)`: a `]` that no backslash escapes, right before `(`. */
const LIVE_LINK = /(?:^|[^\\])(?:\\\\)*\]\(/;
/** A backtick that no backslash escapes and no code span holds: what is left of a code span cut in two. */
const STRAY_BACKTICK = /(?:^|[^\\])(?:\\\\)*`/;

/** The markdown link targets the Discord renderer writes for citation titles, as `](…)`. */
export function discordLinkTargets(reply: Reply): string[] {
  return quoteUrls(reply).flatMap((url) =>
    // Only a clean http(s) URL makes a link whose target Discord hides; anything else shows as typed. Looser
    // than the renderer's check: a target expected here but not written is harmless.
    /^https?:\/\/[^\s<>\\]+$/i.test(url)
      ? [`](${url.replace(/[()*`]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)})`]
      : [],
  );
}

/**
 * Discord: every message has 1–10 embeds and at most 6000 characters, every embed text is within its limit, no
 * field value is empty, and no displayed text (outside code spans and the renderer's own link targets) holds a
 * live mention, a masked link or an unclosed code span.
 * Footers are checked for length only: Discord shows footer text literally, without mentions or markdown.
 */
export function discordProblems(messages: readonly RenderedMessage[], linkTargets: readonly string[]) {
  const problems: string[] = [];
  for (const [m, message] of messages.entries()) {
    const { embeds } = message;
    // A picture is shown by the message that carries its file, with alt text within the limit.
    const names = new Set((message.files ?? []).map((file) => file.name));
    for (const file of message.files ?? []) {
      if (file.description.length > EMBED_LIMITS.attachmentDescription) problems.push(`message ${m} alt text too long`);
    }
    for (const embed of embeds) {
      const shown = embed.image?.url.replace(/^attachment:\/\//, '');
      if (shown !== undefined && !names.has(shown)) problems.push(`message ${m} shows ${shown} without its file`);
    }
    if (embeds.length === 0 || embeds.length > EMBED_LIMITS.embedsPerMessage) {
      problems.push(`message ${m} has ${embeds.length} embeds`);
    }
    const total = embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
    if (total > EMBED_LIMITS.charactersPerMessage) problems.push(`message ${m} has ${total} chars`);
    for (const [e, embed] of embeds.entries()) {
      const at = `message ${m} embed ${e}`;
      const displayed: Array<[string, string]> = [];
      if (embedLength(embed) === 0) problems.push(`${at} is empty`);
      if (embed.title !== undefined) {
        if (embed.title.length > EMBED_LIMITS.title) problems.push(`${at} title has ${embed.title.length} chars`);
        displayed.push(['title', embed.title]);
      }
      if (embed.description !== undefined) {
        if (embed.description.length > EMBED_LIMITS.description) {
          problems.push(`${at} description has ${embed.description.length} chars`);
        }
        displayed.push(['description', embed.description]);
      }
      if ((embed.footer?.text.length ?? 0) > EMBED_LIMITS.footerText) problems.push(`${at} footer too long`);
      if ((embed.fields?.length ?? 0) > EMBED_LIMITS.fields) problems.push(`${at} has ${embed.fields?.length} fields`);
      for (const field of embed.fields ?? []) {
        if (field.name.length > EMBED_LIMITS.fieldName || field.name.length === 0) {
          problems.push(`${at} field name has ${field.name.length} chars`);
        }
        if (field.value.length > EMBED_LIMITS.fieldValue || field.value.trim().length === 0) {
          problems.push(`${at} field value has ${field.value.length} chars`);
        }
        displayed.push(['field name', field.name], ['field value', field.value]);
      }
      for (const [where, text] of displayed) {
        const rest = outsideCode(linkTargets.reduce((left, target) => left.split(target).join(']'), text));
        const live = LIVE_MENTION.exec(rest);
        if (live) problems.push(`${at} ${where}: live ${JSON.stringify(live[0])} in ${JSON.stringify(rest)}`);
        if (LIVE_LINK.test(rest)) problems.push(`${at} ${where}: unescaped link in ${JSON.stringify(rest)}`);
        if (STRAY_BACKTICK.test(rest)) problems.push(`${at} ${where}: unclosed code span in ${JSON.stringify(rest)}`);
      }
    }
  }
  return problems;
}
