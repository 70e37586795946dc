import type { Digest } from '../../src/status/digest.ts';
import { renderDigestText } from '../../src/status/digest.ts';
import type { StatusChange } from '../../src/status/snapshot.ts';
import { describeChange } from '../../src/status/status-wording.ts';
import { isolateLatinRuns } from '../shared/bidi.ts';
import { truncateToFit } from '../shared/truncate-text.ts';
import { BLOCK_LIMITS } from './block-limits.ts';
import { escapeText, neutralizeMrkdwn } from './escape-mrkdwn.ts';
import { context, header, line, type SlackBlock, type SlackMessage, sections } from './render-blocks.ts';

/**
 * Renders a ratification digest (the platform-neutral `Digest` model) as a Slack message: a header with the
 * title, one part per kind of change (new parties, new signatures, corrections and withdrawals; one line per
 * change), the progress toward the 40 instruments, the entry-into-force projection and an "as of" context
 * line. Pure. Every string is escaped and made inert (participant names come from the UN page), Latin runs
 * inside Arabic lines are bidi-isolated, and the message stays within Block Kit's limits.
 */

const PROGRESS_LABEL = '*Toward entry into force:* ';
const TRIMMED_NOTICE = 'Some changes were left out to fit in one Slack message; `/treaty status` shows the record.';

/**
 * @example
 * const { text, blocks } = renderDigestMessage(tracker.digestFor(changes, subscription).digest);
 * await client.chat.postMessage({ channel, text, blocks });
 */
export function renderDigestMessage(digest: Digest): SlackMessage {
  const { newParties, newSignatures, corrections } = digest.groups;
  const body = digest.empty
    ? [section(line('No changes in the record.'))]
    : [
        ...changeSections('New parties', newParties),
        ...changeSections('New signatures', newSignatures),
        ...changeSections('Corrections and withdrawals', corrections),
      ];
  const tail: SlackBlock[] = [
    { type: 'divider' },
    // The bar gets what the section has left after its label, so the section stays within Slack's limit.
    section(`${PROGRESS_LABEL}${line(digest.progress.bar, BLOCK_LIMITS.sectionText - PROGRESS_LABEL.length)}`),
    section(line(digest.projection)),
    context([line(digest.asOf)]),
  ];
  const room = BLOCK_LIMITS.blocks - 1 - tail.length;
  const fitted = body.length <= room ? body : [...body.slice(0, room - 1), context([TRIMMED_NOTICE])];
  return { text: fallbackText(digest), blocks: [header(digest.title), ...fitted, ...tail] };
}

/** `*New parties (2)*` then `• Cuba ratified on 2026-01-02`, packed into as few sections as fit. */
function changeSections(heading: string, changes: readonly StatusChange[]): SlackBlock[] {
  if (changes.length === 0) return [];
  const lines = [`*${heading} (${changes.length})*`, ...changes.map((change) => `• ${line(describeChange(change))}`)];
  return sections(lines).flatMap((group) => group.blocks);
}

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** The digest as plain text (the core's own wording), escaped, for notifications and screen readers. */
function fallbackText(digest: Digest): string {
  const raw = renderDigestText(digest).slice(0, BLOCK_LIMITS.fallbackText + 1);
  return truncateToFit(raw, BLOCK_LIMITS.fallbackText, (text) =>
    escapeText(neutralizeMrkdwn(text.split('\n').map(isolateLatinRuns).join('\n'))),
  );
}
