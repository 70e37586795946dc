import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOKEN } from '../discord/support/connect-client.ts';
import { botUser, FakeDiscord, ids } from '../discord/support/fake-discord.ts';
import { guildMessage } from '../discord/support/gateway-payloads.ts';
import { freePort, type RunningBot, root, spawnBot, startBot } from './support/spawn-bot.ts';

/** A Discord-only process: no Slack server, so the bot runs its own small ops server on PORT. */
describe('the running bot, for its operator (Discord only)', () => {
  let discord: FakeDiscord;
  let bot: RunningBot | undefined;
  let env: Record<string, string>;

  beforeEach(async () => {
    discord = await FakeDiscord.start();
    env = {
      DATA_DIR: mkdtempSync(join(tmpdir(), 'treaty-ops-discord-')),
      STATUS_SOURCE_URL: pathToFileURL(join(root, 'test', 'fixtures', 'untc', 'consents.xml')).href,
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: ids.bot,
      DISCORD_API_URL: discord.apiUrl,
      PORT: String(await freePort()),
    };
  });

  afterEach(async () => {
    bot?.child.kill('SIGKILL');
    bot = undefined;
    await discord.close();
  });

  it('serves /healthz, /readyz and /metrics on PORT, answers, and exits 0 on SIGTERM', async () => {
    bot = await startBot(env, 'discord: connected');
    const get = (path: string) => fetch(`http://127.0.0.1:${env.PORT}${path}`);
    expect((await get('/healthz')).status).toBe(200);
    const ready = await get('/readyz');
    expect(await ready.json()).toEqual({
      ready: true,
      checks: { accepting: true, index: true, database: true, discord: true, deliveries: true },
    });

    discord.dispatch('MESSAGE_CREATE', guildMessage(`<@${ids.bot}> entry-into-force`, { mentions: [botUser] }));
    await discord.nextRequest((request) => request.method === 'POST' && request.path.endsWith('/messages'));
    await expect
      .poll(async () => (await get('/metrics')).text())
      .toMatch(/^treaty_bot_questions_total\{platform="discord",kind="answer"\} 1$/m);

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.logs()).toContain('"msg":"stopped"');
    bot = undefined;
  });

  it('stops with one line when PORT is taken', async () => {
    bot = await startBot(env, 'discord: connected');
    const second = spawnBot(env);
    expect(await second.exited).toBe(1);
    expect(second.logs().trim().split('\n').at(-1)).toBe(`ops: PORT ${env.PORT} is already in use`);
  });
});
