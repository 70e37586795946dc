import type { StatusChange } from '../status/snapshot.ts';
import { STATUS_PAGE_URL } from '../status/untc-source.ts';
import type { LoggedChange } from '../store/change-log.ts';
import type { Digest } from '../tracker/digest.ts';
import type { ChannelDigest } from '../tracker/ratification-tracker.ts';
import type { Part, Reply } from './reply.ts';
import { asOfText, dayOf, describeChange, formatUtc, progressPart, projectionText } from './status-wording.ts';

/** A digest worded for a channel, and the change id it covers up to: what a digest poster posts. */
export interface DigestPost {
  reply: Reply;
  changes: LoggedChange[];
  upToChangeId: number;
}

/**
 * Words a channel's digest. The reply names its snapshot, so a poster's payload can carry the progress chart:
 * the scheduler's `buildPayload` is `digestPostWithChart` (src/chart/with-status-chart.ts).
 */
export function digestPost({ digest, changes, upToChangeId, snapshot }: ChannelDigest): DigestPost {
  return { reply: { ...digestReply(digest), snapshot }, changes, upToChangeId };
}

/**
 * A digest as a reply: a heading linked to the official record, a list per kind of change, the count toward
 * the 40 instruments, the entry-into-force projection and when and where the record was read.
 */
export function digestReply(digest: Digest): Reply {
  const { newParties, newSignatures, corrections } = digest.groups;
  const since = digest.since ? ` since ${formatUtc(digest.since)}` : '';
  const parts: Part[] = [
    { type: 'heading', text: `UN Convention against Cybercrime: ratification update${since}`, url: STATUS_PAGE_URL },
  ];
  if (digest.empty) parts.push({ type: 'note', text: 'No changes in the record.' });
  parts.push(
    ...changeList('New parties', newParties),
    ...changeList('New signatures', newSignatures),
    ...changeList('Corrections and withdrawals', corrections),
    progressPart(digest.status),
    { type: 'note', text: projectionText(digest.status, dayOf(digest.record.fetchedAt)) },
    { type: 'asOf', text: asOfText(digest.record) },
  );
  return { kind: 'digest', lang: 'en', query: '', parts, actions: [] };
}

function changeList(heading: string, changes: readonly StatusChange[]): Part[] {
  if (changes.length === 0) return [];
  return [
    {
      type: 'list',
      heading: `${heading} (${changes.length})`,
      items: changes.map((change) => ({ text: describeChange(change) })),
    },
  ];
}
