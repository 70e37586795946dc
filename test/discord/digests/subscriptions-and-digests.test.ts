/**
 * Issue 5 on Discord, end to end: the real discord.js client against the fake Discord, the real core with a real
 * RatificationTracker over an in-memory store, and the real delivery loop posting through the Discord poster.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Client, PermissionFlagsBits } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDiscordDigestPoster, digestUrl } from '../../../adapters/discord/digest-poster.ts';
import { EMBED_LIMITS, embedLength } from '../../../adapters/discord/embed-limits.ts';
import { type DigestPost, digestPost } from '../../../src/answer/digest-reply.ts';
import { digestPostWithChart } from '../../../src/chart/with-status-chart.ts';
import { createTreatyBot } from '../../../src/create-treaty-bot.ts';
import { deliverDueDigests } from '../../../src/digests/deliver-digests.ts';
import { type DigestPoster, PermanentPostError } from '../../../src/digests/digest-poster.ts';
import { silentLogger } from '../../../src/logger.ts';
import { openStore, type Store } from '../../../src/store/open-store.ts';
import { RatificationTracker } from '../../../src/tracker/ratification-tracker.ts';
import type { RecordingLogger } from '../../support/recording-logger.ts';
import { connectClient } from '../support/connect-client.ts';
import { embedText } from '../support/embed-text.ts';
import { botUser, FakeDiscord, humanUser, ids, type RecordedRequest } from '../support/fake-discord.ts';
import {
  buttonInteraction,
  chatInputInteraction,
  guildMessage,
  MANAGER_PERMISSIONS,
} from '../support/gateway-payloads.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const fixture = (name: string) => pathToFileURL(join(import.meta.dirname, '..', '..', 'fixtures', 'untc', name)).href;

const callbackOf = (interaction: object) => (request: RecordedRequest) =>
  request.method === 'POST' && request.path.startsWith(`/api/v10/interactions/${(interaction as { id: string }).id}/`);
const isChannelPost = (request: RecordedRequest) =>
  request.method === 'POST' && request.path === `/api/v10/channels/${ids.channel}/messages`;

let fake: FakeDiscord;
let store: Store;
let tracker: RatificationTracker;
let client: Client | undefined;
let logger: RecordingLogger;
let minutes: number;

/** Each reading of the clock is a minute later, as successive polls are. */
const clock = () => new Date(Date.UTC(2026, 3, 2, 14, minutes++));
const trackerOf = (source: string) =>
  new RatificationTracker({ store, sourceUrl: fixture(source), logger: silentLogger, now: clock });

beforeEach(async () => {
  minutes = 0;
  fake = await FakeDiscord.start();
  store = openStore(':memory:', silentLogger);
  tracker = trackerOf('signatures-only.xml');
  ({ client, logger } = await connectClient(fake, createTreatyBot({ logger: silentLogger, statusDesk: tracker })));
});

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  store.close();
  await fake.close();
});

/** Runs `/treaty <query>` with the member's `permissions` and returns the interaction callback. */
async function runTreaty(query: string, permissions?: string, where: 'guild' | 'dm' = 'guild') {
  const interaction = chatInputInteraction(query, where, permissions);
  fake.dispatch('INTERACTION_CREATE', interaction);
  return fake.nextRequest(callbackOf(interaction));
}

/** Subscribes the guild channel, snapshots the two fixtures (baseline, then changes) and returns the poster. */
async function subscribedWithChanges(): Promise<DigestPoster<DigestPost>> {
  await runTreaty('subscribe weekly', MANAGER_PERMISSIONS);
  expect(await tracker.poll()).toBe('saved');
  expect(await trackerOf('consents.xml').poll()).toBe('saved');
  expect(store.changes.latestId()).toBeGreaterThan(0);
  if (!client) throw new Error('not connected');
  return createDiscordDigestPoster(client, logger);
}

function deliver(poster: DigestPoster<DigestPost>, now: Date) {
  return deliverDueDigests({
    store,
    poster,
    now,
    isDue: () => true,
    buildPayload: (changes, subscription) =>
      digestPostWithChart(tracker.digestFor(changes, subscription), silentLogger),
    logger: silentLogger,
  });
}

describe('/treaty subscribe and unsubscribe', () => {
  it('subscribes the channel for a member with Manage Channels and confirms privately', async () => {
    const callback = await runTreaty('subscribe weekly', MANAGER_PERMISSIONS);

    expect(callback.body.data.flags).toBe(64);
    expect(callback.body.data.embeds[0].title).toBe('Subscribed');
    expect(embedText(callback.body)).toMatch(/digest of new signatures and ratifications \(`weekly`, UTC\)/);
    expect(embedText(callback.body)).toContain('`/treaty unsubscribe`');
    expect(store.subscriptions.list()).toEqual([
      expect.objectContaining({
        platform: 'discord',
        workspace: ids.guild,
        channel: ids.channel,
        schedule: 'weekly',
        timeZone: 'UTC',
        createdBy: ids.user,
      }),
    ]);

    const listed = await runTreaty('subscriptions');
    expect(embedText(listed.body)).toContain(`${ids.channel}: \`weekly\` (UTC)`);
  });

  it('refuses a member without Manage Channels and stores nothing', async () => {
    const callback = await runTreaty('subscribe weekly');

    expect(callback.body.data.embeds[0].title).toBe('Not allowed');
    expect(embedText(callback.body)).toMatch(/members who can manage channels \(Discord\)/);
    expect(store.subscriptions.list()).toEqual([]);
  });

  it('unsubscribes only for a member with Manage Channels', async () => {
    await runTreaty('subscribe daily', MANAGER_PERMISSIONS);

    expect((await runTreaty('unsubscribe')).body.data.embeds[0].title).toBe('Not allowed');
    expect(store.subscriptions.list()).toHaveLength(1);
    expect((await runTreaty('unsubscribe', MANAGER_PERMISSIONS)).body.data.embeds[0].title).toBe('Unsubscribed');
    expect(store.subscriptions.list()).toEqual([]);
  });

  it('subscribes nothing from a DM', async () => {
    const callback = await runTreaty('subscribe weekly', MANAGER_PERMISSIONS, 'dm');

    expect(embedText(callback.body)).toMatch(/Subscriptions belong to a Slack or Discord channel/);
    expect(store.subscriptions.list()).toEqual([]);
  });

  it('checks Manage Channels in the channel for a mention: the owner may, a plain member may not', async () => {
    const mention = (author: object) =>
      guildMessage(`<@${ids.bot}> subscribe daily Asia/Beirut`, { author, mentions: [botUser] });

    fake.dispatch('MESSAGE_CREATE', mention({ ...humanUser, id: ids.otherUser, username: 'omar' }));
    const refused = await fake.nextRequest(isChannelPost);
    expect(refused.body.embeds[0].title).toBe('Not allowed');
    expect(store.subscriptions.list()).toEqual([]);

    // The guild's owner has every permission in every channel.
    fake.dispatch('MESSAGE_CREATE', mention(humanUser));
    const accepted = await fake.nextRequest((request) => isChannelPost(request) && request !== refused);
    expect(accepted.body.embeds[0].title).toBe('Subscribed');
    expect(store.subscriptions.list()).toEqual([
      expect.objectContaining({ channel: ids.channel, schedule: 'daily', timeZone: 'Asia/Beirut' }),
    ]);
  });
});

describe('/treaty status on Discord', () => {
  /** The interaction callback of a click on the first button of a reply. */
  async function clickShare(callback: RecordedRequest) {
    const customId = callback.body.data.components[0].components[0].custom_id;
    const click = buttonInteraction(customId);
    fake.dispatch('INTERACTION_CREATE', click);
    return fake.nextRequest(callbackOf(click));
  }

  it('answers privately with the progress chart attached, the embed showing it, and offers Share', async () => {
    expect(await tracker.poll()).toBe('saved');
    const callback = await runTreaty('status');

    expect(callback.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(callback.body.data.flags).toBe(64);
    expect(callback.files.map(({ field, name, contentType }) => ({ field, name, contentType }))).toEqual([
      { field: 'files[0]', name: 'status.png', contentType: 'image/png' },
    ]);
    expect(callback.files[0]?.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(callback.body.data.attachments).toEqual([
      { id: '0', description: expect.stringMatching(/^Ratification progress: 0 of 40 instruments counted/) },
    ]);
    const [embed] = callback.body.data.embeds;
    expect(embed.title).toBe('Ratification status');
    expect(embed.image).toEqual({ url: 'attachment://status.png' });
    expect(callback.body.data.components[0].components[0].label).toBe('Share in channel');
  });

  it('shares the status in the channel with the chart attached', async () => {
    expect(await tracker.poll()).toBe('saved');
    const shared = await clickShare(await runTreaty('status'));

    expect(shared.body.data.flags ?? 0).toBe(0);
    expect(shared.body.data.content).toBe(`Shared by <@${ids.user}>`);
    expect(shared.files.map((file) => file.name)).toEqual(['status.png']);
    expect(shared.body.data.embeds[0].image).toEqual({ url: 'attachment://status.png' });
  });

  it('answers a status without a snapshot, or any other reply, without a file', async () => {
    for (const query of ['status', 'entry-into-force']) {
      const callback = await runTreaty(query);
      expect(callback.files).toEqual([]);
      expect(callback.body.data.embeds[0].image).toBeUndefined();
    }
  });

  it('attaches the chart to a status asked by mention', async () => {
    expect(await tracker.poll()).toBe('saved');
    fake.dispatch('MESSAGE_CREATE', guildMessage(`<@${ids.bot}> status`, { mentions: [botUser] }));
    const answer = await fake.nextRequest(isChannelPost);
    expect(answer.files.map((file) => file.name)).toEqual(['status.png']);
    expect(fake.messagesIn(ids.channel)[0]?.message.embeds[0].image.url).toMatch(
      /^https:\/\/cdn\.discordapp\.com\/.*\/status\.png$/,
    );
  });
});

describe('digests on Discord', () => {
  it('posts a digest once with the delivery nonce, and nothing on the next run', async () => {
    const poster = await subscribedWithChanges();

    expect(await deliver(poster, new Date())).toMatchObject({ posted: 1, failed: 0 });
    const [post, ...others] = fake.requests.filter(isChannelPost);
    expect(others).toEqual([]);
    const [delivery] = store.deliveries.forSubscription(1);
    const nonce = delivery?.nonce ?? never();
    expect(post?.body.nonce).toBe(nonce);
    expect(delivery).toMatchObject({
      state: 'posted',
      platformMessageId: fake.channelMessages.get(ids.channel)?.[0]?.message.id,
    });
    expect(post?.body.enforce_nonce).toBe(true);
    expect(post?.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(post?.body.embeds[0].url).toBe(digestUrl(nonce));
    expect(fake.channelMessages.get(ids.channel)).toHaveLength(1);

    expect(await deliver(poster, new Date(Date.now() + 10 * 60_000))).toMatchObject({ posted: 0, skipped: 1 });
    expect(fake.requests.filter(isChannelPost)).toHaveLength(1);
  });

  it('renders the digest as one embed within the limits, pinging nobody', async () => {
    const poster = await subscribedWithChanges();
    await deliver(poster, new Date());

    const post = fake.requests.find(isChannelPost);
    const embeds = post?.body.embeds ?? [];
    expect(embeds).toHaveLength(1);
    const [embed] = embeds;
    expect(embed.title).toMatch(/^UN Convention against Cybercrime: ratification update since /);
    expect(embed.description).toMatch(/\*\*Toward entry into force:\*\* `[▓░]{10} \d+\/40`/);
    expect(embed.footer.text).toMatch(/^as of 2026-04-02 \d\d:\d\d UTC from consents\.xml$/);
    // Each kind of change is a list in the description: its heading, then a line per change.
    expect(embed.description).toMatch(/\*\*New parties \(\d+\)\*\*\n• \S/);
    expect(embed.fields).toBeUndefined();
    expect(embed.image).toEqual({ url: 'attachment://status.png' });
    expect(embed.description.length).toBeLessThanOrEqual(EMBED_LIMITS.description);
    expect(embedLength(embed)).toBeLessThanOrEqual(EMBED_LIMITS.charactersPerMessage);
    expect(post?.body.allowed_mentions.parse).toEqual([]);
  });

  it('posts the chart as the one attachment of the one message, the embed showing it', async () => {
    const poster = await subscribedWithChanges();
    await deliver(poster, new Date());

    const [post, ...others] = fake.requests.filter(isChannelPost);
    expect(others).toEqual([]);
    expect(post?.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(post?.files).toEqual([
      { field: 'files[0]', name: 'status.png', contentType: 'image/png', bytes: expect.any(Buffer) },
    ]);
    expect(post?.files[0]?.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(post?.body.attachments).toEqual([
      { id: '0', description: expect.stringMatching(/^Ratification progress: 5 of 40 instruments counted/) },
    ]);
    const [stored, ...more] = fake.messagesIn(ids.channel);
    expect(more).toEqual([]);
    expect(stored?.message.attachments).toHaveLength(1);
    expect(stored?.message.embeds[0].image.url).toBe(stored?.message.attachments[0].url);
    // The digest is still found by its title link after the chart changed the message.
    const target = { platform: 'discord' as const, workspace: ids.guild, channel: ids.channel };
    expect(await poster.findPosted?.(target, post?.body.nonce)).toEqual({ messageId: stored?.message.id });
  });

  it('posts the digest with the chart in words where the bot may not attach files', async () => {
    const poster = await subscribedWithChanges();
    // An override as a server may have set before the chart: no Attach Files for the bot's role here.
    const deny = { id: ids.botRole, type: 0, allow: '0', deny: String(PermissionFlagsBits.AttachFiles) };
    fake.dispatch('CHANNEL_UPDATE', {
      id: ids.channel,
      type: 0,
      name: 'general',
      position: 0,
      guild_id: ids.guild,
      permission_overwrites: [deny],
    });
    const channel = client?.channels.cache.get(ids.channel);
    const me = client?.guilds.cache.get(ids.guild)?.members.me;
    if (!channel || !('permissionsFor' in channel) || !me) throw new Error('no guild channel');
    await vi.waitUntil(() => !channel.permissionsFor(me).has(PermissionFlagsBits.AttachFiles));
    expect(await deliver(poster, new Date())).toMatchObject({ posted: 1 });

    const [post] = fake.requests.filter(isChannelPost);
    expect(post?.files).toEqual([]);
    expect(post?.body.embeds[0].image).toBeUndefined();
    expect(post?.body.embeds[0].description).toMatch(/Ratification progress: 5 of 40 instruments counted/);
  });

  it('retries with the same nonce after a post whose recording failed: Discord returns the first message', async () => {
    const real = await subscribedWithChanges();
    let attempts = 0;
    // No findPosted: the retry relies on Discord honouring the nonce.
    const flaky: DigestPoster<DigestPost> = {
      async post(target, payload, idempotency) {
        const posted = await real.post(target, payload, idempotency);
        attempts += 1;
        if (attempts === 1) throw new Error('connection reset after the post');
        return posted;
      },
    };

    expect(await deliver(flaky, new Date())).toMatchObject({ posted: 0, failed: 1 });
    expect(await deliver(flaky, new Date(Date.now() + 2 * 60_000))).toMatchObject({ posted: 1, failed: 0 });

    const posts = fake.requests.filter(isChannelPost);
    expect(posts).toHaveLength(2);
    expect(posts[1]?.body.nonce).toBe(posts[0]?.body.nonce);
    const stored = fake.channelMessages.get(ids.channel) ?? [];
    expect(stored).toHaveLength(1);
    expect(store.deliveries.forSubscription(1)).toEqual([
      expect.objectContaining({ state: 'posted', attempts: 2, platformMessageId: stored[0]?.message.id }),
    ]);
    expect(await deliver(flaky, new Date(Date.now() + 20 * 60_000))).toMatchObject({ posted: 0 });
    expect(fake.channelMessages.get(ids.channel)).toHaveLength(1);
  });

  it('finds a digest already posted and records it without posting again', async () => {
    const real = await subscribedWithChanges();
    let attempts = 0;
    const flaky: DigestPoster<DigestPost> = {
      async post(target, payload, idempotency) {
        const posted = await real.post(target, payload, idempotency);
        attempts += 1;
        if (attempts === 1) throw new Error('connection reset after the post');
        return posted;
      },
      findPosted: (target, nonce) => real.findPosted?.(target, nonce) ?? Promise.resolve(undefined),
    };

    await deliver(flaky, new Date());
    // Long after Discord has forgotten the nonce: the title link still names the digest.
    expect(await deliver(flaky, new Date(Date.now() + 30 * 60_000))).toMatchObject({ recovered: 1, posted: 0 });
    expect(fake.requests.filter(isChannelPost)).toHaveLength(1);
    expect(fake.channelMessages.get(ids.channel)).toHaveLength(1);
  });

  it('gives up at once on a channel the bot cannot post in', async () => {
    const poster = await subscribedWithChanges();
    fake.respondWith(isChannelPost, { status: 403, body: { message: 'Missing Permissions', code: 50013 } });
    const target = { platform: 'discord' as const, workspace: ids.guild, channel: ids.channel };
    const payload = digestPost(tracker.digestFor(store.changes.since(0), store.subscriptions.list()[0] ?? never()));

    await expect(poster.post(target, payload, { nonce: 'n1', deliveryId: 1 })).rejects.toBeInstanceOf(
      PermanentPostError,
    );
    await expect(
      poster.post({ ...target, channel: '399999999999999999' }, payload, { nonce: 'n2', deliveryId: 2 }),
    ).rejects.toThrow(/Unknown Channel \(10003\)/);
    expect(fake.channelMessages.get(ids.channel) ?? []).toEqual([]);
  });

  it('finds nothing, without failing, in a channel it cannot read, so the retry relies on the nonce', async () => {
    const poster = await subscribedWithChanges();
    fake.respondWith((request) => request.method === 'GET' && request.path.endsWith('/messages'), {
      status: 403,
      body: { message: 'Missing Access', code: 50001 },
    });
    const target = { platform: 'discord' as const, workspace: ids.guild, channel: ids.channel };

    expect(await poster.findPosted?.(target, 'n1')).toBeUndefined();
    expect(await poster.findPosted?.({ ...target, channel: '399999999999999999' }, 'n1')).toBeUndefined();
    expect(logger.messages('warn')).toEqual([
      'discord: cannot read the channel to look for an earlier digest',
      'discord: cannot read the channel to look for an earlier digest',
    ]);
  });
});

function never(): never {
  throw new Error('missing');
}
