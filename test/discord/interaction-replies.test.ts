import type { RepliableInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { replyInParts, replyPrivately } from '../../adapters/discord/interaction-replies.ts';

/** An interaction that records which response method got which payload. */
function recordingInteraction(state: { deferred?: boolean; replied?: boolean } = {}) {
  const calls: Array<{ method: string; payload: Record<string, unknown> }> = [];
  const record = (method: string) => async (payload: Record<string, unknown>) => {
    calls.push({ method, payload });
  };
  const interaction = {
    deferred: state.deferred ?? false,
    replied: state.replied ?? false,
    reply: record('reply'),
    editReply: record('editReply'),
    followUp: record('followUp'),
  } as unknown as RepliableInteraction;
  return { interaction, calls };
}

const parts = [{ embeds: [{ title: 'one' }] }, { embeds: [{ title: 'two' }] }];

describe('replyInParts', () => {
  it('replies with the first part and follows up with the rest, content first and buttons last', async () => {
    const { interaction, calls } = recordingInteraction();
    // A shared reply's "Shared by" is the first rendered message's content.
    const [first, ...rest] = parts;
    await replyInParts(interaction, [{ ...first, embeds: first?.embeds ?? [], content: 'Shared by x' }, ...rest], {
      ephemeral: true,
      components: [],
    });

    expect(calls.map((call) => call.method)).toEqual(['reply', 'followUp']);
    expect(calls[0]?.payload).toMatchObject({ content: 'Shared by x', flags: 64, embeds: [{ title: 'one' }] });
    expect(calls[0]?.payload).not.toHaveProperty('components');
    expect(calls[1]?.payload).toMatchObject({ components: [], flags: 64, embeds: [{ title: 'two' }] });
    expect(calls[1]?.payload).not.toHaveProperty('content');
    for (const call of calls) expect(call.payload.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it('edits the deferred reply instead of replying, when an interaction was deferred', async () => {
    const { interaction, calls } = recordingInteraction({ deferred: true });
    await replyInParts(interaction, parts, { ephemeral: true });
    expect(calls.map((call) => call.method)).toEqual(['editReply', 'followUp']);
    expect(calls[0]?.payload.flags).toBeUndefined();
  });

  it('posts publicly without the ephemeral flag', async () => {
    const { interaction, calls } = recordingInteraction();
    await replyInParts(interaction, parts.slice(0, 1), { ephemeral: false });
    expect(calls[0]?.payload).not.toHaveProperty('flags');
  });
});

describe('replyPrivately', () => {
  it('replies, or follows up once the interaction has a response', async () => {
    const fresh = recordingInteraction();
    await replyPrivately(fresh.interaction, 'sorry');
    const answered = recordingInteraction({ replied: true });
    await replyPrivately(answered.interaction, 'sorry');

    expect(fresh.calls).toEqual([
      { method: 'reply', payload: { content: 'sorry', flags: 64, allowedMentions: { parse: [], repliedUser: false } } },
    ]);
    expect(answered.calls.map((call) => call.method)).toEqual(['followUp']);
  });
});
