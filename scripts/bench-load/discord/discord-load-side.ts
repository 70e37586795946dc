/**
 * The load side of the Discord bench, run in a worker thread (see load-worker.ts): Discord's end of the wire.
 * It hosts the fake gateway and REST API (test/discord/fake-discord.ts) and plays the users: MESSAGE_CREATE
 * events that @mention the bot, `concurrency` in flight, each done when the bot's reply (the POST to the channel
 * that references it) has reached the fake REST. Every time is taken on this thread's clock.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { APOLOGY } from '../../../src/answer/phrases.ts';
import { botUser, FakeDiscord, ids, type RecordedRequest } from '../../../test/discord/support/fake-discord.ts';
import { guildMessage } from '../../../test/discord/support/gateway-payloads.ts';
import { runClosedLoop } from '../closed-loop.ts';
import { MessageInbox } from '../message-inbox.ts';

export interface DiscordLoadSettings {
  questions: string[];
  requests: number;
  concurrency: number;
  warmup: number;
  channels: number;
}

/** What the load side measured over the measured messages (warm-up excluded). */
export interface DiscordLoadResult {
  type: 'done';
  /** First mention dispatched to last reply received. */
  wallMs: number;
  /** Dispatched to reply POST received, for every message answered. */
  replyMs: number[];
  /** Mentions with no reply within 10 s. */
  missingReplies: number;
  /** Replies that were the apology instead of an answer. */
  apologies: number;
  /** REST requests to anything but a channel's messages: the fake answers those 404, and a mention needs none. */
  unexpectedRequests: number;
  /** Share of time this thread's event loop was busy: near 1 would mean the load side itself was the limit. */
  eventLoopBusy: number;
}

const REPLY_TIMEOUT_MS = 10_000;
const settings = workerData as DiscordLoadSettings;
const port = parentPort;
if (!port) throw new Error('discord-load-side runs in a worker thread');
const inbox = new MessageInbox(port);

const fake = await FakeDiscord.start();
port.postMessage({ type: 'listening', apiUrl: fake.apiUrl });
await inbox.next('start');

// More text channels in the guild: discord.js sends one request at a time per channel (its REST queue per
// route), so spreading mentions over channels measures the bot rather than one channel's queue. Sent before
// any mention on the same socket, so the client knows every channel by the time it reads a message in one.
const channels = Array.from({ length: settings.channels }, (_unused, index) =>
  index === 0 ? ids.channel : String(310_000_000_000_000_000n + BigInt(index)),
);
for (const [position, id] of channels.entries()) {
  if (id === ids.channel) continue;
  fake.dispatch('CHANNEL_CREATE', {
    id,
    type: 0,
    name: `load-${position}`,
    position,
    permission_overwrites: [],
    guild_id: ids.guild,
  });
}

const dispatchedAt: number[] = [];
const replies: Array<RecordedRequest | undefined> = [];

async function mention(index: number): Promise<void> {
  const question = settings.questions[index % settings.questions.length] ?? '';
  const channelId = channels[index % channels.length] ?? ids.channel;
  const message = guildMessage(`<@${ids.bot}> ${question}`, { mentions: [botUser], channelId }) as { id: string };
  const reply = fake.nextRequest(
    (request) => request.method === 'POST' && request.body?.message_reference?.message_id === message.id,
    REPLY_TIMEOUT_MS,
  );
  dispatchedAt[index] = performance.now();
  fake.dispatch('MESSAGE_CREATE', message);
  replies[index] = await reply.catch(() => undefined);
}

const { warmup, requests, concurrency } = settings;
// Warm-up: the JIT, discord.js's caches and REST queues settle; its messages are left out of the numbers.
await runClosedLoop(warmup, concurrency, (index) => mention(index));
port.postMessage({ type: 'warmed' });
await inbox.next('measure');

const requestsBefore = fake.requests.length;
const loopBefore = performance.eventLoopUtilization();
const started = performance.now();
await runClosedLoop(requests, concurrency, (index) => mention(warmup + index));
const eventLoopBusy = performance.eventLoopUtilization(loopBefore).utilization;

const result: DiscordLoadResult = {
  type: 'done',
  wallMs: 0,
  replyMs: [],
  missingReplies: 0,
  apologies: 0,
  unexpectedRequests: 0,
  eventLoopBusy,
};
for (let index = warmup; index < warmup + requests; index++) {
  const reply = replies[index];
  if (!reply) {
    result.missingReplies += 1;
    continue;
  }
  result.replyMs.push(reply.receivedAt - (dispatchedAt[index] ?? Number.NaN));
  result.wallMs = Math.max(result.wallMs, reply.receivedAt - started);
  if (reply.body?.content === APOLOGY) result.apologies += 1;
}
result.unexpectedRequests = fake.requests.slice(requestsBefore).filter((request) => !isChannelMessages(request)).length;
// The fake stays up until the bench has destroyed the client and ends this thread: a gateway closed under a
// live client would send it reconnecting, with timers that keep the process from exiting.
port.postMessage(result);

function isChannelMessages(request: RecordedRequest): boolean {
  return /^\/api\/v10\/channels\/\d+\/messages$/.test(request.path);
}
