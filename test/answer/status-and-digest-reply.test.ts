import { describe, expect, it } from 'vitest';
import { digestReply } from '../../src/answer/digest-reply.ts';
import { replyLines } from '../../src/answer/reply-text.ts';
import { statusReply } from '../../src/answer/status-reply.ts';
import { progressBar } from '../../src/answer/status-wording.ts';
import { diffSnapshots } from '../../src/status/diff-snapshots.ts';
import type { StatusChange, StatusSnapshot } from '../../src/status/snapshot.ts';
import { addDays } from '../../src/status/untc-date.ts';
import { STATUS_PAGE_URL } from '../../src/status/untc-source.ts';
import { buildDigest, type Digest } from '../../src/tracker/digest.ts';
import { previewDigest } from '../../src/tracker/preview-digest.ts';
import type { SourceFailure } from '../../src/tracker/status-facts.ts';
import { fixturePath, fixtureSnapshot, ratifiers, snapshotOf } from '../status/support/snapshots.ts';
import { headingOf } from '../support/replies.ts';

// What users read: the digest, the `/treaty status` reply and the preview of a digest between two documents.

/** The digest in the core's words, a line per part or entry. */
const digestText = (digest: Digest) => replyLines(digestReply(digest)).join('\n');
const lineStarting = (digest: Digest, start: string) =>
  replyLines(digestReply(digest)).find((line) => line.startsWith(start)) ?? '';
const projectionOf = (digest: Digest) =>
  replyLines(digestReply(digest)).find((line) => /needed|force/.test(line) && !line.startsWith('Toward')) ?? '';
const statusLines = (
  snapshot: StatusSnapshot | undefined,
  failure?: SourceFailure,
  recentChanges: readonly StatusChange[] = [],
) =>
  replyLines(
    statusReply(
      { ...(snapshot ? { snapshot } : {}), ...(failure ? { failure } : {}), recentChanges: [...recentChanges] },
      'status',
      'en',
    ),
  );

const changes: StatusChange[] = [
  { participant: 'Viet Nam', action: 'ratification', date: '2026-01-12' },
  { participant: 'Norway', action: 'signature', date: '2026-02-10' },
  { participant: 'European Union', action: 'approval', date: '2026-03-04' },
  { participant: 'South Sudan', action: 'succession', date: '2026-04-01' },
  {
    participant: 'Japan',
    action: 'correction',
    date: '2026-02-20',
    previous: 'ratification 2026-02-20',
    current: 'acceptance 2026-02-20',
  },
  { participant: 'Brazil', action: 'withdrawal', previous: 'signature 2025-10-25' },
];

describe('buildDigest', () => {
  const snapshot = snapshotOf(
    ratifiers(12, (index) => addDays('2026-01-01', index)),
    '2026-04-02T14:00:07.000Z',
  );
  const digest = buildDigest({ changes, snapshot, since: '2026-03-26T14:00:00.000Z' });

  it('groups the changes into new parties, new signatures and corrections', () => {
    expect(digest.groups.newParties.map((change) => change.participant)).toEqual([
      'Viet Nam',
      'European Union',
      'South Sudan',
    ]);
    expect(digest.groups.newSignatures.map((change) => change.participant)).toEqual(['Norway']);
    expect(digest.groups.corrections.map((change) => change.participant)).toEqual(['Japan', 'Brazil']);
    expect(digest.empty).toBe(false);
  });

  it('says where the count stands, with a progress bar', () => {
    expect(digest.status).toEqual({ counted: 12, needed: 28 });
    expect(lineStarting(digest, 'Toward')).toBe('Toward entry into force: ▓▓▓░░░░░░░ 12/40 (28 more needed)');
  });

  it('names the time and source of the record, and the period', () => {
    expect(replyLines(digestReply(digest)).at(-1)).toBe('as of 2026-04-02 14:00 UTC from treaties.un.org');
    expect(headingOf(digestReply(digest))).toBe(
      'UN Convention against Cybercrime: ratification update since 2026-03-26 14:00 UTC',
    );
  });

  it('projects what is needed, and the signature deadline while signature is open', () => {
    expect(projectionOf(digest)).toMatch(/^28 more instruments .* needed/);
    expect(projectionOf(digest)).toMatch(/Open for signature until 2026-12-31/);
  });

  it('counts down to the last instrument', () => {
    const one = buildDigest({ changes: [], snapshot: snapshotOf(ratifiers(39, () => '2026-05-01')) });
    expect(projectionOf(one)).toMatch(/^1 more instrument of ratification/);
  });

  it('projects the entry-into-force date once 40 are in', () => {
    const forty = buildDigest({
      changes: [],
      snapshot: fixtureSnapshot('forty-instruments.xml', '2026-11-23T14:00:00Z'),
    });
    expect(lineStarting(forty, 'Toward')).toBe('Toward entry into force: ▓▓▓▓▓▓▓▓▓▓ 40/40 (40 reached)');
    expect(projectionOf(forty)).toBe(
      'Enters into force on 2027-02-03, the 90th day after the 40th instrument was deposited on 2026-11-05 (art. 65). ' +
        'Open for signature until 2026-12-31 (art. 64).',
    );
  });

  it('says the Convention is in force once the date has passed, and drops the closed signature', () => {
    const later = buildDigest({
      changes: [],
      snapshot: fixtureSnapshot('forty-instruments.xml', '2027-03-01T08:00:00Z'),
    });
    expect(projectionOf(later)).toBe('In force since 2027-02-03 (the 40th instrument was deposited on 2026-11-05).');
  });

  it('flags a digest without changes as empty', () => {
    const empty = buildDigest({ changes: [], snapshot });
    expect(empty.empty).toBe(true);
    expect(headingOf(digestReply(empty))).toBe('UN Convention against Cybercrime: ratification update');
    expect(digestText(empty)).toContain('No changes in the record.');
  });
});

describe('progressBar', () => {
  it.each([
    [0, '░░░░░░░░░░ 0/40'],
    [3, '░░░░░░░░░░ 3/40'],
    [4, '▓░░░░░░░░░ 4/40'],
    [39, '▓▓▓▓▓▓▓▓▓░ 39/40'],
    [40, '▓▓▓▓▓▓▓▓▓▓ 40/40'],
    [47, '▓▓▓▓▓▓▓▓▓▓ 47/40'],
  ])('draws %i instruments as %s', (counted, bar) => {
    expect(progressBar(counted)).toBe(bar);
  });
});

describe('digestReply', () => {
  it('words the digest between two fixture days', () => {
    const before = fixtureSnapshot('signatures-only.xml');
    const after = fixtureSnapshot('consents.xml', '2026-04-02T14:00:00Z');
    const text = digestText(
      buildDigest({ changes: diffSnapshots(before, after), snapshot: after, since: '2026-03-01T09:00:00Z' }),
    );
    expect(text).toBe(
      [
        'UN Convention against Cybercrime: ratification update since 2026-03-01 09:00 UTC',
        'New parties (7)',
        '• Viet Nam ratified on 2026-01-12',
        '• Egypt ratified on 2026-02-02',
        '• Japan accepted on 2026-02-20',
        '• European Union approved on 2026-03-04 (not counted as additional to its member States, art. 65)',
        '• Ghana ratified on 2026-03-09',
        '• Mongolia acceded on 2026-03-16',
        '• South Sudan succeeded on 2026-04-01 (a succession is not counted toward the 40)',
        'New signatures (1)',
        '• Norway signed on 2026-02-10',
        'Toward entry into force: ▓░░░░░░░░░ 5/40 (35 more needed)',
        '35 more instruments of ratification, acceptance, approval or accession needed; the Convention enters into ' +
          'force on the 90th day after the 40th (art. 65). Open for signature until 2026-12-31 (art. 64).',
        'as of 2026-04-02 14:00 UTC from consents.xml',
      ].join('\n'),
    );
  });

  it('says what a correction and a withdrawal changed', () => {
    const text = digestText(buildDigest({ changes, snapshot: snapshotOf([]) }));
    expect(text).toContain('Corrections and withdrawals (2)');
    expect(text).toContain('• Japan: record corrected to acceptance 2026-02-20 (was ratification 2026-02-20)');
    expect(text).toContain('• Brazil: signature 2025-10-25 withdrawn');
  });
});

describe('statusReply', () => {
  const snapshot = fixtureSnapshot('consents.xml', '2026-04-02T14:00:00Z');

  it('is a status reply with the counts, the projection and the time and source', () => {
    const reply = statusReply({ snapshot, recentChanges: [] }, 'status', 'en');
    expect(reply).toMatchObject({ kind: 'status', query: 'status', lang: 'en', actions: [] });
    expect(replyLines(reply)).toEqual([
      'Ratification status',
      'Signatories: 13',
      'Toward entry into force: ▓░░░░░░░░░ 5/40 (35 more needed)',
      'Not counted under art. 65(1): European Union, South Sudan',
      expect.stringMatching(/^35 more instruments .* Open for signature until 2026-12-31 \(art\. 64\)\.$/),
      'as of 2026-04-02 14:00 UTC from consents.xml',
      `Official record: ${STATUS_PAGE_URL}`,
    ]);
  });

  it('names its snapshot (for the chart) and offers "Share in channel" only when private', () => {
    expect(statusReply({ snapshot, recentChanges: [] }, 'status', 'en').snapshot).toBe(snapshot);
    expect(statusReply({ recentChanges: [] }, 'status', 'en').snapshot).toBeUndefined();
    const privately = statusReply({ snapshot, recentChanges: [] }, 'status', 'en', { share: true });
    expect(privately.actions).toEqual([{ type: 'share', label: 'Share in channel' }]);
  });

  it('lists the latest changes as given, newest first, at most five', () => {
    const latest = [
      { participant: 'South Sudan', action: 'succession', date: '2026-04-01' },
      { participant: 'Mongolia', action: 'accession', date: '2026-03-16' },
      { participant: 'Ghana', action: 'ratification', date: '2026-03-09' },
      { participant: 'European Union', action: 'approval', date: '2026-03-04' },
      { participant: 'Japan', action: 'acceptance', date: '2026-02-20' },
      { participant: 'Egypt', action: 'ratification', date: '2026-02-02' },
    ] as const;
    const lines = statusLines(snapshot, undefined, latest.slice(0, 5));
    const from = lines.indexOf('Latest changes');
    expect(lines.slice(from, from + 6)).toEqual([
      'Latest changes',
      '• South Sudan succeeded on 2026-04-01 (a succession is not counted toward the 40)',
      '• Mongolia acceded on 2026-03-16',
      '• Ghana ratified on 2026-03-09',
      '• European Union approved on 2026-03-04 (not counted as additional to its member States, art. 65)',
      '• Japan accepted on 2026-02-20',
    ]);
  });

  it('says since when the source has been failing, and that the last good record is shown', () => {
    const lines = statusLines(snapshot, {
      since: '2026-04-03T06:00:00Z',
      reason: 'status: treaties.un.org is under maintenance',
    });
    expect(lines).toContain(
      'Source unavailable since 2026-04-03 06:00 UTC (treaties.un.org is under maintenance); showing the last good record.',
    );
    expect(lines).toContain('as of 2026-04-02 14:00 UTC from consents.xml');
  });

  it('says so when nothing has been fetched yet', () => {
    expect(statusLines(undefined, { since: '2026-04-03T06:00:00Z', reason: 'status: HTTP 503' })).toEqual([
      'Ratification status',
      'No ratification status has been fetched yet.',
      'Source unavailable since 2026-04-03 06:00 UTC (HTTP 503).',
      `Official record: ${STATUS_PAGE_URL}`,
    ]);
  });

  it('says the count is reached and dates entry into force after 40', () => {
    const lines = statusLines(fixtureSnapshot('forty-instruments.xml', '2026-11-23T14:00:00Z'));
    expect(lines).toContain('Toward entry into force: ▓▓▓▓▓▓▓▓▓▓ 40/40 (40 reached)');
    expect(lines.some((line) => line.startsWith('Enters into force on 2027-02-03'))).toBe(true);
  });
});

describe('previewDigest', () => {
  const now = new Date('2026-04-09T14:00:00Z');

  it('renders the digest between two snapshots', async () => {
    const result = await previewDigest({ from: fixturePath('consents.xml'), to: fixturePath('withdrawn.xml'), now });
    expect(result.ok).toBe(true);
    const text = result.ok ? digestText(result.digest) : '';
    expect(text).toContain('Corrections and withdrawals (2)\n• Brazil: signature 2025-10-25 withdrawn');
    expect(text).toContain('as of 2026-04-09 14:00 UTC from withdrawn.xml');
  });

  it.each([
    ['the later one', 'consents.xml', 'maintenance.html', /^status: .*maintenance\.html: .*maintenance/],
    ['the earlier one', 'empty-table.xml', 'consents.xml', /^status: .*empty-table\.xml: .*empty/],
    ['the later one against the earlier', 'consents.xml', 'reordered-columns.xml', /participants lost/],
  ])('gives the reason when %s is refused', async (_, from, to, reason) => {
    const result = await previewDigest({ from: fixturePath(from), to: fixturePath(to), now });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });
});
