/**
 * Slack's text format, read back into what the person typed. Slack sends `&`, `<` and `>` as `&amp;`, `&lt;`
 * and `&gt;`, and its own markup in angle brackets (https://docs.slack.dev/messaging/formatting-message-text).
 * One pass over both, so the markup is handled first and an entity is decoded exactly once: a typed `&lt;`
 * arrives as `&amp;lt;` and comes out as `&lt;`, and a typed `<!channel>` (sent as `&lt;!channel&gt;`) comes
 * out as text the core then cleans like any other mention syntax.
 *
 * - `<#C123|general>` → `#general`, `<https://x|label>` → `label`, `<!date^…|fallback>` → `fallback`;
 * - `<!channel>`, `<!here>`, `<!subteam^…>` → a space: a broadcast is never part of a question;
 * - user mentions and bare links stay as they are, for the core's cleaning.
 *
 * @example decodeSlackText('R&amp;D &lt;3 <https://x.org|docs>') // 'R&D <3 docs'
 */
export function decodeSlackText(text: string): string {
  return text.replace(/<([^<>]*)>|&(amp|lt|gt);/g, (whole, markup: string | undefined, entity?: string) =>
    markup === undefined ? (ENTITIES[entity ?? ''] ?? whole) : readMarkup(markup, whole),
  );
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>' };

function readMarkup(markup: string, whole: string): string {
  const bar = markup.indexOf('|');
  const label = bar === -1 ? undefined : decodeEntities(markup.slice(bar + 1));
  if (markup.startsWith('@')) return whole;
  if (markup.startsWith('#')) return label === undefined ? whole : `#${label}`;
  if (markup.startsWith('!')) return markup.startsWith('!date^') && label !== undefined ? label : ' ';
  return label ?? whole;
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (whole, entity: string) => ENTITIES[entity] ?? whole);
}
