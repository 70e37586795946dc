import {
  SEARCHED_ARABIC,
  SHARE_LABEL,
  SHOW_ENGLISH_DESCRIPTION,
  SHOW_ENGLISH_LABEL,
  UNOFFICIAL_TRANSLATION,
  VOTE_DOWN,
  VOTE_UP,
} from './phrases.ts';
import type { Action, Citation, CitationLine, Excerpt, Language, Part, Reply, TopicSuggestion } from './reply.ts';
import { topicList } from './topic-list.ts';

/** Citations named under "Also in" before "and N more". */
const MAX_ALSO_IN = 3;

/** What the asker's surface allows, which decides the actions a reply offers. */
export interface ReplyOffers {
  /** The reply is seen by the asker alone in a channel others can see: it may be shared there. */
  share: boolean;
  /** Votes are recorded in this installation. */
  vote: boolean;
  /** Quotes show their English translation (asked for, or an English question). */
  english: boolean;
  platform: 'slack' | 'discord' | 'console' | 'cli';
}

export interface AnswerFacts {
  query: string;
  lang: Language;
  heading: string;
  excerpts: Excerpt[];
  /** For an English question: the Arabic words it was searched as. */
  searchedTerms: string[];
  confidence: number;
}

/** An answer: the quotes, each cited, with the words an English question was searched as above them. */
export function answerReply(facts: AnswerFacts, offers: ReplyOffers): Reply {
  const parts: Part[] = [
    { type: 'heading', text: facts.heading },
    ...searchedPart(facts.searchedTerms),
    ...facts.excerpts.map((excerpt, i) => quotePart(excerpt, i + 1, facts.lang, offers.english)),
  ];
  const actions: Action[] = [];
  if (offers.share && facts.query) actions.push({ type: 'share', label: SHARE_LABEL });
  if (!offers.english && facts.excerpts.some((excerpt) => excerpt.translation))
    actions.push({ type: 'english', label: SHOW_ENGLISH_LABEL, description: SHOW_ENGLISH_DESCRIPTION });
  actions.push(...voteActions(facts.query, offers));
  return { kind: 'answer', lang: facts.lang, query: facts.query, parts, actions, confidence: facts.confidence };
}

export interface NoAnswerFacts {
  query: string;
  lang: Language;
  heading: string;
  /** Why there is no answer, in a sentence. */
  reason: string;
  searchedTerms: string[];
  suggestions: TopicSuggestion[];
  confidence?: number;
}

/** No answer: why, what was searched, and topics to try instead. */
export function noAnswerReply(facts: NoAnswerFacts, offers: ReplyOffers): Reply {
  return {
    kind: 'no_answer',
    lang: facts.lang,
    query: facts.query,
    parts: [
      { type: 'heading', text: facts.heading },
      { type: 'note', text: facts.reason },
      ...searchedPart(facts.searchedTerms),
      topicList(facts.suggestions, offers.platform, 'Topics you can ask about'),
    ],
    actions: voteActions(facts.query, offers),
    ...(facts.confidence === undefined ? {} : { confidence: facts.confidence }),
  };
}

function voteActions(query: string, offers: ReplyOffers): Action[] {
  return offers.vote && query ? [{ type: 'vote', up: VOTE_UP, down: VOTE_DOWN }] : [];
}

function searchedPart(terms: readonly string[]): Part[] {
  return terms.length > 0 ? [{ type: 'note', text: `${SEARCHED_ARABIC}: ${terms.join('، ')}`, aside: true }] : [];
}

function quotePart(excerpt: Excerpt, number: number, lang: Language, english: boolean): Part {
  return {
    type: 'quote',
    number,
    excerpt,
    citation: citationLine(excerpt.citation, lang),
    ...(excerpt.alsoIn.length > 0 ? { alsoIn: alsoInLine(excerpt.alsoIn, lang) } : {}),
    ...(english && excerpt.translation
      ? { translation: { label: UNOFFICIAL_TRANSLATION, text: excerpt.translation } }
      : {}),
  };
}

/** Title, publisher, date, locator and symbol, in the reader's language where the catalog has both. */
function citationLine(citation: Citation, lang: Language): CitationLine {
  return {
    title: citation.title[lang],
    ...(citation.url ? { url: citation.url } : {}),
    details: [citation.publisher[lang], citation.date, citation.locator, ...(citation.symbol ? [citation.symbol] : [])],
  };
}

function alsoInLine(alsoIn: readonly Citation[], lang: Language): string {
  const shown = alsoIn.slice(0, MAX_ALSO_IN).map((twin) => `${twin.title[lang]}, ${twin.locator}`);
  const more = alsoIn.length > MAX_ALSO_IN ? ` and ${alsoIn.length - MAX_ALSO_IN} more` : '';
  return `Also in: ${shown.join('; ')}${more}`;
}
