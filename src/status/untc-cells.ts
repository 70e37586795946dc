import { stripInvisible } from '../text/invisible.ts';
import type { ConsentKind, IsoDate } from './snapshot.ts';
import { parseUntcDate } from './untc-date.ts';

/**
 * The three kinds of cell in a UNTC participants row, read from their text. Footnote markers arrive as
 * escaped markup inside the text (`Cuba<superscript>3</superscript>`); dates carry a suffix naming the kind
 * of instrument (`25 Oct 2025 a`).
 */

/** The suffix after a consent date, as printed under the UNTC column header "Ratification, Acceptance(A), …". */
const CONSENT_SUFFIXES: Record<string, ConsentKind> = {
  '': 'ratification',
  A: 'acceptance',
  AA: 'approval',
  a: 'accession',
  d: 'succession',
};

/** A date cell's suffixes: `d` in the signature column is a succession to a signature — still a signature. */
const SIGNATURE_SUFFIXES = new Set(['', 'd']);

export interface CellText {
  /** The text without markup, whitespace collapsed (tabs and no-break spaces are spaces). */
  plain: string;
  /** Footnote numbers found in `<superscript>` markers, in order. */
  footnotes: string[];
}

/** Splits a cell's text into plain text and its footnote markers. */
export function readCellText(text: string): CellText {
  const footnotes: string[] = [];
  const withoutNotes = text.replace(/<superscript>([\s\S]*?)<\/superscript>/gi, (_, inner: string) => {
    // One marker may hold several notes: `<superscript>4, 5</superscript>`.
    footnotes.push(
      ...stripTags(inner)
        .split(/[\s,;]+/)
        .filter(Boolean),
    );
    return ' ';
  });
  return { plain: normalizeSpace(stripTags(withoutNotes)), footnotes };
}

/**
 * A signature cell: its date, `undefined` when empty or bracketed (no longer in effect, see `readBracketed`), or
 * `{ problem }` when unreadable.
 */
export function readSignatureCell(plain: string): { date?: IsoDate } | { problem: string } {
  if (plain === '') return {};
  const { text, bracketed } = readBracketed(plain);
  const { date, suffix } = splitDate(text);
  if (!date || !SIGNATURE_SUFFIXES.has(suffix)) return { problem: `unreadable signature "${plain}"` };
  return bracketed ? {} : { date };
}

/**
 * A consent cell: its date and kind, nothing when empty or bracketed (no longer in effect, see `readBracketed`),
 * or `{ problem }` when unreadable.
 */
export function readConsentCell(
  plain: string,
): { consent?: { date: IsoDate; kind: ConsentKind } } | { problem: string } {
  if (plain === '') return {};
  const { text, bracketed } = readBracketed(plain);
  const { date, suffix } = splitDate(text);
  const kind = CONSENT_SUFFIXES[suffix];
  if (!date || !kind) return { problem: `unreadable consent "${plain}"` };
  return bracketed ? {} : { consent: { date, kind } };
}

/**
 * A cell written between square brackets (`[20 Jan 2021 A]`, `[Utopia]`) and its text inside them. The UNTC
 * prints the name of a participant that has withdrawn from a treaty between brackets (the date of its
 * denunciation goes in a footnote), and brackets an action that is no longer in effect, such as an acceptance
 * later withdrawn. Such a record counts toward nothing; one that was in effect before reads as a withdrawal.
 * Only a whole cell is bracketed: `20 Jan 2021 [A]` stays unreadable, and is refused.
 */
export function readBracketed(plain: string): { text: string; bracketed: boolean } {
  const match = /^\[\s*([^[\]]*?)\s*\]$/.exec(plain);
  return match ? { text: match[1] ?? '', bracketed: true } : { text: plain, bracketed: false };
}

/** True for the European Union, however the UNTC words its row (any name containing "European Union"). */
export function isRegionalOrganization(name: string): boolean {
  return /european union/i.test(name);
}

/** `25 Oct 2025 AA` → the date and `AA`. The suffix is case-sensitive: `A` is acceptance, `a` accession. */
function splitDate(plain: string): { date?: IsoDate; suffix: string } {
  const match = /^(.*?\d{4})(?: ?(AA|A|a|d))?$/.exec(plain);
  if (!match) return { suffix: '' };
  return { date: parseUntcDate(match[1] ?? ''), suffix: match[2] ?? '' };
}

function stripTags(text: string): string {
  return text.replace(/<\/?[A-Za-z][^>]*>/g, ' ');
}

/** Tabs, newlines, no-break and other Unicode spaces become one plain space. */
export function normalizeSpace(text: string): string {
  // Zero-width spaces separate like spaces; other format and tag characters (bidi overrides, joiners) would only
  // make one name differ from itself between fetches, or smuggle invisible text into a digest.
  return stripInvisible(text.replace(/[\s\u200b\ufeff]+/g, ' ')).trim();
}
