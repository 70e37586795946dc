import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../src/status/diff-snapshots.ts';
import { buildDigest, renderDigestText } from '../../src/status/digest.ts';
import { previewDigest } from '../../src/status/preview-digest.ts';
import type { StatusChange } from '../../src/status/snapshot.ts';
import { statusReply } from '../../src/status/status-reply.ts';
import { progressBar } from '../../src/status/status-wording.ts';
import { addDays } from '../../src/status/untc-date.ts';
import { STATUS_PAGE_URL } from '../../src/status/untc-source.ts';
import { fixturePath, fixtureSnapshot, ratifiers, snapshotOf } from './helpers.ts';

// What users read: the digest, the `/treaty status` reply and the preview of a digest between two documents.

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
    expect(digest.progress).toEqual({ counted: 12, needed: 28, bar: '▓▓▓░░░░░░░ 12/40' });
  });

  it('names the time and source of the record, and the period', () => {
    expect(digest.asOf).toBe('as of 2026-04-02 14:00 UTC from treaties.un.org');
    expect(digest.title).toBe('UN Convention against Cybercrime: ratification update since 2026-03-26 14:00 UTC');
  });

  it('projects what is needed, and the signature deadline while signature is open', () => {
    expect(digest.projection).toMatch(/^28 more instruments .* needed/);
    expect(digest.projection).toMatch(/Open for signature until 2026-12-31/);
  });

  it('counts down to the last instrument', () => {
    const one = buildDigest({ changes: [], snapshot: snapshotOf(ratifiers(39, () => '2026-05-01')) });
    expect(one.projection).toMatch(/^1 more instrument of ratification/);
  });

  it('projects the entry-into-force date once 40 are in', () => {
    const forty = buildDigest({
      changes: [],
      snapshot: fixtureSnapshot('forty-instruments.xml', '2026-11-23T14:00:00Z'),
    });
    expect(forty.progress).toEqual({ counted: 40, needed: 0, bar: '▓▓▓▓▓▓▓▓▓▓ 40/40' });
    expect(forty.projection).toBe(
      'Enters into force on 2027-02-03, the 90th day after the 40th instrument was deposited on 2026-11-05 (art. 65). ' +
        'Open for signature until 2026-12-31 (art. 64).',
    );
  });

  it('says the Convention is in force once the date has passed, and drops the closed signature', () => {
    const later = buildDigest({
      changes: [],
      snapshot: fixtureSnapshot('forty-instruments.xml', '2027-03-01T08:00:00Z'),
    });
    expect(later.projection).toBe('In force since 2027-02-03 (the 40th instrument was deposited on 2026-11-05).');
  });

  it('flags a digest without changes as empty', () => {
    const empty = buildDigest({ changes: [], snapshot });
    expect(empty.empty).toBe(true);
    expect(empty.title).toBe('UN Convention against Cybercrime: ratification update');
    expect(renderDigestText(empty)).toContain('No changes in the record.');
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

describe('renderDigestText', () => {
  it('renders the digest between two fixture days as plain text', () => {
    const before = fixtureSnapshot('signatures-only.xml');
    const after = fixtureSnapshot('consents.xml', '2026-04-02T14:00:00Z');
    const text = renderDigestText(
      buildDigest({ changes: diffSnapshots(before, after), snapshot: after, since: '2026-03-01T09:00:00Z' }),
    );
    expect(text).toBe(
      [
        'UN Convention against Cybercrime: ratification update since 2026-03-01 09:00 UTC',
        '',
        'New parties (7):',
        '• Viet Nam ratified on 2026-01-12',
        '• Egypt ratified on 2026-02-02',
        '• Japan accepted on 2026-02-20',
        '• European Union approved on 2026-03-04 (not counted as additional to its member States, art. 65)',
        '• Ghana ratified on 2026-03-09',
        '• Mongolia acceded on 2026-03-16',
        '• South Sudan succeeded on 2026-04-01 (a succession is not counted toward the 40)',
        '',
        'New signatures (1):',
        '• Norway signed on 2026-02-10',
        '',
        'Toward entry into force: ▓░░░░░░░░░ 5/40',
        '35 more instruments of ratification, acceptance, approval or accession needed; the Convention enters into ' +
          'force on the 90th day after the 40th (art. 65). Open for signature until 2026-12-31 (art. 64).',
        'as of 2026-04-02 14:00 UTC from consents.xml',
      ].join('\n'),
    );
  });

  it('says what a correction and a withdrawal changed', () => {
    const text = renderDigestText(buildDigest({ changes, snapshot: snapshotOf([]) }));
    expect(text).toContain('Corrections and withdrawals (2):');
    expect(text).toContain('• Japan: record corrected to acceptance 2026-02-20 (was ratification 2026-02-20)');
    expect(text).toContain('• Brazil: signature 2025-10-25 withdrawn');
  });
});

describe('statusReply', () => {
  const snapshot = fixtureSnapshot('consents.xml', '2026-04-02T14:00:00Z');

  it('is a status reply with the counts, the projection and the time and source', () => {
    const reply = statusReply(snapshot, undefined, 'status');
    expect(reply).toMatchObject({ kind: 'status', title: 'Ratification status', query: 'status', lang: 'en' });
    expect(reply.statusLines).toEqual([
      'Signatories: 13',
      'Instruments counted toward entry into force: ▓░░░░░░░░░ 5/40 (35 more needed)',
      'Not counted under art. 65(1): European Union, South Sudan',
      expect.stringMatching(/^35 more instruments .* Open for signature until 2026-12-31 \(art\. 64\)\.$/),
      'Record as of 2026-04-02 14:00 UTC from consents.xml',
    ]);
    expect(reply.notices).toEqual([`Official record: ${STATUS_PAGE_URL}`]);
    expect(reply.excerpts).toEqual([]);
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
    const reply = statusReply(snapshot, undefined, 'status', latest);
    expect(reply.statusLines.filter((line) => line.startsWith('Latest: '))).toEqual([
      'Latest: South Sudan succeeded on 2026-04-01 (a succession is not counted toward the 40)',
      'Latest: Mongolia acceded on 2026-03-16',
      'Latest: Ghana ratified on 2026-03-09',
      'Latest: European Union approved on 2026-03-04 (not counted as additional to its member States, art. 65)',
      'Latest: Japan accepted on 2026-02-20',
    ]);
  });

  it('says since when the source has been failing, and that the last good record is shown', () => {
    const reply = statusReply(
      snapshot,
      { since: '2026-04-03T06:00:00Z', reason: 'status: treaties.un.org is under maintenance' },
      'status',
    );
    expect(reply.statusLines.at(-1)).toBe(
      'Source unavailable since 2026-04-03 06:00 UTC (treaties.un.org is under maintenance); showing the last good record.',
    );
    expect(reply.statusLines).toContain('Record as of 2026-04-02 14:00 UTC from consents.xml');
  });

  it('says so when nothing has been fetched yet', () => {
    const reply = statusReply(undefined, { since: '2026-04-03T06:00:00Z', reason: 'status: HTTP 503' }, 'status');
    expect(reply.statusLines).toEqual([
      'No ratification status has been fetched yet.',
      'Source unavailable since 2026-04-03 06:00 UTC (HTTP 503).',
    ]);
  });

  it('says the count is reached and dates entry into force after 40', () => {
    const reply = statusReply(fixtureSnapshot('forty-instruments.xml', '2026-11-23T14:00:00Z'), undefined, 'status');
    expect(reply.statusLines).toContain('Instruments counted toward entry into force: ▓▓▓▓▓▓▓▓▓▓ 40/40 (40 reached)');
    expect(reply.statusLines.some((line) => line.startsWith('Enters into force on 2027-02-03'))).toBe(true);
  });
});

describe('previewDigest', () => {
  const now = new Date('2026-04-09T14:00:00Z');

  it('renders the digest between two snapshots', async () => {
    const result = await previewDigest({ from: fixturePath('consents.xml'), to: fixturePath('withdrawn.xml'), now });
    expect(result.ok).toBe(true);
    const text = result.ok ? result.text : '';
    expect(text).toContain('Corrections and withdrawals (2):\n• Brazil: signature 2025-10-25 withdrawn');
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
