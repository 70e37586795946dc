import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestReply } from '../../src/answer/digest-reply.ts';
import { replyLines } from '../../src/answer/reply-text.ts';
import { statusReply } from '../../src/answer/status-reply.ts';
import { silentLogger } from '../../src/logger.ts';
import { decodeBody } from '../../src/status/decode-body.ts';
import { fetchStatus } from '../../src/status/fetch-status.ts';
import { readSnapshot } from '../../src/status/read-snapshot.ts';
import { DEFAULT_STATUS_URL } from '../../src/status/untc-source.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { escapeRegExp } from '../../src/text/escape-regexp.ts';
import { previewDigest } from '../../src/tracker/preview-digest.ts';
import { RatificationTracker } from '../../src/tracker/ratification-tracker.ts';
import { fixturePath } from './support/snapshots.ts';

// Decoding the status document by its own declaration (Content-Type charset, XML declaration, UTF-8), over HTTP
// and from files, with the Latin-1 fixtures shaped like the real UNTC file.

const HOST = 'https://treaties.un.org';
const PATH = '/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/XVIII-16.en.xml';
const now = new Date('2026-04-09T14:00:00Z');
const options = { timeoutMs: 500, userAgent: 'treaty-bot/test' };

/** The raw bytes of a fixture (the latin1-* ones are ISO-8859-1, as the UNTC's files are). */
const fixtureBytes = (name: string) => readFileSync(fixturePath(name));
const latin1 = (text: string) => Buffer.from(text, 'latin1');
const utf8 = (text: string) => Buffer.from(text, 'utf8');

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'treaty-encodings-'));
});
afterEach(async () => {
  nock.cleanAll();
  await rm(dir, { recursive: true, force: true });
});

/** Writes `bytes` to a file in the test's folder and returns its path. */
function file(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('the Latin-1 fixtures', () => {
  it('are really ISO-8859-1 bytes (ô is 0xF4, not UTF-8 0xC3 0xB4)', () => {
    const bytes = fixtureBytes('latin1-after.xml');
    expect(bytes.includes(latin1("Côte d'Ivoire"))).toBe(true);
    expect(bytes.includes(utf8("Côte d'Ivoire"))).toBe(false);
    expect(bytes.subarray(0, 50).toString('latin1')).toContain('encoding="ISO-8859-1"');
  });
});

describe('decodeBody', () => {
  const declared = (encoding: string, body: string) => `<?xml version="1.0" encoding="${encoding}"?><r>${body}</r>`;

  it('follows the Content-Type charset first', () => {
    const result = decodeBody(latin1(declared('UTF-8', 'Türkiye')), 'text/xml; charset=ISO-8859-1');
    expect(result).toMatchObject({ ok: true, encoding: 'windows-1252', declaredBy: 'Content-Type' });
    expect(result.ok && result.text).toContain('<r>Türkiye</r>');
  });

  it('reads a quoted charset parameter, in any case', () => {
    const result = decodeBody(latin1('<r>Côte</r>'), 'text/xml;Charset="iso-8859-1"');
    expect(result.ok && result.text).toBe('<r>Côte</r>');
  });

  it('follows the XML declaration when the header names no charset', () => {
    const result = decodeBody(latin1(declared('ISO-8859-1', "Côte d'Ivoire")), 'text/xml');
    expect(result).toMatchObject({ ok: true, encoding: 'windows-1252', declaredBy: 'XML declaration' });
    expect(result.ok && result.text).toContain("Côte d'Ivoire");
  });

  it("reads the declaration in single quotes, and 'latin1' as a label", () => {
    const result = decodeBody(latin1("<?xml version='1.0' encoding='latin1'?><r>Türkiye</r>"));
    expect(result.ok && result.text).toContain('Türkiye');
  });

  it('reads UTF-8 bytes under a Latin-1 label as UTF-8, never as "CÃ´te"', () => {
    const result = decodeBody(utf8(declared('ISO-8859-1', "Côte d'Ivoire, Türkiye")), 'text/xml; charset=ISO-8859-1');
    expect(result).toMatchObject({ ok: true, encoding: 'utf-8', declaredBy: 'UTF-8 bytes' });
    expect(result.ok && result.text).toContain("<r>Côte d'Ivoire, Türkiye</r>");
    // Real Latin-1 stays Latin-1, and plain ASCII follows its label.
    expect(decodeBody(latin1(declared('ISO-8859-1', 'Türkiye')))).toMatchObject({ encoding: 'windows-1252' });
    expect(decodeBody(utf8(declared('ISO-8859-1', 'Chile')))).toMatchObject({ encoding: 'windows-1252' });
  });

  it('defaults to UTF-8 without a charset or a declared encoding', () => {
    expect(decodeBody(utf8('<?xml version="1.0"?><r>Türkiye</r>'))).toMatchObject({
      ok: true,
      encoding: 'utf-8',
      declaredBy: 'default',
      text: '<?xml version="1.0"?><r>Türkiye</r>',
    });
  });

  it('lets a byte-order mark decide, and drops it', () => {
    const withMark = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(declared('ISO-8859-1', 'Türkiye'))]);
    const result = decodeBody(withMark, 'text/xml; charset=ISO-8859-1');
    expect(result).toMatchObject({ ok: true, encoding: 'utf-8', declaredBy: 'byte-order mark' });
    expect(result.ok && result.text.startsWith('<?xml')).toBe(true);
    expect(result.ok && result.text).toContain('Türkiye');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<r>Côte</r>', 'utf16le')]);
    expect(decodeBody(utf16)).toMatchObject({ ok: true, encoding: 'utf-16le', text: '<r>Côte</r>' });
  });

  it('reads a UTF-16 declaration found in ASCII bytes as UTF-8, which the bytes must then be', () => {
    expect(decodeBody(utf8(declared('UTF-16', 'Türkiye')))).toMatchObject({ ok: true, encoding: 'utf-8' });
  });

  it('refuses Latin-1 bytes that claim to be UTF-8, showing where', () => {
    const result = decodeBody(latin1(declared('UTF-8', "Côte d'Ivoire and Türkiye")));
    expect(result).toMatchObject({ ok: false, code: 'undecodable' });
    expect(!result.ok && result.reason).toMatch(
      /^status: the document does not decode as utf-8 \(XML declaration\): 2 undecodable characters, the first in ".*C\ufffdte d'Ivoire/,
    );
  });

  it('refuses a replacement character already in the text', () => {
    expect(decodeBody(utf8('<r>C\ufffdte</r>'))).toMatchObject({ ok: false, code: 'undecodable' });
  });

  it.each([
    [
      'the Content-Type',
      latin1('<r/>'),
      'text/xml; charset=x-unknown-1',
      /unknown encoding "x-unknown-1" \(Content-Type\)/,
    ],
    [
      'the XML declaration',
      latin1(declared('klingon', '')),
      undefined,
      /unknown encoding "klingon" \(XML declaration\)/,
    ],
  ])('refuses an encoding label no decoder knows, from %s', (_, bytes, contentType, reason) => {
    const result = decodeBody(bytes, contentType);
    expect(result).toMatchObject({ ok: false, code: 'undecodable' });
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('ignores a Content-Type too malformed to parse, and falls back on the declaration', () => {
    const result = decodeBody(latin1(declared('ISO-8859-1', 'Côte')), 'not a media type');
    expect(result).toMatchObject({ ok: true, declaredBy: 'XML declaration' });
  });
});

describe('fetchStatus decodes by the declaration', () => {
  it.each([
    ['with a charset in its Content-Type', { 'Content-Type': 'text/xml; charset=ISO-8859-1' }],
    ['with a Content-Type and no charset (the XML declaration decides)', { 'Content-Type': 'application/xml' }],
    ['without a Content-Type', {}],
  ])('reads the Latin-1 file over HTTP %s', async (_, headers) => {
    nock(HOST).get(PATH).reply(200, fixtureBytes('latin1-after.xml'), headers);
    const fetched = await fetchStatus(DEFAULT_STATUS_URL, options);
    expect(fetched.kind).toBe('fetched');
    const result = fetched.kind === 'fetched' ? readSnapshot(fetched, undefined, now) : undefined;
    const names = result?.ok ? result.snapshot.participants.map((participant) => participant.name) : [];
    expect(names).toEqual(expect.arrayContaining(["Côte d'Ivoire", 'Türkiye', 'São Tomé and Príncipe']));
  });

  it('refuses Latin-1 bytes served as UTF-8, naming the URL', async () => {
    nock(HOST).get(PATH).reply(200, fixtureBytes('latin1-after.xml'), { 'Content-Type': 'text/xml; charset=utf-8' });
    const fetched = await fetchStatus(DEFAULT_STATUS_URL, options);
    expect(fetched).toMatchObject({ kind: 'failed', code: 'undecodable' });
    expect(fetched.kind === 'failed' && fetched.reason).toMatch(
      new RegExp(
        `^status: ${escapeRegExp(DEFAULT_STATUS_URL)}: the document does not decode as utf-8 \\(Content-Type\\)`,
      ),
    );
  });

  it('reads the Latin-1 file from disk by its XML declaration', async () => {
    const fetched = await fetchStatus(fixturePath('latin1-after.xml'), options);
    expect(fetched.kind === 'fetched' && fetched.body).toContain("Côte d'Ivoire");
  });

  it('refuses a file whose bytes are not in the encoding it declares, naming the file', async () => {
    const path = file(
      'mislabelled.xml',
      latin1(fixtureBytes('latin1-after.xml').toString('latin1').replace('ISO-8859-1', 'UTF-8')),
    );
    expect(await fetchStatus(path, options)).toMatchObject({
      kind: 'failed',
      code: 'undecodable',
      reason: expect.stringContaining(`status: ${path}: the document does not decode as utf-8 (XML declaration)`),
    });
  });
});

describe('the tracker on an undecodable fetch', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore(':memory:', silentLogger);
  });
  afterEach(() => store.close());

  it('records a failure and keeps the previous snapshot', async () => {
    let minutes = 0;
    // Each poll a minute later than the one before, as the scheduler's are.
    const clock = () => new Date(Date.UTC(2026, 3, 9, 14, minutes++));
    const tracker = (sourceUrl: string) =>
      new RatificationTracker({ store, sourceUrl, logger: silentLogger, now: clock });
    expect(await tracker(fixturePath('latin1-before.xml')).poll()).toBe('saved');
    const mislabelled = file(
      'mislabelled.xml',
      latin1(fixtureBytes('latin1-after.xml').toString('latin1').replace('ISO-8859-1', 'UTF-8')),
    );
    expect(await tracker(mislabelled).poll()).toBe('refused');
    expect(store.snapshots.lastGood()?.snapshot.participants.map((participant) => participant.name)).toContain(
      "Côte d'Ivoire",
    );
    expect(store.changes.latestId()).toBe(0);
    expect(store.snapshots.failingSince()?.reason).toMatch(/does not decode as utf-8/);
    const lines = replyLines(statusReply(tracker(mislabelled).statusView(), 'status', 'en')).join('\n');
    expect(lines).toContain(
      `Source unavailable since 2026-04-09 14:01 UTC (${mislabelled}: the document does not decode`,
    );
  });
});

describe('the digest preview with Latin-1 files', () => {
  it("prints Côte d'Ivoire and Türkiye, the accession with a footnote, and the bracketed acceptance as withdrawn", async () => {
    const result = await previewDigest({
      from: fixturePath('latin1-before.xml'),
      to: fixturePath('latin1-after.xml'),
      now,
    });
    expect(result.ok).toBe(true);
    const text = result.ok ? replyLines(digestReply(result.digest)).join('\n') : '';
    expect(text).toContain("• Côte d'Ivoire ratified on 2026-01-19");
    expect(text).toContain('• Cuba acceded on 2026-03-12');
    expect(text).toContain('• Türkiye ratified on 2026-04-03');
    expect(text).toContain('• São Tomé and Príncipe signed on 2026-04-02');
    expect(text).toContain('• Utopia: acceptance 2026-02-02 withdrawn');
    expect(text).toContain('3/40');
    expect(text).not.toContain('\ufffd');
  });
});
