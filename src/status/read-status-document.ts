import { fetchStatus } from './fetch-status.ts';
import { readSnapshot, type SnapshotResult } from './read-snapshot.ts';
import type { StatusSnapshot } from './snapshot.ts';

/** How long a one-off read waits for the source. */
const TIMEOUT_MS = 30_000;

/**
 * Reads one status document (URL, `file://` URL or path) into a snapshot with the tracker's checks, `lastGood`
 * as the snapshot before it. For one-off tools (the digest preview, the chart CLI); the tracker polls itself.
 *
 * @example const result = await readStatusDocument('test/fixtures/untc/consents.xml', undefined, new Date());
 */
export async function readStatusDocument(
  location: string,
  lastGood: StatusSnapshot | undefined,
  now: Date,
): Promise<SnapshotResult> {
  const fetched = await fetchStatus(location, { timeoutMs: TIMEOUT_MS });
  // Only a conditional request can get a 304, and this sends none.
  if (fetched.kind === 'not-modified') return { ok: false, code: 'unreachable', reason: 'status: unexpected 304' };
  return readSnapshot(fetched, lastGood, now);
}
