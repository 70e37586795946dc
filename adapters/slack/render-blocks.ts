import type { types } from '@slack/bolt';
import type { Citation, Excerpt, Reply, TopicSuggestion } from '../../src/answer/reply.ts';
import { isolate, isolateLatinRuns } from '../shared/bidi.ts';
import { splitCodeSpans } from '../shared/code-spans.ts';
import { showsTranslations, UNOFFICIAL_TRANSLATION } from '../shared/translation-label.ts';
import { safeCut, truncateToFit } from '../shared/truncate-text.ts';
import { BLOCK_LIMITS } from './block-limits.ts';
import { codeSpan, escapeText, linkOrLabel, neutralizeMrkdwn, userMention } from './escape-mrkdwn.ts';
import { quoteExcerpt } from './quote-excerpt.ts';

/**
 * Renders the core's Reply as a Slack message: Block Kit blocks plus the plain-text fallback Slack shows in
 * notifications and to screen readers. Pure: no I/O, same Reply in, same message out.
 *
 * Every string from a document or a user is escaped (no `<!channel>`, `<@U…>` or links can be injected),
 * Latin runs inside Arabic are bidi-isolated, and the message always fits Block Kit's limits.
 */

/** The blocks this renderer produces. */
export type SlackBlock =
  | types.HeaderBlock
  | types.SectionBlock
  | types.ContextBlock
  | types.DividerBlock
  | types.ActionsBlock;

/** What `chat.postMessage` and `respond()` need: blocks plus the fallback text. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

export interface RenderOptions {
  /** Adds the "Share in channel" button to answers (for the ephemeral replies to `/treaty`). */
  shareButton?: boolean;
  /** Adds 👍 / 👎 buttons to answers and no_answer replies (when a feedback recorder is configured). */
  feedbackButtons?: boolean;
  /** The Slack user id of whoever shared the reply publicly: adds "Shared by @user" under the title. */
  sharedBy?: string;
  /**
   * Shows each quote's unofficial English translation under it; default for an English question. An Arabic
   * answer offers a "Show in English" button instead.
   */
  english?: boolean;
}

/** `action_id` of the "Share in channel" button; its value is the query to answer again publicly. */
export const SHARE_ACTION_ID = 'treaty_share';
/** `action_id`s of the feedback buttons; their value is the query, asked again to record what was shown. */
export const FEEDBACK_UP_ACTION_ID = 'treaty_feedback_up';
export const FEEDBACK_DOWN_ACTION_ID = 'treaty_feedback_down';
/** `action_id` of the "Show in English" button under an Arabic answer; its value is the query. */
export const SHOW_ENGLISH_ACTION_ID = 'treaty_show_english';
/** `block_id` of the row of buttons under a reply. */
const ACTIONS_BLOCK_ID = 'treaty_reply_actions';

/** A run of blocks kept or dropped together; `footer` (a citation) is kept even when the run is cut short. */
export interface BlockGroup {
  blocks: SlackBlock[];
  footer?: SlackBlock;
}

const MAX_QUOTE_PIECE = BLOCK_LIMITS.sectionText - '> '.length;
/** Longest document title, publisher or topic title shown, after escaping. */
const MAX_FIELD = 280;
/** Citations listed under "Also in" before "and N more". */
const MAX_ALSO_IN = 3;
const TRIMMED_NOTICE = 'Part of this reply was left out to fit in one Slack message.';

/**
 * Renders a reply.
 *
 * @example
 * const { text, blocks } = renderReply(bot.ask('entry-into-force', { platform: 'slack' }), { shareButton: true });
 * await respond({ response_type: 'ephemeral', text, blocks });
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const head: SlackBlock[] = [header(reply.title)];
  if (options.sharedBy) head.push(context([`Shared by ${userMention(options.sharedBy)}`]));
  const tail: SlackBlock[] = [];
  // A no_answer's notice explains the topics below it, so it leads the body instead.
  if (reply.kind !== 'no_answer' && reply.notices.length > 0)
    tail.push(context(reply.notices.map((notice) => line(notice))));
  const buttons = replyButtons(reply, options);
  if (buttons.length > 0) tail.push({ type: 'actions', block_id: ACTIONS_BLOCK_ID, elements: buttons });
  const english = showsEnglish(reply, options);
  return { text: fallbackText(reply, english), blocks: fitBlocks(head, bodyGroups(reply, english), tail) };
}

function showsEnglish(reply: Reply, options: RenderOptions): boolean {
  return showsTranslations(reply, options.english);
}

/** A short apology for when answering failed; the details go to the log, never to the chat. */
export function apologyMessage(): SlackMessage {
  const text = 'Sorry, something went wrong while looking that up. Please try again in a moment.';
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

function bodyGroups(reply: Reply, english: boolean): BlockGroup[] {
  const groups: BlockGroup[] = [];
  if (reply.kind === 'no_answer' && reply.notices.length > 0)
    groups.push(...sections(reply.notices.map((notice) => line(notice))));
  if (reply.searchedTerms.length > 0) groups.push({ blocks: [searchedTermsBlock(reply.searchedTerms)] });
  reply.excerpts.forEach((excerpt, i) => {
    groups.push(excerptGroup(excerpt, i, reply.lang, i > 0, english));
  });
  if (reply.help.length > 0) {
    groups.push(
      ...sections(reply.help.map((help) => `${codeSpan(`/treaty ${help.command}`)} — ${line(help.description)}`)),
    );
  }
  for (const status of reply.statusLines) groups.push(...sections([lineWithCode(status)]));
  if (reply.suggestions.length > 0) {
    const heading =
      reply.kind === 'help' ? '*Examples*' : reply.kind === 'no_answer' ? '*Topics you can ask about*' : '*Topics*';
    groups.push(...sections([heading, ...reply.suggestions.map(topicLine)]));
    groups.push({
      blocks: [context(['Ask about one with `/treaty &lt;topic&gt;`, e.g. `/treaty entry-into-force`.'])],
    });
  }
  return groups;
}

function excerptGroup(
  excerpt: Excerpt,
  index: number,
  lang: Reply['lang'],
  divided: boolean,
  english: boolean,
): BlockGroup {
  const quotes = quoteExcerpt(excerpt.text, excerpt.highlights, MAX_QUOTE_PIECE).map(
    (piece): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text: `> ${piece}` } }),
  );
  if (english && excerpt.translation) {
    const label = `_${UNOFFICIAL_TRANSLATION}:_ `;
    quotes.push({
      type: 'section',
      text: { type: 'mrkdwn', text: label + line(excerpt.translation, BLOCK_LIMITS.sectionText - label.length) },
    });
  }
  const cited = [`*${index + 1}.* ${citationLine(excerpt.citation, lang)}`];
  if (excerpt.alsoIn.length > 0) cited.push(alsoInLine(excerpt.alsoIn, lang));
  return { blocks: [...(divided ? [divider()] : []), ...quotes], footer: context(cited) };
}

/** `title · publisher · date · locator · symbol`, the title linked when the document has a URL. */
function citationLine(citation: Citation, lang: Reply['lang']): string {
  const title = linkOrLabel(citation.url, field(citation.title[lang]));
  const parts = [title, field(citation.publisher[lang]), field(citation.date), field(citation.locator)];
  if (citation.symbol) parts.push(field(citation.symbol));
  return parts.join(' · ');
}

function alsoInLine(alsoIn: readonly Citation[], lang: Reply['lang']): string {
  const shown = alsoIn.slice(0, MAX_ALSO_IN).map((twin) => `${field(twin.title[lang])}, ${field(twin.locator)}`);
  const more = alsoIn.length > MAX_ALSO_IN ? ` and ${alsoIn.length - MAX_ALSO_IN} more` : '';
  return `Also in: ${shown.join('; ')}${more}`;
}

function searchedTermsBlock(terms: readonly string[]): SlackBlock {
  const prefix = 'Searched the Arabic text for: ';
  let text = prefix;
  for (const [i, term] of terms.entries()) {
    const next = `${i > 0 ? ', ' : ''}${field(term)}`;
    if (text.length + next.length > BLOCK_LIMITS.contextText - 1) break;
    text += next;
  }
  return context([text]);
}

/** `` `slug` — English title · Arabic title ``. */
function topicLine(topic: TopicSuggestion): string {
  return `• ${codeSpan(topic.slug)} — ${field(topic.title.en)} · ${field(topic.title.ar)}`;
}

type ButtonElement = types.Button;

/** Share (ephemeral answers only), then 👍 / 👎 (answers and no_answer replies), in one actions block. */
function replyButtons(reply: Reply, options: RenderOptions): ButtonElement[] {
  if (!reply.query) return [];
  // Both kinds of listener need only the query: they ask the core again for the same reply.
  const value = buttonValue(reply.query);
  const buttons: ButtonElement[] = [];
  if (options.shareButton && reply.kind === 'answer') {
    buttons.push(button(SHARE_ACTION_ID, 'Share in channel', value));
  }
  if (!showsEnglish(reply, options) && reply.excerpts.some((excerpt) => excerpt.translation)) {
    buttons.push(button(SHOW_ENGLISH_ACTION_ID, 'Show in English', value, 'Show the unofficial English translation'));
  }
  if (options.feedbackButtons && (reply.kind === 'answer' || reply.kind === 'no_answer')) {
    buttons.push(
      button(FEEDBACK_UP_ACTION_ID, '👍', value, 'This reply helped'),
      button(FEEDBACK_DOWN_ACTION_ID, '👎', value, 'This reply did not help'),
    );
  }
  return buttons;
}

/** The query as a button value, cut to Slack's limit without splitting a surrogate pair. */
function buttonValue(query: string): string {
  return query.slice(0, safeCut(query, BLOCK_LIMITS.buttonValue));
}

function button(actionId: string, text: string, value: string, label?: string): ButtonElement {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text, emoji: true },
    value,
    ...(label ? { accessibility_label: label } : {}),
  };
}

/** Keeps head and tail whole and as much of the body as fits in the block limit, cutting at group ends. */
function fitBlocks(head: SlackBlock[], groups: BlockGroup[], tail: SlackBlock[]): SlackBlock[] {
  const all = groups.flatMap(groupBlocks);
  if (head.length + all.length + tail.length <= BLOCK_LIMITS.blocks) return [...head, ...all, ...tail];
  // One block is kept free for the note saying that something was left out.
  const room = BLOCK_LIMITS.blocks - head.length - tail.length - 1;
  const kept: SlackBlock[] = [];
  for (const group of groups) {
    const blocks = groupBlocks(group);
    if (kept.length + blocks.length <= room) {
      kept.push(...blocks);
      continue;
    }
    const space = room - kept.length - (group.footer ? 1 : 0);
    const partial = group.blocks.slice(0, space).filter((block, i) => i > 0 || block.type !== 'divider');
    if (partial.some((block) => block.type !== 'divider')) {
      kept.push(...partial, ...(group.footer ? [group.footer] : []));
    }
    break;
  }
  return [...head, ...kept, context([TRIMMED_NOTICE]), ...tail];
}

function groupBlocks(group: BlockGroup): SlackBlock[] {
  return group.footer ? [...group.blocks, group.footer] : group.blocks;
}

/** Lines packed into as few sections as the section limit allows. */
export function sections(lines: readonly string[]): BlockGroup[] {
  const texts: string[] = [];
  for (const text of lines.map((each) => fitMrkdwn(each, BLOCK_LIMITS.sectionText))) {
    const last = texts.at(-1);
    if (last !== undefined && last.length + 1 + text.length <= BLOCK_LIMITS.sectionText) {
      texts[texts.length - 1] = `${last}\n${text}`;
    } else {
      texts.push(text);
    }
  }
  return texts.map((text) => ({ blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] }));
}

export function header(title: string): SlackBlock {
  const text = truncateToFit(title.trim() || 'Treaty bot', BLOCK_LIMITS.headerText, (raw) =>
    escapeText(isolateLatinRuns(raw)),
  );
  return { type: 'header', text: { type: 'plain_text', text } };
}

export function context(texts: readonly string[]): SlackBlock {
  return {
    type: 'context',
    elements: texts
      .slice(0, BLOCK_LIMITS.contextElements)
      .map((text) => ({ type: 'mrkdwn', text: fitMrkdwn(text, BLOCK_LIMITS.contextText) })),
  };
}

function divider(): SlackBlock {
  return { type: 'divider' };
}

/**
 * Our own mrkdwn lines are built from fields already capped well under the limits; this is the last guard,
 * cutting at a line break or space so no entity, link or marker pair is split.
 */
function fitMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = Math.max(text.lastIndexOf('\n', max - 1), text.lastIndexOf(' ', max - 1));
  return `${text.slice(0, cut > 0 ? cut : safeCut(text, max - 1)).replace(/&[a-z]*$/, '')}…`;
}

/** A document or user string as one inert mrkdwn field, isolated from the text around it. */
function field(text: string): string {
  return truncateToFit(text, MAX_FIELD, (raw) => escapeText(isolate(neutralizeMrkdwn(raw))));
}

/** A whole line of core or user text as inert mrkdwn, Latin runs isolated when the line is Arabic. */
export function line(text: string, max: number = BLOCK_LIMITS.sectionText): string {
  return truncateToFit(text, max, (raw) => escapeText(isolateLatinRuns(neutralizeMrkdwn(raw))));
}

/** `line`, with the core's backtick pairs as real code spans (commands and crons that copy as typed). */
function lineWithCode(text: string, max: number = BLOCK_LIMITS.sectionText): string {
  return truncateToFit(text, max, (raw) =>
    splitCodeSpans(raw)
      .map((piece) => (piece.code ? codeSpan(piece.text) : escapeText(isolateLatinRuns(neutralizeMrkdwn(piece.text)))))
      .join(''),
  );
}

/** The plain-text version of the whole reply, escaped, shown where blocks are not (notifications). */
function fallbackText(reply: Reply, english: boolean): string {
  const lines = [reply.title.trim() || 'Treaty bot'];
  reply.excerpts.forEach((excerpt, i) => {
    const quote = excerpt.text.replace(/\s+/g, ' ').trim();
    lines.push(`${i + 1}. «${quote}» — ${excerpt.citation.title[reply.lang]}, ${excerpt.citation.locator}`);
    if (english && excerpt.translation) lines.push(`${UNOFFICIAL_TRANSLATION}: ${excerpt.translation}`);
  });
  if (reply.searchedTerms.length > 0) lines.push(`Searched the Arabic text for: ${reply.searchedTerms.join(', ')}`);
  for (const help of reply.help) lines.push(`/treaty ${help.command} — ${help.description}`);
  lines.push(...reply.statusLines);
  for (const topic of reply.suggestions) lines.push(`${topic.slug} — ${topic.title.en} · ${topic.title.ar}`);
  lines.push(...reply.notices);
  // Only the beginning can fit; cutting first keeps a huge reply cheap to render.
  const raw = lines.join('\n').slice(0, BLOCK_LIMITS.fallbackText + 1);
  return truncateToFit(raw, BLOCK_LIMITS.fallbackText, (text) =>
    escapeText(neutralizeMrkdwn(text.split('\n').map(isolateLatinRuns).join('\n'))),
  );
}
