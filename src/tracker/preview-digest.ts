import { diffSnapshots } from '../status/diff-snapshots.ts';
import { fetchStatus } from '../status/fetch-status.ts';
import { readSnapshot, type SnapshotResult } from '../status/read-snapshot.ts';
import type { StatusSnapshot } from '../status/snapshot.ts';
import { buildDigest, type Digest } from './digest.ts';

export interface PreviewInput {
  /** The earlier status document (URL, `file://` URL or path). */
  from: string;
  /** The later one. */
  to: string;
  /** The time both are read at: the digest's "as of". */
  now: Date;
  /** The previous digest's time, for the title. */
  since?: string;
}

export type PreviewResult = { ok: true; digest: Digest } | { ok: false; reason: string };

/**
 * The digest a channel would get if the status went from `from` to `to`, after the same checks the tracker
 * applies to a fetch (`to` is checked against `from` as its last good snapshot). For the preview CLI.
 */
export async function previewDigest({ from, to, now, since }: PreviewInput): Promise<PreviewResult> {
  const before = await load(from, undefined, now);
  if (!before.ok) return { ok: false, reason: `${from}: ${before.reason}` };
  const after = await load(to, before.snapshot, now);
  if (!after.ok) return { ok: false, reason: `${to}: ${after.reason}` };
  const changes = diffSnapshots(before.snapshot, after.snapshot);
  return { ok: true, digest: buildDigest({ changes, snapshot: after.snapshot, ...(since ? { since } : {}) }) };
}

async function load(location: string, lastGood: StatusSnapshot | undefined, now: Date): Promise<SnapshotResult> {
  const fetched = await fetchStatus(location, { timeoutMs: 30_000 });
  // Only a conditional request can get a 304, and the preview sends none.
  if (fetched.kind === 'not-modified') return { ok: false, code: 'unreachable', reason: 'status: unexpected 304' };
  return readSnapshot(fetched, lastGood, now);
}
