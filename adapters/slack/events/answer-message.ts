import type { AllMiddlewareArgs } from '@slack/bolt';
import { inAnswerTurn } from '../answer-turns.ts';
import { type Asker, composeAnswer, type ListenerContext, slackErrorFields } from '../compose-answer.ts';
import { decodeSlackText } from '../incoming-text.ts';
import { postWithChart } from '../post-showing-chart.ts';
import { withSubscriptionPermission } from '../subscription-permission.ts';
import { messageKey, stripMention } from './message-text.ts';

/** A person's message the bot answers: where it was written and what it said. */
export interface IncomingQuestion {
  team: string | undefined;
  channel: string;
  user: string;
  ts: string;
  text: string | undefined;
  /** Thread to answer in; none for a top-level DM. */
  threadTs: string | undefined;
  via: Asker['via'];
  /** How log lines name the message: `mention` or `DM`. */
  kind: 'mention' | 'DM';
}

/**
 * Answers a mention or a DM once (the same message can arrive as both `app_mention` and `message.im`), posting
 * into `threadTs`. A failed post is logged, never thrown back into Bolt.
 */
export async function answerMessage(
  deps: ListenerContext,
  client: AllMiddlewareArgs['client'],
  botUserId: string | undefined,
  question: IncomingQuestion,
): Promise<void> {
  const { bot, logger, seen } = deps;
  if (!seen.claim(messageKey(question.channel, question.ts))) return;
  const text = decodeSlackText(stripMention(question.text, botUserId));
  const asker: Asker = await withSubscriptionPermission(
    client,
    text,
    { team: question.team, channel: question.channel, user: question.user, via: question.via },
    deps,
  );
  // Bolt has acknowledged the event already; other requests' acks go first (see answer-turns.ts).
  const { message, reply } = await inAnswerTurn(() => composeAnswer(bot, text, asker, logger));
  const thread = question.threadTs ? { thread_ts: question.threadTs } : {};
  try {
    // A status carries its progress chart, uploaded first; without it (no files:write, say) it goes as usual.
    if (reply?.snapshot && (await postWithChart(client, reply, { channel: question.channel, ...thread }, logger)))
      return;
    await client.chat.postMessage({
      channel: question.channel,
      ...thread,
      ...message,
      // Citations may carry links; previews of them would bury the quotes.
      unfurl_links: false,
      unfurl_media: false,
    });
  } catch (error) {
    logger.error({ ...asker, ...slackErrorFields(error) }, `slack: could not post the answer to a ${question.kind}`);
  }
}
