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
 *
 * Files go through the external upload flow: `files.getUploadURLExternal` hands out `…/upload/<file id>`, a POST
 * there keeps the bytes (raw or multipart), `files.completeUploadExternal` completes the file and, only with a
 * `channel_id`, shares it as a message of its own. A message whose image block shows a file (`slack_file.id`)
 * that is not complete is refused with `invalid_blocks`, as Slack refuses one it cannot show.
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

/** A file uploaded through the external upload flow. */
export interface FakeFile {
  id: string;
  filename: string;
  /** The length announced to `files.getUploadURLExternal`. */
  length: number;
  altText?: string;
  /** The bytes POSTed to the upload URL. */
  bytes?: Buffer;
  /** Set by `files.completeUploadExternal`. */
  completed: boolean;
  /** Channels it was shared to (`completeUploadExternal` with a `channel_id`). */
  sharedTo: string[];
}

/**
 * How the fake misbehaves on one `files.completeUploadExternal`: it completes the file, then answers 500, drops
 * the connection, or never answers.
 */
export type UploadFault = 'error-after-complete' | 'reset-after-complete' | 'hang-after-complete';

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
  /** Files uploaded, in the order their upload URLs were handed out. */
  readonly files: FakeFile[] = [];
  private readonly users = new Map<string, FakeUser>();
  private readonly delays = new Map<string, number>();
  private readonly postFaults = new Map<string, PostFault[]>();
  private readonly uploadFaults: UploadFault[] = [];
  private filesStillProcessing = 0;
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

  /** The next `files.completeUploadExternal` calls (of any channel's post) fail as listed, one fault per call. */
  failUploads(...faults: UploadFault[]): void {
    this.uploadFaults.push(...faults);
  }

  /**
   * The next `times` posts that show a file are refused as Slack refuses one whose file it is still processing
   * (`invalid_blocks`, "invalid slack file"); nothing is posted.
   */
  processFilesSlowly(times: number): void {
    this.filesStillProcessing += times;
  }

  /** The ids of the files a message shows in its image blocks. */
  imagesOf(message: StoredMessage): string[] {
    const blocks = Array.isArray(message.blocks) ? (message.blocks as ImageBlockLike[]) : [];
    return blocks.flatMap((block) => (block.type === 'image' && block.slack_file?.id ? [block.slack_file.id] : []));
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
    const bytes = await readBody(request);
    const raw = bytes.toString('utf8');
    const url = new URL(request.url ?? '/', this.baseUrl);
    const at = Date.now();
    if (url.pathname.startsWith('/upload/'))
      return this.receiveUpload(url.pathname.slice('/upload/'.length), request, bytes);
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
    const answer = this.handler?.(call) ?? this.faultyPost(call) ?? this.faultyUpload(call) ?? this.defaultAnswer(call);
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

  /** The answer of a planned fault for this call, if any (see `failUploads`). */
  private faultyUpload(call: Omit<ApiCall, 'status'>): FakeAnswer | undefined {
    if (call.method !== 'files.completeUploadExternal') return undefined;
    const fault = this.uploadFaults.shift();
    if (!fault) return undefined;
    this.defaultAnswer(call);
    if (fault === 'error-after-complete') return { status: 500, body: { ok: false, error: 'internal_error' } };
    return { status: fault === 'reset-after-complete' ? NO_ANSWER.reset : NO_ANSWER.hang, body: null };
  }

  /** The bytes POSTed to an upload URL: raw, or the file of a multipart form (as the WebClient sends them). */
  private async receiveUpload(id: string, request: IncomingMessage, bytes: Buffer): Promise<Required<FakeAnswer>> {
    const file = this.files.find((candidate) => candidate.id === id);
    if (!file) return { status: 404, headers: {}, body: { ok: false, error: 'unknown_upload' } };
    const type = request.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(bytes, { headers: { 'content-type': type } }).formData();
      const part = [...form.values()].find((value) => typeof value !== 'string');
      file.bytes = typeof part === 'object' ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
    } else {
      file.bytes = bytes;
    }
    return { status: 200, headers: {}, body: `OK - ${file.bytes.length}` };
  }

  /** A post showing a file that is not complete (or still processing) is refused, as Slack refuses it. */
  private refusedImage(call: Omit<ApiCall, 'status'>): FakeAnswer | undefined {
    const blocks = Array.isArray(call.params.blocks) ? (call.params.blocks as ImageBlockLike[]) : [];
    const at = blocks.findIndex((block) => block.type === 'image' && block.slack_file);
    if (at < 0) return undefined;
    const id = blocks[at]?.slack_file?.id;
    const ready = this.files.some((file) => file.id === id && file.completed && file.bytes);
    if (ready && this.filesStillProcessing === 0) return undefined;
    if (ready) this.filesStillProcessing -= 1;
    const pointer = `invalid slack file [json-pointer:/blocks/${at}/slack_file]`;
    return {
      body: { ok: false, error: 'invalid_blocks', errors: [pointer], response_metadata: { messages: [pointer] } },
    };
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
      case 'files.getUploadURLExternal': {
        const id = `F0FAKE${String(this.files.length + 1).padStart(4, '0')}`;
        this.files.push({
          id,
          filename: String(call.params.filename),
          length: Number(call.params.length),
          ...(call.params.alt_text === undefined ? {} : { altText: String(call.params.alt_text) }),
          completed: false,
          sharedTo: [],
        });
        return { body: { ok: true, upload_url: `${this.baseUrl}/upload/${id}`, file_id: id } };
      }
      case 'files.completeUploadExternal': {
        const listed = (Array.isArray(call.params.files) ? call.params.files : []) as Array<{
          id: string;
          title?: string;
        }>;
        const done = this.files.filter((file) => listed.some((entry) => entry.id === file.id) && file.bytes);
        if (done.length === 0) return { body: { ok: false, error: 'invalid_file_id' } };
        const channel = call.params.channel_id === undefined ? undefined : String(call.params.channel_id);
        for (const file of done) {
          file.completed = true;
          if (channel) file.sharedTo.push(channel);
        }
        // Slack shares a file completed with a channel as a message of its own.
        if (channel)
          this.store(
            channel,
            '',
            done.map((file) => ({ type: 'file', file_id: file.id })),
          );
        return { body: { ok: true, files: done.map(({ id, filename }) => ({ id, title: filename, name: filename })) } };
      }
      case 'chat.postMessage': {
        const refused = this.refusedImage(call);
        if (refused) return refused;
        const { channel, text, blocks, metadata } = call.params;
        const ts = this.store(String(channel), text, blocks, metadata as StoredMessage['metadata']);
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

  /** Keeps a message in a channel; returns its ts. */
  private store(channel: string, text: unknown, blocks: unknown, metadata?: StoredMessage['metadata']): string {
    this.messageCounter += 1;
    const ts = `1700000100.${String(this.messageCounter).padStart(6, '0')}`;
    this.messages.push({ channel, ts, text, blocks, ...(metadata ? { metadata } : {}) });
    return ts;
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

/** An image block as the fake reads it from a message. */
interface ImageBlockLike {
  type?: string;
  slack_file?: { id?: string };
}

function parseParams(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return JSON.parse(raw || '{}');
  const params: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  // The Web API client sends object arguments as JSON strings inside the form.
  for (const key of ['blocks', 'metadata', 'files']) {
    if (typeof params[key] === 'string') params[key] = JSON.parse(params[key]);
  }
  return params;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
