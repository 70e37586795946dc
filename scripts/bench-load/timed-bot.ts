import type { TreatyBot } from '../../src/answer/treaty-bot.ts';

/** Time spent inside the core's `ask`, to tell the core's share of a request from the adapter's. */
export class CoreClock {
  calls = 0;
  totalMs = 0;

  reset(): void {
    this.calls = 0;
    this.totalMs = 0;
  }
}

/**
 * The bot with `ask` timed into `clock`; every other member is the bot's own (the wrapper inherits from it),
 * so the adapters get a full TreatyBot and cannot tell the difference.
 */
export function timedBot(bot: TreatyBot, clock: CoreClock): TreatyBot {
  const timed: TreatyBot = Object.create(bot);
  timed.ask = (text, context) => {
    const started = performance.now();
    try {
      return bot.ask(text, context);
    } finally {
      clock.totalMs += performance.now() - started;
      clock.calls += 1;
    }
  };
  return timed;
}
