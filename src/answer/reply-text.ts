import type { Part, Reply } from './reply.ts';

/**
 * The reply as plain lines in the core's words, one or more per part: what a notification, a screen reader or
 * a plain terminal gets. Backtick pairs stay (they mark what to type).
 */
export function replyLines(reply: Pick<Reply, 'parts'>): string[] {
  return reply.parts.flatMap(partLines);
}

function partLines(part: Part): string[] {
  switch (part.type) {
    case 'heading':
      return [part.text];
    case 'sharedBy':
      return [`${part.label} ${part.user}`];
    case 'note':
      return [part.url ? `${part.text}: ${part.url}` : part.text];
    case 'quote':
      return [
        `${part.number}. «${part.excerpt.text.replace(/\s+/g, ' ').trim()}» — ${[part.citation.title, ...part.citation.details].join(' · ')}`,
        ...(part.translation ? [`${part.translation.label}: ${part.translation.text}`] : []),
        ...(part.alsoIn ? [part.alsoIn] : []),
      ];
    case 'list':
      return [
        ...(part.heading ? [part.heading] : []),
        ...part.items.map((item) => (item.code ? `${item.code} — ${item.text}` : `• ${item.text}`)),
        ...(part.hint ? [part.hint] : []),
      ];
    case 'progress':
      return [`${part.label}: ${part.bar}${part.detail ? ` (${part.detail})` : ''}`];
    case 'chart':
      return [part.altText];
    case 'asOf':
      return [part.text];
  }
}
