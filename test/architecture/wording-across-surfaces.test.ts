import { describe, expect, it } from 'vitest';
import { renderText } from '../../adapters/console/render-text.ts';
import { actionRows } from '../../adapters/discord/buttons/action-rows.ts';
import { QueryCustomIds } from '../../adapters/discord/buttons/query-custom-ids.ts';
import type { ListenerContext } from '../../adapters/discord/listener-context.ts';
import {
  type RenderedMessage,
  renderReply as renderDiscord,
  renderOneMessage,
} from '../../adapters/discord/render-embeds.ts';
import { renderReply as renderSlack, type SlackMessage } from '../../adapters/slack/render-blocks.ts';
import { digestReply } from '../../src/answer/digest-reply.ts';
import type { Part, Reply } from '../../src/answer/reply.ts';
import { statusReply } from '../../src/answer/status-reply.ts';
import { withStatusChart } from '../../src/chart/with-status-chart.ts';
import { createTreatyBot } from '../../src/create-treaty-bot.ts';
import { FeedbackRecorder } from '../../src/feedback/feedback-recorder.ts';
import { silentLogger } from '../../src/logger.ts';
import { diffSnapshots } from '../../src/status/diff-snapshots.ts';
import { openStore } from '../../src/store/open-store.ts';
import { buildDigest } from '../../src/tracker/digest.ts';
import { fixtureSnapshot } from '../status/support/snapshots.ts';

/**
 * The core words every reply; each surface only renders. For the same answer, no-answer, help, status and digest,
 * every string the core wrote must appear, as written, in the plain text of the Slack, Discord and console
 * renderings: a surface that words a part its own way (another title, another separator inside a phrase, a label
 * of its own) fails here.
 */

const bot = createTreatyBot({
  logger: silentLogger,
  feedback: new FeedbackRecorder(openStore(':memory:', silentLogger).feedback),
});
const before = fixtureSnapshot('signatures-only.xml', '2026-03-01T09:00:00Z');
const after = fixtureSnapshot('consents.xml', '2026-04-02T14:00:00Z');

// A status and a digest as the surfaces that show images get them: with the progress chart.
const charted = (reply: Reply) => withStatusChart({ ...reply, snapshot: after }, silentLogger);

const replies: Array<[string, Reply]> = [
  ['an Arabic answer', bot.ask('متى تدخل الاتفاقية حيز النفاذ؟', { platform: 'slack', privateReply: true })],
  ['an English answer', bot.ask('Which articles cover extradition?', { platform: 'discord', privateReply: true })],
  ['a no-answer', bot.ask('ما هي ميزانية مكتب الأمم المتحدة المعني بالمخدرات والجريمة؟', { platform: 'slack' })],
  ['help', bot.ask('help', { platform: 'discord' })],
  [
    'a status',
    await charted(
      statusReply({ snapshot: after, recentChanges: diffSnapshots(before, after) }, 'status', 'en', { share: true }),
    ),
  ],
  [
    'a digest',
    await charted(
      digestReply(
        buildDigest({ changes: diffSnapshots(before, after), snapshot: after, since: '2026-03-01T09:00:00Z' }),
      ),
    ),
  ],
];

/** Every string the core wrote for a part, as a reader should find it (backticks only mark code). */
function coreWords(part: Part): string[] {
  switch (part.type) {
    case 'heading':
      return [part.text];
    case 'sharedBy':
      return [part.label];
    case 'note':
      return [part.text];
    case 'quote':
      return [
        part.excerpt.text,
        part.citation.title,
        ...part.citation.details,
        ...(part.alsoIn ? [part.alsoIn] : []),
        ...(part.translation ? [part.translation.label, part.translation.text] : []),
      ];
    case 'list':
      return [
        ...(part.heading ? [part.heading] : []),
        ...part.items.flatMap((item) => [...(item.code ? [item.code] : []), item.text]),
        ...(part.hint ? [part.hint] : []),
      ];
    case 'progress':
      return [part.label, part.bar, ...(part.detail ? [part.detail] : [])];
    case 'chart':
      return [part.altText];
    case 'asOf':
      return [part.text];
  }
}

/** What a reader sees once markup is gone: no marks, isolates or escapes, white space folded. */
function readable(text: string): string {
  return text
    .replace(/[\u2068\u2069\u200B]/g, '')
    .replace(/`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function slackText(message: SlackMessage): string {
  const texts = message.blocks.flatMap((block) => {
    if (block.type === 'header') return [block.text.text];
    if (block.type === 'section') return [block.text?.text ?? ''];
    if (block.type === 'context') return block.elements.map((element) => ('text' in element ? element.text : ''));
    if (block.type === 'actions') return block.elements.map((element) => ('text' in element ? element.text?.text : ''));
    if (block.type === 'image') return [block.alt_text];
    return [];
  });
  return texts
    .join('\n')
    .replace(/<https?:[^|>]*\|([^>]*)>/g, '$1')
    .replace(/^> /gm, '')
    .replace(/(^|[\s(])[*_]|[*_](?=[\s:).]|$)/gm, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function discordText(messages: readonly RenderedMessage[], buttons: string[]): string {
  const texts = messages.flatMap((message) => [
    message.content ?? '',
    // An image's words are its attachment's description (alt text).
    ...(message.files ?? []).map((file) => file.description),
    ...message.embeds.flatMap((embed) => [
      embed.title ?? '',
      embed.description ?? '',
      ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
      embed.footer?.text ?? '',
    ]),
  ]);
  return [...texts, ...buttons]
    .join('\n')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/\\(.)/g, '$1');
}

function discordButtons(reply: Reply): string[] {
  const context = { customIds: new QueryCustomIds() } as unknown as ListenerContext;
  return actionRows(context, reply).flatMap((row) =>
    row.components.map((button) => {
      const data = button.toJSON() as { label?: string; emoji?: { name?: string } };
      return data.label ?? data.emoji?.name ?? '';
    }),
  );
}

describe('the same reply on every surface', () => {
  it.each(replies)('%s: Slack, Discord and the console show every word the core wrote', (_, reply) => {
    const words = reply.parts.flatMap(coreWords).map(readable);
    const labels = reply.actions.flatMap((action) =>
      action.type === 'vote' ? [action.up.label, action.down.label] : [action.label],
    );
    const surfaces = {
      // The chart as Slack shows it in a channel: an image block of the uploaded file, its words as alt text.
      slack: readable(slackText(renderSlack(reply, { chart: 'F0CHART0PNG' }))),
      discord: readable(
        discordText(reply.kind === 'digest' ? [renderOneMessage(reply)] : renderDiscord(reply), discordButtons(reply)),
      ),
      console: readable(renderText(reply)),
    };
    for (const [surface, text] of Object.entries(surfaces)) {
      const missing = words.filter((word) => !text.includes(word));
      expect({ surface, missing }).toEqual({ surface, missing: [] });
    }
    // The console has no buttons; the chat platforms show every action the core offers, labelled in its words.
    for (const surface of ['slack', 'discord'] as const) {
      expect({ surface, missing: labels.filter((label) => !surfaces[surface].includes(label)) }).toEqual({
        surface,
        missing: [],
      });
    }
  });

  it('covers every kind of part and action', () => {
    const parts = new Set(replies.flatMap(([, reply]) => reply.parts.map((part) => part.type)));
    expect([...parts].sort()).toEqual(['asOf', 'chart', 'heading', 'list', 'note', 'progress', 'quote']);
    const actions = new Set(replies.flatMap(([, reply]) => reply.actions.map((action) => action.type)));
    expect([...actions].sort()).toEqual(['english', 'share', 'vote']);
  });
});
