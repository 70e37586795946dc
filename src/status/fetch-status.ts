import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBody } from './decode-body.ts';
import { type Refusal, type RefusalCode, refusedAt } from './refusal.ts';

/**
 * Fetches the status document, politely: a named User-Agent, conditional requests so an unchanged document
 * costs the UN a 304, and a timeout. `file://` URLs and plain paths are read from disk (STATUS_SOURCE_URL in
 * development, and tests). Both are decoded by the document's own declaration (`decodeBody`: the Content-Type
 * charset, else the XML declaration, else UTF-8); bytes that do not decode are a failure like any other. Never
 * throws: every failure is a `failed` result with a reason.
 */

export type FetchResult =
  | {
      kind: 'fetched';
      body: string;
      /** Validators to send back next time (absent for files: they are cheap to re-read). */
      etag?: string;
      lastModified?: string;
      /** The URL or file path, for the snapshot's "from …". */
      source: string;
    }
  | { kind: 'not-modified' }
  | { kind: 'failed'; code: RefusalCode; reason: string };

export interface FetchOptions {
  /** Validators from the last good fetch: they become If-None-Match / If-Modified-Since. */
  previous?: { etag?: string; lastModified?: string };
  /** Give up after this long, body included. */
  timeoutMs: number;
  /** Defaults to `treatyBotUserAgent()`. */
  userAgent?: string;
  /** For tests or a proxy-aware client; defaults to the global fetch. */
  fetch?: typeof fetch;
}

/**
 * Fetches `url` (http, https, file, or a plain path).
 *
 * @example
 * const result = await fetchStatus(DEFAULT_STATUS_URL, { timeoutMs: 30_000, previous: { etag: last.etag } });
 * if (result.kind === 'fetched') … readSnapshot(result, lastGood, new Date())
 */
export async function fetchStatus(url: string, options: FetchOptions): Promise<FetchResult> {
  if (!/^https?:\/\//i.test(url)) return readFromDisk(url);
  const headers: Record<string, string> = {
    'User-Agent': options.userAgent ?? treatyBotUserAgent(),
    Accept: 'application/xml, text/xml;q=0.9, */*;q=0.1',
  };
  if (options.previous?.etag) headers['If-None-Match'] = options.previous.etag;
  if (options.previous?.lastModified) headers['If-Modified-Since'] = options.previous.lastModified;
  try {
    const response = await (options.fetch ?? fetch)(url, {
      headers,
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'follow',
    });
    if (response.status === 304) return { kind: 'not-modified' };
    if (response.status !== 200) {
      await response.body?.cancel();
      return failed('http-status', `HTTP ${response.status} from ${url}`);
    }
    const body = decodeBody(new Uint8Array(await response.arrayBuffer()), response.headers.get('content-type'));
    if (!body.ok) return failedWith(refusedAt(url, body));
    const etag = response.headers.get('etag') ?? undefined;
    const lastModified = response.headers.get('last-modified') ?? undefined;
    return {
      kind: 'fetched',
      body: body.text,
      source: url,
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
    };
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') {
      return failed('unreachable', `no complete answer from ${url} within ${options.timeoutMs} ms`);
    }
    return failed('unreachable', `fetching ${url} failed: ${failureText(error)}`);
  }
}

/**
 * `treaty-bot/0.1.0 (+<homepage>)`, from package.json's `version` and `homepage` (or repository URL), so the UN
 * can tell who is polling and how to reach us. Without a homepage the parenthesis is left out.
 */
export function treatyBotUserAgent(): string {
  const manifest = readManifest();
  const contact = manifest.homepage ?? repositoryUrl(manifest.repository);
  return `treaty-bot/${manifest.version ?? '0.0.0'}${contact ? ` (+${contact})` : ''}`;
}

async function readFromDisk(location: string): Promise<FetchResult> {
  const path = location.startsWith('file:') ? fileURLToPath(location) : location;
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return failed('unreachable', `reading ${path} failed: ${failureText(error)}`);
  }
  // A file has no Content-Type: its XML declaration says how it is encoded.
  const body = decodeBody(bytes);
  if (!body.ok) return failedWith(refusedAt(path, body));
  return { kind: 'fetched', body: body.text, source: path };
}

function failed(code: RefusalCode, reason: string): FetchResult {
  return { kind: 'failed', code, reason: `status: ${reason}` };
}

function failedWith({ code, reason }: Refusal): FetchResult {
  return { kind: 'failed', code, reason };
}

/** undici hides the useful part ("ECONNREFUSED", "ENOTFOUND") in `cause`. */
function failureText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}

interface Manifest {
  version?: string;
  homepage?: string;
  repository?: string | { url?: string };
}

let manifest: Manifest | undefined;

/** The project's package.json, read once. */
function readManifest(): Manifest {
  manifest ??= findManifest();
  return manifest;
}

/**
 * Walks up from this file to the project's package.json: it sits two levels up in the sources and three in the
 * compiled `dist/`, so no fixed relative path works for both.
 */
function findManifest(): Manifest {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (let level = 0; level < 5; level++) {
    const candidate = join(directory, 'package.json');
    if (existsSync(candidate)) {
      const parsed = JSON.parse(readFileSync(candidate, 'utf8')) as Manifest & { name?: string };
      if (parsed.name === 'treaty-bot') return parsed;
    }
    directory = dirname(directory);
  }
  return {};
}

function repositoryUrl(repository: Manifest['repository']): string | undefined {
  const url = typeof repository === 'string' ? repository : repository?.url;
  return url?.replace(/^git\+/, '').replace(/\.git$/, '');
}
