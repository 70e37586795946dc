import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/answer/rate-limiter.ts';
import { excerptsOf } from '../../src/answer/reply.ts';
import { createTreatyBot } from '../../src/create-treaty-bot.ts';
import { silentLogger } from '../../src/logger.ts';
import { headingOf } from '../support/replies.ts';

describe('RateLimiter', () => {
  it('allows a burst of perMinute, then refills over the minute', () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect([limiter.take('u'), limiter.take('u'), limiter.take('u'), limiter.take('u')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(limiter.take('other')).toBe(true);
    now = 20_000;
    expect(limiter.take('u')).toBe(true);
    expect(limiter.take('u')).toBe(false);
  });

  it('forgets the least recently seen users beyond its capacity', () => {
    const limiter = new RateLimiter(1, () => 0, 2);
    limiter.take('a');
    limiter.take('b');
    limiter.take('c');
    expect(limiter.take('a')).toBe(true);
  });
});

describe('TreatyBot with a rate limit', () => {
  it('answers a friendly slow-down past the limit, per user', () => {
    const bot = createTreatyBot({ logger: silentLogger, questionsPerMinute: 2 });
    const ask = (user: string) => bot.ask('entry-into-force', { platform: 'slack', user });
    expect([ask('U1').kind, ask('U1').kind]).toEqual(['answer', 'answer']);
    const slowed = ask('U1');
    expect(headingOf(slowed)).toBe('Slow down');
    expect(excerptsOf(slowed)).toEqual([]);
    expect(ask('U2').kind).toBe('answer');
  });
});
