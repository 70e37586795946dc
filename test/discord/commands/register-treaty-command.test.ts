import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerTreatyCommand } from '../../../adapters/discord/commands/register-treaty-command.ts';
import { treatyCommand } from '../../../adapters/discord/commands/treaty-command.ts';
import { fakeConfig, TOKEN } from '../support/connect-client.ts';
import { FakeDiscord, ids } from '../support/fake-discord.ts';

const root = join(import.meta.dirname, '..', '..', '..');
let fake: FakeDiscord;

beforeEach(async () => {
  fake = await FakeDiscord.start();
});

afterEach(async () => {
  await fake.close();
});

describe('the /treaty command definition', () => {
  it('is one chat command with an optional, autocompleted query of at most 500 characters', () => {
    expect(treatyCommand.data.toJSON()).toMatchObject({
      name: 'treaty',
      type: 1,
      description: expect.stringMatching(/UN Convention against Cybercrime/),
      options: [{ type: 3, name: 'query', autocomplete: true, required: false, max_length: 500 }],
      // Usable in servers and in DMs with the bot; installed to servers.
      contexts: [0, 1],
      integration_types: [0],
    });
  });
});

describe('registerTreatyCommand', () => {
  it('overwrites the guild commands when a guild is configured', async () => {
    const registration = await registerTreatyCommand({ ...fakeConfig(fake), guildId: ids.guild });

    expect(registration).toEqual({ scope: 'guild', commands: ['treaty'] });
    const put = await fake.nextRequest((request) => request.method === 'PUT');
    expect(put.path).toBe(`/api/v10/applications/${ids.bot}/guilds/${ids.guild}/commands`);
    expect(put.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(put.body).toEqual([treatyCommand.data.toJSON()]);
  });

  it('registers globally otherwise', async () => {
    expect(await registerTreatyCommand(fakeConfig(fake))).toEqual({ scope: 'global', commands: ['treaty'] });
    const put = await fake.nextRequest((request) => request.method === 'PUT');
    expect(put.path).toBe(`/api/v10/applications/${ids.bot}/commands`);
  });
});

describe('register-commands.ts (the script)', () => {
  it('reads the environment, registers and prints one line', async () => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(root, 'adapters/discord/register-commands.ts')],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          DISCORD_TOKEN: TOKEN,
          DISCORD_APPLICATION_ID: ids.bot,
          DISCORD_GUILD_ID: ids.guild,
          DISCORD_API_URL: fake.apiUrl,
        },
      },
    );
    expect(stdout).toBe(`Registered /treaty in guild ${ids.guild} for application ${ids.bot}.\n`);
    expect(stderr).toBe('');
  });
});
