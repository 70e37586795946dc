import type { Client } from 'discord.js';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APOLOGY, BUTTON_EXPIRED, SHARE_LABEL, UNOFFICIAL_TRANSLATION } from '../../../src/answer/phrases.ts';
import type { TreatyBot } from '../../../src/answer/treaty-bot.ts';
import { realBot } from '../../support/bot.ts';
import { RecordingLogger } from '../../support/recording-logger.ts';
import { productionLines } from '../production-log.ts';
import { connectClient } from '../support/connect-client.ts';
import { embedText } from '../support/embed-text.ts';
import { FakeDiscord, ids, type RecordedRequest } from '../support/fake-discord.ts';
import { autocompleteInteraction, buttonInteraction, chatInputInteraction } from '../support/gateway-payloads.ts';
import { longTopicList, replyOf } from '../support/replies.ts';

const callbackOf = (interaction: object) => (request: RecordedRequest) =>
  request.method === 'POST' &&
  request.path ===
    `/api/v10/interactions/${(interaction as { id: string }).id}/${(interaction as { token: string }).token}/callback`;

/** The custom_id of the first button of an interaction callback or follow-up body. */
// biome-ignore lint/suspicious/noExplicitAny: a posted JSON body.
function buttonCustomId(data: any): string | undefined {
  return data?.components?.[0]?.components?.[0]?.custom_id;
}

let bot: TreatyBot;
let fake: FakeDiscord;
let client: Client | undefined;
let logger: RecordingLogger;

beforeAll(() => {
  bot = realBot();
});

beforeEach(async () => {
  fake = await FakeDiscord.start();
  ({ client, logger } = await connectClient(fake, bot));
});

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await fake.close();
});

/** Sends `/treaty query:<query>` and returns the callback request. */
async function runTreaty(query?: string, where: 'guild' | 'dm' = 'guild'): Promise<RecordedRequest> {
  const interaction = chatInputInteraction(query, where);
  fake.dispatch('INTERACTION_CREATE', interaction);
  return fake.nextRequest(callbackOf(interaction));
}

/** Reconnects the client over a core whose every answer throws. */
async function reconnectWithBrokenCore(): Promise<void> {
  await client?.destroy();
  const broken = {
    ask: () => {
      throw new Error('index file is corrupt');
    },
  } as unknown as TreatyBot;
  ({ client, logger } = await connectClient(fake, broken));
}

describe('/treaty autocomplete', () => {
  it('offers topic slugs matching what is typed, at most 25', async () => {
    const interaction = autocompleteInteraction('force');
    fake.dispatch('INTERACTION_CREATE', interaction);
    const callback = await fake.nextRequest(callbackOf(interaction));

    expect(callback.body.type).toBe(8);
    const choices: Array<{ name: string; value: string }> = callback.body.data.choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices).toContainEqual({ name: 'entry-into-force — Entry into force', value: 'entry-into-force' });
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });

  it('offers the first topics (at most 25) before anything is typed, and matches Arabic titles', async () => {
    const empty = autocompleteInteraction('');
    fake.dispatch('INTERACTION_CREATE', empty);
    expect((await fake.nextRequest(callbackOf(empty))).body.data.choices).toHaveLength(Math.min(25, bot.topics.length));

    const arabic = autocompleteInteraction('الإنتربول');
    fake.dispatch('INTERACTION_CREATE', arabic);
    const choices = (await fake.nextRequest(callbackOf(arabic))).body.data.choices;
    expect(choices.map((choice: { value: string }) => choice.value)).toContain('interpol');
  });
});

describe('/treaty', () => {
  it('answers ephemerally with a cited answer and a "Share in channel" button', async () => {
    const callback = await runTreaty('entry-into-force');

    expect(callback.headers.authorization).toBeUndefined();
    expect(callback.body.type).toBe(4);
    const { data } = callback.body;
    expect(data.flags).toBe(64);
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(data.embeds[0].title).toBe('Entry into force');
    expect(embedText(data)).toMatch(/40/);
    // Asked in English: under the quote's number and source, its unofficial English translation.
    expect(data.embeds[1].fields[0].name).toBe('1.');
    expect(data.embeds[1].fields.at(-1).name).toBe(UNOFFICIAL_TRANSLATION);
    expect(data.components[0].components).toEqual([
      { type: 2, style: 1, label: SHARE_LABEL, custom_id: 'treaty:post:q:entry-into-force' },
    ]);
  });

  it('shows help for an empty query and for `help`, without a share button', async () => {
    for (const query of [undefined, 'help']) {
      const { data } = (await runTreaty(query)).body;
      expect(data.flags).toBe(64);
      expect(embedText(data)).toContain('`topics` — List the topics.');
      expect(data.components ?? []).toEqual([]);
    }
  });

  it('answers in a DM with the bot too, without a share button (there is no channel to share to)', async () => {
    const { data } = (await runTreaty('entry-into-force', 'dm')).body;
    expect(data.flags).toBe(64);
    expect(data.embeds[0].title).toBe('Entry into force');
    expect(data.components ?? []).toEqual([]);
  });

  it('lists the topics', async () => {
    const { data } = (await runTreaty('topics')).body;
    expect(data.embeds[0].title).toBe('Topics');
    expect(embedText(data)).toContain('`entry-into-force`');
  });

  it('apologises ephemerally and logs when the core throws', async () => {
    await reconnectWithBrokenCore();
    const callback = await runTreaty('entry-into-force');

    expect(callback.body).toMatchObject({ type: 4, data: { content: APOLOGY, flags: 64 } });
    expect(logger.entries.find((entry) => entry.level === 'error')).toMatchObject({
      message: 'discord: an interaction failed',
      fields: {
        guild: ids.guild,
        channel: ids.channel,
        user: ids.user,
        handler: '/treaty',
        err: { name: 'Error', message: 'index file is corrupt' },
      },
    });
  });

  it('logs a response Discord refuses without the interaction token, and tries the apology once', async () => {
    await client?.destroy();
    const recording = new RecordingLogger();
    const lines = productionLines(recording);
    ({ client, logger } = await connectClient(fake, bot, recording));
    const interaction = chatInputInteraction('entry-into-force') as { id: string; token: string };
    const isCallback = callbackOf(interaction);
    fake.respondWith(isCallback, { status: 404, body: { message: 'Unknown interaction', code: 10062 } }, 2);
    fake.dispatch('INTERACTION_CREATE', interaction);

    await expect
      .poll(() => logger.messages('error'))
      .toEqual(['discord: an interaction failed', 'discord: could not send the apology']);
    expect(fake.requests.filter(isCallback)).toHaveLength(2);
    expect(logger.entries.find((entry) => entry.level === 'error')?.fields).toMatchObject({
      handler: '/treaty',
      err: { code: 10062, status: 404 },
    });
    // As the production logger writes it: a DiscordAPIError's url holds the token, which lets anyone answer as
    // the bot for 15 minutes.
    expect(lines.filter((line) => line.includes('"code":10062'))).toHaveLength(2);
    expect(lines.join('\n')).not.toContain(interaction.token);
  });
});

describe('"Share in channel"', () => {
  it('posts the same answer publicly, attributed to the clicking user, without pinging', async () => {
    const answer = (await runTreaty('entry-into-force')).body.data;
    const click = buttonInteraction(buttonCustomId(answer) ?? '');
    fake.dispatch('INTERACTION_CREATE', click);
    const posted = await fake.nextRequest(callbackOf(click));

    expect(posted.body.type).toBe(4);
    const { data } = posted.body;
    expect(data.flags ?? 0).toBe(0);
    expect(data.content).toBe(`Shared by <@${ids.user}>`);
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(data.embeds).toEqual(answer.embeds);
    expect(data.components ?? []).toEqual([]);
  });

  it('remembers a question too long for a custom_id under a short key', async () => {
    const question = `When will the convention enter into force, and how many ratifications does it need? ${'Please cite. '.repeat(4)}`;
    const answer = (await runTreaty(question)).body.data;
    const customId = buttonCustomId(answer) ?? '';
    expect(customId.length).toBeLessThanOrEqual(100);
    expect(customId).toMatch(/^treaty:post:k:/);

    const click = buttonInteraction(customId);
    fake.dispatch('INTERACTION_CREATE', click);
    const { data } = (await fake.nextRequest(callbackOf(click))).body;
    expect(data.content).toBe(`Shared by <@${ids.user}>`);
    expect(data.embeds).toEqual(answer.embeds);
  });

  it('tells the user privately when the question behind a button was forgotten', async () => {
    const click = buttonInteraction('treaty:post:k:forgotten-key');
    fake.dispatch('INTERACTION_CREATE', click);
    const { data } = (await fake.nextRequest(callbackOf(click))).body;
    expect(data.flags).toBe(64);
    expect(data.content).toBe(BUTTON_EXPIRED);
    expect(data.embeds ?? []).toEqual([]);
  });

  it('apologises privately and logs once when answering the click fails', async () => {
    await reconnectWithBrokenCore();
    const click = buttonInteraction('treaty:post:q:entry-into-force');
    fake.dispatch('INTERACTION_CREATE', click);

    const { data } = (await fake.nextRequest(callbackOf(click))).body;
    expect(data).toMatchObject({ content: APOLOGY, flags: 64 });
    expect(logger.entries.filter((entry) => entry.level === 'error')).toEqual([
      expect.objectContaining({
        message: 'discord: an interaction failed',
        fields: expect.objectContaining({
          handler: 'treaty:post:',
          err: expect.objectContaining({ message: 'index file is corrupt' }),
        }),
      }),
    ]);
  });
});

describe('"Show in English"', () => {
  it("shows the clicker alone the Arabic answer with each quote's unofficial English translation", async () => {
    const answer = (await runTreaty('متى تدخل الاتفاقية حيز النفاذ؟')).body.data;
    expect(embedText(answer)).not.toContain('unofficial translation');
    const customId = answer.components[0].components
      .map((button: { custom_id: string }) => button.custom_id)
      .find((id: string) => id.startsWith('treaty:english:'));
    expect(customId).toBeDefined();

    const click = buttonInteraction(customId);
    fake.dispatch('INTERACTION_CREATE', click);
    const { data } = (await fake.nextRequest(callbackOf(click))).body;
    expect(data.flags).toBe(64);
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(embedText(data)).toContain(UNOFFICIAL_TRANSLATION);
    expect(embedText(data)).toMatch(/enter into force/i);
    expect(data.components ?? []).toEqual([]);
  });
});

describe('long answers', () => {
  it('sends the parts after the first as ephemeral follow-ups', async () => {
    const huge = {
      ask: () => replyOf('topics', 'topics', 'Topics', [longTopicList(400)]),
    } as unknown as TreatyBot;
    await client?.destroy();
    ({ client, logger } = await connectClient(fake, huge));
    const first = await runTreaty('topics');
    expect(first.body.data.flags).toBe(64);

    const isFollowUp = (request: RecordedRequest) =>
      request.method === 'POST' && request.path.startsWith(`/api/v10/webhooks/${ids.bot}/`);
    await fake.nextRequest((request) => isFollowUp(request) && embedText(request.body).includes('topic-399'));
    const followUps = fake.requests.filter(isFollowUp);
    expect(followUps.length).toBeGreaterThan(1);
    for (const followUp of followUps) {
      expect(followUp.body.flags).toBe(64);
      expect(followUp.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    }
  });
});
