import { type Refusal, refuse } from './refusal.ts';
import type { Participant, StatusSnapshot } from './snapshot.ts';
import { firstIssue, statusSnapshotSchema } from './snapshot-schema.ts';
import {
  isRegionalOrganization,
  normalizeSpace,
  readBracketed,
  readCellText,
  readConsentCell,
  readSignatureCell,
} from './untc-cells.ts';
import { childAt, findElement, findElements, parseXmlTree, textOf, type XmlElement } from './xml-tree.ts';

/**
 * Reads the UN Treaty Collection's XML status of XVIII-16 into a snapshot. The layout (DESIGN §6):
 *
 * ```xml
 * <AnyRoot>                                   ← its name is not relied on
 *   <Treaty>
 *     … <ExternalData> … <Status><Signatories>72</Signatories><Parties>0</Parties></Status>
 *                        <EIF><Labeltext>…</Labeltext></EIF> … </ExternalData>   ← found by name, at any depth
 *     <Participants><Table><TGroup>
 *       <Thead><Row><Entry>Participant</Entry><Entry>Signature</Entry><Entry>Ratification, …</Entry></Row></Thead>
 *       <Tbody><Rows><Row><Entry>Cuba&lt;superscript&gt;3&lt;/superscript&gt;</Entry>
 *                         <Entry>25 Oct 2025</Entry><Entry>12 Mar 2026 a</Entry></Row> …</Rows></Tbody>
 * ```
 *
 * Columns are mapped by their header text, since their order is not fixed. The result is not yet trusted:
 * `checkSnapshot` decides whether it is plausible.
 */

export interface ParseContext {
  /** URL or file path the XML came from. */
  source: string;
  /** ISO timestamp of the fetch. */
  fetchedAt: string;
}

export type ParseResult = { ok: true; snapshot: StatusSnapshot } | Refusal;

type Role = 'participant' | 'signature' | 'consent';

/** How each column is recognised from its header, tried in this order (the consent header never says "signature"). */
const HEADER_PATTERNS: ReadonlyArray<[Role, RegExp]> = [
  ['consent', /ratification|acceptance|approval|accession|consent/i],
  ['participant', /participant|state|country/i],
  ['signature', /signature/i],
];

/** Parses the XVIII-16 XML. Never throws: anything it cannot read becomes a refusal with a reason. */
export function parseUntcXml(xml: string, context: ParseContext): ParseResult {
  const tree = parseXmlTree(xml);
  if (!tree.ok) return refuse('malformed', `the XML is truncated or malformed (${tree.problem})`);
  const treaty = findElement(tree.root, 'Treaty');
  const participantsTable = treaty && findElement(treaty, 'Participants');
  const group = participantsTable && findElement(participantsTable, 'TGroup');
  const head = group && childAt(group, ['Thead']);
  const header = head && findElement(head, 'Row');
  const body = group && childAt(group, ['Tbody']);
  if (!header || !body) return refuse('no-table', 'no Treaty/Participants/Table/TGroup with a Thead and a Tbody');

  const columns = mapColumns(findElements(header, 'Entry').map((entry) => readCellText(textOf(entry)).plain));
  if ('problem' in columns) return refuse('no-table', columns.problem);

  const participants: Participant[] = [];
  for (const [index, row] of findElements(body, 'Row').entries()) {
    const read = readRow(findElements(row, 'Entry'), columns);
    if ('problem' in read) return refuse('unreadable-row', `row ${index + 1}: ${read.problem}`);
    participants.push(read);
  }

  const checked = statusSnapshotSchema.safeParse({
    source: context.source,
    fetchedAt: context.fetchedAt,
    participants,
    published: readPublished(tree.root),
  });
  if (!checked.success) return refuse('invalid', firstIssue(checked.error));
  return { ok: true, snapshot: checked.data };
}

/** Which cell index holds which column, from the header texts. */
function mapColumns(headers: string[]): Record<Role, number> | { problem: string } {
  const columns: Partial<Record<Role, number>> = {};
  headers.forEach((header, index) => {
    const role = HEADER_PATTERNS.find(([, pattern]) => pattern.test(header))?.[0];
    if (role && columns[role] === undefined) columns[role] = index;
  });
  const { participant, signature, consent } = columns;
  if (participant === undefined || signature === undefined || consent === undefined) {
    return { problem: `cannot tell the columns apart from the headers ${JSON.stringify(headers)}` };
  }
  return { participant, signature, consent };
}

function readRow(cells: XmlElement[], columns: Record<Role, number>): Participant | { problem: string } {
  // A missing trailing cell reads as an empty one, as an empty <Entry/> would.
  const cell = (role: Role) => {
    const entry = cells[columns[role]];
    return readCellText(entry ? textOf(entry) : '');
  };
  const nameCell = cell('participant');
  // A bracketed name is a participant that has withdrawn from the treaty: none of its records is in effect.
  const { text: name, bracketed: withdrawn } = readBracketed(nameCell.plain);
  if (name === '') return { problem: 'no participant name' };
  const signatureCell = cell('signature');
  const consentCell = cell('consent');
  const signature = readSignatureCell(signatureCell.plain);
  if ('problem' in signature) return { problem: `${name}: ${signature.problem}` };
  const consent = readConsentCell(consentCell.plain);
  if ('problem' in consent) return { problem: `${name}: ${consent.problem}` };
  return {
    name,
    // Footnotes on a date cell belong to the participant too.
    footnotes: [...new Set([...nameCell.footnotes, ...signatureCell.footnotes, ...consentCell.footnotes])],
    ...(signature.date && !withdrawn ? { signature: signature.date } : {}),
    ...(consent.consent && !withdrawn ? { consent: consent.consent } : {}),
    regionalOrganization: isRegionalOrganization(name),
  };
}

/** Header figures from the `ExternalData` element, wherever it sits. */
function readPublished(root: XmlElement): StatusSnapshot['published'] {
  const external = findElement(root, 'ExternalData');
  if (!external) return {};
  const status = findElement(external, 'Status');
  const count = (name: string) => {
    const element = status && findElement(status, name);
    const digits = element ? normalizeSpace(textOf(element)).replace(/[,\s]/g, '') : '';
    return /^\d+$/.test(digits) ? Number(digits) : undefined;
  };
  const eif = findElement(external, 'EIF');
  // `Labeltext` holds the text; some UNTC entries put the label there and the date in a sibling `Text`.
  const eifText = eif
    ? normalizeSpace(['Labeltext', 'Text'].map((name) => readEifPart(eif, name)).join(' '))
    : undefined;
  const published: StatusSnapshot['published'] = {};
  const signatories = count('Signatories');
  const parties = count('Parties');
  if (signatories !== undefined) published.signatories = signatories;
  if (parties !== undefined) published.parties = parties;
  if (eifText) published.entryIntoForce = eifText;
  return published;
}

function readEifPart(eif: XmlElement, name: string): string {
  const element = childAt(eif, [name]);
  return element ? readCellText(textOf(element)).plain : '';
}
