import { afterEach, describe, expect, it } from 'vitest';
import type { PlatformRuntime } from '../../adapters/platform-runtime.ts';
import { startSlack } from '../../adapters/slack/start-slack.ts';
import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import { FeedbackRecorder } from '../../src/feedback/feedback-recorder.ts';
import { silentLogger } from '../../src/logger.ts';
import { openStore } from '../../src/store/open-store.ts';
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

  it('shows feedback buttons under answers when given a recorder', async () => {
    const slack = await FakeSlack.start();
    fake = slack;
    const store = openStore(':memory:', silentLogger);
    try {
      const config = { botToken: 'xoxb-test-token', signingSecret: SIGNING_SECRET, apiUrl: slack.apiUrl, port: 0 };
      const logger = new RecordingLogger();
      runtime = await startSlack(cannedBot as TreatyBot, config, logger, new FeedbackRecorder(store.feedback));
      const listening = logger.entries.find((entry) => entry.level === 'info')?.fields as { port?: number } | undefined;
      const port = Number(listening?.port);
      await postSigned(`http://127.0.0.1:${port}/slack/events`, slashCommandForm('q', slack.responseUrl('f')), {
        contentType: FORM,
      });
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
