import { Feed } from 'feed';
import { describeChange, formatUtc } from '../answer/status-wording.ts';
import { INSTRUMENTS_NEEDED } from '../status/entry-into-force.ts';
import { STATUS_PAGE_URL } from '../status/untc-source.ts';
import type { ChangeEntry } from './change-entries.ts';

/**
 * The feed of detected changes (`/changes.atom`, `/changes.json`) for teams outside Slack and Discord: one entry
 * per change, newest first, titled with the same sentence the digest uses, with the count toward entry into force
 * at that point, each linking to the UN's status page. Built with the `feed` package; ids never change once given.
 */

const FEED_ID = 'urn:treaty-bot:xviii-16:changes';

/** `entries` as an Atom 1.0 document (`application/atom+xml`). */
export function changesAtom(entries: readonly ChangeEntry[]): string {
  // Atom's title and summary are typed "html" by the feed package: plain text is escaped for them.
  return changesFeed(entries, html).atom1();
}

/** `entries` as a JSON Feed document (`application/feed+json`), whose title and summary are plain text. */
export function changesJson(entries: readonly ChangeEntry[]): string {
  return changesFeed(entries, (text) => text).json1();
}

/**
 * The feed's `updated` is its newest entry's, so an unchanged log gives the same document byte for byte (what the
 * routes' ETag relies on); the epoch when there is no entry yet.
 */
function changesFeed(entries: readonly ChangeEntry[], text: (plain: string) => string): Feed {
  const newest = entries[0]?.change.firstSeenAt;
  const feed = new Feed({
    id: FEED_ID,
    title: 'UN Convention against Cybercrime: ratification changes',
    description:
      'Signatures, ratifications, acceptances, approvals and accessions of the Convention (UN Treaty Collection XVIII-16) as the bot detected them, with the count toward the 40 instruments of art. 65(1).',
    link: STATUS_PAGE_URL,
    updated: new Date(newest ?? 0),
    author: { name: 'treaty-bot' },
    generator: 'treaty-bot',
    language: 'en',
  });
  for (const entry of entries) feed.addItem(feedItem(entry, text));
  return feed;
}

/** An entry's id: the change's id and the time it was first seen, so a rebuilt database never reuses one. */
export function changeEntryId({ change }: ChangeEntry): string {
  return `urn:treaty-bot:xviii-16:change:${change.id}:${change.firstSeenAt}`;
}

function feedItem(entry: ChangeEntry, text: (plain: string) => string): Parameters<Feed['addItem']>[0] {
  const { change, status } = entry;
  const sentence = describeChange(change);
  const count = `Instruments counted toward entry into force: ${status.counted} of ${INSTRUMENTS_NEEDED}${
    status.entryIntoForce ? `; enters into force on ${status.entryIntoForce}` : ` (${status.needed} more needed)`
  }.`;
  const seen = new Date(change.firstSeenAt);
  return {
    id: changeEntryId(entry),
    title: text(sentence),
    link: STATUS_PAGE_URL,
    date: seen,
    published: seen,
    description: text(`${sentence}. ${count}`),
    content: `<p>${html(sentence)}.</p><p>${html(count)}</p><p>Detected ${html(formatUtc(change.firstSeenAt))}.</p>`,
    // JSON Feed readers get the facts as data too (an extension object, ignored by the Atom writer).
    extensions: [
      {
        name: '_treaty',
        objects: {
          participant: change.participant,
          action: change.action,
          ...(change.date ? { date: change.date } : {}),
          instrumentsCounted: status.counted,
          instrumentsNeeded: INSTRUMENTS_NEEDED,
          ...(status.entryIntoForce ? { entryIntoForce: status.entryIntoForce } : {}),
        },
      },
    ],
  };
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
