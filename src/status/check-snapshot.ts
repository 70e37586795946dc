import { type Refusal, refuse } from './refusal.ts';
import type { StatusSnapshot } from './snapshot.ts';

/**
 * Sanity before trust: a fetch is only believed when it looks like the real status document and tells a story
 * a real day at the UN could produce. Everything here returns a refusal, never throws: a bad fetch must only
 * ever cost one poll, never a wrong digest.
 */

export interface SnapshotLimits {
  /**
   * How many participants may lose their row, signature or consent since the last good snapshot. Withdrawals
   * are rare and come one at a time; a larger loss means a broken or partial document.
   */
  maxLost: number;
  /**
   * How far the table's signature count may stray from the published `Status/Signatories` figure. The two are
   * generated together, so a gap wider than this means rows are missing (a truncated table).
   */
  countTolerance: number;
}

export const DEFAULT_LIMITS: SnapshotLimits = { maxLost: 3, countTolerance: 3 };

export type Checked = { ok: true } | Refusal;

/** The maintenance notice the UNTC serves, with HTTP 200, in place of the XML. */
const MAINTENANCE = /urgent\s+maintenance\s+and\s+is\s+currently\s+unavailable/i;

/** Rejects a body that is not the XML document at all: the maintenance page, any HTML page, an empty or non-XML body. */
export function checkBody(body: string): Checked {
  const start = body.replace(/^\ufeff/, '').trimStart();
  if (start === '') return refuse('not-xml', 'the source sent an empty body');
  if (MAINTENANCE.test(body)) return refuse('maintenance', 'treaties.un.org is under maintenance');
  if (/^(<\?xml[^>]*>\s*)?(<!doctype\s+html|<html[\s>])/i.test(start)) {
    return refuse('not-xml', 'the source sent an HTML page, not the XML status');
  }
  if (!start.startsWith('<')) {
    return refuse('not-xml', `the source sent something other than XML (it starts "${start.slice(0, 20)}")`);
  }
  // The UNTC file has no DTD. One that declares entities could read local files or expand a billion laughs.
  if (/<!doctype|<!entity/i.test(body)) {
    return refuse('dtd', 'the XML declares a DOCTYPE or entities, which the status XML never has');
  }
  return { ok: true };
}

/**
 * Rejects a parsed snapshot that cannot be right: an empty table, a table whose signatures contradict the
 * published count, or one that loses more than `limits.maxLost` participants compared with `lastGood`.
 */
export function checkSnapshot(
  snapshot: StatusSnapshot,
  lastGood?: StatusSnapshot,
  limits: SnapshotLimits = DEFAULT_LIMITS,
): Checked {
  if (snapshot.participants.length === 0) return refuse('empty-table', 'the participants table is empty');

  const published = snapshot.published.signatories;
  const signed = snapshot.participants.filter((participant) => participant.signature).length;
  if (published !== undefined && Math.abs(signed - published) > limits.countTolerance) {
    const hint = signed < published ? ' (a truncated table?)' : '';
    return refuse(
      'count-mismatch',
      `the table lists ${signed} signatures but the header says ${published} signatories${hint}`,
    );
  }

  const lost = lastGood ? lostParticipants(lastGood, snapshot) : [];
  if (lost.length > limits.maxLost) {
    const names = lost.slice(0, 5).join(', ') + (lost.length > 5 ? ', …' : '');
    return refuse(
      'participants-lost',
      `${lost.length} participants lost their row or a date since the last good snapshot (${names}); at most ${limits.maxLost} expected`,
    );
  }
  return { ok: true };
}

/** Names whose row, signature or consent is in `before` but not in `after`. */
function lostParticipants(before: StatusSnapshot, after: StatusSnapshot): string[] {
  const now = new Map(after.participants.map((participant) => [participant.name, participant]));
  return before.participants
    .filter((participant) => {
      const later = now.get(participant.name);
      return !later || (participant.signature && !later.signature) || (participant.consent && !later.consent);
    })
    .map((participant) => participant.name);
}
