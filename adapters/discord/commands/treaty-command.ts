import {
  ApplicationIntegrationType,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  InteractionContextType,
  SlashCommandBuilder,
} from 'discord.js';
import { MAX_QUESTION_CHARS } from '../../../src/answer/clean-input.ts';
import { withStatusChart } from '../../../src/chart/with-status-chart.ts';
import { truncateText } from '../../shared/truncate-text.ts';
import { actionRows } from '../buttons/action-rows.ts';
import { interactionAllowsFiles } from '../can-attach-files.ts';
import { askContext, scopeOf } from '../interaction-context.ts';
import { replyInParts } from '../interaction-replies.ts';
import type { ListenerContext, SlashCommand } from '../listener-context.ts';
import { renderReply } from '../render-embeds.ts';

/** Discord shows at most 25 autocomplete choices, each name and value at most 100 characters. */
const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

/**
 * `/treaty query:<text>`: the same grammar as everywhere (a question, a topic slug, `help`, `topics`, `status`,
 * `subscribe [daily|weekly|<cron>] [tz]`, `unsubscribe`, `subscriptions`); an empty query shows help. The answer is
 * ephemeral with a "Share in channel" button and, when feedback is recorded, 👍 / 👎 buttons.
 *
 * It replies at once instead of deferring: the core answers in well under a millisecond and a status's chart is
 * drawn in about 60 ms (once per snapshot), far inside Discord's 3-second window, and a deferred reply would cost a
 * second request and a "thinking…" flash. `replyInParts` still edits the reply if a future change defers it.
 */
export const treatyCommand = {
  data: new SlashCommandBuilder()
    .setName('treaty')
    .setDescription('Ask about the UN Convention against Cybercrime (Arabic or English), with cited excerpts.')
    .addStringOption((option) =>
      option
        .setName('query')
        .setDescription('A question, a topic such as entry-into-force, or help / topics')
        .setAutocomplete(true)
        .setMaxLength(MAX_QUESTION_CHARS),
    )
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall),

  /** Answers the command privately, with a button to share the answer in the channel and 👍 / 👎 buttons. */
  async execute(context: ListenerContext, interaction: ChatInputCommandInteraction): Promise<void> {
    const query = interaction.options.getString('query') ?? '';
    // Private in a guild channel, so it may be shared there; a DM has no channel to share to.
    const asked = context.bot.ask(query, { ...askContext(interaction, query), privateReply: interaction.inGuild() });
    // A status carries the progress chart (drawn in well under a second, once per snapshot).
    const reply = await withStatusChart(asked, context.logger);
    const messages = renderReply(reply, { attachFiles: interactionAllowsFiles(interaction) });
    await replyInParts(interaction, messages, { ephemeral: true, components: actionRows(context, reply) });
    context.logger.debug({ ...scopeOf(interaction), kind: reply.kind }, 'discord: answered /treaty');
  },

  /** Offers topic slugs matching what the user has typed (slug, English or Arabic title). */
  async autocomplete(context: ListenerContext, interaction: AutocompleteInteraction): Promise<void> {
    const typed = String(interaction.options.getFocused());
    const choices = context.bot.suggestTopics(typed, MAX_CHOICES).map((topic) => ({
      name: truncateText(`${topic.slug} — ${topic.title.en}`, MAX_CHOICE_LENGTH),
      value: topic.slug.slice(0, MAX_CHOICE_LENGTH),
    }));
    await interaction.respond(choices);
  },
} satisfies SlashCommand;
