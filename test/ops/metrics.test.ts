import { describe, expect, it } from 'vitest';
import type { Reply, ReplyKind } from '../../src/answer/reply.ts';
import { headingOf } from '../support/replies.ts';

const emptyReply = (kind: ReplyKind, query: string): Reply => ({ kind, lang: 'en', query, parts: [], actions: [] });

import { createTreatyBot } from '../../src/create-treaty-bot.ts';
import type { DigestPoster } from '../../src/digests/digest-poster.ts';
import { silentLogger } from '../../src/logger.ts';
import { countedPoster } from '../../src/ops/counted-poster.ts';
import { Metrics } from '../../src/ops/metrics.ts';

const target = { platform: 'discord' as const, workspace: 'G1', channel: 'C1' };
const idempotency = { nonce: 'n', deliveryId: 1 };
const payload = { changes: [], upToChangeId: 1 };

describe('Metrics', () => {
  it('counts replies by platform and kind, abstentions, and observes their duration', async () => {
    const metrics = new Metrics();
    metrics.answered(emptyReply('answer', 'q'), { platform: 'slack' }, 0.0007);
    metrics.answered(emptyReply('no_answer', 'q'), { platform: 'slack' }, 0.003);
    metrics.answered(emptyReply('help', ''), { platform: 'discord' }, 0.0001);
    const { contentType, body } = await metrics.exposition();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(body).toMatch(/^treaty_bot_questions_total\{platform="slack",kind="answer"\} 1$/m);
    expect(body).toMatch(/^treaty_bot_questions_total\{platform="discord",kind="help"\} 1$/m);
    expect(body).toMatch(/^treaty_bot_abstentions_total\{platform="slack"\} 1$/m);
    expect(body).toMatch(/^treaty_bot_answer_duration_seconds_bucket\{le="0\.001",platform="slack"\} 1$/m);
    expect(body).toMatch(/^treaty_bot_answer_duration_seconds_bucket\{le="0\.005",platform="slack"\} 2$/m);
    expect(body).toMatch(/^treaty_bot_answer_duration_seconds_count\{platform="slack"\} 2$/m);
  });

  it('counts refused and failed polls of the status source as fetch failures', async () => {
    const metrics = new Metrics();
    for (const result of ['saved', 'not-modified', 'refused', 'failed'] as const) metrics.statusPolled(result);
    const { body } = await metrics.exposition();
    expect(body).toMatch(/^treaty_bot_status_polls_total\{result="not-modified"\} 1$/m);
    expect(body).toMatch(/^treaty_bot_status_fetch_failures_total 2$/m);
  });

  it('keeps each bot its own registry', async () => {
    const first = new Metrics();
    first.statusPolled('failed');
    expect((await new Metrics().exposition()).body).toMatch(/^treaty_bot_status_fetch_failures_total 0$/m);
  });

  it('is told of every reply by the core, with the platform it came from', async () => {
    const metrics = new Metrics();
    const bot = createTreatyBot({ logger: silentLogger, observer: metrics });
    bot.ask('entry-into-force', { platform: 'discord', user: 'U1' });
    bot.ask('', { platform: 'discord', user: 'U1' });
    const { body } = await metrics.exposition();
    expect(body).toMatch(/^treaty_bot_questions_total\{platform="discord",kind="answer"\} 1$/m);
    expect(body).toMatch(/^treaty_bot_questions_total\{platform="discord",kind="help"\} 1$/m);
  });
});

describe('the core counting questions', () => {
  it('counts a rate-limited question apart, and a replayed one (share, feedback click) not at all', async () => {
    const metrics = new Metrics();
    const bot = createTreatyBot({ logger: silentLogger, observer: metrics, questionsPerMinute: 1 });
    const asker = { platform: 'slack' as const, user: 'U1' };
    expect(bot.ask('entry-into-force', asker).kind).toBe('answer');
    expect(headingOf(bot.ask('entry-into-force', asker))).toBe('Slow down');
    // A click rebuilds the reply already given: past the limit, still the real reply, and not a new question.
    expect(bot.ask('entry-into-force', { ...asker, replay: true }).kind).toBe('answer');
    const { body } = await metrics.exposition();
    expect(body).toMatch(/^treaty_bot_questions_total\{platform="slack",kind="answer"\} 1$/m);
    expect(body).not.toMatch(/kind="help"/);
    expect(body).toMatch(/^treaty_bot_rate_limited_total\{platform="slack"\} 1$/m);
    expect(body).toMatch(/^treaty_bot_answer_duration_seconds_count\{platform="slack"\} 1$/m);
  });
});

describe('countedPoster', () => {
  it('counts posted and failed digest attempts per platform and passes results and errors through', async () => {
    const metrics = new Metrics();
    let fail = false;
    const poster: DigestPoster = {
      post: async () => {
        if (fail) throw new Error('channel_not_found');
        return { messageId: 'M1' };
      },
      findPosted: async () => ({ messageId: 'M0' }),
    };
    const counted = countedPoster(poster, metrics);
    expect(await counted.post(target, payload, idempotency)).toEqual({ messageId: 'M1' });
    fail = true;
    await expect(counted.post(target, payload, idempotency)).rejects.toThrow('channel_not_found');
    expect(await counted.findPosted?.(target, 'n')).toEqual({ messageId: 'M0' });
    const { body } = await metrics.exposition();
    expect(body).toMatch(/^treaty_bot_digests_posted_total\{platform="discord"\} 1$/m);
    expect(body).toMatch(/^treaty_bot_digests_failed_total\{platform="discord"\} 1$/m);
  });
});
