import type { AnalyzedPassage } from './analyzed-passage.ts';
import type { CompiledLexicon } from './compiled-lexicon.ts';
import { cutExcerpt, type ExcerptWindow } from './excerpt-window.ts';
import type { PassageIndex } from './minisearch-index.ts';
import { planQuery, type QueryPlan, type QueryUnit } from './query-plan.ts';
import { type RankedPassage, rankCandidates } from './ranker.ts';

/** How many BM25 candidates the ranker looks at. */
const CANDIDATES = 40;

/**
 * Search over the analyzed passages: plans a question into units, retrieves BM25 candidates from MiniSearch,
 * reranks them by coverage and cuts excerpts.
 */
export class PassageSearch {
  private readonly byId: ReadonlyMap<string, AnalyzedPassage>;
  private readonly documentFrequency = new Map<string, number>();

  constructor(
    readonly passages: readonly AnalyzedPassage[],
    private readonly index: PassageIndex,
    readonly lexicon: CompiledLexicon,
  ) {
    this.byId = new Map(passages.map((analyzed) => [analyzed.passage.id, analyzed]));
    for (const analyzed of passages) {
      for (const term of analyzed.terms) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
  }

  /** True when some passage holds the term. */
  readonly knownTerm = (term: string): boolean => this.documentFrequency.has(term);

  /** Analyzes a question into query units. */
  plan(question: string, lang: 'ar' | 'en'): QueryPlan {
    const tokens = this.lexicon.textAnalyzer.analyze(question);
    return planQuery(tokens, lang, this.lexicon, this.knownTerm);
  }

  /** Passages ranked best first (near-identical ones folded together), at most `limit`. */
  search(plan: QueryPlan, limit: number): RankedPassage[] {
    const weights = new Map<string, number>();
    for (const unit of plan.units) {
      for (const term of unit.searchTerms) weights.set(term, Math.max(weights.get(term) ?? 0, unit.weight));
    }
    if (weights.size === 0) return [];
    const results = this.index.search([...weights.keys()].join(' '), {
      boostTerm: (term) => weights.get(term) ?? 1,
    });
    const candidates = results.slice(0, CANDIDATES).flatMap((result) => {
      const analyzed = this.byId.get(String(result.id));
      return analyzed ? [{ analyzed, bm25: result.score }] : [];
    });
    return rankCandidates(plan, candidates, plan.units.map(this.unitWeight)).slice(0, limit);
  }

  /**
   * A unit's weight for coverage: its planned weight times its IDF over passages (any of its terms counts).
   * A unit found in no passage gets the highest IDF: the question asks about something the corpus lacks.
   */
  readonly unitWeight = (unit: QueryUnit): number => {
    const total = this.passages.length;
    const frequency = Math.max(0, ...unit.terms.map((term) => this.documentFrequency.get(term) ?? 0));
    return unit.weight * Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
  };

  /** The excerpt to quote from a ranked passage, highlighting the words that matched the question. */
  excerpt(ranked: RankedPassage): ExcerptWindow {
    const { analyzed, matched } = ranked;
    const unitsByTerm = new Map<string, number[]>();
    matched.forEach((unit, u) => {
      for (const term of unit.searchTerms) unitsByTerm.set(term, [...(unitsByTerm.get(term) ?? []), u]);
    });
    const unitsOfWord = analyzed.words.map((word) => {
      const units = new Set<number>();
      for (const term of word.terms) for (const u of unitsByTerm.get(term) ?? []) units.add(u);
      return units;
    });
    for (const span of analyzed.conceptSpans) {
      for (const u of unitsByTerm.get(span.term) ?? []) {
        for (let i = span.from; i < span.to; i++) unitsOfWord[i]?.add(u);
      }
    }
    const weights = matched.map((unit) => this.unitWeight(unit));
    return cutExcerpt(analyzed, {
      unitsOfWord: (i) => unitsOfWord[i] ?? NO_UNITS,
      unitWeight: (u) => weights[u] ?? 0,
    });
  }
}

const NO_UNITS: ReadonlySet<number> = new Set();
