import { countsTowardEntryIntoForce, entryIntoForce } from '../status/entry-into-force.ts';
import { STATUS_PAGE_URL } from '../status/untc-source.ts';
import type { Subscription } from '../store/subscriptions.ts';
import type { StatusView, SubscriptionOutcome } from '../tracker/status-facts.ts';
import type { ReplyOffers } from './answer-reply.ts';
import { SHARE_LABEL } from './phrases.ts';
import { type Action, type Language, notesReply, type Part, type Reply } from './reply.ts';
import { asOfText, dayOf, describeChange, formatUtc, progressPart, projectionText } from './status-wording.ts';

const OFFICIAL_RECORD: Part = { type: 'note', text: 'Official record', url: STATUS_PAGE_URL, aside: true };

/**
 * The reply to `/treaty status`: where signatures and instruments stand in the last good snapshot, the latest
 * changes, the entry-into-force date or what is still needed, and when and where it was read. When the source
 * has been failing, says so, and still shows the last good snapshot. A private one may be shared in the channel,
 * where it carries the progress chart (a private Slack reply cannot carry a file).
 */
export function statusReply(
  view: StatusView,
  query: string,
  lang: Language,
  offers: Pick<ReplyOffers, 'share'> = { share: false },
): Reply {
  const { snapshot, failure, recentChanges, notStoredBecause } = view;
  const parts: Part[] = [{ type: 'heading', text: 'Ratification status' }];
  if (snapshot) {
    const status = entryIntoForce(snapshot);
    const signatories = snapshot.participants.filter((participant) => participant.signature).length;
    const notCounted = snapshot.participants
      .filter((participant) => participant.consent && !countsTowardEntryIntoForce(participant))
      .map((participant) => participant.name);
    parts.push({ type: 'note', text: `Signatories: ${signatories}` }, progressPart(status));
    if (notCounted.length > 0)
      parts.push({ type: 'note', text: `Not counted under art. 65(1): ${notCounted.join(', ')}` });
    if (recentChanges.length > 0)
      parts.push({
        type: 'list',
        heading: 'Latest changes',
        items: recentChanges.map((change) => ({ text: describeChange(change) })),
      });
    parts.push({ type: 'note', text: projectionText(status, dayOf(snapshot.fetchedAt)) });
  } else {
    parts.push({ type: 'note', text: 'No ratification status has been fetched yet.' });
  }
  if (failure) {
    const kept = snapshot ? '; showing the last good record' : '';
    parts.push({
      type: 'note',
      text: `Source unavailable since ${formatUtc(failure.since)} (${failure.reason.replace(/^status: /, '')})${kept}.`,
    });
  }
  if (notStoredBecause)
    parts.push({ type: 'note', text: `Not stored: ${notStoredBecause}; kept only while this runs.` });
  if (snapshot) parts.push({ type: 'asOf', text: asOfText(snapshot) });
  parts.push(OFFICIAL_RECORD);
  const actions: Action[] = offers.share && query ? [{ type: 'share', label: SHARE_LABEL }] : [];
  return { kind: 'status', lang, query, parts, actions, ...(snapshot ? { snapshot } : {}) };
}

/** When the process runs no tracker. */
export function trackerMissingReply(query: string, lang: Language): Reply {
  return notes(query, lang, 'Ratification status', ['The ratification tracker is not connected in this installation.']);
}

/** Subscriptions asked for outside a Slack or Discord channel. */
export function subscriptionsNeedChannelReply(query: string, lang: Language): Reply {
  return notes(query, lang, 'Digest subscriptions', [
    'Subscriptions belong to a Slack or Discord channel: use `/treaty subscribe` there.',
  ]);
}

/** A button click that replays a subscription command: refused, since a replay never changes anything. */
export function replayCannotSubscribeReply(query: string, lang: Language): Reply {
  return notes(query, lang, 'Not changed', ['A button cannot change subscriptions: type the command instead.']);
}

/** What came of `subscribe` or `unsubscribe`. */
export function subscriptionReply(outcome: SubscriptionOutcome, query: string, lang: Language): Reply {
  switch (outcome.kind) {
    case 'not-allowed':
      return notes(query, lang, 'Not allowed', [
        'Only workspace admins (Slack) or members who can manage channels (Discord) can change digest subscriptions.',
      ]);
    case 'bad-schedule':
      return notes(query, lang, 'Not subscribed', [asCode(outcome.problem)]);
    case 'subscribed':
      return notes(query, lang, 'Subscribed', [
        `This channel will get a digest of new signatures and ratifications (\`${outcome.subscription.schedule}\`, ${outcome.subscription.timeZone}).`,
        'Nothing is posted when nothing changed. `/treaty unsubscribe` stops it.',
      ]);
    case 'unsubscribed':
      return notes(query, lang, 'Unsubscribed', [
        outcome.removed ? 'This channel will get no more digests.' : 'This channel had no subscription.',
      ]);
  }
}

/** The subscriptions of a workspace, for `/treaty subscriptions`. */
export function subscriptionListReply(list: readonly Subscription[], query: string, lang: Language): Reply {
  const lines = list.map((s) => `${s.channel}: \`${s.schedule}\` (${s.timeZone}), since ${s.createdAt.slice(0, 10)}`);
  return notes(query, lang, 'Digest subscriptions', lines.length > 0 ? lines : ['No channel here is subscribed.']);
}

function notes(query: string, lang: Language, heading: string, lines: string[]): Reply {
  return notesReply('status', query, lang, heading, lines);
}

/**
 * A schedule error quotes the schedule typed and an example cron (`"0 9 * * 1"`): shown as code spans, so the
 * example copies as a working cron.
 */
function asCode(message: string): string {
  return message.replace(/"((?:[^"\\`]|\\.)*)"/g, (_, quoted: string) => `\`${quoted.replace(/\\(.)/g, '$1')}\``);
}
