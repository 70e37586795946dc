import type { Excerpt, Reply } from './reply.ts';

/**
 * The evaluation contract (DESIGN §3): the one JSON shape `npm run ask -- --json` prints. Keep it stable;
 * external evaluators parse it.
 */
export interface ContractJson extends Pick<Reply, 'query' | 'lang' | 'kind'> {
  excerpts: Array<Pick<Excerpt, 'source' | 'start' | 'end' | 'locator' | 'title' | 'text' | 'score'>>;
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
