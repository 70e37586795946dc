import { type EntryIntoForce, entryIntoForce } from '../status/entry-into-force.ts';
import type { StatusChange, StatusSnapshot } from '../status/snapshot.ts';
import { CONSENT_KINDS } from '../status/snapshot-schema.ts';

/**
 * The facts of a digest of ratification changes for a channel: the changes grouped, where the count stands and
 * when and where the record was read. The answer layer words it (src/answer/digest-reply.ts).
 */
export interface Digest {
  /** When the channel's last digest was posted (ISO timestamp), if it had one. */
  since?: string;
  groups: {
    /** New consents to be bound (ratification, acceptance, approval, accession, succession). */
    newParties: StatusChange[];
    newSignatures: StatusChange[];
    /** Corrections and withdrawals: changes to what was recorded before. */
    corrections: StatusChange[];
  };
  status: EntryIntoForce;
  /** The snapshot the count comes from: when and where it was read. */
  record: Pick<StatusSnapshot, 'fetchedAt' | 'source'>;
  /** True when there are no changes: a scheduler may skip posting it. */
  empty: boolean;
}

const CONSENT_ACTIONS: ReadonlySet<StatusChange['action']> = new Set(CONSENT_KINDS);

export interface DigestInput {
  /** The changes since the channel's last digest, in diff order. */
  changes: StatusChange[];
  /** The latest trusted snapshot: the count and the "as of" come from it. */
  snapshot: StatusSnapshot;
  since?: string;
}

/**
 * Groups the changes and adds where the count stands.
 *
 * @example digestReply(buildDigest({ changes: diffSnapshots(before, after), snapshot: after, since }))
 */
export function buildDigest({ changes, snapshot, since }: DigestInput): Digest {
  return {
    ...(since ? { since } : {}),
    groups: {
      newParties: changes.filter((change) => CONSENT_ACTIONS.has(change.action)),
      newSignatures: changes.filter((change) => change.action === 'signature'),
      corrections: changes.filter((change) => change.action === 'correction' || change.action === 'withdrawal'),
    },
    status: entryIntoForce(snapshot),
    record: { fetchedAt: snapshot.fetchedAt, source: snapshot.source },
    empty: changes.length === 0,
  };
}
