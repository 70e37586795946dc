import type { Citation, Excerpt } from '../../src/answer/reply.ts';

/** A citation of seed 002 for renderer tests. */
export const sampleCitation: Citation = {
  source: '002_0e7922f09a8ca988.txt',
  title: { ar: 'معاهدة الأمم المتحدة', en: 'The UN treaty' },
  publisher: { ar: 'ناشر', en: 'Publisher' },
  date: '2025-10',
  locator: 'الفقرة 2',
};

/** An excerpt quoting `text` whole, for renderer tests; `extra` overrides any field. */
export function sampleExcerpt(
  text: string,
  highlights: Excerpt['highlights'] = [],
  extra: Partial<Excerpt> = {},
  citation: Citation = sampleCitation,
): Excerpt {
  return {
    source: citation.source,
    start: 0,
    end: text.length,
    locator: citation.locator,
    title: citation.title.ar,
    text,
    score: 1,
    highlights,
    citation,
    alsoIn: [],
    ...extra,
  };
}
