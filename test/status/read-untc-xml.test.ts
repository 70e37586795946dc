import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUntcXml } from '../../src/status/parse-untc-xml.ts';
import type { Participant } from '../../src/status/snapshot.ts';
import { addDays, formatUntcDate, isIsoDate, parseUntcDate } from '../../src/status/untc-date.ts';
import { parseXmlTree } from '../../src/status/xml-tree.ts';
import { fixtureText } from './support/snapshots.ts';

// Reading the UNTC document: its dates, then the whole table (one file: each test file costs a worker start).

const context = { source: 'fixture.xml', fetchedAt: '2026-04-02T14:00:00.000Z' };

function parse(xml: string) {
  const result = parseUntcXml(xml, context);
  if (!result.ok) throw new Error(result.reason);
  return result.snapshot;
}

function byName(participants: Participant[], name: string): Participant | undefined {
  return participants.find((participant) => participant.name === name);
}

/** A document with the given header and rows, in the shape of the UNTC file. */
function document(headers: string[], rows: string[][], root = 'Anything'): string {
  const entries = (cells: string[]) => cells.map((cell) => `<Entry>${cell}</Entry>`).join('');
  return `<?xml version="1.0"?><${root}><Treaty><Participants><Table><TGroup>
    <Thead><Row>${entries(headers)}</Row></Thead>
    <Tbody><Rows>${rows.map((row) => `<Row>${entries(row)}</Row>`).join('')}</Rows></Tbody>
  </TGroup></Table></Participants></Treaty></${root}>`;
}

const HEADERS = ['Participant', 'Signature', 'Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)'];

describe('parseUntcDate', () => {
  it.each([
    ['25 Oct 2025', '2025-10-25'],
    ['5 Nov 2026', '2026-11-05'],
    ['05 Nov 2026', '2026-11-05'],
    ['1 January 2027', '2027-01-01'],
    ['25 Sept. 2025', '2025-09-25'],
    ['29 Feb 2028', '2028-02-29'],
    ['31 dec 2026', '2026-12-31'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseUntcDate(text)).toBe(iso);
  });

  it.each([
    ['an impossible day', '31 Apr 2026'],
    ['29 February outside a leap year', '29 Feb 2026'],
    ['an unknown month', '25 Ocx 2025'],
    ['a two-digit year', '25 Oct 25'],
    ['an ISO date', '2025-10-25'],
    ['an empty cell', ''],
  ])('refuses %s', (_, text) => {
    expect(parseUntcDate(text)).toBeUndefined();
  });
});

describe('formatUntcDate', () => {
  it('writes a date as the UN does', () => {
    expect(formatUntcDate('2025-10-25')).toBe('25 Oct 2025');
    expect(formatUntcDate('2027-02-03')).toBe('3 Feb 2027');
  });

  it('round-trips every calendar date through the UN format', () => {
    const day = fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2199-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(day, (date) => {
        const iso = date.toISOString().slice(0, 10);
        expect(parseUntcDate(formatUntcDate(iso))).toBe(iso);
      }),
    );
  });
});

describe('addDays', () => {
  it.each([
    ['2026-11-05', 90, '2027-02-03'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2027-12-15', 90, '2028-03-14'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('%s plus %i days is %s', (from, days, to) => {
    expect(addDays(from, days)).toBe(to);
  });

  it('refuses a date that does not exist', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(() => addDays('2026-02-29', 1)).toThrow(/^status: /);
  });
});

describe('parseUntcXml', () => {
  it('reads one participant per row of a signatures-only table', () => {
    const snapshot = parse(fixtureText('signatures-only.xml'));
    expect(snapshot.participants).toHaveLength(12);
    expect(snapshot.participants.every((participant) => participant.signature && !participant.consent)).toBe(true);
    expect(byName(snapshot.participants, 'Brazil')).toEqual({
      name: 'Brazil',
      footnotes: [],
      signature: '2025-10-25',
      regionalOrganization: false,
    });
    expect(snapshot).toMatchObject({ source: 'fixture.xml', fetchedAt: '2026-04-02T14:00:00.000Z' });
  });

  it.each([
    ['tabs', 'China', '2025-10-25'],
    ['no-break spaces', 'Egypt', '2025-10-26'],
    ['extra spaces around and inside', 'France', '2025-10-25'],
  ])('reads signature dates written with %s', (_, name, date) => {
    expect(byName(parse(fixtureText('signatures-only.xml')).participants, name)?.signature).toBe(date);
  });

  it('drops format and tag characters from a name, so it stays the same name between fetches', () => {
    const xml = fixtureText('signatures-only.xml').replace('>Brazil<', '>Bra\u200Dzil\u202E\u{E0041}<');
    expect(byName(parse(xml).participants, 'Brazil')?.signature).toBe('2025-10-25');
  });

  it('takes footnote markers out of the name', () => {
    const { participants } = parse(fixtureText('signatures-only.xml'));
    expect(byName(participants, 'Cuba')?.footnotes).toEqual(['1']);
    expect(byName(participants, 'Türkiye')?.footnotes).toEqual(['3', '4']);
    expect(participants.some((participant) => participant.name.includes('<'))).toBe(false);
  });

  it('flags the European Union as a regional organization and no one else', () => {
    const { participants } = parse(fixtureText('signatures-only.xml'));
    expect(participants.filter((participant) => participant.regionalOrganization).map(({ name }) => name)).toEqual([
      'European Union',
    ]);
  });

  it.each([
    ['Viet Nam', { date: '2026-01-12', kind: 'ratification' }],
    ['Japan', { date: '2026-02-20', kind: 'acceptance' }],
    ['European Union', { date: '2026-03-04', kind: 'approval' }],
    ['Mongolia', { date: '2026-03-16', kind: 'accession' }],
    ['South Sudan', { date: '2026-04-01', kind: 'succession' }],
  ])('reads the consent of %s with its kind', (name, consent) => {
    expect(byName(parse(fixtureText('consents.xml')).participants, name)?.consent).toEqual(consent);
  });

  it('keeps a participant that consented without signing', () => {
    expect(byName(parse(fixtureText('consents.xml')).participants, 'Mongolia')).toEqual({
      name: 'Mongolia',
      footnotes: [],
      consent: { date: '2026-03-16', kind: 'accession' },
      regionalOrganization: false,
    });
  });

  it('reads the header figures from ExternalData', () => {
    expect(parse(fixtureText('consents.xml')).published).toEqual({
      signatories: 13,
      parties: 7,
      entryIntoForce: 'Entry into force: not yet in force (see article 65).',
    });
  });

  describe('with the columns in another order', () => {
    const snapshot = parse(fixtureText('reordered-columns.xml'));

    it('maps each column by its header', () => {
      expect(snapshot.participants.map(({ name, signature, consent }) => [name, signature, consent?.kind])).toEqual([
        ['Cuba', '2025-10-25', 'ratification'],
        ['European Union', '2025-10-25', 'approval'],
        ['Mongolia', undefined, 'accession'],
        ['Serbia', '2026-01-14', undefined],
        ['Viet Nam', '2025-10-25', undefined],
      ]);
    });

    it('reads a footnote sent as a real superscript element', () => {
      expect(byName(snapshot.participants, 'Cuba')?.footnotes).toEqual(['1']);
    });

    it('finds ExternalData by name outside Treaty, and joins the EIF label and text', () => {
      expect(snapshot.published).toEqual({
        signatories: 4,
        parties: 3,
        entryIntoForce: 'Entry into force: not yet in force (see article 65).',
      });
    });
  });

  it('reads a table under any root element, and without ExternalData', () => {
    const snapshot = parse(document(HEADERS, [['Chile', '25 Oct 2025', '']], 'SomethingElse'));
    expect(snapshot.participants.map(({ name }) => name)).toEqual(['Chile']);
    expect(snapshot.published).toEqual({});
  });

  it('moves footnotes on a date cell to the participant', () => {
    const snapshot = parse(document(HEADERS, [['Chile', '25 Oct 2025&lt;superscript&gt;7&lt;/superscript&gt;', '']]));
    expect(snapshot.participants[0]).toMatchObject({ signature: '2025-10-25', footnotes: ['7'] });
  });

  it('reads a date with a tab and a space in it (22 Apr\t 2016)', () => {
    const snapshot = parse(document(HEADERS, [['Chile', '22 Apr\t 2016', '3\tSep 2016 A']]));
    expect(snapshot.participants[0]).toMatchObject({
      signature: '2016-04-22',
      consent: { date: '2016-09-03', kind: 'acceptance' },
    });
  });

  it('reads a date whose footnote marker comes before or after the suffix', () => {
    const note = (n: number) => `&lt;superscript&gt;${n}&lt;/superscript&gt;`;
    const snapshot = parse(
      document(HEADERS, [
        ['Chile', '', `12 Mar 2026${note(3)} a`],
        ['Peru', '', `12 Mar 2026 AA${note(4)}`],
      ]),
    );
    expect(snapshot.participants.map(({ consent, footnotes }) => [consent?.kind, footnotes])).toEqual([
      ['accession', ['3']],
      ['approval', ['4']],
    ]);
  });

  it('reads a bracketed date ([20 Jan 2021 A]) as a record no longer in effect', () => {
    const snapshot = parse(document(HEADERS, [['United States of America', '22 Apr\t 2016', '[20 Jan 2021 A]']]));
    expect(snapshot.participants[0]).toEqual({
      name: 'United States of America',
      footnotes: [],
      signature: '2016-04-22',
      regionalOrganization: false,
    });
  });

  it('reads a bracketed name as a participant that has withdrawn: none of its dates is in effect', () => {
    const note = '&lt;superscript&gt;5&lt;/superscript&gt;';
    const snapshot = parse(document(HEADERS, [[`[Utopia]${note}`, '25 Oct 2025', '2 Feb 2026']]));
    expect(snapshot.participants[0]).toEqual({ name: 'Utopia', footnotes: ['5'], regionalOrganization: false });
  });

  it.each([
    ['a cut-off document', fixtureText('truncated-mid-way.xml'), 'malformed', /truncated or malformed/],
    [
      'a bracket around part of a date',
      document(HEADERS, [['Chile', '', '20 Jan 2021 [A]']]),
      'unreadable-row',
      /\[A\]/,
    ],
    [
      'brackets around what is not a date',
      document(HEADERS, [['Chile', '[pending]', '']]),
      'unreadable-row',
      /pending/,
    ],
    [
      'a bracketed name with an unreadable date',
      document(HEADERS, [['[Chile]', '', '[soon]']]),
      'unreadable-row',
      /soon/,
    ],
    ['XML without a Treaty', '<Other><Row/></Other>', 'no-table', /no Treaty/],
    ['unknown headers', document(['Name', 'Date', 'Other'], [['Chile', '', '']]), 'no-table', /columns/],
    ['an unreadable date', document(HEADERS, [['Chile', '25 Oct 2025', '32 Jan 2026']]), 'unreadable-row', /Chile/],
    ['an unknown suffix', document(HEADERS, [['Chile', '', '2 Feb 2026 x']]), 'unreadable-row', /2 Feb 2026 x/],
    ['a row without a name', document(HEADERS, [['', '25 Oct 2025', '']]), 'unreadable-row', /row 1/],
    [
      'a participant listed twice',
      document(HEADERS, [
        ['Chile', '25 Oct 2025', ''],
        ['Chile', '26 Oct 2025', ''],
      ]),
      'invalid',
      /listed twice/,
    ],
  ])('refuses %s', (_, xml, code, reason) => {
    const result = parseUntcXml(xml, context);
    expect(result).toMatchObject({ ok: false, code });
    expect(!result.ok && result.reason).toMatch(/^status: /);
    expect(!result.ok && result.reason).toMatch(reason);
  });
});

describe('parseXmlTree', () => {
  it('returns a problem, not an exception, for an external entity the validator lets through', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
    expect(parseXmlTree(xxe)).toMatchObject({ ok: false, problem: expect.stringMatching(/external entit/i) });
  });
});
