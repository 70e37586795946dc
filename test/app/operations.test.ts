import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.ts';
import { openStore, storePath } from '../../src/store/open-store.ts';
import { RatificationTracker } from '../../src/tracker/ratification-tracker.ts';
import { FAKE_TEAM, FakeSlack } from '../slack/support/fake-slack.ts';
import { CHANNEL, FORM, postSigned, SIGNING_SECRET, slashCommandForm } from '../slack/support/slack-requests.ts';
import { freePort, type RunningBot, root, startBot } from './support/spawn-bot.ts';

const fixture = (name: string) => pathToFileURL(join(root, 'test', 'fixtures', 'untc', name)).href;

/** A store with a baseline, a weekly subscription made eight days ago, and then new ratifications: a digest is due. */
async function storeWithDueDigest(dataDir: string): Promise<string> {
  const path = storePath(dataDir);
  const store = openStore(path, silentLogger);
  const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
  const tracker = (source: string) =>
    new RatificationTracker({ store, sourceUrl: fixture(source), logger: silentLogger, now: () => eightDaysAgo });
  await tracker('signatures-only.xml').poll();
  tracker('consents.xml').subscribe(
    { platform: 'slack', workspace: FAKE_TEAM, channel: CHANNEL, user: 'U0ADMIN', allowed: true },
    'weekly',
    'UTC',
  );
  await tracker('consents.xml').poll();
  store.close();
  return path;
}

describe('the running bot, for its operator (Slack HTTP mode)', () => {
  let slack: FakeSlack;
  let bot: RunningBot | undefined;
  let port: number;
  let dataDir: string;

  const env = () => ({
    DATA_DIR: dataDir,
    STATUS_SOURCE_URL: fixture('consents.xml'),
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: String(port),
  });
  const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`);

  beforeEach(async () => {
    slack = await FakeSlack.start();
    port = await freePort();
    dataDir = mkdtempSync(join(tmpdir(), 'treaty-ops-'));
  });

  afterEach(async () => {
    bot?.child.kill('SIGKILL');
    bot = undefined;
    await slack.close();
  });

  it('serves /healthz, /readyz and /metrics on the Slack port, and counts what it answers', async () => {
    bot = await startBot(env());

    const health = await get('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      ready: true,
      checks: { accepting: true, index: true, database: true, slack: true, deliveries: true },
    });

    await postSigned(
      `http://127.0.0.1:${port}/slack/events`,
      slashCommandForm('entry-into-force', slack.responseUrl('q')),
      {
        contentType: FORM,
      },
    );
    await postSigned(
      `http://127.0.0.1:${port}/slack/events`,
      slashCommandForm('Who won the 1998 football world cup?', slack.responseUrl('nope')),
      { contentType: FORM },
    );
    await slack.waitFor(() => slack.postsTo('q').length > 0 && slack.postsTo('nope').length > 0);

    const metrics = await get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await metrics.text();
    expect(text).toMatch(/^treaty_bot_questions_total\{platform="slack",kind="answer"\} 1$/m);
    expect(text).toMatch(/^treaty_bot_questions_total\{platform="slack",kind="no_answer"\} 1$/m);
    expect(text).toMatch(/^treaty_bot_abstentions_total\{platform="slack"\} 1$/m);
    expect(text).toMatch(/^treaty_bot_answer_duration_seconds_count\{platform="slack"\} 2$/m);
    expect(text).toMatch(/^treaty_bot_answer_duration_seconds_bucket\{le="\+Inf",platform="slack"\} 2$/m);
    // The fresh database made the bot read the status source once at startup.
    await expect
      .poll(async () => (await get('/metrics')).text())
      .toMatch(/treaty_bot_status_polls_total\{result="saved"\} 1/);
    expect(text).toMatch(/^treaty_bot_process_resident_memory_bytes \d+/m);

    // The feeds of changes are served beside them (the first snapshot is a baseline: no entries yet).
    const atom = await get('/changes.atom');
    expect(atom.status).toBe(200);
    expect(atom.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    expect(await atom.text()).toMatch(/<feed[^>]*xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
    expect((await get('/changes.json')).status).toBe(200);

    expect((await get('/nope')).status).toBe(404);
  });

  it('on SIGTERM (twice, as a process group gets it) while a digest is being posted, drains once: finishes the post, records it once, closes the database and exits 0', async () => {
    const path = await storeWithDueDigest(dataDir);
    // Slack takes 1.5 s to answer the post: the signal arrives while it is in flight.
    slack.delay('chat.postMessage', 1_500);
    bot = await startBot(env());
    await slack.waitFor(() => slack.callsTo('chat.postMessage').length > 0);
    const signalledAt = Date.now();
    bot.child.kill('SIGTERM');
    // npm forwards the signal a moment after the process group got it (two at once would merge into one).
    await new Promise((resolve) => setTimeout(resolve, 50));
    bot.child.kill('SIGTERM');
    // Draining: no longer ready while it finishes (the post holds the shutdown for 1.5 s).
    await expect.poll(async () => (await get('/readyz')).status, { timeout: 1_000, interval: 20 }).toBe(503);

    expect(await bot.exited).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(10_000);
    expect(bot.logs()).toContain('"msg":"stopped"');
    expect(bot.logs()).toContain('"msg":"already shutting down"');
    bot = undefined;
    expect(slack.postedMessages()).toHaveLength(1);
    // The composition root's digests carry the chart: uploaded unshared, shown by the one message.
    const [message] = slack.messages;
    expect(slack.files.map((file) => ({ filename: file.filename, sharedTo: file.sharedTo }))).toEqual([
      { filename: 'status.png', sharedTo: [] },
    ]);
    expect(message && slack.imagesOf(message)).toEqual([slack.files[0]?.id]);
    // A clean close checkpoints the write-ahead log into the file and removes it.
    expect(existsSync(`${path}-wal`)).toBe(false);
    const store = openStore(path, silentLogger);
    try {
      const [subscription] = store.subscriptions.list('slack', FAKE_TEAM);
      expect(subscription).toBeDefined();
      const deliveries = store.deliveries.forSubscription(subscription?.id ?? -1);
      expect(deliveries.map((delivery) => delivery.state)).toEqual(['posted']);
    } finally {
      store.close();
    }
  });
});
