import { randomBytes } from 'node:crypto';

/** Custom ids of "Post to channel" buttons start with this; the interaction router matches on it. */
export const POST_TO_CHANNEL_PREFIX = 'treaty:post:';

/** Discord rejects a component whose custom_id is longer. */
const MAX_CUSTOM_ID_LENGTH = 100;
const INLINE = `${POST_TO_CHANNEL_PREFIX}q:`;
const KEYED = `${POST_TO_CHANNEL_PREFIX}k:`;

/**
 * Encodes the question behind a "Post to channel" button into its custom_id, so a click can answer it again
 * without server state. A question too long for the 100-character id is kept in memory under a short random key
 * instead; the oldest keys are forgotten past `capacity`, and all of them on restart (the click then asks the
 * user to run `/treaty` again).
 */
export class QueryCustomIds {
  private readonly queries = new Map<string, string>();

  constructor(private readonly capacity = 1000) {}

  /** The custom_id for a button that posts the answer to `query`. */
  customIdFor(query: string): string {
    const inline = `${INLINE}${query}`;
    if (inline.length <= MAX_CUSTOM_ID_LENGTH) return inline;
    const key = randomBytes(12).toString('base64url');
    this.queries.set(key, query);
    // Maps iterate in insertion order, so the first key is the oldest.
    for (const oldest of this.queries.keys()) {
      if (this.queries.size <= this.capacity) break;
      this.queries.delete(oldest);
    }
    return `${KEYED}${key}`;
  }

  /** The question a custom_id carries, or undefined when its key was forgotten or the id is not ours. */
  queryFor(customId: string): string | undefined {
    if (customId.startsWith(INLINE)) return customId.slice(INLINE.length);
    if (customId.startsWith(KEYED)) return this.queries.get(customId.slice(KEYED.length));
    return undefined;
  }
}
