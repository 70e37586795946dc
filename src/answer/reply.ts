/**
 * The platform-neutral reply every adapter renders (Slack blocks, Discord embeds, console text).
 * It holds no markup: adapters escape and format every string themselves.
 */

export type ReplyKind = 'answer' | 'no_answer' | 'help' | 'topics' | 'status';
export type Language = 'ar' | 'en';

/** Where a quoted excerpt comes from. */
export interface Citation {
  /** Seed file name. */
  source: string;
  title: { ar: string; en: string };
  publisher: { ar: string; en: string };
  /** ISO date or month of the document. */
  date: string;
  /** Human locator inside the document, e.g. `¶ 13 (أ)`. */
  locator: string;
  url?: string;
  symbol?: string;
}

/** A quoted piece of a seed document: `seedText.slice(start, end) === text`. */
export interface Excerpt {
  source: string;
  start: number;
  end: number;
  locator: string;
  /** The document's Arabic title. */
  title: string;
  text: string;
  /** Ranking score, higher is better. */
  score: number;
  /** Matched words, as `[start, end)` offsets into `text`. */
  highlights: Array<{ start: number; end: number }>;
  citation: Citation;
  /** Other places that say nearly the same thing (folded into this excerpt). */
  alsoIn: Citation[];
  /**
   * The unofficial English translation of the excerpt's sentences (seeds/translations/en), when its document
   * has one. Shown under the quote for an English question, on request for an Arabic one; never the citation.
   */
  translation?: string;
}

/** A topic offered to the user: `/treaty <slug>`. */
export interface TopicSuggestion {
  slug: string;
  title: { en: string; ar: string };
}

/** One line of a help reply: a command and what it does. */
export interface HelpLine {
  command: string;
  description: string;
}

export interface Reply {
  kind: ReplyKind;
  /** The user's text after cleaning (controls and mentions removed), as searched. */
  query: string;
  lang: Language;
  /** A short heading: the question, the topic title or the kind of reply. */
  title: string;
  /** Best first, at most five. Empty unless `kind` is `answer`. */
  excerpts: Excerpt[];
  /** For English questions: the Arabic words the question was translated to before searching. */
  searchedTerms: string[];
  /** Topics to try next (all of them for `topics`, the nearest ones for `no_answer`). */
  suggestions: TopicSuggestion[];
  /** Commands, for `help`. */
  help: HelpLine[];
  /**
   * Plain lines of status (`status`). What the user can type back (a command, a schedule) is wrapped in a pair
   * of backticks; adapters show it as code that copies exactly as typed.
   */
  statusLines: string[];
  /** Short remarks to show under the reply (e.g. "your question was shortened"). */
  notices: string[];
  /**
   * For a searched question (`answer` or `no_answer`): how sure the bot is that its best passage answers it,
   * 0–1; it abstains below the calibrated threshold (src/answer/confidence.ts).
   */
  confidence?: number;
}

/** A reply with every list empty, to spread the specific fields over. */
export function emptyReply(kind: ReplyKind, query: string, lang: Language, title: string): Reply {
  return {
    kind,
    query,
    lang,
    title,
    excerpts: [],
    searchedTerms: [],
    suggestions: [],
    help: [],
    statusLines: [],
    notices: [],
  };
}
