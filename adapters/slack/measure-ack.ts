/**
 * Measures how fast the Slack adapter acknowledges `/treaty` in HTTP mode over loopback (Slack allows 3 s),
 * and how long until the answer reaches the response_url. Runs the real Bolt app and the real core against a
 * minimal fake Slack on 127.0.0.1; nothing leaves the machine.
 *
 *   npx tsx adapters/slack/measure-ack.ts [requests=50] [question=entry-into-force]
 *
 * A measurement to read, not a test: timings depend on the machine.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { createTreatyBot } from '../../src/create-treaty-bot.ts';
import { silentLogger } from '../../src/logger.ts';
import { createSlackApp } from './create-slack-app.ts';

/** The measuring client: signs and sends the commands one at a time, reports when each was sent and acked. */
const CLIENT_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHmac } = require('node:crypto');
const { eventsUrl, slackUrl, question, requests, secret } = workerData;
const now = () => performance.timeOrigin + performance.now();
(async () => {
  const sentAt = [], ackedAt = [];
  for (let i = 0; i <= requests; i++) {
    const body = new URLSearchParams({ command: '/treaty', text: question, team_id: 'T0TEAM', channel_id: 'C0GENERAL',
      user_id: 'U0ASKER', response_url: slackUrl + '/response/' + i, trigger_id: 't' }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = 'v0=' + createHmac('sha256', secret).update('v0:' + timestamp + ':' + body).digest('hex');
    sentAt[i] = now();
    const response = await fetch(eventsUrl, { method: 'POST', body, headers: {
      'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature } });
    await response.text();
    ackedAt[i] = now();
    if (response.status !== 200) throw new Error('measure-ack: request ' + i + ' got HTTP ' + response.status);
    // One request at a time: wait for the answer to land before the next.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  parentPort.postMessage({ sentAt, ackedAt });
})();
`;

const SECRET = '0123456789abcdef0123456789abcdef';
const requests = Number(process.argv[2] ?? 50);
const question = process.argv[3] ?? 'entry-into-force';

// performance.now() differs per thread; both sides use Date-aligned time: timeOrigin + now().
const now = () => performance.timeOrigin + performance.now();
const answered = new Map<string, number>();
const fakeSlack = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    const id = request.url?.match(/^\/response\/(\d+)/)?.[1];
    if (id) answered.set(id, now());
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0TEAM' }));
  });
});
await listen(fakeSlack);
const slackUrl = `http://127.0.0.1:${(fakeSlack.address() as AddressInfo).port}`;

const bot = createTreatyBot({ logger: silentLogger });
const config = { botToken: 'xoxb-measure', signingSecret: SECRET, apiUrl: `${slackUrl}/api/`, port: 0 };
const app = createSlackApp(bot, config, silentLogger, { clientOptions: { retryConfig: { retries: 0 } } });
const server = (await app.start(0)) as Server;
const eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;

// The client runs in its own thread: in this one, the listener's work after ack() would hold the event loop
// and delay the moment a same-thread client sees the 200, inflating the number.
const client = new Worker(CLIENT_SOURCE, {
  eval: true,
  workerData: { eventsUrl, slackUrl, question, requests, secret: SECRET },
});
const { sentAt, ackedAt } = await new Promise<{ sentAt: number[]; ackedAt: number[] }>((resolve, reject) => {
  client.once('message', resolve);
  client.once('error', reject);
});
await client.terminate();
const acks: number[] = [];
const answers: number[] = [];
// The first request warms up Bolt, the core and the sockets; it is left out of the numbers.
for (let i = 1; i <= requests; i++) {
  const sent = sentAt[i] ?? 0;
  acks.push((ackedAt[i] ?? sent) - sent);
  answers.push((answered.get(String(i)) ?? sent) - sent);
}

console.log(`/treaty ${question} over loopback, ${requests} requests (after one warm-up):`);
console.log(`  POST → 200 ack:          ${summary(acks)}`);
console.log(`  POST → answer delivered: ${summary(answers)}`);
await app.stop();
fakeSlack.closeAllConnections();
fakeSlack.close();

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1);
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`;
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
}
