import type { ButtonInteraction } from 'discord.js';
import type { Reply } from '../../../src/answer/reply.ts';
import type { DiscordContext } from '../discord-context.ts';
import { APOLOGY, describeError } from '../failures.ts';
import { askContext, scopeOf } from '../interaction-context.ts';
import { replyPrivately } from '../interaction-replies.ts';

/** What a button under an answer does with the answer asked again. */
export interface ReplayClick {
  /** The custom_id prefix of the button (query-custom-ids.ts). */
  prefix: string;
  /** Told to the clicker privately when the question behind the button was forgotten (a restart). */
  expired: string;
  /** For the log: what the button does ("post to channel"). */
  action: string;
  respond(context: DiscordContext, interaction: ButtonInteraction, reply: Reply, query: string): Promise<void>;
}

/**
 * Handles a click on a button under an answer: asks the core again with the question the button carries (a
 * replay, which never changes state or counts against the rate limit) and hands the reply to `click.respond`.
 * A forgotten question or a failure gets a private note; the failure is logged, never shown.
 */
export async function replayClick(
  context: DiscordContext,
  interaction: ButtonInteraction,
  click: ReplayClick,
): Promise<void> {
  try {
    const query = context.customIds.queryFor(interaction.customId, click.prefix);
    if (query === undefined) {
      await replyPrivately(interaction, click.expired);
      return;
    }
    const reply = context.bot.ask(query, { ...askContext(interaction, query), replay: true });
    await click.respond(context, interaction, reply, query);
  } catch (error) {
    context.logger.error({ ...scopeOf(interaction), error: describeError(error) }, `discord: ${click.action} failed`);
    await replyPrivately(interaction, APOLOGY).catch((apologyError: unknown) =>
      context.logger.error(
        { ...scopeOf(interaction), error: describeError(apologyError) },
        `discord: could not send the ${click.action} apology`,
      ),
    );
  }
}
