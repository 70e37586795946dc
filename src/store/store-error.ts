/** Thrown by the store for a database it cannot open or use; the message starts with `store: `. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly code: 'STORE_OPEN' | 'STORE_SCHEMA_NEWER' | 'STORE_INVALID_INPUT',
    options?: { cause?: unknown },
  ) {
    super(`store: ${message}`, options);
  }
}

/** An instant as the ISO string the store keeps; refuses invalid dates rather than storing `NaN`. */
export function isoInstant(at: Date | string, what: string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime()))
    throw new StoreError(`${what} ${JSON.stringify(String(at))} is not a valid time`, 'STORE_INVALID_INPUT');
  return date.toISOString();
}
