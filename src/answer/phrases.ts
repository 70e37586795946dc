/**
 * The words users read that are not part of one reply's content: action labels, the labels of parts that
 * several replies share, and what an adapter says about its own delivery (a message cut to fit, a failure, a
 * vote). Written once here so every surface says the same thing; adapters import them, never write their own.
 */

/** Label of an excerpt's English: the Arabic quote stays the citation. */
export const UNOFFICIAL_TRANSLATION = 'English (unofficial translation)';
/** Lead of the line that lists the Arabic words an English question was searched as. */
export const SEARCHED_ARABIC = 'Searched the Arabic text for';
/** Lead of a shared reply's "who shared it" line. */
export const SHARED_BY = 'Shared by';

export const SHARE_LABEL = 'Share in channel';
export const SHOW_ENGLISH_LABEL = 'Show in English';
export const SHOW_ENGLISH_DESCRIPTION = 'Show the unofficial English translation';
export const VOTE_UP = { label: '👍', description: 'This reply helped' } as const;
export const VOTE_DOWN = { label: '👎', description: 'This reply did not help' } as const;

/** When a platform's size limits cut a reply short. */
export const REPLY_CUT_SHORT = 'Part of this reply was left out to fit in one message.';
/** When a list is cut short: `… and 12 more`. */
export function andMore(count: number): string {
  return `… and ${count} more`;
}

/** When answering failed; the details go to the log, never to the chat. */
export const APOLOGY = 'Sorry, something went wrong while answering. Please try again in a moment.';
/** A button that can no longer be answered (the bot restarted and forgot the question behind it). */
export const BUTTON_EXPIRED = 'Sorry, this button no longer works (the bot restarted). Ask the question again.';
/** The private acknowledgement of a 👍 / 👎. */
export const FEEDBACK_THANKS = 'Thanks for the feedback!';
export const FEEDBACK_NOT_SAVED = 'Sorry, your feedback could not be saved. Please try again in a moment.';
