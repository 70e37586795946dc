import type { StatusSnapshot } from '../status/snapshot.ts';

/**
 * The message model: every reply and digest the bot sends, as the core words it. A reply is a list of parts in
 * reading order and the actions a user may take next. The core writes every word the user reads; adapters only
 * map parts to their platform's markup, fit its limits and escape (Slack blocks, Discord embeds, console text).
 */

export type ReplyKind = 'answer' | 'no_answer' | 'help' | 'topics' | 'status' | 'digest';
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
   * has one. Part of the evaluation contract; whether the reader sees it is the quote part's `translation`.
   */
  translation?: string;
}

/** A topic offered to the user: `/treaty <slug>`. */
export interface TopicSuggestion {
  slug: string;
  title: { en: string; ar: string };
}

/**
 * A line the core wrote. What the user can type back (a command, a cron) is wrapped in a pair of backticks;
 * adapters show it as code that copies exactly as typed (adapters/shared/code-spans.ts).
 */
export type Line = string;

/** A cited source as the reader sees it: the title (linked when it has a URL), then publisher, date, locator. */
export interface CitationLine {
  title: string;
  url?: string;
  details: string[];
}

/** An entry of a list: what to type, shown as code (a topic slug, a command), and what it is. */
export interface ListItem {
  code?: string;
  text: Line;
}

export type Part =
  /** The reply's title; a digest's links to the official record. Always the first part. */
  | { type: 'heading'; text: string; url?: string }
  /** Who posted a shared reply to the channel: the platform shows `user` as a mention that pings nobody. */
  | { type: 'sharedBy'; label: string; user: string }
  /**
   * A line of prose; `aside` lines are small print (searched terms, notices, the official record). With `url`,
   * the text links there (or, where a surface cannot link, is followed by the address).
   */
  | { type: 'note'; text: Line; aside?: boolean; url?: string }
  /** A quoted excerpt, its citation and, when shown, its unofficial English translation. */
  | {
      type: 'quote';
      number: number;
      excerpt: Excerpt;
      citation: CitationLine;
      /** `Also in: …` — other places that say nearly the same thing. */
      alsoIn?: Line;
      translation?: { label: string; text: string };
    }
  /** Commands, topics or changes: a heading and its entries; `hint` is small print under them. */
  | { type: 'list'; heading?: string; items: ListItem[]; hint?: Line }
  /** How far the count of instruments is toward entry into force: `label: bar (detail)`. */
  | { type: 'progress'; label: string; bar: string; detail?: string }
  /**
   * The ratification progress chart (src/chart): a PNG and the core's words for what it shows. A surface that
   * shows images shows the picture with `altText` as its description; one that cannot shows `altText` as a line.
   */
  | { type: 'chart'; altText: string; png: Uint8Array }
  /** When and where the record was read: small print at the end. */
  | { type: 'asOf'; text: string };

/**
 * What a user may do next with a reply. Every action asks the core again for `Reply.query` (a replay, which
 * can never change state); its words are the core's.
 */
export type Action =
  /** Post this private reply publicly in the channel. */
  | { type: 'share'; label: string }
  /** Show the quotes' unofficial English translation. */
  | { type: 'english'; label: string; description: string }
  /** 👍 / 👎 feedback on the reply. */
  | { type: 'vote'; up: { label: string; description: string }; down: { label: string; description: string } };

export interface Reply {
  kind: ReplyKind;
  lang: Language;
  /** The user's text after cleaning (controls and mentions removed), as searched; what an action replays. */
  query: string;
  parts: Part[];
  actions: Action[];
  /**
   * For a searched question (`answer` or `no_answer`): how sure the bot is that its best passage answers it,
   * 0–1; it abstains below the calibrated threshold (src/answer/confidence.ts). Not shown to users.
   */
  confidence?: number;
  /**
   * For a status or a digest: the snapshot whose numbers it reports. Not shown as such: a surface that can carry an
   * image adds that snapshot's progress chart as a `chart` part (`withStatusChart`, src/chart/with-status-chart.ts).
   */
  snapshot?: StatusSnapshot;
}

/** The quoted excerpts of a reply, best first. */
export function excerptsOf(reply: Pick<Reply, 'parts'>): Excerpt[] {
  return reply.parts.flatMap((part) => (part.type === 'quote' ? [part.excerpt] : []));
}

/** A reply of a heading and lines of prose (status lines, subscription outcomes, a request to slow down). */
export function notesReply(kind: ReplyKind, query: string, lang: Language, heading: string, lines: string[]): Reply {
  return {
    kind,
    lang,
    query,
    parts: [{ type: 'heading', text: heading }, ...lines.map((text): Part => ({ type: 'note', text }))],
    actions: [],
  };
}
