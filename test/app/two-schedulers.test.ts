import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slackDigestClient } from '../../adapters/slack/client-options.ts';
import { createSlackDigestPoster } from '../../adapters/slack/digest-poster.ts';
import { type DigestPost, digestPost } from '../../src/answer/digest-reply.ts';
import { silentLogger } from '../../src/logger.ts';
import { openStore, type Store, storePath } from '../../src/store/open-store.ts';
import { RatificationTracker } from '../../src/tracker/ratification-tracker.ts';
import { TrackerScheduler } from '../../src/tracker/scheduler.ts';
import { FAKE_TEAM, FakeSlack } from '../slack/support/fake-slack.ts';
import { CHANNEL } from '../slack/support/slack-requests.ts';

const fixture = (name: string) => pathToFileURL(join(import.meta.dirname, '..', 'fixtures', 'untc', name)).href;

/**
 * Two bot processes share one database file (two stores, two schedulers, two Slack clients) and both run a poll
 * and a delivery at the same moment: the lease lets one act, and the channel gets the digest exactly once.
 */
describe('two schedulers on one database, posting to a fake Slack', () => {
  let fake: FakeSlack;
  let stores: Store[];

  beforeEach(async () => {
    fake = await FakeSlack.start();
    const path = storePath(mkdtempSync(join(tmpdir(), 'treaty-two-')));
    stores = [openStore(path, silentLogger), openStore(path, silentLogger)];
  });

  afterEach(async () => {
    for (const store of stores) store.close();
    await fake.close();
  });

  it('posts each digest once however many processes run', async () => {
    const now = () => new Date('2026-04-06T09:00:30Z');
    const [first] = stores;
    if (!first) throw new Error('no store');
    // A baseline, then a subscription created a week earlier, so a weekly digest is due now.
    await new RatificationTracker({
      store: first,
      sourceUrl: fixture('signatures-only.xml'),
      logger: silentLogger,
    }).poll();
    new RatificationTracker({
      store: first,
      sourceUrl: fixture('consents.xml'),
      logger: silentLogger,
      now: () => new Date('2026-03-30T08:00:00Z'),
    }).subscribe(
      { platform: 'slack', workspace: FAKE_TEAM, channel: CHANNEL, user: 'U1', allowed: true },
      'weekly',
      'UTC',
    );

    const schedulers = stores.map((store, i) => {
      const tracker = new RatificationTracker({ store, sourceUrl: fixture('consents.xml'), logger: silentLogger, now });
      const client = slackDigestClient('xoxb-test', { apiUrl: fake.apiUrl }, silentLogger);
      return new TrackerScheduler<DigestPost>({
        store,
        logger: silentLogger,
        pollCron: '0 */6 * * *',
        poll: async () => {
          await tracker.poll();
        },
        poster: createSlackDigestPoster(client, silentLogger),
        buildPayload: (changes, subscription) => digestPost(tracker.digestFor(changes, subscription)),
        now,
        holder: `process-${i}`,
      });
    });

    const polls = await Promise.all(schedulers.map((scheduler) => scheduler.runPoll()));
    expect(polls.filter(Boolean)).toHaveLength(1);
    await Promise.all(schedulers.map((scheduler) => scheduler.runDeliveries()));
    await Promise.all(schedulers.map((scheduler) => scheduler.runDeliveries()));
    expect(fake.postedMessages()).toHaveLength(1);
    for (const scheduler of schedulers) await scheduler.stop();
  });
});
