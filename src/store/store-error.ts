/** Thrown by the store for a database it cannot open or use; the message starts with `store: `. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly code: 'STORE_OPEN' | 'STORE_SCHEMA_NEWER' | 'STORE_INVALID_INPUT',
    options?: { cause?: unknown; reason?: string },
  ) {
    super(`store: ${message}`, options);
    this.reason = options?.reason ?? message;
  }

  /** The cause in a few words for an operator (`its folder is not writable`), without the path. */
  readonly reason: string;
}

/**
 * Why a database could not be opened, in words an operator can act on. The raw errors (`EEXIST: file already
 * exists, mkdir …`, `SQLITE_NOTADB`) name the symptom, not the fix.
 */
export function openFailureReason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'EEXIST':
    case 'ENOTDIR':
      return 'a file is in the place of its folder';
    case 'EACCES':
    case 'EPERM':
    case 'SQLITE_READONLY':
    case 'SQLITE_CANTOPEN':
      return `it is not writable by this user (${message})`;
    case 'EROFS':
      return 'it is on a read-only file system';
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return 'the database file is corrupt or not a SQLite database (move it aside to start afresh)';
    default:
      return message;
  }
}

/** An instant as the ISO string the store keeps; refuses invalid dates rather than storing `NaN`. */
export function isoInstant(at: Date | string, what: string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime()))
    throw new StoreError(`${what} ${JSON.stringify(String(at))} is not a valid time`, 'STORE_INVALID_INPUT');
  return date.toISOString();
}
