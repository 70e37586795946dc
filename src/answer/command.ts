import { cleanInput } from './clean-input.ts';

/**
 * The `/treaty` grammar, the same in every adapter:
 * `help` · `topics` · `status` · `subscribe [daily|weekly|<cron>] [tz]` · `unsubscribe` · `subscriptions` · `<topic slug>` ·
 * `<free question>`. Empty text is `help`. A slug-like word that names no topic is searched as text.
 */

export type Command =
  | { kind: 'help' }
  | { kind: 'topics' }
  | { kind: 'status' }
  | { kind: 'subscribe'; schedule: string | undefined; timeZone: string | undefined }
  | { kind: 'unsubscribe' }
  | { kind: 'subscriptions' }
  | { kind: 'topic'; slug: string }
  | { kind: 'question'; text: string };

// A Map, not an object literal: a message reading `constructor` or `__proto__` must not find Object's own keys.
const KEYWORDS: ReadonlyMap<string, Command['kind']> = new Map(
  Object.entries({
    help: 'help',
    '?': 'help',
    مساعدة: 'help',
    topics: 'topics',
    مواضيع: 'topics',
    المواضيع: 'topics',
    status: 'status',
    unsubscribe: 'unsubscribe',
    subscriptions: 'subscriptions',
  } satisfies Record<string, Command['kind']>),
);

/**
 * Parses cleaned user text. `isTopic` tells whether a slug names a topic.
 * @example parseCommand('entry-into-force', isTopic) // → { kind: 'topic', slug: 'entry-into-force' }
 */
export function parseCommand(text: string, isTopic: (slug: string) => boolean): Command {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { kind: 'help' };
  const [first = '', ...rest] = trimmed.split(' ');
  const word = first.toLowerCase();
  const keyword = KEYWORDS.get(word);
  if (keyword && rest.length === 0 && keyword !== 'subscribe') return { kind: keyword } as Command;
  if (word === 'subscribe') return parseSubscribe(rest);
  if (rest.length === 0 && isTopic(word)) return { kind: 'topic', slug: word };
  // An unknown slug (`data-retention`) is searched as words.
  if (rest.length === 0 && /^[a-z0-9]+(-[a-z0-9]+)+$/.test(word))
    return { kind: 'question', text: word.replaceAll('-', ' ') };
  return { kind: 'question', text: trimmed };
}

function parseSubscribe(args: string[]): Command {
  const timeZone =
    args.length > 0 && /^[A-Za-z_]+\/[A-Za-z_/+-]+$|^UTC$/.test(args.at(-1) ?? '') ? args.at(-1) : undefined;
  const scheduleWords = timeZone ? args.slice(0, -1) : args;
  const schedule = scheduleWords.length > 0 ? scheduleWords.join(' ') : undefined;
  return { kind: 'subscribe', schedule, timeZone };
}

/**
 * True when the text asks to change a channel's digests (`subscribe …`, `unsubscribe`): an adapter then checks
 * the asker's permission before asking, from the same grammar the core answers with.
 */
export function needsPermission(text: string): boolean {
  const kind = parseCommand(cleanInput(text).text, () => false).kind;
  return kind === 'subscribe' || kind === 'unsubscribe';
}
