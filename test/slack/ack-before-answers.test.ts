import type { Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { App } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnswerSource } from '../../adapters/slack/compose-answer.ts';
import { createSlackApp } from '../../adapters/slack/create-app.ts';
import { RecordingLogger } from '../support/recording-logger.ts';
import { FakeSlack } from './support/fake-slack.ts';
import { cannedBot } from './support/slack-app-harness.ts';
import {
  appMentionEvent,
  eventCallback,
  FORM,
  JSON_TYPE,
  SIGNING_SECRET,
  signature,
  slashCommandForm,
} from './support/slack-requests.ts';

/**
 * A burst of requests read in one go (as under load) is acknowledged in full before the first answer is
 * computed: answers wait their turn (adapters/slack/answer-turns.ts), so no ack waits for another user's answer.
 */
describe('Slack HTTP mode under a burst', () => {
  let fake: FakeSlack | undefined;
  let app: App | undefined;
  const sockets: Socket[] = [];

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await app?.stop();
    await fake?.close();
  });

  it('acknowledges every command and mention that arrived together before answering any', async () => {
    fake = await FakeSlack.start();
    let acked = 0;
    const ackedWhenAnswering: number[] = [];
    const bot: AnswerSource = {
      ask: (text, context) => {
        ackedWhenAnswering.push(acked);
        return cannedBot.ask(text, context);
      },
      vote: cannedBot.vote,
    };
    const config = { botToken: 'xoxb-test-token', signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0 };
    app = createSlackApp(bot, config, new RecordingLogger());
    const server = (await app.start(0)) as Server;
    // Bolt writes each ack with res.end(); 'finish' follows in the same tick.
    server.on('request', (_request, response) => response.on('finish', () => (acked += 1)));

    const requests = [
      ...['c1', 'c2', 'c3'].map((id) =>
        signedRequest(slashCommandForm('entry-into-force', fake?.responseUrl(id) ?? ''), FORM),
      ),
      ...['1.1', '1.2'].map((ts) =>
        signedRequest(
          JSON.stringify(eventCallback(`Ev${ts}`, appMentionEvent('<@U0BOT> ratification', ts))),
          JSON_TYPE,
        ),
      ),
    ];
    const port = (server.address() as { port: number }).port;
    const accepted = new Promise<void>((resolve) => {
      let count = 0;
      server.on('connection', () => {
        count += 1;
        if (count === requests.length) resolve();
      });
    });
    for (const _request of requests) sockets.push(connect(port, '127.0.0.1'));
    await accepted;
    const responses = sockets.map(readFirstLine);
    // Written in one go: the server reads all of them in one poll of the event loop.
    for (const [index, request] of requests.entries()) sockets[index]?.write(request);

    expect(await Promise.all(responses)).toEqual(requests.map(() => 'HTTP/1.1 200 OK'));
    await fake.waitFor(() => fake?.postsTo('c3').length && fake.postedMessages().length === 2);
    expect(ackedWhenAnswering).toEqual([5, 5, 5, 5, 5]);
  });
});

function signedRequest(body: string, contentType: string): string {
  const timestamp = Math.floor(Date.now() / 1000);
  return [
    'POST /slack/events HTTP/1.1',
    'host: 127.0.0.1',
    `content-type: ${contentType}`,
    `content-length: ${Buffer.byteLength(body)}`,
    `x-slack-request-timestamp: ${timestamp}`,
    `x-slack-signature: ${signature(SIGNING_SECRET, timestamp, body)}`,
    '',
    body,
  ].join('\r\n');
}

function readFirstLine(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    socket.once('data', (chunk) => resolve(chunk.toString('latin1').split('\r\n')[0] ?? ''));
  });
}
