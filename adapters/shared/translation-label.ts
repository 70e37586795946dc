import type { Reply } from '../../src/answer/reply.ts';

/** How a translation is labelled on every surface: the Arabic quote stays the citation. */
export const UNOFFICIAL_TRANSLATION = 'English (unofficial translation)';

/**
 * Whether quotes show their unofficial English translation: when asked for ("Show in English", `--lang en`),
 * else for an English question.
 */
export function showsTranslations(reply: Pick<Reply, 'lang'>, asked: boolean | undefined): boolean {
  return asked ?? reply.lang === 'en';
}
