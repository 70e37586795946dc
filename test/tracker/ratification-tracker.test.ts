import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { replyLines } from '../../src/answer/reply-text.ts';
import { asksForStatus } from '../../src/answer/status-question.ts';
import { statusReply } from '../../src/answer/status-reply.ts';
import { silentLogger } from '../../src/logger.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { RatificationTracker } from '../../src/tracker/ratification-tracker.ts';
import { fixturePath, fixtureText } from '../status/support/snapshots.ts';
import { realBot } from '../support/bot.ts';

const fixture = (name: string) => pathToFileURL(join(import.meta.dirname, '..', 'fixtures', 'untc', name)).href;
const channel = { platform: 'slack' as const, workspace: 'T1', channel: 'C1', user: 'U1' };

describe('RatificationTracker', () => {
  let store: Store;
  let minutes = 0;
  // Each reading of the clock is a minute later, as successive polls are.
  const clock = () => new Date(Date.UTC(2026, 3, 2, 14, minutes++));
  const tracker = (source: string) =>
    new RatificationTracker({ store, sourceUrl: fixture(source), logger: silentLogger, now: clock });

  beforeEach(() => {
    store = openStore(':memory:', silentLogger);
    minutes = 0;
  });

  afterEach(() => {
    store.close();
  });

  it('keeps the first snapshot as a baseline and logs the changes of the next', async () => {
    expect(await tracker('signatures-only.xml').poll()).toBe('saved');
    expect(store.changes.latestId()).toBe(0);
    expect(await tracker('consents.xml').poll()).toBe('saved');
    expect(store.changes.latestId()).toBeGreaterThan(0);
  });

  it('records a refused fetch and says since when the source is unavailable', async () => {
    await tracker('signatures-only.xml').poll();
    expect(await tracker('maintenance.html').poll()).toBe('refused');
    const lines = replyLines(statusReply(tracker('signatures-only.xml').statusView(), 'status', 'en')).join('\n');
    expect(lines).toMatch(/Source unavailable since/);
    expect(lines).toMatch(/as of/);
  });

  it('subscribes and unsubscribes a channel only when allowed', () => {
    const desk = tracker('signatures-only.xml');
    expect(desk.subscribe({ ...channel, allowed: false }, 'weekly', undefined)).toEqual({ kind: 'not-allowed' });
    expect(store.subscriptions.list()).toEqual([]);
    expect(desk.subscribe({ ...channel, allowed: true }, 'weekly', 'Asia/Beirut').kind).toBe('subscribed');
    expect(store.subscriptions.list()[0]).toMatchObject({ channel: 'C1', schedule: 'weekly', timeZone: 'Asia/Beirut' });
    expect(desk.subscriptions({ platform: 'slack', workspace: 'T1' })).toHaveLength(1);
    expect(desk.unsubscribe({ ...channel, allowed: true })).toEqual({ kind: 'unsubscribed', removed: true });
    expect(desk.unsubscribe({ ...channel, allowed: true })).toEqual({ kind: 'unsubscribed', removed: false });
  });

  it('explains a schedule it cannot read', () => {
    const outcome = tracker('signatures-only.xml').subscribe({ ...channel, allowed: true }, 'every tuesday', undefined);
    expect(outcome).toEqual({
      kind: 'bad-schedule',
      problem: '"every tuesday" is not daily, weekly or a cron expression like "0 9 * * 1"',
    });
  });

  it('builds a channel digest up to the newest change', async () => {
    await tracker('signatures-only.xml').poll();
    const desk = tracker('consents.xml');
    desk.subscribe({ ...channel, allowed: true }, 'daily', undefined);
    await desk.poll();
    const subscription = store.subscriptions.list()[0];
    if (!subscription) throw new Error('no subscription');
    const changes = store.changes.since(0);
    const payload = desk.digestFor(changes, subscription);
    expect(payload.upToChangeId).toBe(store.changes.latestId());
    expect(payload.digest.empty).toBe(false);
    expect(payload.digest.status.counted).toBeGreaterThan(0);
  });
});

describe('asksForStatus', () => {
  it.each([
    ['How many states have ratified the convention?', true],
    ['how many signatures so far', true],
    ['How many countries must ratify before it enters into force?', false],
    ['How many signatories are there now?', true],
    ['Has the convention entered into force yet?', true],
    ['كم دولة صادقت على الاتفاقية؟', true],
    ['كم عدد الدول التي وقعت؟', true],
    ['When does the convention enter into force?', false],
    ['متى تدخل الاتفاقية حيز النفاذ؟', false],
    ['How many member states negotiated the treaty?', false],
    ['كم دولة وقّعت على الاتفاقية؟', true],
    ['قديش دولة صدّقت عالاتفاقية لهلق؟', true],
    ['شحال من دولة صادقات على هاد الاتفاقية؟', true],
    ['كام دولة وقعت على المعاهدة لحد دلوقتي؟', true],
    ['شكد دولة صادقت على الاتفاقية؟', true],
    ['كم عدد الدول الموقعة على الاتفاقية؟', true],
    ['عدد الدول المصادقة', true],
    ['هل صادقت مصر على الاتفاقية؟', true],
    ['واش المغرب صادق على الاتفاقية؟', true],
    ['هل يكفي تصديق ٤٠ دولة حتى تصير الاتفاقية سارية؟', false],
    ['كم دولة وقّعت فعلاً على الاتفاقية في حفل هانوي؟', false],
    ['كم دولة يجب أن تصادق على الاتفاقية؟', false],
    ['كم عدد الدول الأطراف في اتفاقية بودابست؟', false],
    ['How many states have ratified the Budapest Convention?', false],
    // Keyword queries.
    ['UN cybercrime convention number of ratifications so far', true],
    ['convention signatories to date', true],
    ['number of ratifications needed for entry into force', false],
    ['number of signatories at the Hanoi ceremony', false],
    ['Has Egypt ratified the convention?', true],
    ['Did Morocco sign the cybercrime treaty?', true],
    ['Which countries have ratified so far?', true],
    ['How many countries signed at the Hanoi ceremony?', false],
  ])('%s → %s', (question, expected) => {
    expect(asksForStatus(question)).toBe(expected);
  });
});

describe('TreatyBot without a tracker', () => {
  it('says the tracker is not connected for status and subscriptions', () => {
    expect(replyLines(realBot().ask('status', { platform: 'cli' }))[1]).toMatch(/not connected/);
    expect(realBot().ask('subscribe', { platform: 'slack', workspace: 'T', channel: 'C' }).kind).toBe('status');
  });
});

describe('RatificationTracker.poll against a glitching source', () => {
  let store: Store;
  let minutes = 0;
  const clock = () => new Date(Date.UTC(2026, 3, 2, 14, minutes++));

  beforeEach(() => {
    store = openStore(':memory:', silentLogger);
    minutes = 0;
  });

  afterEach(() => {
    store.close();
  });

  /** Polls a file that holds `fixtures` in turn, as a source that changes between polls. */
  async function pollSequence(...fixtures: string[]): Promise<string[]> {
    const dir = mkdtempSync(join(tmpdir(), 'treaty-bot-status-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'XVIII-16.en.xml');
    const desk = new RatificationTracker({
      store,
      sourceUrl: pathToFileURL(file).href,
      logger: silentLogger,
      now: clock,
    });
    const results: string[] = [];
    for (const name of fixtures) {
      copyFileSync(fixturePath(name), file);
      results.push(await desk.poll());
    }
    return results;
  }

  it('reports nothing when rows drop for one fetch and return', async () => {
    expect(await pollSequence('consents.xml', 'withdrawn.xml', 'consents.xml')).toEqual(['saved', 'saved', 'saved']);
    expect(store.changes.since(0)).toEqual([]);
  });

  it('reports the withdrawals once the rows are missing from two fetches running', async () => {
    await pollSequence('consents.xml', 'withdrawn.xml', 'withdrawn.xml');
    expect(store.changes.since(0).map(({ participant, action }) => `${participant} ${action}`)).toEqual([
      'Brazil withdrawal',
      'France withdrawal',
    ]);
  });

  it('fetches whole while a record is held, so a 304 cannot hold it for ever', async () => {
    // An HTTP source with ETags: consents, then a table with rows missing, then unchanged (304 if asked).
    const versions = [
      { etag: '"v1"', body: fixtureText('consents.xml') },
      { etag: '"v2"', body: fixtureText('withdrawn.xml') },
      { etag: '"v2"', body: fixtureText('withdrawn.xml') },
    ];
    const conditional: boolean[] = [];
    const fetchStub = async (_url: string | URL | Request, init?: RequestInit) => {
      const asked = new Headers(init?.headers).get('if-none-match');
      conditional.push(asked !== null);
      const { etag, body } = versions.shift() ?? { etag: '', body: '' };
      if (asked === etag) return new Response(null, { status: 304 });
      return new Response(body, { status: 200, headers: { 'content-type': 'text/xml', etag } });
    };
    const desk = new RatificationTracker({
      store,
      sourceUrl: 'https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/XVIII-16.en.xml',
      logger: silentLogger,
      now: clock,
      fetch: fetchStub as typeof fetch,
    });
    for (let i = 0; i < 3; i++) await desk.poll();
    expect(conditional).toEqual([false, true, false]);
    expect(store.changes.since(0).map(({ participant, action }) => `${participant} ${action}`)).toEqual([
      'Brazil withdrawal',
      'France withdrawal',
    ]);
  });

  it('stores nothing new when the file has not changed, but moves its "as of" time', async () => {
    expect(await pollSequence('consents.xml', 'consents.xml', 'consents.xml')).toEqual([
      'saved',
      'not-modified',
      'not-modified',
    ]);
    const last = store.snapshots.lastGood();
    expect(last?.id).toBe(1);
    expect(last?.snapshot.fetchedAt).toBe('2026-04-02T14:02:00.000Z');
  });

  it('refuses and records XML that declares an external entity', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'treaty-bot-status-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'xxe.xml');
    const xml = fixtureText('consents.xml').replace(
      /<\?xml[^>]*\?>/,
      '$&<!DOCTYPE Treaty [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
    );
    writeFileSync(file, xml.replace('Cuba', 'Cuba&secret;'));
    const desk = new RatificationTracker({ store, sourceUrl: file, logger: silentLogger, now: clock });
    expect(await desk.poll()).toBe('refused');
    expect(store.snapshots.failingSince()?.reason).toMatch(/DOCTYPE/);
  });
});
