import type { App } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordingLogger } from '../support/recording-logger.ts';
import { FAKE_BOT_USER, FakeSlack } from './support/fake-slack.ts';
import { cannedBot, settle, startHttpApp } from './support/slack-app-harness.ts';
import { appMentionEvent, eventCallback, JSON_TYPE, postSigned } from './support/slack-requests.ts';

// In a file of its own: it waits out a real Retry-After, and files run in parallel.
describe('Slack rate limits', () => {
  let fake: FakeSlack | undefined;
  let app: App | undefined;

  afterEach(async () => {
    await app?.stop();
    await fake?.close();
  });

  it('waits out a 429 Retry-After on chat.postMessage and posts the answer exactly once', async () => {
    fake = await FakeSlack.start();
    let limited = false;
    fake.onApi((call) => {
      if (call.method !== 'chat.postMessage' || limited) return undefined;
      limited = true;
      return { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } };
    });
    const logger = new RecordingLogger();
    const running = await startHttpApp(cannedBot, fake, logger);
    app = running.app;
    const event = appMentionEvent(`<@${FAKE_BOT_USER}> entry-into-force`, '1700000000.000700');
    const ack = await postSigned(running.eventsUrl, JSON.stringify(eventCallback('Ev-429', event)), {
      contentType: JSON_TYPE,
    });
    expect(ack.status).toBe(200);
    const [posted] = await fake.waitFor(
      () => (fake?.postedMessages().length ?? 0) > 0 && fake?.postedMessages(),
      10_000,
    );
    await settle();
    const attempts = fake.callsTo('chat.postMessage');
    expect(attempts.map((attempt) => attempt.status)).toEqual([429, 200]);
    expect(fake.postedMessages()).toHaveLength(1);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(posted?.params.thread_ts).toBe('1700000000.000700');
    expect(logger.messages('error')).toEqual([]);
  });
});
