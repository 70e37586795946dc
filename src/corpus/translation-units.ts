import { createHash } from 'node:crypto';
import type { Passage } from './passage.ts';
import { splitSentences, type TextRange } from './sentences.ts';

/**
 * The units a seed file is translated in: every sentence of every passage span, in file order, as `[start,
 * end)` offsets into the Arabic file. A translation file (seeds/translations/en/<file>.json) holds one English
 * text per unit, so the English of any quoted excerpt is the English of the sentences it covers.
 */
export function translationUnits(passages: readonly Passage[], text: string): TextRange[] {
  const units = passages.flatMap((passage) => passage.spans.flatMap((span) => splitSentences(text, span)));
  const unique = new Map(units.map((unit) => [`${unit.start}:${unit.end}`, unit]));
  return [...unique.values()].sort((a, b) => a.start - b.start);
}

/** The sha256 hex digest of a seed file's text, which a translation records to know when it is stale. */
export function sourceHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
