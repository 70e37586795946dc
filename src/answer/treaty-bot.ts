import type { CatalogEntry } from '../corpus/catalog.ts';
import type { FeedbackRecorder } from '../feedback/feedback-recorder.ts';
import type { AnswerType, Topic } from '../lexicon/lexicon.ts';
import type { AnalyzedPassage } from '../search/analyzed-passage.ts';
import type { PassageSearch } from '../search/passage-search.ts';
import type { QueryPlan } from '../search/query-plan.ts';
import type { RankedPassage } from '../search/ranker.ts';
import { answerReply, noAnswerReply, type ReplyOffers } from './answer-reply.ts';
import { AnswerTypes, statedNumbers } from './answer-type.ts';
import { preferAskedType, type Quotable, quoteReorderable } from './answer-type-rank.ts';
import type { AskContext } from './ask-context.ts';
import { cleanInput, detectLanguage } from './clean-input.ts';
import { type Command, parseCommand } from './command.ts';
import { answerConfidence, CONFIDENCE_THRESHOLD } from './confidence.ts';
import { helpReply, topicsReply } from './help-reply.ts';
import { SHARED_BY } from './phrases.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { type Citation, type Excerpt, type Language, notesReply, type Reply, type TopicSuggestion } from './reply.ts';
import type { StatusDesk } from './status-desk.ts';
import { asksForStatus } from './status-question.ts';
import {
  replayCannotSubscribeReply,
  statusReply,
  subscriptionListReply,
  subscriptionReply,
  subscriptionsNeedChannelReply,
  trackerMissingReply,
} from './status-reply.ts';
import { countedUnit, evidenceTexts } from './type-evidence.ts';

export type { AskContext } from './ask-context.ts';

/** The parts of the bot a process may plug in; each is optional. */
export interface TreatyBotServices {
  /** The ratification tracker: status and subscriptions. */
  statusDesk?: StatusDesk | undefined;
  rateLimiter?: RateLimiter | undefined;
  observer?: AnswerObserver | undefined;
  /** Records 👍 / 👎; without it replies offer no vote. */
  feedback?: FeedbackRecorder | undefined;
}

/** Told of every new question: its reply and how long the core took to write it, or that it was rate limited. */
export interface AnswerObserver {
  answered(reply: Reply, context: AskContext, seconds: number): void;
  rateLimited(context: AskContext): void;
}

/** At most this many excerpts per answer. */
export const MAX_EXCERPTS = 5;
/** An excerpt is shown only when it scores at least this share of the best one. */
const MIN_RELATIVE_SCORE = 0.55;

/** The candidates shown, best first: at most MAX_EXCERPTS, each scoring at least MIN_RELATIVE_SCORE of the best. */
function shown<T>(candidates: readonly T[], scoreOf: (candidate: T) => number): T[] {
  const top = candidates[0] ? scoreOf(candidates[0]) : 0;
  return candidates.filter((candidate) => scoreOf(candidate) >= top * MIN_RELATIVE_SCORE).slice(0, MAX_EXCERPTS);
}
const quotableScore = (candidate: Quotable) => candidate.ranked.score;

/**
 * The core: turns what a user typed into a Reply. Platform-free; every adapter calls `ask`.
 * Never throws for any input text.
 */
export class TreatyBot {
  private readonly topicsBySlug: ReadonlyMap<string, Topic>;
  private readonly answerTypes: AnswerTypes;

  constructor(
    private readonly search: PassageSearch,
    readonly topics: readonly Topic[],
    private readonly services: TreatyBotServices = {},
  ) {
    this.topicsBySlug = new Map(topics.map((topic) => [topic.slug, topic]));
    this.answerTypes = new AnswerTypes(search.lexicon.data.answerTypes);
  }

  /** The analyzed passages the bot searches (for the evaluation's baseline, which indexes the same ones). */
  get passages(): readonly AnalyzedPassage[] {
    return this.search.passages;
  }

  /** Answers one message. */
  ask(rawText: string, context: AskContext): Reply {
    const started = performance.now();
    const { text, truncated } = cleanInput(rawText);
    const lang = text ? detectLanguage(text) : localeLanguage(context.locale);
    if (!context.replay && this.overLimit(context)) {
      this.services.observer?.rateLimited(context);
      return notesReply('help', text, lang, 'Slow down', [
        'You are asking faster than the bot answers one person. Try again in a minute.',
      ]);
    }
    const reply = this.reply(text, lang, context);
    if (truncated)
      reply.parts.push({ type: 'note', text: 'Your message was long; only its beginning was searched.', aside: true });
    if (context.sharedBy) reply.parts.splice(1, 0, { type: 'sharedBy', label: SHARED_BY, user: context.sharedBy });
    if (!context.replay) this.services.observer?.answered(reply, context, (performance.now() - started) / 1000);
    return reply;
  }

  /**
   * Records a 👍 / 👎 on the reply to `query` (asked again as a replay, so a vote can change nothing else).
   * Returns false when votes are not recorded here or the query does not lead to an answer or abstention, the
   * only replies that offer a vote.
   */
  vote(query: string, vote: 'up' | 'down', context: AskContext & { user: string }): boolean {
    const { feedback } = this.services;
    if (!feedback || !isChatPlatform(context.platform)) return false;
    const reply = this.ask(query, { platform: context.platform, replay: true });
    if (reply.kind !== 'answer' && reply.kind !== 'no_answer') return false;
    feedback.record({ question: reply.query, reply, vote, platform: context.platform, userId: context.user });
    return true;
  }

  private overLimit(context: AskContext): boolean {
    const { rateLimiter } = this.services;
    return Boolean(context.user && rateLimiter && !rateLimiter.take(`${context.platform}:${context.user}`));
  }

  /**
   * Topics matching what the user has typed so far, for autocomplete: slugs that start with it first, then
   * titles or keywords (English or Arabic) that start with it, then ones that merely contain it.
   */
  suggestTopics(typed: string, limit = 25): TopicSuggestion[] {
    const needle = typed.trim().toLowerCase();
    const rank = (topic: Topic): number => {
      if (topic.slug.startsWith(needle)) return 0;
      const labels = [topic.title.en, topic.title.ar, ...topic.keywords.en, ...topic.keywords.ar].map((label) =>
        label.toLowerCase(),
      );
      if (labels.some((label) => label.startsWith(needle) || label.includes(` ${needle}`))) return 1;
      return topic.slug.includes(needle) || labels.some((label) => label.includes(needle)) ? 2 : 3;
    };
    return this.topics
      .map((topic) => ({ topic, rank: rank(topic) }))
      .filter(({ rank: r }) => r < 3)
      .sort((a, b) => a.rank - b.rank)
      .slice(0, limit)
      .map(({ topic }) => toSuggestion(topic));
  }

  private reply(text: string, lang: Language, context: AskContext): Reply {
    const command = parseCommand(text, (slug) => this.topicsBySlug.has(slug));
    const desk = this.services.statusDesk;
    if (desk && command.kind === 'question' && asksForStatus(command.text)) {
      return statusReply(desk.statusView(), text, lang, this.offers(lang, context));
    }
    switch (command.kind) {
      case 'help':
        return helpReply(text, lang, this.topics.slice(0, 5).map(toSuggestion), context.platform);
      case 'topics':
        return topicsReply(text, lang, this.topics.map(toSuggestion), context.platform);
      case 'status':
      case 'subscribe':
      case 'unsubscribe':
      case 'subscriptions':
        return this.statusCommand(command, text, lang, context);
      case 'topic': {
        const topic = this.topicsBySlug.get(command.slug);
        if (!topic) return this.answerQuestion(text, text, lang, context);
        return this.answerQuestion(text, topic.query, lang, context, lang === 'ar' ? topic.title.ar : topic.title.en);
      }
      case 'question':
        return this.answerQuestion(text, command.text, lang, context);
    }
  }

  private statusCommand(
    command: Extract<Command, { kind: 'status' | 'subscribe' | 'unsubscribe' | 'subscriptions' }>,
    text: string,
    lang: Language,
    context: AskContext,
  ): Reply {
    const desk = this.services.statusDesk;
    if (!desk) return trackerMissingReply(text, lang);
    if (command.kind === 'status') return statusReply(desk.statusView(), text, lang, this.offers(lang, context));
    const { platform, workspace, channel, user } = context;
    if (command.kind !== 'subscriptions' && context.replay) return replayCannotSubscribeReply(text, lang);
    if (!isChatPlatform(platform) || !workspace || !channel) {
      return subscriptionsNeedChannelReply(text, lang);
    }
    if (command.kind === 'subscriptions')
      return subscriptionListReply(desk.subscriptions({ platform, workspace }), text, lang);
    const ask = {
      platform,
      workspace,
      channel,
      user: user ?? 'unknown',
      allowed: context.canManageSubscriptions === true,
    };
    const outcome =
      command.kind === 'subscribe' ? desk.subscribe(ask, command.schedule, command.timeZone) : desk.unsubscribe(ask);
    return subscriptionReply(outcome, text, lang);
  }

  private answerQuestion(query: string, question: string, lang: Language, context: AskContext, title?: string): Reply {
    const searchLang = detectLanguage(question);
    const plan = this.search.plan(question, searchLang);
    const heading = title ?? shorten(query, 120);
    const searchedTerms = searchLang === 'en' ? [...new Set(plan.units.flatMap((unit) => unit.arabic ?? []))] : [];
    const offers = this.offers(lang, context);
    if (plan.units.length === 0) {
      const reason = 'I could not find a question in that. Ask in Arabic or English, or pick a topic.';
      const suggestions = this.topics.slice(0, 5).map(toSuggestion);
      return noAnswerReply({ query, lang, heading, reason, searchedTerms: [], suggestions }, offers);
    }
    const asked = this.answerTypes.asked(question, plan.words);
    const heldTypes = this.typesHeld(plan, asked);
    const ranked = this.search.search(plan, MAX_EXCERPTS * 2);
    // Excerpts are cut for the passages that may be shown, by relevance or once reordered by answer type.
    const quote = (passage: RankedPassage): Quotable => {
      const excerpt = this.toExcerpt(passage);
      return { ranked: passage, excerpt, heldTypes: heldTypes(passage, excerpt) };
    };
    const candidates =
      asked.length > 0
        ? quoteReorderable(ranked, asked, MAX_EXCERPTS, MIN_RELATIVE_SCORE, quote)
        : shown(ranked, (passage) => passage.score).map(quote);
    // Confidence asks whether the passages quoted by relevance hold the asked-for span: the reordering below
    // would otherwise lift a passage that holds some date to the top of every unanswerable "when" question.
    const typeRanks = asked.map((type) =>
      shown(candidates, quotableScore).findIndex((candidate) => candidate.heldTypes.has(type)),
    );
    const quoted = shown(preferAskedType(candidates, asked), quotableScore);
    const best = quoted[0]?.ranked;
    const excerpts = quoted.map(({ excerpt }) => excerpt);
    const confidence = answerConfidence({ plan, best, typeRanks }, this.search);
    if (!best || confidence < CONFIDENCE_THRESHOLD) {
      const reason = 'The source documents do not answer this. Try one of these topics.';
      const suggestions = this.nearestTopics(plan);
      return noAnswerReply({ query, lang, heading, reason, searchedTerms, suggestions, confidence }, offers);
    }
    return answerReply({ query, lang, heading, excerpts, searchedTerms, confidence }, offers);
  }

  /**
   * Which of the asked types of answer (a date for "when") a candidate's quoted sentences hold: the span must
   * stand in what is quoted, not anywhere in the passage.
   */
  private typesHeld(
    plan: QueryPlan,
    asked: readonly AnswerType[],
  ): (passage: RankedPassage, excerpt: Excerpt) => Set<AnswerType> {
    if (asked.length === 0) return () => new Set();
    const countsAfter = asked.includes('quantity') ? this.answerTypes.afterQuantityPhrase(plan.words) : undefined;
    const counted = countsAfter === undefined ? undefined : countedUnit(plan, countsAfter);
    const types = this.answerTypes;
    // The excerpt's evidence is cut for each type without what is no evidence of it (a date is no count), and
    // for a quantity near the counted noun.
    const stated = statedNumbers(plan.words);
    const evidenceFor = (type: AnswerType, passage: RankedPassage, excerpt: Excerpt) =>
      evidenceTexts(excerpt, passage.analyzed, type === 'quantity' ? counted : undefined, (text) =>
        types.blankNotEvidence(type, text, stated),
      );
    return (passage, excerpt) =>
      new Set(asked.filter((type) => evidenceFor(type, passage, excerpt).some((piece) => types.heldIn(type, piece))));
  }

  private offers(lang: Language, context: AskContext): ReplyOffers {
    return {
      share: context.privateReply === true,
      vote: this.services.feedback !== undefined && isChatPlatform(context.platform),
      english: context.english ?? lang === 'en',
      platform: context.platform,
    };
  }

  private toExcerpt(ranked: RankedPassage): Excerpt {
    const { analyzed } = ranked;
    const window = this.search.excerpt(ranked);
    return {
      source: analyzed.passage.file,
      start: window.start,
      end: window.end,
      locator: analyzed.passage.locator,
      title: analyzed.entry.title.ar,
      text: window.text,
      score: Math.round(ranked.score * 1000) / 1000,
      highlights: window.highlights,
      citation: citationOf(analyzed),
      alsoIn: ranked.twins.map(citationOf),
      ...this.translationOf(analyzed.passage.file, window),
    };
  }

  /** The unofficial English of a quoted range, as an excerpt field; none when its document has no translation. */
  private translationOf(file: string, range: { start: number; end: number }): { translation?: string } {
    const translation = this.search.english?.translationOf(file, range);
    return translation ? { translation } : {};
  }

  /** Topics that share words with the question, else the first few. */
  private nearestTopics(plan: QueryPlan): TopicSuggestion[] {
    const labels = plan.units.map((unit) => unit.label);
    const near = this.topics.filter((topic) =>
      labels.some(
        (label) =>
          topic.keywords.ar.some((keyword) => keyword.includes(label)) ||
          topic.keywords.en.some((keyword) => keyword.includes(label)),
      ),
    );
    return (near.length > 0 ? near : this.topics).slice(0, 5).map(toSuggestion);
  }
}

function citationOf(analyzed: AnalyzedPassage): Citation {
  const entry: CatalogEntry = analyzed.entry;
  return {
    source: entry.file,
    title: entry.title,
    publisher: entry.publisher,
    date: entry.date,
    locator: analyzed.passage.locator,
    ...(entry.url ? { url: entry.url } : {}),
    ...(entry.symbol ? { symbol: entry.symbol } : {}),
  };
}

function toSuggestion(topic: Topic): TopicSuggestion {
  return { slug: topic.slug, title: topic.title };
}

function localeLanguage(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Slack and Discord: the platforms with channels, subscriptions and votes. */
function isChatPlatform(platform: AskContext['platform']): platform is 'slack' | 'discord' {
  return platform === 'slack' || platform === 'discord';
}
