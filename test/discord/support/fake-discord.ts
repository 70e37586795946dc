/**
 * A fake Discord on 127.0.0.1 for the real discord.js client: REST under `/api/v10` and the gateway at `/gateway`
 * on one HTTP server (see ../shared/notes/wire-fakes.md, section C). It records every REST request, answers the
 * routes the bot uses, and lets a test dispatch gateway events and override responses.
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** Snowflakes of the fake world. The application id equals the bot user's id, as for real bots. */
export const ids = {
  bot: '100000000000000001',
  guild: '200000000000000001',
  channel: '300000000000000001',
  thread: '300000000000000002',
  dm: '300000000000000003',
  /** Two more text channels, for digests to several channels. */
  news: '300000000000000004',
  legal: '300000000000000005',
  user: '400000000000000001',
  otherUser: '400000000000000002',
  otherBot: '400000000000000003',
  botRole: '500000000000000001',
  otherRole: '500000000000000002',
  command: '600000000000000001',
} as const;

export const botUser = {
  id: ids.bot,
  username: 'treaty',
  discriminator: '0',
  global_name: 'Treaty',
  avatar: null,
  bot: true,
};
export const humanUser = { id: ids.user, username: 'amal', discriminator: '0', global_name: 'Amal', avatar: null };
export const otherBotUser = { ...botUser, id: ids.otherBot, username: 'other-bot', global_name: 'Other bot' };

export interface RecordedRequest {
  method: string;
  /** Path without the query, e.g. `/api/v10/channels/3…/messages`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are JSON the tests pick apart.
  body: any;
  /** The files of a multipart request (`files[n]`), beside its `payload_json` (which is `body`). */
  files: RecordedFile[];
  /** `performance.now()` when the request arrived. */
  receivedAt: number;
}

/** A file sent in a multipart request, as discord.js sends attachments. */
export interface RecordedFile {
  /** The form field, e.g. `files[0]`. */
  field: string;
  name: string;
  contentType: string;
  bytes: Buffer;
}

/**
 * How the fake misbehaves on one message post to a channel (see the Slack fake's PostFault): after creating the
 * message it answers 500, drops the connection, or never answers; `hang` creates nothing and never answers;
 * `rate-limited` creates nothing and answers 429 with `Retry-After: 1`, as Discord does.
 */
export type PostFault = 'error-after-store' | 'reset-after-store' | 'hang-after-store' | 'hang' | 'rate-limited';

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Override {
  matches: (request: RecordedRequest) => boolean;
  response: FakeResponse;
  remaining: number;
}

interface Waiter {
  matches: (request: RecordedRequest) => boolean;
  resolve: (request: RecordedRequest) => void;
}

/** A message the fake created in a channel, with the nonce it was posted with. */
export interface StoredMessage {
  // biome-ignore lint/suspicious/noExplicitAny: the message object as the API returns it.
  message: any;
  nonce?: string;
}

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  /**
   * Every message created by `POST /channels/:id/messages`, per channel, oldest first. A repeat of a nonce with
   * `enforce_nonce: true` returns the stored message and creates none, as Discord does.
   */
  readonly channelMessages = new Map<string, StoredMessage[]>();
  /** The `d` of every IDENTIFY the gateway received. */
  // biome-ignore lint/suspicious/noExplicitAny: gateway payloads are JSON the tests pick apart.
  readonly identifies: any[] = [];
  private readonly sockets = new Set<WebSocket>();
  private readonly overrides: Override[] = [];
  private readonly delays: Array<{ matches: (request: RecordedRequest) => boolean; ms: number }> = [];
  private readonly waiters: Waiter[] = [];
  private readonly postFaults = new Map<string, PostFault[]>();
  private readonly gateway = new WebSocketServer({ noServer: true });
  private sequence = 0;
  private nextSnowflake = 900000000000000000n;

  private constructor(readonly server: Server) {}

  /** Starts the fake on an ephemeral port of 127.0.0.1. */
  static async start(): Promise<FakeDiscord> {
    const server = createServer();
    const fake = new FakeDiscord(server);
    server.on('request', (request, response) => void fake.handleRest(request, response));
    server.on('upgrade', (request, socket, head) => {
      if (!request.url?.startsWith('/gateway')) return socket.destroy();
      fake.gateway.handleUpgrade(request, socket, head, (ws) => fake.handleGateway(ws));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The value for `DiscordConfig.apiUrl`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Sends a gateway dispatch (op 0) to every connected client. */
  dispatch(type: string, data: unknown): void {
    this.sequence += 1;
    const frame = JSON.stringify({ op: 0, t: type, s: this.sequence, d: data });
    for (const socket of this.sockets) socket.send(frame);
  }

  /** Cuts every gateway connection, as a network blip would; the client reconnects. */
  dropGateway(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  /** Answers every request that matches only after `ms` (recorded at once): a slow Discord. */
  delay(matches: (request: RecordedRequest) => boolean, ms: number): void {
    this.delays.push({ matches, ms });
  }

  /** The next message posts to `channelId` fail as listed, one fault per post, then posts work again. */
  failPosts(channelId: string, ...faults: PostFault[]): void {
    this.postFaults.set(channelId, [...(this.postFaults.get(channelId) ?? []), ...faults]);
  }

  /** Messages created in a channel, oldest first. */
  messagesIn(channelId: string): StoredMessage[] {
    return this.channelMessages.get(channelId) ?? [];
  }

  /** Answers the next `times` requests that match with `response` instead of the default. */
  respondWith(matches: (request: RecordedRequest) => boolean, response: FakeResponse, times = 1): void {
    this.overrides.push({ matches, response, remaining: times });
  }

  /** The first request, already received or still to come, that matches; rejects after `timeoutMs`. */
  nextRequest(matches: (request: RecordedRequest) => boolean, timeoutMs = 3000): Promise<RecordedRequest> {
    const seen = this.requests.find(matches);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`fake discord: no matching request in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        matches,
        resolve: (request) => {
          clearTimeout(timer);
          resolve(request);
        },
      });
    });
  }

  /** Requests that post or answer something (everything but the gateway lookup). */
  sent(): RecordedRequest[] {
    return this.requests.filter((request) => request.method !== 'GET');
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handleGateway(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    // The real interval: no heartbeat falls inside a short test, so none needs an answer to stay alive.
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 } }));
    ws.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (frame.op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (frame.op === 2) {
        this.identifies.push(frame.d);
        this.dispatch('READY', readyData());
        // Every guild in READY needs its GUILD_CREATE, or the client waits 15 s before `ready`.
        this.dispatch('GUILD_CREATE', guildCreateData());
      }
    });
  }

  private async handleRest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      ...(await parseBody(Buffer.concat(chunks), request.headers['content-type'] ?? '')),
      receivedAt: performance.now(),
    };
    this.requests.push(recorded);
    for (const waiter of this.waiters.filter((candidate) => candidate.matches(recorded))) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(recorded);
    }
    const fault = this.postFault(recorded);
    if (fault === 'rate-limited') {
      const headers = { 'retry-after': '1', 'x-ratelimit-scope': 'user', 'x-ratelimit-reset-after': '1' };
      response.writeHead(429, { 'content-type': 'application/json', ...headers });
      return void response.end(
        JSON.stringify({ message: 'You are being rate limited.', retry_after: 1, global: false }),
      );
    }
    if (fault === 'hang') return;
    const { status, body, headers } = this.override(recorded) ?? this.defaultResponse(recorded);
    if (fault === 'reset-after-store') return void request.socket.destroy();
    if (fault === 'hang-after-store') return;
    if (fault === 'error-after-store') {
      response.writeHead(500, { 'content-type': 'text/plain' });
      return void response.end('Internal Server Error');
    }
    const delayMs = this.delays.find((delay) => delay.matches(recorded))?.ms;
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    response.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  }

  /** The planned fault for a message post, if any (see `failPosts`). */
  private postFault(request: RecordedRequest): PostFault | undefined {
    const channel = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(request.path)?.[1];
    if (request.method !== 'POST' || !channel) return undefined;
    return this.postFaults.get(channel)?.shift();
  }

  private override(request: RecordedRequest): FakeResponse | undefined {
    const found = this.overrides.find((override) => override.remaining > 0 && override.matches(request));
    if (!found) return undefined;
    found.remaining -= 1;
    return found.response;
  }

  private defaultResponse(request: RecordedRequest): FakeResponse {
    const { method, path, body } = request;
    if (method === 'GET' && path === '/api/v10/gateway/bot') {
      return {
        status: 200,
        body: {
          url: `ws://127.0.0.1:${this.port}/gateway`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        },
      };
    }
    const channelMessage = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path);
    if (method === 'POST' && channelMessage) return this.createMessage(channelMessage[1] ?? ids.channel, request);
    if (method === 'GET' && channelMessage) {
      // Newest first, at most `limit`; like Discord, messages read back carry no nonce.
      const limit = Number(request.query.get('limit') ?? 50);
      const stored = this.channelMessages.get(channelMessage[1] ?? '') ?? [];
      return {
        status: 200,
        body: stored
          .map((entry) => entry.message)
          .reverse()
          .slice(0, limit),
      };
    }
    const channel = /^\/api\/v10\/channels\/(\d+)$/.exec(path);
    if (method === 'GET' && channel) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    if (method === 'POST' && /^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return { status: 204 };
    if (/^\/api\/v10\/webhooks\/\d+\/[^/]+(\/messages\/@original)?$/.test(path)) {
      return { status: 200, body: this.messageObject(ids.channel, body, request.files) };
    }
    if (method === 'PUT' && /^\/api\/v10\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      const commands = Array.isArray(body) ? body : [];
      return {
        status: 200,
        body: commands.map((command) => ({ ...command, id: ids.command, application_id: ids.bot })),
      };
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  private createMessage(channelId: string, { body, files }: RecordedRequest): FakeResponse {
    const stored = this.channelMessages.get(channelId) ?? [];
    this.channelMessages.set(channelId, stored);
    const nonce = typeof body?.nonce === 'string' || typeof body?.nonce === 'number' ? String(body.nonce) : undefined;
    const earlier = nonce && body?.enforce_nonce === true ? stored.find((entry) => entry.nonce === nonce) : undefined;
    if (earlier) return { status: 200, body: { ...earlier.message, nonce } };
    const message = this.messageObject(channelId, body, files);
    stored.push({ message, ...(nonce ? { nonce } : {}) });
    return { status: 200, body: nonce ? { ...message, nonce } : message };
  }

  /**
   * The posted JSON as the message object Discord returns: each file becomes an attachment on the CDN (with the
   * description sent for it), and an embed image `attachment://<name>` points to that attachment, as on Discord.
   */
  // biome-ignore lint/suspicious/noExplicitAny: echoes the posted JSON back as a message object.
  private messageObject(channelId: string, body: any, files: readonly RecordedFile[] = []): object {
    this.nextSnowflake += 1n;
    const attachments = files.map((file, index) => {
      this.nextSnowflake += 1n;
      const id = String(this.nextSnowflake);
      // biome-ignore lint/suspicious/noExplicitAny: the `attachments` entries of payload_json.
      const sent = (body?.attachments ?? []).find((entry: any) => String(entry.id) === String(index));
      const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${file.name}`;
      return {
        id,
        filename: file.name,
        size: file.bytes.length,
        url,
        proxy_url: url.replace('cdn.discordapp.com', 'media.discordapp.net'),
        content_type: file.contentType,
        ...(sent?.description ? { description: sent.description } : {}),
      };
    });
    const cdnUrl = (url: string) =>
      attachments.find((attachment) => url === `attachment://${attachment.filename}`)?.url ?? url;
    // biome-ignore lint/suspicious/noExplicitAny: embeds as posted.
    const embeds = (body?.embeds ?? []).map((embed: any) =>
      embed.image?.url ? { ...embed, image: { ...embed.image, url: cdnUrl(embed.image.url) } } : embed,
    );
    return {
      id: String(this.nextSnowflake),
      channel_id: channelId,
      author: botUser,
      content: body?.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments,
      embeds,
      components: body?.components ?? [],
      pinned: false,
      type: 0,
      flags: body?.flags ?? 0,
    };
  }
}

/** A request body: JSON, multipart (`payload_json` plus `files[n]`, as discord.js sends attachments) or text. */
async function parseBody(bytes: Buffer, type: string): Promise<Pick<RecordedRequest, 'body' | 'files'>> {
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(bytes, { headers: { 'content-type': type } }).formData();
    const files: RecordedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') continue;
      files.push({ field, name: value.name, contentType: value.type, bytes: Buffer.from(await value.arrayBuffer()) });
    }
    const json = form.get('payload_json');
    return { body: typeof json === 'string' ? JSON.parse(json) : {}, files };
  }
  const text = bytes.toString('utf8');
  return { body: text && type.includes('json') ? JSON.parse(text) : text, files: [] };
}

function readyData(): object {
  return {
    v: 10,
    user: botUser,
    guilds: [{ id: ids.guild, unavailable: true }],
    session_id: 'fake-session',
    resume_gateway_url: 'ws://127.0.0.1:1/gateway',
    shard: [0, 1],
    application: { id: ids.bot, flags: 0 },
  };
}

function role(id: string, name: string, extra: object = {}): object {
  return {
    id,
    name,
    color: 0,
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: '0',
    managed: false,
    mentionable: true,
    flags: 0,
    ...extra,
  };
}

function guildCreateData(): object {
  return {
    id: ids.guild,
    name: 'Policy team',
    icon: null,
    owner_id: ids.user,
    unavailable: false,
    member_count: 3,
    preferred_locale: 'en-US',
    roles: [
      role(ids.guild, '@everyone', { permissions: '3072' }),
      // The role Discord creates for a bot and offers in the mention picker under the bot's name.
      // With the invite's permissions: View Channels, Send Messages (and in threads), Embed Links, Attach Files,
      // Read Message History.
      role(ids.botRole, 'Treaty', { managed: true, tags: { bot_id: ids.bot }, permissions: '274878024704' }),
      role(ids.otherRole, 'Legal'),
    ],
    channels: [
      { id: ids.channel, type: 0, name: 'general', position: 0, permission_overwrites: [], guild_id: ids.guild },
      { id: ids.news, type: 0, name: 'news', position: 1, permission_overwrites: [], guild_id: ids.guild },
      { id: ids.legal, type: 0, name: 'legal', position: 2, permission_overwrites: [], guild_id: ids.guild },
    ],
    threads: [
      {
        id: ids.thread,
        type: 11,
        name: 'ratification questions',
        parent_id: ids.channel,
        guild_id: ids.guild,
        owner_id: ids.user,
        thread_metadata: {
          archived: false,
          auto_archive_duration: 1440,
          archive_timestamp: new Date().toISOString(),
          locked: false,
        },
        message_count: 0,
        member_count: 1,
      },
    ],
    members: [{ user: botUser, roles: [ids.botRole], joined_at: new Date().toISOString(), deaf: false, mute: false }],
    emojis: [],
    stickers: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
