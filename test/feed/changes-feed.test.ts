import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeChange } from '../../src/answer/status-wording.ts';
import { changeEntries } from '../../src/feed/change-entries.ts';
import { FEED_MAX_AGE_SECONDS, feedRoutes } from '../../src/feed/feed-routes.ts';
import { silentLogger } from '../../src/logger.ts';
import { type OpsServer, startOpsServer } from '../../src/ops/ops-server.ts';
import { STATUS_PAGE_URL } from '../../src/status/untc-source.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { RatificationTracker } from '../../src/tracker/ratification-tracker.ts';
import { fixturePath } from '../status/support/snapshots.ts';

// The feed of detected changes: /changes.atom and /changes.json on a real HTTP server on 127.0.0.1.

const ATOM = 'http://www.w3.org/2005/Atom';

let store: Store;
let server: OpsServer;
let minutes = 0;
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${server.port}${path}`, { headers });

/** Polls each fixture in turn, a minute apart, as the scheduler would. */
async function pollAll(...names: string[]): Promise<void> {
  for (const name of names) {
    const tracker = new RatificationTracker({
      store,
      sourceUrl: fixturePath(name),
      logger: silentLogger,
      now: () => new Date(Date.UTC(2026, 3, 2, 14, minutes++)),
    });
    expect(await tracker.poll()).toBe('saved');
  }
}

beforeEach(async () => {
  store = openStore(':memory:', silentLogger);
  minutes = 0;
  server = await startOpsServer(feedRoutes(store), 0, '127.0.0.1');
});

afterEach(async () => {
  await server.close();
  store.close();
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => name === 'entry',
});

describe('GET /changes.atom', () => {
  it('is Atom with one entry per detected change, newest first, with the count at that point', async () => {
    await pollAll('signatures-only.xml', 'consents.xml');
    const response = await get('/changes.atom');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parser.parse(xml);
    expect(feed['@xmlns']).toBe(ATOM);
    expect(feed.id).toBe('urn:treaty-bot:xviii-16:changes');
    expect(feed.title).toBe('UN Convention against Cybercrime: ratification changes');
    expect(feed.author.name).toBe('treaty-bot');

    const logged = store.changes.latest(100);
    expect(feed.entry).toHaveLength(logged.length);
    expect(feed.updated).toBe(logged[0]?.firstSeenAt);
    for (const [index, entry] of feed.entry.entries()) {
      const change = logged[index];
      if (!change) throw new Error('more entries than changes');
      expect(entry.title['#text']).toBe(describeChange(change));
      expect(entry.id).toBe(`urn:treaty-bot:xviii-16:change:${change.id}:${change.firstSeenAt}`);
      expect(entry.updated).toBe(change.firstSeenAt);
      expect(entry.published).toBe(change.firstSeenAt);
      expect(entry.link['@href']).toBe(STATUS_PAGE_URL);
    }
    expect(new Set(feed.entry.map((entry: { id: string }) => entry.id)).size).toBe(feed.entry.length);

    // The first fetch is a baseline; the second brought Mongolia's accession, counted then at 5 of 40.
    const mongolia = feed.entry.find((entry: { title: { '#text': string } }) =>
      entry.title['#text'].startsWith('Mongolia acceded'),
    );
    expect(mongolia.content['#text']).toContain(
      'Instruments counted toward entry into force: 5 of 40 (35 more needed).',
    );
  });

  it("gives each entry its own snapshot's count, not today's, and lists the newest 50", async () => {
    await pollAll('signatures-only.xml', 'consents.xml', 'forty-instruments.xml');
    const all = changeEntries(store, 1_000);
    expect(all.length).toBeGreaterThan(50);
    expect(all[0]?.status).toMatchObject({ counted: 40, entryIntoForce: '2027-02-03' });
    expect(all.find((entry) => entry.change.participant === 'Mongolia')?.status.counted).toBe(5);
    const { feed } = parser.parse(await (await get('/changes.atom')).text());
    expect(feed.entry).toHaveLength(50);
    expect(feed.entry[0].content['#text']).toContain('40 of 40; enters into force on 2027-02-03.');
  });

  it('is a valid empty feed before any change', async () => {
    const { feed } = parser.parse(await (await get('/changes.atom')).text());
    expect(feed.id).toBe('urn:treaty-bot:xviii-16:changes');
    expect(feed.updated).toBe('1970-01-01T00:00:00.000Z');
    expect(feed.entry).toBeUndefined();
  });

  it('escapes what a name could smuggle into the HTML of an entry', async () => {
    await pollAll('consents.xml');
    store.changes.append(1, [{ participant: 'A <b>&</b> B', action: 'signature', date: '2026-04-02' }], new Date());
    const { feed } = parser.parse(await (await get('/changes.atom')).text());
    expect(feed.entry[0].title['#text']).toBe('A &lt;b&gt;&amp;&lt;/b&gt; B signed on 2026-04-02');
  });
});

describe('GET /changes.json', () => {
  it('is a JSON Feed with the same entries, plain-text titles and the facts as data', async () => {
    await pollAll('latin1-before.xml', 'latin1-after.xml');
    const response = await get('/changes.json');
    expect(response.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const feed = (await response.json()) as { items: Array<{ id: string; title: string }> };
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1',
      title: 'UN Convention against Cybercrime: ratification changes',
      home_page_url: STATUS_PAGE_URL,
    });
    const entries = changeEntries(store);
    expect(feed.items).toHaveLength(entries.length);
    const cote = feed.items.find((item: { title: string }) => item.title.startsWith("Côte d'Ivoire"));
    expect(cote).toMatchObject({
      title: "Côte d'Ivoire ratified on 2026-01-19",
      url: STATUS_PAGE_URL,
      // Utopia's acceptance, bracketed in this fetch, is held (still counted) until the next fetch confirms it gone.
      content_html: expect.stringContaining(
        '<p>Instruments counted toward entry into force: 4 of 40 (36 more needed).</p>',
      ),
      date_published: expect.stringMatching(/^2026-04-02T14:01:00/),
      _treaty: {
        participant: "Côte d'Ivoire",
        action: 'ratification',
        date: '2026-01-19',
        instrumentsCounted: 4,
        instrumentsNeeded: 40,
      },
    });
    expect(cote?.id).toMatch(/^urn:treaty-bot:xviii-16:change:\d+:2026-04-02T14:01:00.000Z$/);
  });
});

describe('caching', () => {
  it('sends validators and a max-age, and 304 without a body to a reader that has the feed', async () => {
    await pollAll('latin1-before.xml', 'latin1-after.xml');
    const first = await get('/changes.atom');
    const etag = first.headers.get('etag') ?? '';
    const lastModified = first.headers.get('last-modified') ?? '';
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(lastModified).toBe(new Date(store.changes.latest(1)[0]?.firstSeenAt ?? '').toUTCString());
    expect(first.headers.get('cache-control')).toBe(`public, max-age=${FEED_MAX_AGE_SECONDS}`);

    const again = await get('/changes.atom', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    expect((await get('/changes.atom', { 'If-Modified-Since': lastModified })).status).toBe(304);
    expect((await get('/changes.atom', { 'If-None-Match': '"something else"' })).status).toBe(200);
    // The JSON feed is another document, with another ETag.
    expect((await get('/changes.json', { 'If-None-Match': etag })).status).toBe(200);
  });

  it('answers 200 with a new ETag once a change is logged', async () => {
    await pollAll('signatures-only.xml', 'consents.xml');
    const etag = (await get('/changes.atom')).headers.get('etag') ?? '';
    await pollAll('forty-instruments.xml');
    const after = await get('/changes.atom', { 'If-None-Match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });
});
