import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../src/corpus/catalog.ts';
import { lineContent, splitLines, toSuperscript } from '../../src/corpus/lines.ts';
import { classifyReportLine } from '../../src/corpus/report-lines.ts';
import { splitDocument } from '../../src/corpus/split-document.ts';
import { withoutCruft } from '../../src/corpus/web-cruft.ts';
import { expectPassageInvariants, readSeed, seedFiles } from './support/passages.ts';

describe('splitDocument', () => {
  it.each([
    [seedFiles.adoptionNews, 'news', 24],
    [seedFiles.omsacRelease, 'press-release', 8],
    [seedFiles.hanoiNews, 'news', 8],
    [seedFiles.interpolResolution, 'resolution', 20],
    [seedFiles.expertGroupReport, 'report', 193],
  ] as const)('splits %s as %s into %i passages', (file, kind, count) => {
    const text = readSeed(file);
    const passages = splitDocument(file, text, kind);
    expect(passages).toHaveLength(count);
    expectPassageInvariants(passages, file, text);
  });
});

// Synthetic documents mixing everything the splitters react to: numbered paragraphs (in and out of sequence,
// with bullets), sub-item letters (spaced, doubled, with tatweel), footnotes, headings, web cruft, blank and
// whitespace-only lines, Latin text, and arbitrary strings — joined with any line terminator.
const word = fc.constantFrom(
  'الجريمة',
  'السيبرانية',
  'التعاون',
  'الدولي',
  'ينبغي',
  'للدول',
  'Evidence',
  '2020',
  '24/7',
);
const sentence = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 25 }), fc.constantFrom('', '.', '،', '؛', ':', '؟', '!'))
  .map(([words, end]) => `${words.join(' ')}${end}`);
const line = fc.oneof(
  sentence,
  fc.tuple(fc.integer({ min: 1, max: 12 }), sentence).map(([n, s]) => `${n}- ${s}`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), sentence).map(([n, s]) => `- ${n}- ${s}`),
  fc.tuple(fc.constantFrom('أ', 'ب', 'هـ', 'ي', 'أأ', 'ق ق', 'ط ط ط', 'د'), sentence).map(([l, s]) => `(${l}) ${s}`),
  fc.tuple(fc.constantFrom('أ', 'ب', 'ي'), sentence).map(([l, s]) => `- (${l}) ${s}`),
  fc.tuple(fc.integer({ min: 1, max: 3 }), sentence).map(([n, s]) => `(${n}) ${s}`),
  fc.tuple(fc.integer({ min: 1, max: 3 }), sentence).map(([n, s]) => `${s}⁽${toSuperscript(n)}⁾`),
  fc.constantFrom('أولاً - مقدمة', 'ثانياً - التوصيات', 'ألف - التعاون الدولي', 'باء - المنع', 'تدعو الدول إلى:'),
  fc.constantFrom('إن الجمعية العامة،', 'وإذ تؤكد،', 'اعتُمد: المؤيدون: 1', '1. بند.', '- 2. بند؛'),
  fc.constantFrom('top of page', 'bottom of page', 'コメント', 'Photo du rédacteur: x', 'قسم الصحافة والإعلام - OMSAC'),
  fc.constantFrom('', '', '   ', '\t', ' - ', '-', '()'),
  fc.string({ maxLength: 30 }),
);
const document = fc
  .tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([lines, eol]) => lines.join(eol));
const kind = fc.constantFrom<DocumentKind>('news', 'press-release', 'resolution', 'report');

describe('splitDocument on synthetic documents', () => {
  it('always yields exact, trimmed, non-empty, non-overlapping spans and unique locators', () => {
    fc.assert(
      fc.property(document, kind, (text, documentKind) => {
        const passages = splitDocument('004_0000000000000000.txt', text, documentKind);
        expectPassageInvariants(passages, '004_0000000000000000.txt', text);
      }),
      { numRuns: 400 },
    );
  });

  it('loses no report text: every line but a heading lies inside some span', () => {
    fc.assert(
      fc.property(document, (text) => {
        const spans = splitDocument('004_0000000000000000.txt', text, 'report').flatMap((passage) => passage.spans);
        for (const reportLine of splitLines(text)) {
          const classified = classifyReportLine(text, reportLine);
          if (!classified || classified.kind === 'heading') continue;
          const { start, end } = classified.span;
          expect(spans.some((span) => span.start <= start && end <= span.end)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never quotes web cruft from a news page', () => {
    fc.assert(
      fc.property(document, (text) => {
        for (const passage of splitDocument('000_0000000000000000.txt', text, 'news')) {
          for (const span of passage.spans) {
            const quoted = text.slice(span.start, span.end);
            expect(quoted).not.toMatch(/top of page|bottom of page|コメント|Photo du rédacteur/i);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('line helpers', () => {
  it.each([
    ['a\nb', ['a', 'b']],
    ['a\r\nb\r\n', ['a', 'b', '']],
    ['a\rb', ['a', 'b']],
    ['', ['']],
  ])('splitLines(%j) keeps offsets into the original', (text, lines) => {
    expect(splitLines(text).map((l) => text.slice(l.start, l.end))).toEqual(lines);
  });

  it('lineContent drops surrounding space and a leading bullet but keeps the number', () => {
    const text = '  - 16- نظر فريق الخبراء  ';
    const [only] = splitLines(text);
    const span = only ? lineContent(text, only) : undefined;
    expect(span && text.slice(span.start, span.end)).toBe('16- نظر فريق الخبراء');
  });

  it('withoutCruft cuts cruft phrases out and keeps the text around them', () => {
    const text = 'top of page نص الخبر コメント بقية';
    const pieces = withoutCruft(text, { start: 0, end: text.length }).map((s) => text.slice(s.start, s.end));
    expect(pieces).toEqual(['نص الخبر', 'بقية']);
  });

  it.each([
    [2, '²'],
    [3, '³'],
    [12, '¹²'],
  ])('toSuperscript(%i) is %s', (value, expected) => {
    expect(toSuperscript(value)).toBe(expected);
  });
});
