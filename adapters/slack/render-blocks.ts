import type { types } from '@slack/bolt';
import { APOLOGY, REPLY_CUT_SHORT } from '../../src/answer/phrases.ts';
import type { Action, CitationLine, Part, Reply } from '../../src/answer/reply.ts';
import { replyLines } from '../../src/answer/reply-text.ts';
import { isolate, isolateArabicRuns, isolateLatinRuns } from '../shared/bidi.ts';
import { splitCodeSpans } from '../shared/code-spans.ts';
import { safeCut, truncateToFit } from '../shared/truncate-text.ts';
import { BLOCK_LIMITS } from './block-limits.ts';
import { codeSpan, escapeText, linkOrLabel, neutralizeMrkdwn, userMention } from './escape-mrkdwn.ts';
import { quoteExcerpt } from './quote-excerpt.ts';

/**
 * Renders a core Reply (an answer, a status, a digest…) as a Slack message: Block Kit blocks plus the plain-text
 * fallback Slack shows in notifications and to screen readers. It maps each part to blocks and each action to
 * a button; the words are the core's. Pure: same Reply in, same message out.
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
  | types.ImageBlock
  | types.ActionsBlock;

/** What `chat.postMessage` and `respond()` need: blocks plus the fallback text. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** Files already uploaded for a reply's parts (see chart-upload.ts). */
export interface UploadedFiles {
  /** The Slack file id of the chart's PNG: the chart shows as an image block. Without it, as its words. */
  chart?: string | undefined;
}

/** `action_id`s of the buttons; each value is the query, which a click asks the core again. */
export const ACTION_IDS = {
  share: 'treaty_share',
  english: 'treaty_show_english',
  voteUp: 'treaty_feedback_up',
  voteDown: 'treaty_feedback_down',
} as const;
/** `block_id` of the row of buttons under a reply. */
const ACTIONS_BLOCK_ID = 'treaty_reply_actions';

/**
 * A run of blocks kept or dropped together. A `bulk` run (quotes, lists) may be cut when the message is full;
 * its `footer` (a citation) is kept even when the run is cut short. Other runs are always kept.
 */
interface BlockGroup {
  blocks: SlackBlock[];
  footer?: SlackBlock;
  bulk?: boolean;
}

const MAX_QUOTE_PIECE = BLOCK_LIMITS.sectionText - '> '.length;
/** The header, and the fallback text, of a reply without a word to show (a blank heading). */
const UNTITLED = 'Treaty bot';
/** Longest document title, publisher or locator shown, after escaping. */
const MAX_FIELD = 280;

/**
 * @example
 * const { text, blocks } = renderReply(bot.ask('entry-into-force', { platform: 'slack', privateReply: true }));
 * await respond({ response_type: 'ephemeral', text, blocks });
 */
export function renderReply(reply: Reply, files: UploadedFiles = {}): SlackMessage {
  const groups = reply.parts.map((part, i) => partGroup(part, reply.parts[i - 1], files));
  const buttons = reply.query ? reply.actions.flatMap((action) => actionButtons(action, reply.query)) : [];
  const tail: SlackBlock[] =
    buttons.length > 0 ? [{ type: 'actions', block_id: ACTIONS_BLOCK_ID, elements: buttons }] : [];
  return { text: fallbackText(reply), blocks: fitBlocks(groups, tail) };
}

/** The short apology for when answering failed; the details go to the log, never to the chat. */
export function apologyMessage(): SlackMessage {
  return { text: APOLOGY, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: APOLOGY } }] };
}

function partGroup(part: Part, previous: Part | undefined, files: UploadedFiles): BlockGroup {
  switch (part.type) {
    case 'heading':
      return { blocks: [header(part.text)] };
    case 'sharedBy':
      return { blocks: [context([`${line(part.label)} ${userMention(part.user)}`])] };
    case 'note': {
      const text = part.url ? linkOrLabel(part.url, line(part.text)) : lineWithCode(part.text);
      return { blocks: part.aside ? [context([text])] : sections([text]) };
    }
    case 'quote': {
      const quotes = quoteExcerpt(part.excerpt.text, part.excerpt.highlights, MAX_QUOTE_PIECE).map(
        (piece): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text: `> ${piece}` } }),
      );
      if (part.translation) {
        const label = `_${line(part.translation.label)}:_ `;
        quotes.push({
          type: 'section',
          text: { type: 'mrkdwn', text: label + line(part.translation.text, BLOCK_LIMITS.sectionText - label.length) },
        });
      }
      const cited = [`*${part.number}.* ${citationLine(part.citation)}`];
      if (part.alsoIn) cited.push(line(part.alsoIn));
      const divided = previous?.type === 'quote';
      return { blocks: [...(divided ? [divider()] : []), ...quotes], footer: context(cited), bulk: true };
    }
    case 'list': {
      const items = part.items.map((item) =>
        item.code ? `• ${codeSpan(item.code)} — ${lineWithCode(item.text)}` : `• ${lineWithCode(item.text)}`,
      );
      const blocks = sections([...(part.heading ? [`*${lineWithCode(part.heading)}*`] : []), ...items]);
      if (part.hint) blocks.push(context([lineWithCode(part.hint)]));
      return { blocks, bulk: true };
    }
    case 'progress': {
      const label = `*${line(part.label)}:* `;
      const rest = part.detail ? `${part.bar} (${part.detail})` : part.bar;
      return { blocks: [section(label + line(rest, BLOCK_LIMITS.sectionText - label.length))] };
    }
    case 'chart': {
      // The picture with its words as alt text (plain text, escaped like the header); without it, the words.
      const altText = truncateToFit(part.altText, BLOCK_LIMITS.imageAltText, escapeText);
      if (files.chart && altText.trim()) {
        return { blocks: [{ type: 'image', slack_file: { id: files.chart }, alt_text: altText }] };
      }
      return { blocks: [context([line(part.altText)])] };
    }
    case 'asOf':
      return { blocks: [context([line(part.text)])] };
  }
}

/** `title · publisher · date · locator · symbol`, the title linked when the document has a URL. */
function citationLine(citation: CitationLine): string {
  return [linkOrLabel(citation.url, field(citation.title)), ...citation.details.map(field)].join(' · ');
}

function actionButtons(action: Action, query: string): types.Button[] {
  // Every button carries the query: a click asks the core again for the same reply.
  const value = query.slice(0, safeCut(query, BLOCK_LIMITS.buttonValue));
  switch (action.type) {
    case 'share':
      return [button(ACTION_IDS.share, action.label, value)];
    case 'english':
      return [button(ACTION_IDS.english, action.label, value, action.description)];
    case 'vote':
      return [
        button(ACTION_IDS.voteUp, action.up.label, value, action.up.description),
        button(ACTION_IDS.voteDown, action.down.label, value, action.down.description),
      ];
  }
}

function button(actionId: string, text: string, value: string, label?: string): types.Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text, emoji: true },
    value,
    ...(label ? { accessibility_label: label } : {}),
  };
}

/**
 * Keeps every run but the bulk ones whole, and as much of the bulk runs as fits in the block limit, in order,
 * cutting at group ends; a note says that something was left out. When the runs always kept do not fit on their
 * own (a status with a line per subscribed channel), every run after the heading is cut the same way.
 */
function fitBlocks(groups: BlockGroup[], tail: SlackBlock[]): SlackBlock[] {
  const all = groups.flatMap(groupBlocks);
  if (all.length + tail.length <= BLOCK_LIMITS.blocks) return [...all, ...tail];
  const fitted = cutBulk(groups, tail);
  if (fitted.length <= BLOCK_LIMITS.blocks) return fitted;
  return cutBulk(
    groups.map((group, i) => (i === 0 ? group : { ...group, bulk: true })),
    tail,
  );
}

function cutBulk(groups: BlockGroup[], tail: SlackBlock[]): SlackBlock[] {
  const kept = groups.filter((group) => !group.bulk).flatMap(groupBlocks);
  // One block is kept free for the note saying that something was left out.
  let room = BLOCK_LIMITS.blocks - tail.length - kept.length - 1;
  const out: SlackBlock[] = [];
  let cut = false;
  for (const group of groups) {
    if (!group.bulk) {
      out.push(...groupBlocks(group));
      continue;
    }
    if (cut) continue;
    const blocks = groupBlocks(group);
    if (blocks.length <= room) {
      out.push(...blocks);
      room -= blocks.length;
      continue;
    }
    const space = room - (group.footer ? 1 : 0);
    const partial = group.blocks.slice(0, Math.max(0, space)).filter((block, i) => i > 0 || block.type !== 'divider');
    if (partial.some((block) => block.type !== 'divider'))
      out.push(...partial, ...(group.footer ? [group.footer] : []));
    out.push(context([line(REPLY_CUT_SHORT)]));
    cut = true;
  }
  return [...out, ...tail];
}

function groupBlocks(group: BlockGroup): SlackBlock[] {
  return group.footer ? [...group.blocks, group.footer] : group.blocks;
}

/** Lines packed into as few sections as the section limit allows. */
function sections(lines: readonly string[]): SlackBlock[] {
  const texts: string[] = [];
  for (const text of lines.map((each) => fitMrkdwn(each, BLOCK_LIMITS.sectionText))) {
    const last = texts.at(-1);
    if (last !== undefined && last.length + 1 + text.length <= BLOCK_LIMITS.sectionText) {
      texts[texts.length - 1] = `${last}\n${text}`;
    } else {
      texts.push(text);
    }
  }
  return texts.map(section);
}

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function header(title: string): SlackBlock {
  const text = truncateToFit(title.trim() || UNTITLED, BLOCK_LIMITS.headerText, (raw) =>
    escapeText(isolateLatinRuns(raw)),
  );
  return { type: 'header', text: { type: 'plain_text', text } };
}

function context(texts: readonly string[]): SlackBlock {
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

/** A line of the core's English as inert mrkdwn, its Arabic runs isolated so it stays left to right. */
function line(text: string, max: number = BLOCK_LIMITS.sectionText): string {
  return truncateToFit(text, max, (raw) => escapeText(isolateArabicRuns(neutralizeMrkdwn(raw))));
}

/** `line`, with the core's backtick pairs as real code spans (commands and crons that copy as typed). */
function lineWithCode(text: string, max: number = BLOCK_LIMITS.sectionText): string {
  return truncateToFit(text, max, (raw) =>
    splitCodeSpans(raw)
      .map((piece) => (piece.code ? codeSpan(piece.text) : escapeText(isolateArabicRuns(neutralizeMrkdwn(piece.text)))))
      .join(''),
  );
}

/** The plain-text version of the whole reply in the core's words, escaped, shown where blocks are not. */
function fallbackText(reply: Reply): string {
  // Only the beginning can fit; cutting first keeps a huge reply cheap to render.
  const raw = replyLines(reply)
    .join('\n')
    .slice(0, BLOCK_LIMITS.fallbackText + 1);
  const text = truncateToFit(raw, BLOCK_LIMITS.fallbackText, (text) =>
    escapeText(neutralizeMrkdwn(text.split('\n').map(isolateLatinRuns).join('\n'))),
  );
  // Slack wants a text beside the blocks: a reply without a word to show has the header's.
  return text.trim() ? text : UNTITLED;
}
