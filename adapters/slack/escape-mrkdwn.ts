/**
 * Escaping for Slack text. Slack treats `&`, `<` and `>` as control characters: `<!channel>`, `<@U123>`,
 * `<https://x|label>` become pings and links. Every string that comes from a document or a user goes
 * through `escapeText` so neither can ping a channel or forge a link; Slack shows the entities as the
 * characters themselves.
 */

import { stripTagCharacters } from '../../src/text/invisible.ts';
import { isHttpUrl } from '../shared/http-url.ts';

/**
 * Replaces `&`, `<`, `>` with `&amp;`, `&lt;`, `&gt;` (and nothing else, as Slack asks), and drops Unicode tag
 * characters, which would carry invisible text.
 */
export function escapeText(text: string): string {
  return stripTagCharacters(text).replace(/[&<>]/g, (char) => ENTITIES[char] ?? char);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

// mrkdwn has no backslash escape, so its formatting characters are swapped for look-alikes that Slack does
// not interpret. One UTF-16 unit each, so offsets into the text (highlights) stay valid.
const MRKDWN_LOOKALIKES: Record<string, string> = {
  '*': '\u2217', // ∗ asterisk operator
  _: '\u02CD', // ˍ modifier letter low macron
  '~': '\u223C', // ∼ tilde operator
  '`': '\u02CB', // ˋ modifier letter grave accent
};

/**
 * Makes quoted or user-supplied text inert in mrkdwn: no bold/italic/strike/code from stray `*`, `_`, `~`,
 * backticks (a document's own `*Title*` must not collide with our highlights), and no pings or links.
 * Keeps the length of the text before escaping, so apply it before `escapeText`.
 */
export function neutralizeMrkdwn(text: string): string {
  return text.replace(/[*_~`]/g, (char) => MRKDWN_LOOKALIKES[char] ?? char);
}

/**
 * A real code span for something the user can type (a command, a cron, a slug): mrkdwn is not read inside one,
 * so `*` and `_` stay themselves and copy as typed; `&`, `<`, `>` are still escaped, so nothing in it can ping
 * or link. A backtick, which would end the span, is the only character swapped for its look-alike.
 */
export function codeSpan(text: string): string {
  return `\`${escapeText(text.replace(/`/g, MRKDWN_LOOKALIKES['`'] ?? "'"))}\``;
}

/**
 * A user mention we write ourselves (`Shared by <@U…>`). Only a well-formed Slack user id from Slack's own
 * payload is turned into a mention; anything else is shown as escaped text.
 */
export function userMention(userId: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : escapeText(userId);
}

/**
 * A link `<url|label>` when the URL is a plain http(s) URL without Slack control characters, else just the
 * label. The label must already be escaped.
 */
export function linkOrLabel(url: string | undefined, escapedLabel: string): string {
  // `<`, `>` and `|` delimit Slack's link syntax.
  if (!isHttpUrl(url) || /[<>|]/.test(url)) return escapedLabel;
  return `<${escapeText(url)}|${escapedLabel}>`;
}
