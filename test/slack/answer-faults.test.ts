import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.ts';
import { FAKE_BOT_USER, FakeSlack } from './support/fake-slack.ts';
import { cannedBot, settle, startHttpApp, startSocketApp } from './support/slack-app-harness.ts';
import { appMentionEvent, CHANNEL, eventCallback, JSON_TYPE, postSigned } from './support/slack-requests.ts';

/** Answers run on the production client config too: a post Slack kept despite an error is not sent again. */
describe('Slack answers under faults (production client config against a fake Slack)', () => {
  let fake: FakeSlack;

  beforeEach(async () => {
    fake = await FakeSlack.start();
  });

  afterEach(async () => {
    await fake.close();
  });

  it.each(['http', 'socket'] as const)(
    'does not send a mention answer twice when Slack stored it but answered 500 (%s mode)',
    async (mode) => {
      const options = { requestTimeoutMs: 300 };
      const app =
        mode === 'http'
          ? await startHttpApp(cannedBot, fake, silentLogger, options)
          : await startSocketApp(cannedBot, fake, silentLogger, options);
      try {
        fake.failPosts(CHANNEL, 'error-after-store');
        const event = eventCallback(
          'Ev-500',
          appMentionEvent(`<@${FAKE_BOT_USER}> entry-into-force`, '1700000000.000900'),
        );
        if ('eventsUrl' in app) {
          expect((await postSigned(app.eventsUrl, JSON.stringify(event), { contentType: JSON_TYPE })).status).toBe(200);
        } else {
          fake.sendEnvelope({
            envelope_id: 'env-500',
            type: 'events_api',
            accepts_response_payload: false,
            payload: event,
          });
        }
        await fake.waitFor(() => fake.callsTo('chat.postMessage').length > 0);
        // The client's default policy would send it again after about a second (in Socket Mode it had 100 tries).
        await settle(1_500);
        expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
        expect(fake.messagesIn(CHANNEL)).toHaveLength(1);
      } finally {
        await ('app' in app ? app.app : app).stop();
      }
    },
  );
});
