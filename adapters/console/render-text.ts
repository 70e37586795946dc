import type { Citation, Excerpt, Reply } from '../../src/answer/reply.ts';
import { showsTranslations, UNOFFICIAL_TRANSLATION } from '../shared/translation-label.ts';

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

export interface TextOptions {
  /** Shows each quote's unofficial English translation under it; default for an English question. */
  english?: boolean;
}

/** Renders a reply as terminal text. */
export function renderText(reply: Reply, style: TextStyle = plainStyle, options: TextOptions = {}): string {
  const english = showsTranslations(reply, options.english);
  const lines: string[] = [reply.title, ''];
  reply.excerpts.forEach((excerpt, i) => {
    lines.push(`[${i + 1}] ${citationLine(excerpt.citation)}`);
    lines.push(`    «${highlightText(excerpt, style)}»`);
    // An English reader gets the English under the Arabic quote, which stays the citation.
    if (english && excerpt.translation) lines.push(`    ${UNOFFICIAL_TRANSLATION}: ${excerpt.translation}`);
    for (const twin of excerpt.alsoIn) lines.push(style.dim(`    also in: ${citationLine(twin)}`));
    lines.push('');
  });
  if (reply.searchedTerms.length > 0)
    lines.push(style.dim(`Searched the Arabic text for: ${reply.searchedTerms.join('، ')}`));
  for (const line of reply.help) lines.push(`  ${line.command.padEnd(12)} ${line.description}`);
  for (const line of reply.statusLines) lines.push(line);
  if (reply.suggestions.length > 0) {
    if (reply.kind !== 'topics') lines.push('Topics:');
    for (const topic of reply.suggestions)
      lines.push(`  ${topic.slug.padEnd(28)} ${topic.title.en} · ${topic.title.ar}`);
  }
  for (const notice of reply.notices) lines.push(style.dim(notice));
  return `${lines.join('\n').trimEnd()}\n`;
}

function citationLine(citation: Citation): string {
  return `${citation.title.ar} — ${citation.publisher.en}, ${citation.date}, ${citation.locator}`;
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
