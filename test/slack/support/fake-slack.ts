import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * A fake Slack on 127.0.0.1 for the real Bolt app to talk to: the Web API (`POST /api/<method>`, form or
 * JSON bodies, answered `{ ok: true, … }`), response_urls (`POST /response/<id>`), and the Socket Mode
 * WebSocket (`apps.connections.open` hands out `ws://…/link`, which greets with `hello`). Everything the app
 * sends is recorded for assertions.
 *
 * It keeps a little state, as Slack does: messages posted with `chat.postMessage` (with their metadata) are
 * stored per channel and answered back, newest first, by `conversations.history` (metadata only with
 * `include_all_metadata`); `users.info` answers from `setUser` (unknown users are plain members).
 */

/** One Web API call the app made. */
export interface ApiCall {
  method: string;
  /** Form fields, with `blocks` parsed from its JSON string. */
  params: Record<string, unknown>;
  authorization: string | undefined;
  at: number;
  /** HTTP status the fake answered with. */
  status: number;
}

/** One POST to a response_url. */
export interface ResponsePost {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

/** What a custom handler answers; `undefined` falls back to the default `{ ok: true, … }`. */
export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}

/** A message the app posted, as `conversations.history` returns it. */
export interface StoredMessage {
  channel: string;
  ts: string;
  text: unknown;
  blocks: unknown;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** The flags `users.info` reports for a user. */
export interface FakeUser {
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
}

export type ApiHandler = (call: Omit<ApiCall, 'status'>) => FakeAnswer | undefined;

/**
 * How the fake misbehaves on one `chat.postMessage` to a channel, as a real network or Slack can:
 * - `error-after-store`: keeps the message, then answers 500;
 * - `reset-after-store`: keeps the message, then drops the connection without an answer;
 * - `hang-after-store`: keeps the message and never answers;
 * - `hang`: never answers and keeps nothing;
 * - `rate-limited`: keeps nothing and answers 429 with `Retry-After: 1`.
 */
export type PostFault = 'error-after-store' | 'reset-after-store' | 'hang-after-store' | 'hang' | 'rate-limited';

/** A status the fake records for a call it never answered (`reset`: connection dropped; `hang`: left open). */
export const NO_ANSWER = { reset: -1, hang: 0 } as const;

export const FAKE_TEAM = 'T0TEAM';
export const FAKE_BOT_USER = 'U0BOT';
export const FAKE_BOT_ID = 'B0BOT';

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responsePosts: ResponsePost[] = [];
  /** JSON messages the Socket Mode client sent (envelope acks). */
  readonly socketMessages: Array<Record<string, unknown>> = [];
  /** Messages really posted (successful `chat.postMessage`), oldest first. */
  readonly messages: StoredMessage[] = [];
  private readonly users = new Map<string, FakeUser>();
  private readonly delays = new Map<string, number>();
  private readonly postFaults = new Map<string, PostFault[]>();
  private handler: ApiHandler | undefined;
  private readonly sockets = new Set<WebSocket>();
  private messageCounter = 0;

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<FakeSlack> {
    const wss = new WebSocketServer({ noServer: true });
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeSlack(server, wss, `http://127.0.0.1:${port}`);
    server.on('request', (request, response) => {
      void fake.handle(request).then(({ status, headers, body }) => {
        if (status === NO_ANSWER.reset) return request.socket.destroy();
        if (status === NO_ANSWER.hang) return;
        response.writeHead(status, { 'content-type': 'application/json', ...headers });
        response.end(JSON.stringify(body));
      });
    });
    server.on('upgrade', (request, socket, head) => {
      wss.handleUpgrade(request, socket, head, (ws) => fake.accept(ws));
    });
    return fake;
  }

  /** Base URL of the Web API, as `clientOptions.slackApiUrl` / `SlackConfig.apiUrl` expects it. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A response_url that records what is posted to it under `id`. */
  responseUrl(id: string): string {
    return `${this.baseUrl}/response/${id}`;
  }

  /** Answers `method` only after `ms` (the call is recorded, and takes effect, at once): a slow Slack. */
  delay(method: string, ms: number): void {
    this.delays.set(method, ms);
  }

  /** Answers API calls differently (e.g. a 429); return `undefined` for the default answer. */
  onApi(handler: ApiHandler | undefined): void {
    this.handler = handler;
  }

  /** The next `chat.postMessage` calls to `channel` fail as listed, one fault per call, then posts work again. */
  failPosts(channel: string, ...faults: PostFault[]): void {
    this.postFaults.set(channel, [...(this.postFaults.get(channel) ?? []), ...faults]);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Successful `chat.postMessage` calls: the messages that were really posted. */
  postedMessages(): ApiCall[] {
    return this.callsTo('chat.postMessage').filter((call) => call.status === 200);
  }

  /** Messages stored in a channel, oldest first. */
  messagesIn(channel: string): StoredMessage[] {
    return this.messages.filter((message) => message.channel === channel);
  }

  /** What `users.info` says about `id` (default: a plain member). */
  setUser(id: string, flags: FakeUser): void {
    this.users.set(id, flags);
  }

  postsTo(id: string): ResponsePost[] {
    return this.responsePosts.filter((post) => post.id === id);
  }

  /** Sends a Socket Mode envelope to every connected client. */
  sendEnvelope(envelope: Record<string, unknown>): void {
    const frame = JSON.stringify(envelope);
    for (const socket of this.sockets) socket.send(frame);
  }

  get connectedSockets(): number {
    return this.sockets.size;
  }

  /** Polls until `probe` returns something truthy (default up to 5 s). */
  async waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error('FakeSlack: timed out waiting');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage): Promise<Required<FakeAnswer>> {
    const raw = await readBody(request);
    const url = new URL(request.url ?? '/', this.baseUrl);
    const at = Date.now();
    if (url.pathname.startsWith('/response/')) {
      this.responsePosts.push({ id: url.pathname.slice('/response/'.length), body: JSON.parse(raw || '{}'), at });
      return { status: 200, headers: {}, body: { ok: true } };
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const call = {
      method,
      params: parseParams(raw, request.headers['content-type']),
      authorization: request.headers.authorization,
      at,
    };
    const answer = this.handler?.(call) ?? this.faultyPost(call) ?? this.defaultAnswer(call);
    this.calls.push({ ...call, status: answer.status ?? 200 });
    const delayMs = this.delays.get(method);
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    return { status: answer.status ?? 200, headers: answer.headers ?? {}, body: answer.body };
  }

  /** The answer of a planned fault for this call, if any (see `failPosts`). */
  private faultyPost(call: Omit<ApiCall, 'status'>): FakeAnswer | undefined {
    if (call.method !== 'chat.postMessage') return undefined;
    const fault = this.postFaults.get(String(call.params.channel))?.shift();
    if (!fault) return undefined;
    if (fault === 'rate-limited') {
      return { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } };
    }
    if (fault === 'hang') return { status: NO_ANSWER.hang, body: null };
    this.defaultAnswer(call);
    if (fault === 'error-after-store') return { status: 500, body: { ok: false, error: 'internal_error' } };
    return { status: fault === 'reset-after-store' ? NO_ANSWER.reset : NO_ANSWER.hang, body: null };
  }

  private defaultAnswer(call: Omit<ApiCall, 'status'>): FakeAnswer {
    switch (call.method) {
      case 'auth.test':
        return {
          body: {
            ok: true,
            url: 'https://acme.slack.com/',
            team: 'Acme',
            user: 'treaty-bot',
            team_id: FAKE_TEAM,
            user_id: FAKE_BOT_USER,
            bot_id: FAKE_BOT_ID,
          },
        };
      case 'apps.connections.open':
        return { body: { ok: true, url: `${this.baseUrl.replace('http', 'ws')}/link/?ticket=fake` } };
      case 'chat.postMessage': {
        this.messageCounter += 1;
        const ts = `1700000100.${String(this.messageCounter).padStart(6, '0')}`;
        const { channel, text, blocks, metadata } = call.params;
        this.messages.push({
          channel: String(channel),
          ts,
          text,
          blocks,
          ...(metadata ? { metadata: metadata as StoredMessage['metadata'] & object } : {}),
        });
        return { body: { ok: true, channel, ts } };
      }
      case 'conversations.history': {
        const withMetadata = String(call.params.include_all_metadata) === 'true';
        const limit = Number(call.params.limit ?? 100);
        const messages = this.messagesIn(String(call.params.channel))
          .reverse()
          .slice(0, limit)
          .map(({ ts, text, blocks, metadata }) => ({
            type: 'message',
            user: FAKE_BOT_USER,
            bot_id: FAKE_BOT_ID,
            ts,
            text,
            blocks,
            ...(withMetadata && metadata ? { metadata } : {}),
          }));
        return { body: { ok: true, messages, has_more: false } };
      }
      case 'users.info': {
        const id = String(call.params.user);
        const flags = this.users.get(id) ?? {};
        return {
          body: {
            ok: true,
            user: { id, team_id: FAKE_TEAM, is_admin: false, is_owner: false, is_primary_owner: false, ...flags },
          },
        };
      }
      default:
        return { body: { ok: true } };
    }
  }

  private accept(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('message', (data) => {
      this.socketMessages.push(JSON.parse(String(data)));
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'fake-slack', approximate_connection_time: 3600 },
        connection_info: { app_id: 'A0APP' },
      }),
    );
  }
}

function parseParams(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return JSON.parse(raw || '{}');
  const params: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  // The Web API client sends object arguments as JSON strings inside the form.
  for (const key of ['blocks', 'metadata']) {
    if (typeof params[key] === 'string') params[key] = JSON.parse(params[key]);
  }
  return params;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
