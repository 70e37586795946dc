import { type Excerpt, excerptsOf, type Reply } from './reply.ts';

/**
 * The evaluation contract (DESIGN §3): the one JSON shape `npm run ask -- --json` prints. Keep it stable;
 * external evaluators parse it.
 */
export interface ContractJson extends Pick<Reply, 'query' | 'lang' | 'kind'> {
  /** `translation` (the unofficial English of the excerpt's sentences) only where there is one. */
  excerpts: Array<Pick<Excerpt, 'source' | 'start' | 'end' | 'locator' | 'title' | 'text' | 'score' | 'translation'>>;
}

export function toContractJson(reply: Reply): ContractJson {
  return {
    query: reply.query,
    lang: reply.lang,
    kind: reply.kind,
    excerpts: excerptsOf(reply).map(({ source, start, end, locator, title, text, score, translation }) => ({
      source,
      start,
      end,
      locator,
      title,
      text,
      score,
      ...(translation ? { translation } : {}),
    })),
  };
}
