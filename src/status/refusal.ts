/**
 * Why a fetch of the status source was not trusted. Every step of the tracker (fetch, parse, checks) returns
 * a refusal instead of throwing, so the scheduler can record it, keep the last good snapshot and never post
 * from a bad fetch.
 */

/** What went wrong, for callers that must tell failures apart (a maintenance window is routine; a loss is not). */
export type RefusalCode =
  /** The source could not be reached: network error, timeout, unreadable file. */
  | 'unreachable'
  /** The server answered with a status other than 200 or 304. */
  | 'http-status'
  /** The UNTC maintenance page ("urgent maintenance and is currently unavailable"). */
  | 'maintenance'
  /** Bytes that do not decode in the encoding the document declares, or an encoding no decoder knows. */
  | 'undecodable'
  /** An HTML page, an empty body or anything else that is not an XML document. */
  | 'not-xml'
  /** XML with a document type declaration: a DTD or entity (possibly external) the status XML never needs. */
  | 'dtd'
  /** XML that is not well-formed — usually a document cut off mid-way. */
  | 'malformed'
  /** Well-formed XML without the participants table, or with columns that cannot be told apart. */
  | 'no-table'
  /** A row whose cells cannot be read (an unknown date or consent suffix). */
  | 'unreadable-row'
  /** The parsed snapshot breaks the snapshot schema (e.g. a participant listed twice). */
  | 'invalid'
  /** A table without any participant. */
  | 'empty-table'
  /** The table's signatures disagree with the published `Status/Signatories` count (a truncated table). */
  | 'count-mismatch'
  /** More participants disappeared since the last good snapshot than a real day at the UN would explain. */
  | 'participants-lost';

export interface Refusal {
  ok: false;
  code: RefusalCode;
  /** One line for logs and status replies, prefixed `status: `. */
  reason: string;
}

export function refuse(code: RefusalCode, reason: string): Refusal {
  return { ok: false, code, reason: `status: ${reason}` };
}

/** The same refusal, naming the document it is about: `status: <url or path>: <reason>`. */
export function refusedAt(source: string, refusal: Refusal): Refusal {
  return { ...refusal, reason: `status: ${source}: ${refusal.reason.replace(/^status: /, '')}` };
}
