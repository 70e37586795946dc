import { describe, expect, it, vi } from 'vitest';
import { digestReply } from '../../src/answer/digest-reply.ts';
import type { Reply } from '../../src/answer/reply.ts';
import { statusReply } from '../../src/answer/status-reply.ts';
import * as drawing from '../../src/chart/render-status-chart.ts';
import { digestPostWithChart, withStatusChart } from '../../src/chart/with-status-chart.ts';
import { silentLogger } from '../../src/logger.ts';
import { diffSnapshots } from '../../src/status/diff-snapshots.ts';
import { buildDigest } from '../../src/tracker/digest.ts';
import { fixtureSnapshot } from '../status/support/snapshots.ts';
import { RecordingLogger } from '../support/recording-logger.ts';

// The chart in the message model: a `chart` part after the progress line, for replies that name their snapshot.

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const before = fixtureSnapshot('signatures-only.xml', '2026-03-01T09:00:00Z');
const after = fixtureSnapshot('consents.xml', '2026-04-02T14:00:00Z');
const types = (reply: Reply) => reply.parts.map((part) => part.type);

describe('withStatusChart', () => {
  it('adds the chart of the reply’s snapshot right after its progress line, with the numbers as alt text', async () => {
    const reply = await withStatusChart(
      statusReply({ snapshot: after, recentChanges: [] }, 'status', 'en'),
      silentLogger,
    );
    const at = types(reply).indexOf('progress');
    const chart = reply.parts[at + 1];
    expect(chart?.type).toBe('chart');
    if (chart?.type !== 'chart') return;
    expect(Buffer.from(chart.png).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(chart.altText).toBe(
      'Ratification progress: 5 of 40 instruments counted toward entry into force (35 more needed), 13 signatures, as of 2026-04-02 14:00 UTC from consents.xml.',
    );
  });

  it('leaves a reply without a snapshot as it is, and adds no second chart', async () => {
    const empty = statusReply({ recentChanges: [] }, 'status', 'en');
    expect(await withStatusChart(empty, silentLogger)).toBe(empty);
    const charted = await withStatusChart(
      statusReply({ snapshot: after, recentChanges: [] }, 'status', 'en'),
      silentLogger,
    );
    expect(await withStatusChart(charted, silentLogger)).toBe(charted);
  });

  it('draws a snapshot once, however many replies show it', async () => {
    const draw = vi.spyOn(drawing, 'renderStatusChart');
    try {
      const snapshot = { ...after, fetchedAt: '2026-04-03T08:00:00.000Z' };
      const replies = await Promise.all(
        [1, 2, 3].map(() =>
          withStatusChart(statusReply({ snapshot, recentChanges: [] }, 'status', 'en'), silentLogger),
        ),
      );
      expect(draw).toHaveBeenCalledTimes(1);
      expect(new Set(replies.map((reply) => reply.parts.find((part) => part.type === 'chart')))).toHaveProperty(
        'size',
        3,
      );
    } finally {
      draw.mockRestore();
    }
  });

  it('sends the reply without a chart, and logs why, when drawing fails', async () => {
    const draw = vi.spyOn(drawing, 'renderStatusChart').mockRejectedValue(new Error('resvg: out of memory'));
    const logger = new RecordingLogger();
    try {
      const snapshot = { ...after, fetchedAt: '2026-04-04T08:00:00.000Z' };
      const reply = statusReply({ snapshot, recentChanges: [] }, 'status', 'en');
      expect(await withStatusChart(reply, logger)).toBe(reply);
      expect(logger.messages('warn')).toEqual(['chart: could not draw the progress chart; the reply goes without it']);
    } finally {
      draw.mockRestore();
    }
  });
});

describe('digestPostWithChart', () => {
  it('words the digest with its chart between the count and the projection', async () => {
    const digest = buildDigest({ changes: diffSnapshots(before, after), snapshot: after });
    const post = await digestPostWithChart({ digest, changes: [], upToChangeId: 7, snapshot: after }, silentLogger);
    expect(post.upToChangeId).toBe(7);
    expect(types(post.reply)).toEqual([...types(digestReply(digest)).slice(0, -2), 'chart', 'note', 'asOf']);
  });
});
