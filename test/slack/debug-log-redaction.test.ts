import { afterEach, describe, expect, it } from 'vitest';
import { stderrLogger } from '../../adapters/console/stderr-logger.ts';
import { redactSlackLog } from '../../adapters/slack/redact-slack-log.ts';
import { FAKE_BOT_USER, FakeSlack } from './support/fake-slack.ts';
import { cannedBot, settle, startSocketApp } from './support/slack-app-harness.ts';
import { appMentionEvent, eventCallback, slashCommandPayload } from './support/slack-requests.ts';

describe('Slack debug logs in Socket Mode (real Bolt and pino at LOG_LEVEL=debug)', () => {
  let fake: FakeSlack | undefined;

  afterEach(async () => {
    await fake?.close();
  });

  it('carry no ticket, token, response_url or user text, and still name the envelopes', async () => {
    fake = await FakeSlack.start();
    let log = '';
    const logger = stderrLogger('debug', {
      write: (line: string) => {
        log += line;
      },
    });
    const app = await startSocketApp(cannedBot, fake, logger);
    const responseUrl = fake.responseUrl('secret-response');
    fake.sendEnvelope({
      envelope_id: 'env-command',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: slashCommandPayload('private question about Cuba', responseUrl),
    });
    fake.sendEnvelope({
      envelope_id: 'env-mention',
      type: 'events_api',
      payload: eventCallback('Ev-log', appMentionEvent(`<@${FAKE_BOT_USER}> another private question`, '1.2')),
    });
    await fake.waitFor(() => fake?.postsTo('secret-response').length && fake.postedMessages().length);
    await settle(100);
    await app.stop();

    expect(log).toMatch(/Received a message on the WebSocket/);
    expect(log).toContain('env-command');
    for (const secret of [
      'ticket=fake',
      'xoxb-test-token',
      'xapp-1-test-token',
      'legacy-verification-token',
      responseUrl,
      'private question',
      'Entry into force', // the answer's text, in the chat.postMessage request body
    ]) {
      expect(log, secret).not.toContain(secret);
    }
  });
});

describe('redactSlackLog', () => {
  it.each([
    ['a bot token', 'token xoxb-1234-5678-abcdEFGH used', 'token xoxb-[redacted] used'],
    ['a refresh token', 'refreshing xoxe-1-My0xLTEyMw', 'refreshing xoxe-[redacted]'],
    ['a rotated token', 'got xoxe.xoxp-1-abc', 'got xoxe.[redacted]'],
    ['an app token', 'xapp-1-A0-123-abc', 'xapp-[redacted]'],
    [
      'a ticket URL',
      'connecting to wss://wss-primary.slack.com/link/?ticket=abc-123&app_id=A0',
      'connecting to wss://wss-primary.slack.com/link/?ticket=[redacted]&app_id=A0',
    ],
    [
      'a response_url',
      'POST https://hooks.slack.com/commands/T0/123/xyz failed',
      'POST https://hooks.slack.com/[redacted] failed',
    ],
    ['a form token', 'body: token=abc&text=x', 'body: token=[redacted]&text=x'],
  ])('masks %s anywhere in a line', (_, line, expected) => {
    expect(redactSlackLog(line)).toBe(expected);
  });

  it('keeps the ids and kinds of a JSON payload and redacts every other string', () => {
    const line = `Received a message on the WebSocket: ${JSON.stringify({
      envelope_id: 'e1',
      type: 'events_api',
      payload: { token: 't', event: { type: 'app_mention', text: 'hi', channel: 'C1', ts: '1.2' }, n: 3 },
    })}`;
    expect(JSON.parse(redactSlackLog(line).slice(line.indexOf('{')))).toEqual({
      envelope_id: 'e1',
      type: 'events_api',
      payload: {
        token: '[redacted]',
        event: { type: 'app_mention', text: '[redacted]', channel: 'C1', ts: '1.2' },
        n: 3,
      },
    });
  });

  it('drops a payload it cannot parse', () => {
    expect(redactSlackLog('ack() call begins (body: {"text":"cut off')).toBe('ack() call begins (body: [redacted]');
  });
});
