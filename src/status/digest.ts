import { entryIntoForce } from './entry-into-force.ts';
import type { StatusChange, StatusSnapshot } from './snapshot.ts';
import { CONSENT_KINDS } from './snapshot-schema.ts';
import { asOfText, dayOf, describeChange, formatUtc, progressBar, projectionText } from './status-wording.ts';

/**
 * A digest of ratification changes for a channel: platform-neutral, so each adapter renders it its own way
 * (Block Kit, an embed, plain text via `renderDigestText`).
 */

export interface Digest {
  /** `UN Convention against Cybercrime: ratification update since 2026-11-16 09:00 UTC`. */
  title: string;
  groups: {
    /** New consents to be bound (ratification, acceptance, approval, accession, succession). */
    newParties: StatusChange[];
    newSignatures: StatusChange[];
    /** Corrections and withdrawals: changes to what was recorded before. */
    corrections: StatusChange[];
  };
  progress: {
    /** Instruments counted toward the 40 (art. 65(1)). */
    counted: number;
    /** How many more are needed (0 once reached). */
    needed: number;
    /** `▓▓▓░░░░░░░ 12/40`. */
    bar: string;
  };
  /** The entry-into-force date once 40 are in, otherwise how many more are needed; the signature deadline while open. */
  projection: string;
  /** `as of 2026-11-23 14:00 UTC from treaties.un.org`. */
  asOf: string;
  /** True when there are no changes: a scheduler may skip posting it. */
  empty: boolean;
}

const CONSENT_ACTIONS: ReadonlySet<StatusChange['action']> = new Set(CONSENT_KINDS);

export interface DigestInput {
  /** The changes since the channel's last digest, in diff order. */
  changes: StatusChange[];
  /** The latest trusted snapshot: the count and the "as of" come from it. */
  snapshot: StatusSnapshot;
  /** When the channel's last digest was posted (ISO timestamp), for the title. */
  since?: string;
}

/**
 * Groups the changes and adds where the count stands.
 *
 * @example renderDigestText(buildDigest({ changes: diffSnapshots(before, after), snapshot: after, since }))
 */
export function buildDigest({ changes, snapshot, since }: DigestInput): Digest {
  const status = entryIntoForce(snapshot);
  return {
    title: `UN Convention against Cybercrime: ratification update${since ? ` since ${formatUtc(since)}` : ''}`,
    groups: {
      newParties: changes.filter((change) => CONSENT_ACTIONS.has(change.action)),
      newSignatures: changes.filter((change) => change.action === 'signature'),
      corrections: changes.filter((change) => change.action === 'correction' || change.action === 'withdrawal'),
    },
    progress: { counted: status.counted, needed: status.needed, bar: progressBar(status.counted) },
    projection: projectionText(status, dayOf(snapshot.fetchedAt)),
    asOf: asOfText(snapshot),
    empty: changes.length === 0,
  };
}

/** The digest as plain text, for the console adapter and the preview CLI. */
export function renderDigestText(digest: Digest): string {
  const { newParties, newSignatures, corrections } = digest.groups;
  const sections = [
    section('New parties', newParties),
    section('New signatures', newSignatures),
    section('Corrections and withdrawals', corrections),
  ].filter((lines) => lines.length > 0);
  return [
    digest.title,
    '',
    ...(digest.empty ? [['No changes in the record.']] : sections).flatMap((lines) => [...lines, '']),
    `Toward entry into force: ${digest.progress.bar}`,
    digest.projection,
    digest.asOf,
  ].join('\n');
}

function section(heading: string, changes: StatusChange[]): string[] {
  if (changes.length === 0) return [];
  return [`${heading} (${changes.length}):`, ...changes.map((change) => `• ${describeChange(change)}`)];
}
