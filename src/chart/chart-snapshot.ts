import { existsSync } from 'node:fs';
import { silentLogger } from '../logger.ts';
import { readStatusDocument } from '../status/read-status-document.ts';
import type { StatusSnapshot } from '../status/snapshot.ts';
import { openStore, storePath } from '../store/open-store.ts';

/** Where the chart CLI takes its snapshot from: status documents, or the bot's database. */
export type ChartSource =
  /** `to` read with the tracker's checks, against `from` as the snapshot before it when given. */
  | { kind: 'documents'; from?: string; to: string; now: Date }
  /** The newest good snapshot stored under DATA_DIR. */
  | { kind: 'store'; dataDir: string };

export type ChartSnapshot = { ok: true; snapshot: StatusSnapshot } | { ok: false; reason: string };

/**
 * The snapshot to draw: the later of two documents, trusted as the tracker would trust a fetch, or the last good
 * one the bot stored. A refusal or an empty database is a reason, never an exception.
 *
 * @example await chartSnapshot({ kind: 'store', dataDir: 'data' })
 */
export async function chartSnapshot(source: ChartSource): Promise<ChartSnapshot> {
  if (source.kind === 'store') return storedSnapshot(source.dataDir);
  const before = source.from ? await readStatusDocument(source.from, undefined, source.now) : undefined;
  if (before && !before.ok) return { ok: false, reason: before.reason };
  const after = await readStatusDocument(source.to, before?.snapshot, source.now);
  return after.ok ? after : { ok: false, reason: after.reason };
}

function storedSnapshot(dataDir: string): ChartSnapshot {
  const path = storePath(dataDir);
  const missing = `no status stored in ${path} yet (the bot stores one at its first poll; \`npm run ask -- status\` reads one)`;
  // Opening would create an empty database: a chart tool must not leave one behind.
  if (!existsSync(path)) return { ok: false, reason: missing };
  const store = openStore(path, silentLogger);
  try {
    const last = store.snapshots.lastGood();
    return last ? { ok: true, snapshot: last.snapshot } : { ok: false, reason: missing };
  } finally {
    store.close();
  }
}
