// Format characters (zero-width spaces and joiners, bidi marks, embeddings and isolates, BOM, soft hyphen, Arabic
// letter mark, tag characters) and the unassigned rest of the tag block U+E0000–U+E007F.
const INVISIBLE = /[\p{Cf}\u{E0000}-\u{E007F}]/gu;

/**
 * Removes every invisible format character and Unicode tag character: text that arrives from outside (a user, the
 * UN XML) carries them to hide a word from a filter, to smuggle unseen text, or only by accident.
 *
 * @example stripInvisible('@\u200Beveryone') // '@everyone', which the broadcast filter then sees
 */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

const TAG_CHARACTERS = /[\u{E0000}-\u{E007F}]/gu;

/**
 * Removes only the Unicode tag characters (U+E0000–U+E007F): invisible, never needed in what the bot shows, and a
 * way to smuggle unseen text. For output, where other format characters stay: the bidi isolates the adapters add,
 * and ZWNJ/ZWJ, which shape Persian words and emoji in quoted text.
 */
export function stripTagCharacters(text: string): string {
  return text.replace(TAG_CHARACTERS, '');
}
