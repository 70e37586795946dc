import { pathToFileURL } from 'node:url';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBody, checkSnapshot } from '../../src/status/check-snapshot.ts';
import { fetchStatus, treatyBotUserAgent } from '../../src/status/fetch-status.ts';
import { readSnapshot } from '../../src/status/read-snapshot.ts';
import { DEFAULT_STATUS_URL } from '../../src/status/untc-source.ts';
import { fixturePath, fixtureSnapshot, fixtureText, participant, snapshotOf } from './support/snapshots.ts';

// Getting a document and deciding whether to trust it: fetchStatus, the body and snapshot checks, readSnapshot.

const HOST = 'https://treaties.un.org';
const PATH = '/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/XVIII-16.en.xml';
const now = new Date('2026-04-09T14:00:00Z');
const options = { timeoutMs: 500, userAgent: 'treaty-bot/test (+https://example.org/treaty-bot)' };

afterEach(() => {
  nock.cleanAll();
});

describe('fetchStatus', () => {
  it('fetches the XML with its validators and reads it into a snapshot', async () => {
    nock(HOST).get(PATH).reply(200, fixtureText('consents.xml'), {
      'Content-Type': 'text/xml',
      ETag: '"v1"',
      'Last-Modified': 'Thu, 02 Apr 2026 09:00:00 GMT',
    });
    const fetched = await fetchStatus(DEFAULT_STATUS_URL, options);
    expect(fetched).toMatchObject({
      kind: 'fetched',
      etag: '"v1"',
      lastModified: 'Thu, 02 Apr 2026 09:00:00 GMT',
      source: DEFAULT_STATUS_URL,
    });
    const result = fetched.kind === 'fetched' ? readSnapshot(fetched, undefined, now) : undefined;
    expect(result?.ok && result.snapshot.participants).toHaveLength(15);
    expect(result?.ok && result.snapshot.source).toBe(DEFAULT_STATUS_URL);
  });

  it('asks conditionally the second time and reports a 304 as not modified', async () => {
    const scope = nock(HOST)
      .get(PATH)
      .matchHeader('if-none-match', '"v1"')
      .matchHeader('if-modified-since', 'Thu, 02 Apr 2026 09:00:00 GMT')
      .reply(304);
    const previous = { etag: '"v1"', lastModified: 'Thu, 02 Apr 2026 09:00:00 GMT' };
    expect(await fetchStatus(DEFAULT_STATUS_URL, { ...options, previous })).toEqual({ kind: 'not-modified' });
    expect(scope.isDone()).toBe(true);
  });

  it('names itself in the User-Agent', async () => {
    const scope = nock(HOST, { reqheaders: { 'user-agent': options.userAgent } })
      .get(PATH)
      .reply(200, fixtureText('consents.xml'));
    expect(await fetchStatus(DEFAULT_STATUS_URL, options)).toMatchObject({ kind: 'fetched' });
    expect(scope.isDone()).toBe(true);
  });

  it('defaults to a User-Agent with the package version', async () => {
    expect(treatyBotUserAgent()).toMatch(/^treaty-bot\/\d+\.\d+\.\d+/);
    const scope = nock(HOST, { reqheaders: { 'user-agent': /^treaty-bot\/\d+\.\d+\.\d+/ } })
      .get(PATH)
      .reply(200, fixtureText('consents.xml'));
    expect(await fetchStatus(DEFAULT_STATUS_URL, { timeoutMs: 500 })).toMatchObject({ kind: 'fetched' });
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    ['the maintenance page served with 200', 'maintenance.html', 'maintenance'],
    ['a table cut off mid-way', 'truncated-mid-way.xml', 'malformed'],
    ['a table with rows missing', 'truncated-rows.xml', 'count-mismatch'],
  ])('fetches %s, which readSnapshot refuses', async (_, name, code) => {
    nock(HOST).get(PATH).reply(200, fixtureText(name));
    const fetched = await fetchStatus(DEFAULT_STATUS_URL, options);
    expect(fetched.kind).toBe('fetched');
    if (fetched.kind !== 'fetched') return;
    expect(readSnapshot(fetched, undefined, now)).toMatchObject({ ok: false, code });
  });

  it('fails on a server error, naming the status', async () => {
    nock(HOST).get(PATH).reply(500, 'Internal Server Error');
    expect(await fetchStatus(DEFAULT_STATUS_URL, options)).toEqual({
      kind: 'failed',
      code: 'http-status',
      reason: `status: HTTP 500 from ${DEFAULT_STATUS_URL}`,
    });
  });

  it('gives up after the timeout', async () => {
    nock(HOST).get(PATH).delay(2_000).reply(200, fixtureText('consents.xml'));
    const started = Date.now();
    const fetched = await fetchStatus(DEFAULT_STATUS_URL, { ...options, timeoutMs: 50 });
    expect(fetched).toMatchObject({ kind: 'failed', code: 'unreachable', reason: expect.stringMatching(/50 ms/) });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('fails when the connection fails', async () => {
    nock(HOST).get(PATH).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });
    expect(await fetchStatus(DEFAULT_STATUS_URL, options)).toMatchObject({
      kind: 'failed',
      code: 'unreachable',
      reason: expect.stringMatching(/^status: fetching .* failed/),
    });
  });

  it('uses an injected fetch', async () => {
    const seen: string[] = [];
    const fakeFetch = (async (url: string | URL | Request) => {
      seen.push(String(url));
      return new Response('<x/>', { status: 200 });
    }) as typeof fetch;
    expect(await fetchStatus(DEFAULT_STATUS_URL, { ...options, fetch: fakeFetch })).toMatchObject({ body: '<x/>' });
    expect(seen).toEqual([DEFAULT_STATUS_URL]);
  });

  it.each([
    ['a file:// URL', pathToFileURL(fixturePath('consents.xml')).href],
    ['a plain path', fixturePath('consents.xml')],
  ])('reads %s from disk', async (_, location) => {
    expect(await fetchStatus(location, options)).toEqual({
      kind: 'fetched',
      body: fixtureText('consents.xml'),
      source: fixturePath('consents.xml'),
    });
  });

  it('fails on a file that does not exist', async () => {
    expect(await fetchStatus(fixturePath('missing.xml'), options)).toMatchObject({
      kind: 'failed',
      code: 'unreachable',
      reason: expect.stringMatching(/ENOENT/),
    });
  });
});

function read(name: string, lastGood = fixtureSnapshot('consents.xml')) {
  return readSnapshot({ kind: 'fetched', body: fixtureText(name), source: fixturePath(name) }, lastGood, now);
}

describe('checkBody', () => {
  it.each([
    ['the maintenance page', fixtureText('maintenance.html'), 'maintenance'],
    ['the maintenance notice wrapped over lines', 'urgent\n maintenance and is\tcurrently unavailable', 'maintenance'],
    ['another HTML page', '<!DOCTYPE html><html><body>Not found</body></html>', 'not-xml'],
    ['HTML without a doctype', '\n<html lang="en"><body></body></html>', 'not-xml'],
    ['JSON', '{"participants": []}', 'not-xml'],
    ['an empty body', '  \n', 'not-xml'],
  ])('refuses %s', (_, body, code) => {
    expect(checkBody(body)).toMatchObject({ ok: false, code, reason: expect.stringMatching(/^status: /) });
  });

  it('refuses XML that declares a DOCTYPE or an entity', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
    expect(checkBody(xxe)).toMatchObject({ ok: false, code: 'dtd' });
  });

  it('lets an XML document through, byte-order mark and all', () => {
    expect(checkBody(`\ufeff${fixtureText('consents.xml')}`)).toEqual({ ok: true });
  });
});

describe('checkSnapshot', () => {
  const lastGood = snapshotOf(['A', 'B', 'C', 'D', 'E'].map((name) => participant(name, { signature: '2025-10-25' })));

  it('refuses a snapshot that loses more participants than allowed', () => {
    const next = snapshotOf([participant('A', { signature: '2025-10-25' })]);
    expect(checkSnapshot(next, lastGood)).toMatchObject({ ok: false, code: 'participants-lost' });
    expect(checkSnapshot(next, lastGood, { maxLost: 4, countTolerance: 3 })).toEqual({ ok: true });
  });

  it('counts a signature that vanishes as a loss, like a row that vanishes', () => {
    const next = snapshotOf(
      [...'ABCDE'].map((name) => participant(name, name === 'A' ? { signature: '2025-10-25' } : {})),
    );
    expect(checkSnapshot(next, lastGood)).toMatchObject({ ok: false, code: 'participants-lost' });
  });

  it('accepts a few withdrawals', () => {
    expect(checkSnapshot(snapshotOf(lastGood.participants.slice(0, 2)), lastGood)).toEqual({ ok: true });
  });

  it('tolerates a small gap between the table and the published count, not a large one', () => {
    const snapshot = { ...lastGood, published: { signatories: 8 } };
    expect(checkSnapshot(snapshot)).toEqual({ ok: true });
    expect(checkSnapshot({ ...snapshot, published: { signatories: 9 } })).toMatchObject({ code: 'count-mismatch' });
    expect(checkSnapshot({ ...snapshot, published: { signatories: 1 } })).toMatchObject({ code: 'count-mismatch' });
  });
});

describe('readSnapshot', () => {
  it.each([
    ['the maintenance page', 'maintenance.html', 'maintenance'],
    ['a document cut off mid-way', 'truncated-mid-way.xml', 'malformed'],
    ['a table with fewer rows than its published count', 'truncated-rows.xml', 'count-mismatch'],
    ['an empty table', 'empty-table.xml', 'empty-table'],
    ['a table that loses most participants', 'reordered-columns.xml', 'participants-lost'],
  ])('refuses %s', (_, name, code) => {
    expect(read(name)).toMatchObject({ ok: false, code, reason: expect.stringMatching(/^status: /) });
  });

  it('trusts a snapshot with two withdrawals', () => {
    const result = read('withdrawn.xml');
    expect(result.ok && result.snapshot.participants).toHaveLength(14);
  });

  it('stamps the snapshot with the source and the time of reading', () => {
    const result = read('withdrawn.xml');
    expect(result.ok && result.snapshot).toMatchObject({
      source: fixturePath('withdrawn.xml'),
      fetchedAt: '2026-04-09T14:00:00.000Z',
    });
  });

  it('passes a failed fetch on as a refusal', () => {
    const failed = { kind: 'failed', code: 'http-status', reason: 'status: HTTP 500 from x' } as const;
    expect(readSnapshot(failed, undefined, now)).toEqual({
      ok: false,
      code: 'http-status',
      reason: 'status: HTTP 500 from x',
    });
  });
});
