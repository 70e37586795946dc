/**
 * Length limits for chat platforms, counted in UTF-16 code units (what JavaScript's `length` and both Slack
 * and Discord count), cutting only between code points and preferring a word boundary.
 */

const ELLIPSIS = '…';

/**
 * The text itself when it fits in `max` units, else its beginning plus "…", cut at a space when one is near
 * the end so no word is cut in half.
 *
 * @example truncateText('entry into force', 10) // 'entry…'
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  let cut = safeCut(text, max - ELLIPSIS.length);
  const lastSpace = text.lastIndexOf(' ', cut);
  if (lastSpace > cut * 0.6) cut = lastSpace;
  return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

/**
 * The longest prefix whose transformed form (e.g. escaped) fits in `max` units, with "…" when cut.
 * For limits on text after escaping, where `&` grows to `&amp;`. `transform` must never shorten its input
 * (escaping and inserting marks only add), which lets a huge text be cut before it is transformed.
 */
export function truncateToFit(text: string, max: number, transform: (text: string) => string): string {
  if (text.length <= max) {
    const whole = transform(text);
    if (whole.length <= max) return whole;
  }
  let budget = Math.min(max, text.length);
  for (;;) {
    const candidate = transform(truncateText(text, budget));
    if (candidate.length <= max) return candidate;
    if (budget <= 1) return '';
    // Shrink in proportion to the overshoot: escaping can multiply the length (`>` → `&gt;`), and shrinking by
    // the difference alone could overshoot to nothing.
    budget = Math.max(1, Math.min(budget - 1, Math.floor((budget * max) / candidate.length)));
  }
}

/** An offset at or below `at` that does not split a surrogate pair. */
export function safeCut(text: string, at: number): number {
  if (at <= 0) return 0;
  if (at >= text.length) return text.length;
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}
