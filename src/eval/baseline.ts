import type MiniSearch from 'minisearch';
import type { ContractJson } from '../answer/contract-json.ts';
import type { AnalyzedPassage } from '../search/analyzed-passage.ts';
import { buildPlainStemmedMiniSearch } from '../search/plain-text-index.ts';

/**
 * The baseline every evaluation row is compared with: plain MiniSearch (its own tokenizer and BM25, default
 * options) over the same passages, with a light Arabic stemmer (normalization + light10) as its `processTerm`.
 * No stop words, no lexicon, no reranking, no abstention: whole passages come back, best first. A gain the bot
 * shows only on some sets and not over this is not a gain.
 */
export class BaselineSearch {
  private readonly miniSearch: MiniSearch<{ id: number; text: string }>;

  constructor(private readonly passages: readonly AnalyzedPassage[]) {
    this.miniSearch = buildPlainStemmedMiniSearch(passages);
  }

  /** The top five passages in the evaluation contract's shape. */
  ask(question: string): ContractJson {
    const excerpts = this.miniSearch
      .search(question)
      .slice(0, 5)
      .flatMap((result) => {
        const analyzed = this.passages[result.id as number];
        if (!analyzed) return [];
        const { passage, fileText, entry } = analyzed;
        const start = passage.spans[0]?.start ?? 0;
        const end = passage.spans.at(-1)?.end ?? start;
        const text = fileText.slice(start, end);
        return [
          {
            source: passage.file,
            start,
            end,
            locator: passage.locator,
            title: entry.title.ar,
            text,
            score: result.score,
          },
        ];
      });
    return { query: question, lang: 'ar', kind: excerpts.length > 0 ? 'answer' : 'no_answer', excerpts };
  }
}
