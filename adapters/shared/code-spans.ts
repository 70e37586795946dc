/** A piece of a status line: text to escape as prose, or a command or cron to show as code. */
export interface LinePiece {
  code: boolean;
  text: string;
}

/**
 * Splits a line of the core at its backtick pairs: the core marks what a user can type (`/treaty unsubscribe`,
 * a cron such as `0 9 * * 1`) that way, and each adapter renders those pieces as real code spans, so they copy
 * exactly as typed. A backtick without a partner stays text.
 *
 * @example splitCodeSpans('Stop with `/treaty unsubscribe`.')
 * // [{ code: false, text: 'Stop with ' }, { code: true, text: '/treaty unsubscribe' }, { code: false, text: '.' }]
 */
export function splitCodeSpans(line: string): LinePiece[] {
  const parts = line.split('`');
  // An even count of parts means an odd count of backticks: the last one has no partner.
  if (parts.length % 2 === 0) parts.splice(-2, 2, `${parts.at(-2)}\`${parts.at(-1)}`);
  return parts
    .map((text, index) => ({
      code: index % 2 === 1 && text !== '',
      text: index % 2 === 1 && text === '' ? '``' : text,
    }))
    .filter((piece) => piece.text !== '');
}
