import type { Reply } from './reply.ts';

/**
 * The evaluation contract (DESIGN §3): the one JSON shape `npm run ask -- --json` prints. Keep it stable;
 * external evaluators parse it.
 */
export interface ContractJson {
  query: string;
  lang: 'ar' | 'en';
  kind: 'answer' | 'no_answer' | 'help' | 'topics' | 'status';
  excerpts: Array<{
    source: string;
    start: number;
    end: number;
    locator: string;
    title: string;
    text: string;
    score: number;
  }>;
}

export function toContractJson(reply: Reply): ContractJson {
  return {
    query: reply.query,
    lang: reply.lang,
    kind: reply.kind,
    excerpts: reply.excerpts.map(({ source, start, end, locator, title, text, score }) => ({
      source,
      start,
      end,
      locator,
      title,
      text,
      score,
    })),
  };
}
