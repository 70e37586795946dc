import { connect, type Socket } from 'node:net';

export interface PlainResponse {
  status: number;
  body: string;
}

/**
 * A bare HTTP/1.1 client on one keep-alive connection, one request at a time: write the request, parse the
 * status line, headers and body (Content-Length or chunked). The bench's load thread must cost less than the
 * bot it drives, and on this 2-core VM it does not with Node's clients: at 50 requests in flight `fetch`
 * saturates its thread at ~700 req/s and `http.request` at ~1 600 req/s, while this uses a third of a core at
 * ~4 000 req/s against an empty `http` server. It understands what Node's `http` server sends, nothing more.
 */
export class KeepAliveClient {
  private socket: Socket | undefined;
  private buffer = '';
  private pending: { resolve: (response: PlainResponse) => void; reject: (error: Error) => void } | undefined;
  private timer: NodeJS.Timeout | undefined;

  /** A request without a full response after `timeoutMs` fails and its connection is dropped. */
  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly timeoutMs = 10_000,
  ) {}

  post(path: string, headers: Record<string, string>, body: string): Promise<PlainResponse> {
    if (this.pending) return Promise.reject(new Error('KeepAliveClient: one request at a time'));
    const payload = Buffer.from(body, 'utf8');
    const head = [
      `POST ${path} HTTP/1.1`,
      `host: ${this.host}:${this.port}`,
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      `content-length: ${payload.length}`,
      '',
      '',
    ].join('\r\n');
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.timer = setTimeout(
        () => this.socket?.destroy(new Error(`no response in ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
      this.connection().write(Buffer.concat([Buffer.from(head, 'latin1'), payload]));
    });
  }

  close(): void {
    this.socket?.destroy();
  }

  private connection(): Socket {
    if (this.socket && !this.socket.destroyed) return this.socket;
    const socket = connect(this.port, this.host);
    socket.setNoDelay(true);
    this.buffer = '';
    // Latin-1 keeps one character per byte, so Content-Length and chunk sizes count characters.
    socket.on('data', (chunk) => this.receive(chunk.toString('latin1')));
    const fail = (error?: Error) => {
      if (this.socket === socket) this.socket = undefined;
      this.settle(undefined, error ?? new Error('connection closed before the response'));
    };
    socket.on('error', fail);
    socket.on('close', () => fail());
    this.socket = socket;
    return socket;
  }

  private receive(text: string): void {
    this.buffer += text;
    const parsed = parseResponse(this.buffer);
    if (!parsed) return;
    this.buffer = this.buffer.slice(parsed.length);
    this.settle(parsed.response);
  }

  private settle(response: PlainResponse | undefined, error?: Error): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(this.timer);
    if (response) pending.resolve(response);
    else pending.reject(error ?? new Error('no response'));
  }
}

/** The first complete response in `buffer` and how many characters it took, or undefined if it is not all in. */
export function parseResponse(buffer: string): { response: PlainResponse; length: number } | undefined {
  const headEnd = buffer.indexOf('\r\n\r\n');
  if (headEnd < 0) return undefined;
  const [statusLine = '', ...headerLines] = buffer.slice(0, headEnd).split('\r\n');
  const status = Number(statusLine.split(' ')[1]);
  const header = (name: string) =>
    headerLines
      .find((line) => line.toLowerCase().startsWith(`${name}:`))
      ?.slice(name.length + 1)
      .trim();
  const bodyStart = headEnd + 4;
  if (header('transfer-encoding')?.toLowerCase() === 'chunked') {
    const chunked = readChunked(buffer, bodyStart);
    return chunked && { response: { status, body: decode(chunked.body) }, length: chunked.end };
  }
  const end = bodyStart + Number(header('content-length') ?? 0);
  if (buffer.length < end) return undefined;
  return { response: { status, body: decode(buffer.slice(bodyStart, end)) }, length: end };
}

/** Chunks from `start` up to the zero-size one (no trailers: Node's server sends none). */
function readChunked(buffer: string, start: number): { body: string; end: number } | undefined {
  let body = '';
  let at = start;
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', at);
    if (lineEnd < 0) return undefined;
    const size = Number.parseInt(buffer.slice(at, lineEnd), 16);
    const dataEnd = lineEnd + 2 + size;
    if (buffer.length < dataEnd + 2) return undefined;
    if (size === 0) return { body, end: dataEnd + 2 };
    body += buffer.slice(lineEnd + 2, dataEnd);
    at = dataEnd + 2;
  }
}

function decode(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('utf8');
}
