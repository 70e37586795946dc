/**
 * Renders a ratification digest (`src/status/digest.ts`) as one Discord message: one embed with the title, a
 * field per group of changes (continued in further fields past 1024 characters), the count toward 40 and the
 * projection in the description, and "as of … from …" in the footer. Pure: no client, no I/O.
 *
 * A digest is one message because it is posted with one nonce (exactly once); when the changes do not fit in
 * Discord's 6000 characters per message, each group shows its first changes and "… and N more" (the UN Treaty
 * Collection, linked from the title, has them all).
 */
import type { APIEmbed, MessageMentionOptions } from 'discord.js';
import type { Digest } from '../../src/status/digest.ts';
import type { StatusChange } from '../../src/status/snapshot.ts';
import { describeChange } from '../../src/status/status-wording.ts';
import { STATUS_PAGE_URL } from '../../src/status/untc-source.ts';
import { hasArabic, isolate } from '../shared/bidi.ts';
import { truncateText } from '../shared/truncate-text.ts';
import { EMBED_LIMITS, embedLength, truncateMarkdown } from './embed-limits.ts';
import { escapeMarkdown, inlineCode, neutralizeMentions } from './escape-markdown.ts';
import { prose } from './render-embeds.ts';

/** The digest's embed colour (the status colour of `render-embeds.ts`). */
const DIGEST_COLOR = 0xf0b232;

/** What `channel.send` gets for a digest (the poster adds the nonce). */
export interface DigestMessage {
  embeds: APIEmbed[];
  allowedMentions: MessageMentionOptions;
}

const GROUPS = [
  ['New parties', 'newParties'],
  ['New signatures', 'newSignatures'],
  ['Corrections and withdrawals', 'corrections'],
] as const satisfies ReadonlyArray<readonly [string, keyof Digest['groups']]>;

/** Renders `digest` as one message within Discord's embed limits, pinging nobody. */
export function renderDigestMessage(digest: Digest): DigestMessage {
  const head: APIEmbed = {
    title: truncateMarkdown(prose(digest.title), EMBED_LIMITS.title) || 'Ratification update',
    url: STATUS_PAGE_URL,
    color: DIGEST_COLOR,
    description: truncateMarkdown(
      [
        ...(digest.empty ? ['No changes in the record.', ''] : []),
        `**Toward entry into force:** ${inlineCode(digest.progress.bar)}`,
        prose(digest.projection),
      ].join('\n'),
      // The rest of the 6000 stays for the changes.
      1024,
    ),
    // Footers show text literally (no markdown, no mentions), so the "as of" line needs no escaping.
    footer: { text: truncateText(digest.asOf, EMBED_LIMITS.footerText) },
  };
  const lines = GROUPS.map(([name, key]) => ({ name, lines: digest.groups[key].map(changeLine) })).filter(
    (group) => group.lines.length > 0,
  );
  // The most changes per group that fit: `fits` only gets harder as `keep` grows, so a binary search finds it.
  let low = 0;
  let high = Math.max(0, ...lines.map((group) => group.lines.length));
  while (low < high) {
    const keep = Math.ceil((low + high) / 2);
    if (fits({ ...head, fields: fieldsFor(lines, keep) })) low = keep;
    else high = keep - 1;
  }
  const fields = fieldsFor(lines, low);
  return { embeds: [fields.length > 0 ? { ...head, fields } : head], allowedMentions: { parse: [] } };
}

/**
 * `• Viet Nam ratified on 2026-03-02`, escaped. The line is English; a name in Arabic script is wrapped in a bidi
 * isolate so it keeps its own direction without reordering the English around it.
 */
export function changeLine(change: StatusChange): string {
  const participant = hasArabic(change.participant) ? isolate(change.participant) : change.participant;
  return `• ${escapeMarkdown(neutralizeMentions(describeChange({ ...change, participant })))}`;
}

/** Each group's first `keep` lines (plus "… and N more") in fields of at most 1024 characters. */
function fieldsFor(
  groups: Array<{ name: string; lines: string[] }>,
  keep: number,
): Array<{ name: string; value: string }> {
  return groups.flatMap(({ name, lines }) => {
    const shown = lines.slice(0, keep).map((line) => truncateMarkdown(line, EMBED_LIMITS.fieldValue));
    if (lines.length > keep) shown.push(`… and ${lines.length - keep} more`);
    const values: string[] = [];
    for (const line of shown) {
      const last = values.length - 1;
      const joined = last >= 0 ? `${values[last]}\n${line}` : line;
      if (last >= 0 && joined.length <= EMBED_LIMITS.fieldValue) values[last] = joined;
      else values.push(line);
    }
    return values.map((value, index) => ({
      name: index === 0 ? `${name} (${lines.length})` : `${name} (continued)`,
      value,
    }));
  });
}

function fits(embed: APIEmbed): boolean {
  return (embed.fields?.length ?? 0) <= EMBED_LIMITS.fields && embedLength(embed) <= EMBED_LIMITS.charactersPerMessage;
}
