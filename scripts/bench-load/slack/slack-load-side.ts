/**
 * The load side of the Slack bench, run in a worker thread (see load-worker.ts): Slack's end of the wire. It
 * hosts the Web API and the response_urls (AnswerSink), and plays the users: signed `/treaty` commands POSTed to
 * the bot's HTTP receiver, `concurrency` at a time. Every time is taken on this thread's clock.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runClosedLoop } from '../closed-loop.ts';
import { MessageInbox } from '../message-inbox.ts';
import { AnswerSink } from './answer-sink.ts';
import { KeepAliveClient } from './keep-alive-client.ts';
import { signedCommand } from './signed-command.ts';

export interface SlackLoadSettings {
  secret: string;
  questions: string[];
  requests: number;
  concurrency: number;
  warmup: number;
}

/** What the load side measured over the measured requests (warm-up excluded). */
export interface SlackLoadResult {
  type: 'done';
  /** First command sent to last acknowledgement received. */
  wallMs: number;
  /** First command sent to last answer received at its response_url. */
  allAnsweredMs: number;
  /** Sent to HTTP response read, for every command that got a 200. */
  ackMs: number[];
  /** Sent to answer received at the response_url, for every command answered. */
  answerMs: number[];
  /** Commands whose 200 came after Slack's 3 s limit (Slack would show the user an error). */
  lateAcks: number;
  /** HTTP status counts; 0 means no response at all (connection error or 10 s timeout). */
  statuses: Record<string, number>;
  duplicateAnswers: number;
  /** Share of time this thread's event loop was busy: near 1 would mean the load side itself was the limit. */
  eventLoopBusy: number;
}

const SLACK_ACK_LIMIT_MS = 3000;
const settings = workerData as SlackLoadSettings;
const port = parentPort;
if (!port) throw new Error('slack-load-side runs in a worker thread');
const inbox = new MessageInbox(port);

const sink = await AnswerSink.start();
port.postMessage({ type: 'listening', apiUrl: `${sink.baseUrl}/api/` });
const { eventsUrl } = await inbox.next<{ type: 'start'; eventsUrl: string }>('start');
const events = new URL(eventsUrl);
// One connection per simulated user, kept alive as Slack's own delivery does.
const connections = Array.from(
  { length: settings.concurrency },
  () => new KeepAliveClient(events.hostname, Number(events.port)),
);

const sentAt: number[] = [];
const ackedAt: number[] = [];
const statuses: number[] = [];

async function send(command: number, lane: number): Promise<void> {
  const request = signedCommand(
    {
      text: settings.questions[command % settings.questions.length] ?? '',
      responseUrl: sink.responseUrl(command),
      user: `U0USER${command % 100}`,
      channel: `C0CHANNEL${command % 20}`,
    },
    settings.secret,
  );
  sentAt[command] = performance.now();
  try {
    const connection = connections[lane] as KeepAliveClient;
    const response = await connection.post(events.pathname, request.headers, request.body);
    ackedAt[command] = performance.now();
    statuses[command] = response.status;
  } catch {
    statuses[command] = 0;
  }
}

const { warmup, requests, concurrency } = settings;
// Warm-up: the JIT, Bolt's first requests and the sockets settle; its commands are left out of the numbers.
await runClosedLoop(warmup, concurrency, send);
await sink.waitForAnswers(0, warmup, 5000);
port.postMessage({ type: 'warmed' });
await inbox.next('measure');

const loopBefore = performance.eventLoopUtilization();
const started = performance.now();
await runClosedLoop(requests, concurrency, (index, lane) => send(warmup + index, lane));
const wallMs = Math.max(...ackedAt.slice(warmup).filter(Number.isFinite), started) - started;
await sink.waitForAnswers(warmup, warmup + requests, 10_000);
const eventLoopBusy = performance.eventLoopUtilization(loopBefore).utilization;

const result: SlackLoadResult = {
  type: 'done',
  wallMs,
  allAnsweredMs: 0,
  ackMs: [],
  answerMs: [],
  lateAcks: 0,
  statuses: {},
  duplicateAnswers: sink.duplicates,
  eventLoopBusy,
};
for (let command = warmup; command < warmup + requests; command++) {
  const sent = sentAt[command] ?? Number.NaN;
  const status = statuses[command] ?? 0;
  result.statuses[status] = (result.statuses[status] ?? 0) + 1;
  const acked = ackedAt[command];
  if (status === 200 && acked !== undefined) {
    result.ackMs.push(acked - sent);
    if (acked - sent > SLACK_ACK_LIMIT_MS) result.lateAcks += 1;
  }
  const answered = sink.answeredAt.get(command);
  if (answered === undefined) continue;
  result.answerMs.push(answered - sent);
  result.allAnsweredMs = Math.max(result.allAnsweredMs, answered - started);
}
for (const connection of connections) connection.close();
sink.close();
port.postMessage(result);
