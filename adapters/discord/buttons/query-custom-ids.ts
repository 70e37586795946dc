import { randomBytes } from 'node:crypto';

/** Custom ids of "Share in channel" buttons start with this; the interaction router matches on it. */
export const SHARE_PREFIX = 'treaty:post:';
/** Custom ids of "Show in English" buttons start with this. */
export const SHOW_ENGLISH_PREFIX = 'treaty:english:';
/** Custom ids of 👍 / 👎 buttons start with these (both with `treaty:vote:`, which the router matches on). */
export const VOTE_PREFIX = 'treaty:vote:';
export const VOTE_UP_PREFIX = `${VOTE_PREFIX}up:`;
export const VOTE_DOWN_PREFIX = `${VOTE_PREFIX}down:`;

/** Discord rejects a component whose custom_id is longer. */
const MAX_CUSTOM_ID_LENGTH = 100;
const INLINE = 'q:';
const KEYED = 'k:';

/**
 * Encodes the question behind a button (`<prefix>q:<question>`) into its custom_id, so a click can answer it again
 * without server state. A question too long for the 100-character id is kept in memory under a short random key
 * instead (`<prefix>k:<key>`); the buttons of one answer share that key. The least recently issued keys are
 * forgotten past `capacity`, and all of them on restart (the click then asks the user to ask again).
 */
export class QueryCustomIds {
  /** Key → question, least recently issued first. */
  private readonly queries = new Map<string, string>();
  /** Question → key, so every button for the same question reuses one key. */
  private readonly keys = new Map<string, string>();

  constructor(private readonly capacity = 1000) {}

  /** The custom_id for a button with `prefix` that acts on the answer to `query`. */
  customIdFor(query: string, prefix: string): string {
    const inline = `${prefix}${INLINE}${query}`;
    if (inline.length <= MAX_CUSTOM_ID_LENGTH) return inline;
    return `${prefix}${KEYED}${this.keyFor(query)}`;
  }

  /** The question a custom_id with `prefix` carries, or undefined when its key was forgotten or the id is not ours. */
  queryFor(customId: string, prefix: string): string | undefined {
    if (!customId.startsWith(prefix)) return undefined;
    const rest = customId.slice(prefix.length);
    if (rest.startsWith(INLINE)) return rest.slice(INLINE.length);
    if (rest.startsWith(KEYED)) return this.queries.get(rest.slice(KEYED.length));
    return undefined;
  }

  private keyFor(query: string): string {
    const key = this.keys.get(query) ?? randomBytes(12).toString('base64url');
    // Re-inserting moves the key to the end: the most recently issued key is the last forgotten.
    this.queries.delete(key);
    this.queries.set(key, query);
    this.keys.set(query, key);
    // Maps iterate in insertion order, so the first key is the oldest.
    for (const [oldest, oldQuery] of this.queries) {
      if (this.queries.size <= this.capacity) break;
      this.queries.delete(oldest);
      this.keys.delete(oldQuery);
    }
    return key;
  }
}
