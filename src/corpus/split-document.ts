import type { DocumentKind } from './catalog.ts';
import type { Passage } from './passage.ts';
import { splitNews } from './split-news.ts';
import { splitReport } from './split-report.ts';
import { splitResolution } from './split-resolution.ts';

/**
 * Splits one seed document into citable passages, choosing the splitter by the document's catalogued kind.
 * Spans are offsets into `text` exactly as read from the file.
 *
 * @example splitDocument('003_4fc5c03014882eb4.txt', text, 'resolution') // → [{ locator: 'العنوان', … }, …]
 */
export function splitDocument(file: string, text: string, kind: DocumentKind): Passage[] {
  switch (kind) {
    case 'news':
    case 'press-release':
      return splitNews(file, text);
    case 'resolution':
      return splitResolution(file, text);
    case 'report':
      return splitReport(file, text);
  }
}
