import type { AnalyzedPassage } from '../search/analyzed-passage.ts';

/**
 * The corpus repeated `copies` times with varied numbering, to show how build time and latency grow with
 * size: copy k renumbers each passage (`…#12~k`, `¶ 13 (أ) · k`) and carries its copy number as one more word,
 * so copies are distinct documents with the same vocabulary.
 */
export function repeatCorpus(analyzed: readonly AnalyzedPassage[], copies: number): AnalyzedPassage[] {
  const repeated: AnalyzedPassage[] = [];
  for (let copy = 0; copy < copies; copy++) {
    for (const item of analyzed) {
      const numbering = `n${copy}`;
      repeated.push({
        ...item,
        passage: { ...item.passage, id: `${item.passage.id}~${copy}`, locator: `${item.passage.locator} · ${copy}` },
        words: [...item.words, { start: 0, end: 0, stem: numbering, terms: [numbering] }],
        terms: new Set([...item.terms, numbering]),
      });
    }
  }
  return repeated;
}
