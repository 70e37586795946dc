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
      return [part.text, ''];
    case 'sharedBy':
      return [style.dim(`${part.label} ${part.user}`)];
    case 'note': {
      const text = part.url ? `${part.text}: ${part.url}` : part.text;
      return [part.aside ? style.dim(text) : text];
    }
    case 'quote': {
      const { citation } = part;
      const lines = [
        `[${part.number}] ${[citation.title, ...citation.details].join(' · ')}`,
        `    «${highlightText(part.excerpt, style)}»`,
      ];
      if (part.translation) lines.push(`    ${part.translation.label}: ${part.translation.text}`);
      if (part.alsoIn) lines.push(style.dim(`    ${part.alsoIn}`));
      return [...lines, ''];
    }
    case 'list':
      return [
        ...(part.heading ? [`${part.heading}:`] : []),
        ...part.items.map((item) => `  ${item.code ? `${item.code.padEnd(28)} ` : '• '}${item.text}`),
        ...(part.hint ? [style.dim(part.hint)] : []),
        '',
      ];
    case 'progress':
      return [`${part.label}: ${part.bar}${part.detail ? ` (${part.detail})` : ''}`];
    case 'chart':
      // A terminal shows no picture: the chart's own words stand in for it (`npm run status:chart` draws it).
      return [part.altText];
    case 'asOf':
      return [style.dim(part.text)];
  }
}

function highlightText(excerpt: Excerpt, style: TextStyle): string {
  let out = '';
  let cursor = 0;
  for (const { start, end } of excerpt.highlights) {
    out += excerpt.text.slice(cursor, start) + style.highlight(excerpt.text.slice(start, end));
    cursor = end;
  }
  return (out + excerpt.text.slice(cursor)).replace(/\s*\n\s*/g, ' ');
}
