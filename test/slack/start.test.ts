import { afterEach, describe, expect, it } from 'vitest';
import type { PlatformRuntime } from '../../adapters/platform-runtime.ts';
import { startSlack } from '../../adapters/slack/start.ts';
import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import { silentLogger } from '../../src/logger.ts';
import { InFlight } from '../../src/ops/in-flight.ts';
import type { OpsRoute } from '../../src/ops/ops-routes.ts';
import { openStore } from '../../src/store/open-store.ts';
import { realBotWithFeedback } from '../support/bot.ts';
import { RecordingLogger } from '../support/recording-logger.ts';
import { FakeSlack } from './support/fake-slack.ts';
import { cannedBot } from './support/slack-app-harness.ts';
import { FORM, postSigned, SIGNING_SECRET, slashCommandForm } from './support/slack-requests.ts';

describe('startSlack', () => {
  let fake: FakeSlack | undefined;
  let runtime: PlatformRuntime | undefined;

  afterEach(async () => {
    await runtime?.stop();
    runtime = undefined;
    await fake?.close();
  });

  it('listens in HTTP mode on the configured port, logs one info line and stops', async () => {
    fake = await FakeSlack.start();
    const logger = new RecordingLogger();
    const config = { botToken: 'xoxb-test-token', signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0 };
    runtime = await startSlack(cannedBot as TreatyBot, config, logger);
    expect(runtime.platform).toBe('slack');
    expect(typeof runtime.poster.post).toBe('function');
    expect(typeof runtime.poster.findPosted).toBe('function');
    const ours = logger.entries.filter((entry) => entry.level === 'info' && entry.message.startsWith('slack: '));
    expect(ours).toHaveLength(1);
    const port = Number((ours[0]?.fields as { port?: number } | undefined)?.port);
    expect(port).toBeGreaterThan(0);
    const ack = await postSigned(
      `http://127.0.0.1:${port}/slack/events`,
      slashCommandForm('help', fake.responseUrl('h')),
      {
        contentType: FORM,
      },
    );
    expect(ack.status).toBe(200);
    await fake.waitFor(() => fake?.postsTo('h').length);
    await runtime.stop();
    runtime = undefined;
    await expect(fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST' })).rejects.toThrow();
  });

  it('shows feedback buttons under answers when the core records votes', async () => {
    const slack = await FakeSlack.start();
    fake = slack;
    const store = openStore(':memory:', silentLogger);
    try {
      const config = { botToken: 'xoxb-test-token', signingSecret: SIGNING_SECRET, apiUrl: slack.apiUrl, port: 0 };
      const logger = new RecordingLogger();
      runtime = await startSlack(realBotWithFeedback(store), config, logger);
      const listening = logger.entries.find((entry) => entry.level === 'info')?.fields as { port?: number } | undefined;
      const port = Number(listening?.port);
      await postSigned(
        `http://127.0.0.1:${port}/slack/events`,
        slashCommandForm('entry-into-force', slack.responseUrl('f')),
        {
          contentType: FORM,
        },
      );
      const [post] = await slack.waitFor(() => slack.postsTo('f').length > 0 && slack.postsTo('f'));
      expect(JSON.stringify(post?.body.blocks)).toContain('treaty_feedback_down');
    } finally {
      await runtime?.stop();
      runtime = undefined;
      store.close();
    }
  });

  it('connects in Socket Mode when an app token is set', async () => {
    fake = await FakeSlack.start();
    const logger = new RecordingLogger();
    const config = {
      botToken: 'xoxb-test-token',
      appToken: 'xapp-1-test',
      apiUrl: fake.apiUrl.replace(/\/$/, ''),
      port: 0,
    };
    runtime = await startSlack(cannedBot as TreatyBot, config, logger);
    expect(fake.connectedSockets).toBe(1);
    expect(logger.messages('info')).toContain('slack: connected in Socket Mode');
    await runtime.stop();
    runtime = undefined;
    await fake.waitFor(() => fake?.connectedSockets === 0);
  });
});

describe('startSlack for operations', () => {
  let fake: FakeSlack;
  let runtime: PlatformRuntime | undefined;

  afterEach(async () => {
    await runtime?.stop();
    runtime = undefined;
    await fake.close();
  });

  /** The port startSlack logged it listens on. */
  const listeningPort = (logger: RecordingLogger) =>
    Number((logger.entries.find((entry) => entry.level === 'info')?.fields as { port?: number } | undefined)?.port);

  it('serves the ops routes beside /slack/events in HTTP mode and reports connected until stopped', async () => {
    fake = await FakeSlack.start();
    const logger = new RecordingLogger();
    const routes: OpsRoute[] = [
      { path: '/healthz', method: 'GET', handler: (_request, response) => response.end('alive') },
    ];
    const config = { botToken: 'xoxb-test-token', signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0 };
    runtime = await startSlack(cannedBot as TreatyBot, config, logger, { routes });
    const health = await fetch(`http://127.0.0.1:${listeningPort(logger)}/healthz`);
    expect(await health.text()).toBe('alive');
    expect(runtime.isConnected()).toBe(true);
    await runtime.stop();
    expect(runtime.isConnected()).toBe(false);
    runtime = undefined;
  });

  it('tracks each request until its answer is posted, so shutdown can wait for it', async () => {
    fake = await FakeSlack.start();
    const logger = new RecordingLogger();
    const inFlight = new InFlight();
    const config = { botToken: 'xoxb-test-token', signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0 };
    runtime = await startSlack(cannedBot as TreatyBot, config, logger, { inFlight });
    const url = `http://127.0.0.1:${listeningPort(logger)}/slack/events`;
    const ack = await postSigned(url, slashCommandForm('help', fake.responseUrl('w')), { contentType: FORM });
    expect(ack.status).toBe(200);
    // Acked, but the answer may still be on its way to the response_url: settled() waits for it.
    await inFlight.settled();
    expect(fake.postsTo('w')).toHaveLength(1);
  });

  it('reports the Socket Mode connection state', async () => {
    fake = await FakeSlack.start();
    const config = { botToken: 'xoxb-test-token', appToken: 'xapp-1-test', apiUrl: fake.apiUrl, port: 0 };
    runtime = await startSlack(cannedBot as TreatyBot, config, new RecordingLogger());
    const running = runtime;
    expect(running.isConnected()).toBe(true);
    runtime = undefined;
    await running.stop();
    await fake.waitFor(() => fake.connectedSockets === 0);
    expect(running.isConnected()).toBe(false);
  });
});
