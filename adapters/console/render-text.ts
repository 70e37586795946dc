import type { Excerpt, Part, Reply } from '../../src/answer/reply.ts';

export interface TextStyle {
  /** Wraps matched words; identity when the output is not a colour terminal. */
  highlight: (text: string) => string;
  dim: (text: string) => string;
}

export const plainStyle: TextStyle = { highlight: (text) => text, dim: (text) => text };
export const ansiStyle: TextStyle = {
  highlight: (text) => `\x1b[1;33m${text}\x1b[0m`,
  dim: (text) => `\x1b[2m${text}\x1b[0m`,
};

/** Renders a reply or digest as terminal text: one block of lines per part, in the core's order and words. */
export function renderText(reply: Reply, style: TextStyle = plainStyle): string {
  const lines = reply.parts.flatMap((part) => partLines(part, style));
  return `${lines.join('\n').trimEnd()}\n`;
}

function partLines(part: Part, style: TextStyle): string[] {
  switch (part.type) {
    case 'heading':
      return [inert(part.text), ''];
    case 'sharedBy':
      return [style.dim(inert(`${part.label} ${part.user}`))];
    case 'note': {
      const text = inert(part.url ? `${part.text}: ${part.url}` : part.text);
      return [part.aside ? style.dim(text) : text];
    }
    case 'quote': {
      const { citation } = part;
      const lines = [
        `[${part.number}] ${inert([citation.title, ...citation.details].join(' · '))}`,
        `    «${highlightText(part.excerpt, style)}»`,
      ];
      if (part.translation) lines.push(`    ${inert(`${part.translation.label}: ${part.translation.text}`)}`);
      if (part.alsoIn) lines.push(style.dim(`    ${inert(part.alsoIn)}`));
      return [...lines, ''];
    }
    case 'list':
      return [
        ...(part.heading ? [`${inert(part.heading)}:`] : []),
        ...part.items.map((item) => inert(`  ${item.code ? `${item.code.padEnd(28)} ` : '• '}${item.text}`)),
        ...(part.hint ? [style.dim(inert(part.hint))] : []),
        '',
      ];
    case 'progress':
      return [inert(`${part.label}: ${part.bar}${part.detail ? ` (${part.detail})` : ''}`)];
    case 'chart':
      // A terminal shows no picture: the chart's own words stand in for it (`npm run status:chart` draws it).
      return [inert(part.altText)];
    case 'asOf':
      return [style.dim(inert(part.text))];
  }
}

function highlightText(excerpt: Excerpt, style: TextStyle): string {
  // One space per control character keeps the highlights' offsets.
  const text = excerpt.text.replace(CONTROL, ' ');
  let out = '';
  let cursor = 0;
  for (const { start, end } of excerpt.highlights) {
    out += text.slice(cursor, start) + style.highlight(text.slice(start, end));
    cursor = end;
  }
  return (out + text.slice(cursor)).replace(/\s*\n\s*/g, ' ');
}

// C0 and C1 controls but the line feed: an escape sequence in a document or a name must not reach the terminal.
const CONTROL = /(?!\n)\p{Cc}/gu;

/** Text as the terminal should show it: controls become spaces, so none can move the cursor or recolour. */
function inert(text: string): string {
  return text.replace(CONTROL, ' ');
}
