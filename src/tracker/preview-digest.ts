import { diffSnapshots } from '../status/diff-snapshots.ts';
import { readStatusDocument } from '../status/read-status-document.ts';
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

/** The digest, and the later snapshot it counts from (what its chart draws). */
export type PreviewResult = { ok: true; digest: Digest; snapshot: StatusSnapshot } | { ok: false; reason: string };

/**
 * The digest a channel would get if the status went from `from` to `to`, after the same checks the tracker
 * applies to a fetch (`to` is checked against `from` as its last good snapshot). For the preview CLI. A refusal's
 * reason names the document refused.
 */
export async function previewDigest({ from, to, now, since }: PreviewInput): Promise<PreviewResult> {
  const before = await readStatusDocument(from, undefined, now);
  if (!before.ok) return { ok: false, reason: before.reason };
  const after = await readStatusDocument(to, before.snapshot, now);
  if (!after.ok) return { ok: false, reason: after.reason };
  const changes = diffSnapshots(before.snapshot, after.snapshot);
  const digest = buildDigest({ changes, snapshot: after.snapshot, ...(since ? { since } : {}) });
  return { ok: true, digest, snapshot: after.snapshot };
}
