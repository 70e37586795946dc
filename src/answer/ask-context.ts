/** Who asks, from where, and what their surface allows. Adapters fill what their platform knows. */
export interface AskContext {
  platform: 'slack' | 'discord' | 'console' | 'cli';
  workspace?: string | undefined;
  channel?: string | undefined;
  user?: string | undefined;
  /** The user's locale, e.g. `ar` or `en-US`; decides the language of replies that have no question. */
  locale?: string | undefined;
  /** The adapter's verdict on whether this user may change the channel's digest subscriptions. */
  canManageSubscriptions?: boolean;
  /**
   * The adapter asks again to rebuild a reply it already gave (a button click): not a new question, so neither
   * rate limited nor counted, and it can never change state (a replayed `subscribe` is refused).
   */
  replay?: boolean;
  /** The reply is seen by the asker alone, in a channel where others could see it shared. */
  privateReply?: boolean;
  /** Show the quotes' unofficial English translation ("Show in English", `--lang en`); default for English. */
  english?: boolean;
  /** The platform user id of whoever shares the reply publicly: the reply says who. */
  sharedBy?: string;
}
