import { checkBody, checkSnapshot, DEFAULT_LIMITS, type SnapshotLimits } from './check-snapshot.ts';
import type { FetchResult } from './fetch-status.ts';
import { parseUntcXml } from './parse-untc-xml.ts';
import { type Refusal, refusedAt } from './refusal.ts';
import type { StatusSnapshot } from './snapshot.ts';

/** A fetch that brought something (a body or a failure). A 304 brings nothing new: handle it before calling. */
export type FetchOutcome = Exclude<FetchResult, { kind: 'not-modified' }>;

export type SnapshotResult = { ok: true; snapshot: StatusSnapshot } | Refusal;

/**
 * Turns a fetch into a trusted snapshot, or says why not: the body checks (maintenance page, HTML, not XML),
 * then parsing (well-formed XML, a readable table), then the plausibility checks against `lastGood`. Every
 * refusal names the document (`status: <url or path>: …`), so a reply can say where the bot looked.
 *
 * @example
 * const fetched = await fetchStatus(url, { timeoutMs: 30_000, previous });
 * if (fetched.kind === 'not-modified') return;
 * const result = readSnapshot(fetched, lastGood, new Date());
 * if (!result.ok) logger.warn({ code: result.code }, result.reason); // keep lastGood, post nothing
 */
export function readSnapshot(
  fetched: FetchOutcome,
  lastGood: StatusSnapshot | undefined,
  now: Date,
  limits: SnapshotLimits = DEFAULT_LIMITS,
): SnapshotResult {
  if (fetched.kind === 'failed') return { ok: false, code: fetched.code, reason: fetched.reason };
  const body = checkBody(fetched.body);
  if (!body.ok) return refusedAt(fetched.source, body);
  const parsed = parseUntcXml(fetched.body, { source: fetched.source, fetchedAt: now.toISOString() });
  if (!parsed.ok) return refusedAt(fetched.source, parsed);
  const checked = checkSnapshot(parsed.snapshot, lastGood, limits);
  return checked.ok ? parsed : refusedAt(fetched.source, checked);
}
