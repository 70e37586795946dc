import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../slack/support/fake-slack.ts';
import { FORM, postSigned, SIGNING_SECRET, slashCommandForm } from '../slack/support/slack-requests.ts';
import { freePort, root, startBot } from './support/spawn-bot.ts';

describe('npm start with Slack credentials (HTTP mode)', () => {
  let slack: FakeSlack;
  let child: ChildProcess | undefined;

  beforeEach(async () => {
    slack = await FakeSlack.start();
  });

  afterEach(async () => {
    child?.kill('SIGTERM');
    await slack.close();
  });

  it('answers a signed /treaty entry-into-force with the cited rule and rejects an unsigned one', async () => {
    const port = await freePort();
    const started = await startBot({
      // The spawned bot is outside nock's guard: its store and its status source stay on this machine.
      DATA_DIR: mkdtempSync(join(tmpdir(), 'treaty-data-')),
      STATUS_SOURCE_URL: pathToFileURL(join(root, 'test', 'fixtures', 'untc', 'consents.xml')).href,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
    });
    child = started.child;
    const url = `http://127.0.0.1:${port}/slack/events`;
    const form = slashCommandForm('entry-into-force', slack.responseUrl('npm-start'));

    const signed = await postSigned(url, form, { contentType: FORM });
    expect(signed.status).toBe(200);
    await expect.poll(() => slack.responsePosts.length, { timeout: 5_000 }).toBeGreaterThan(0);
    const answer = JSON.stringify(slack.responsePosts[0]?.body);
    expect(answer).toMatch(/90/);
    expect(answer).toMatch(/40|الأربعين/);
    expect(answer).toMatch(/الفقرة|¶/);

    const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': FORM }, body: form });
    expect(unsigned.status).toBe(401);

    // The tracker read the status source at startup: /treaty status reports it.
    await expect
      .poll(
        async () => {
          await postSigned(url, slashCommandForm('status', slack.responseUrl('status')), { contentType: FORM });
          await new Promise((resolve) => setTimeout(resolve, 200));
          return JSON.stringify(slack.responsePosts.filter((post) => post.id === 'status').at(-1)?.body ?? '');
        },
        { timeout: 8_000, interval: 300 },
      )
      .toMatch(/toward|40/i);

    // SIGTERM: the scheduler, Slack and the database close, and the process exits cleanly.
    child?.kill('SIGTERM');
    expect(await started.exited).toBe(0);
    expect(started.logs()).toContain('shutting down');
    child = undefined;
  });
});
