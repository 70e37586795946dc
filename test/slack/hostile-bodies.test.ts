import type { App } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordingLogger } from '../support/recording-logger.ts';
import { FakeSlack } from './support/fake-slack.ts';
import { cannedBot, type RunningHttpApp, startHttpApp } from './support/slack-app-harness.ts';
import { FORM, JSON_TYPE, postSigned, slashCommandForm } from './support/slack-requests.ts';

// Signed bodies Bolt cannot handle: before the guard, `null` killed the process and the rest hung 3 s for a 404.

const healthz = {
  path: '/healthz',
  method: 'GET' as const,
  handler: (_request: unknown, response: import('node:http').ServerResponse) => {
    response.writeHead(200).end('ok');
  },
};

describe('the Slack HTTP endpoint under hostile bodies', () => {
  let fake: FakeSlack;
  let app: App | undefined;
  let logger: RecordingLogger;
  let running: RunningHttpApp;

  beforeEach(async () => {
    fake = await FakeSlack.start();
    logger = new RecordingLogger();
    running = await startHttpApp(cannedBot, fake, logger, { routes: [healthz] });
    app = running.app;
  });

  afterEach(async () => {
    await app?.stop();
    app = undefined;
    await fake.close();
  });

  it('answers a signed JSON null with 400 and keeps serving /healthz and the next command', async () => {
    const rejected = await postSigned(running.eventsUrl, 'null', { contentType: JSON_TYPE });
    expect(rejected.status).toBe(400);
    const health = await fetch(running.eventsUrl.replace('/slack/events', '/healthz'));
    expect(health.status).toBe(200);
    const ack = await postSigned(running.eventsUrl, slashCommandForm('topics', fake.responseUrl('after')), {
      contentType: FORM,
    });
    expect(ack.status).toBe(200);
    await fake.waitFor(() => fake.postsTo('after').length > 0);
  });

  it.each([
    ['an array', '[1,2,3]', JSON_TYPE],
    ['a number', '1', JSON_TYPE],
    ['a string', '"hi"', JSON_TYPE],
    ['an unknown type', '{"type":"made_up","x":1}', JSON_TYPE],
    ['a form payload of null', 'payload=null', FORM],
    ['text that is not JSON', '{"type":', JSON_TYPE],
    ['an event of null', '{"event":null}', JSON_TYPE],
    ['an event item of null', '{"event":{"item":null}}', JSON_TYPE],
  ])('answers %s at once with 400, logged as a warning only', async (_, body, contentType) => {
    const result = await postSigned(running.eventsUrl, body, { contentType });
    expect(result.status).toBe(400);
    expect(result.ms).toBeLessThan(1000);
    expect(logger.messages('error')).toEqual([]);
    expect(logger.messages('warn').join('\n')).toMatch(/rejected a signed request with 400/);
  });

  it('answers unsigned bodies Bolt cannot even route with 401, and keeps serving', async () => {
    for (const body of ['{"event":null}', '{"event":"x"}', '{"event":{"item":null}}']) {
      const result = await postSigned(running.eventsUrl, body, { contentType: JSON_TYPE, signature: 'v0=00' });
      expect(result.status).toBe(401);
    }
    const ack = await postSigned(running.eventsUrl, slashCommandForm('help', fake.responseUrl('still')), {
      contentType: FORM,
    });
    expect(ack.status).toBe(200);
  });

  it('still answers an unsigned bad body with 401 and url_verification with its challenge', async () => {
    const unsigned = await postSigned(running.eventsUrl, 'null', { contentType: JSON_TYPE, signature: 'v0=00' });
    expect(unsigned.status).toBe(401);
    const challenge = await postSigned(running.eventsUrl, '{"type":"url_verification","challenge":"c-1"}', {
      contentType: JSON_TYPE,
    });
    expect(challenge).toMatchObject({ status: 200, body: expect.stringContaining('c-1') });
  });
});
