import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartAltText } from '../../src/chart/chart-alt-text.ts';
import { CHART_FONT_FAMILY, CHART_FONTS } from '../../src/chart/chart-font.ts';
import { CHART_SIZE, chartOption } from '../../src/chart/chart-option.ts';
import { chartSnapshot } from '../../src/chart/chart-snapshot.ts';
import { progressSeries } from '../../src/chart/progress-series.ts';
import { renderStatusChart } from '../../src/chart/render-status-chart.ts';
import { silentLogger } from '../../src/logger.ts';
import { entryIntoForce } from '../../src/status/entry-into-force.ts';
import type { ConsentKind } from '../../src/status/snapshot.ts';
import { addDays } from '../../src/status/untc-date.ts';
import { openStore, storePath } from '../../src/store/open-store.ts';
import { fixturePath, fixtureSnapshot, participant, ratifiers, snapshotOf } from '../status/support/snapshots.ts';

// The ratification progress chart: its series (pure), its ECharts option, the PNG and alt text, and the CLI.

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const root = join(import.meta.dirname, '..', '..');

describe('progressSeries', () => {
  it('counts instruments and signatures by date, from 0 on the first date to the day of the snapshot', () => {
    const snapshot = snapshotOf(
      [
        participant('Chile', { signature: '2025-10-25', consent: ['2026-01-19', 'ratification'] }),
        participant('Peru', { signature: '2025-10-25', consent: ['2026-01-19', 'acceptance'] }),
        participant('Togo', { signature: '2025-11-02', consent: ['2026-03-02', 'accession'] }),
        participant('Fiji', { signature: '2026-02-01' }),
      ],
      '2026-04-09T14:00:00.000Z',
    );
    const series = progressSeries(snapshot);
    expect(series.instruments).toEqual([
      { date: '2025-10-25', count: 0 },
      { date: '2026-01-19', count: 2 },
      { date: '2026-03-02', count: 3 },
      { date: '2026-04-09', count: 3 },
    ]);
    expect(series.signatures).toEqual([
      { date: '2025-10-25', count: 2 },
      { date: '2025-11-02', count: 3 },
      { date: '2026-02-01', count: 4 },
      { date: '2026-04-09', count: 4 },
    ]);
    expect(series.asOf).toBe('2026-04-09');
  });

  it("leaves out the European Union's instrument and a succession, as art. 65(1) does", () => {
    const series = progressSeries(
      snapshotOf([
        participant('European Union', { signature: '2025-10-25', consent: ['2026-03-04', 'approval'] }),
        participant('South Sudan', { consent: ['2026-03-05', 'succession'] }),
        participant('Chile', { signature: '2025-10-25', consent: ['2026-03-06', 'ratification'] }),
      ]),
    );
    expect(series.instruments.map((point) => point.count)).toEqual([0, 1, 1]);
    expect(series.status.counted).toBe(1);
  });

  it('has no points for a table without dates', () => {
    expect(progressSeries(snapshotOf([participant('Chile')]))).toMatchObject({ instruments: [], signatures: [] });
  });

  it('ends on the count toward entry into force, never going down, dates in order', () => {
    const kinds: ConsentKind[] = ['ratification', 'acceptance', 'approval', 'accession', 'succession'];
    const row = fc.record({
      signedOn: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
      consentOn: fc.option(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.constantFrom(...kinds)), { nil: undefined }),
      regional: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const snapshot = snapshotOf(
          rows.map(({ signedOn, consentOn, regional }, index) =>
            participant(regional ? `European Union ${index}` : `State ${index}`, {
              ...(signedOn === undefined ? {} : { signature: addDays('2025-10-25', signedOn) }),
              ...(consentOn ? { consent: [addDays('2025-10-25', consentOn[0]), consentOn[1]] } : {}),
            }),
          ),
          '2026-11-23T14:00:00.000Z',
        );
        const series = progressSeries(snapshot);
        const counted = entryIntoForce(snapshot).counted;
        expect(series.instruments.at(-1)?.count ?? 0).toBe(counted);
        for (const points of [series.instruments, series.signatures]) {
          for (const [index, point] of points.entries()) {
            const before = points[index - 1];
            if (!before) continue;
            expect(point.date > before.date).toBe(true);
            expect(point.count).toBeGreaterThanOrEqual(before.count);
          }
        }
      }),
    );
  });
});

describe('chartOption', () => {
  const markLines = (option: ReturnType<typeof chartOption>) =>
    JSON.stringify((option.series as Array<{ markLine?: unknown }>).map((series) => series.markLine ?? null));

  it('draws the 40-instrument line, and no entry-into-force date before there are 40', () => {
    const option = chartOption(progressSeries(fixtureSnapshot('consents.xml')), 'as of …');
    expect(markLines(option)).toContain('"yAxis":40');
    expect(markLines(option)).not.toContain('xAxis');
    expect(JSON.stringify(option.title)).toContain(
      '5 of 40 instruments counted toward entry into force · 13 signatures',
    );
  });

  it('marks the entry-into-force date once 40 are deposited', () => {
    const snapshot = snapshotOf(
      ratifiers(40, (index) => addDays('2026-01-01', index)),
      '2026-03-01T00:00:00.000Z',
    );
    const option = chartOption(progressSeries(snapshot), 'as of …');
    expect(markLines(option)).toContain(`"xAxis":${Date.parse('2026-05-10T00:00:00Z')}`);
    expect(markLines(option)).toContain('Enters into force 2026-05-10');
    expect(JSON.stringify(option.graphic)).toContain('as of …');
  });
});

describe('chartAltText', () => {
  it('states the count, what is needed, the signatures, and when and where it was read', () => {
    const snapshot = fixtureSnapshot('consents.xml', '2026-04-09T14:00:00.000Z');
    expect(chartAltText(progressSeries(snapshot), snapshot)).toBe(
      'Ratification progress: 5 of 40 instruments counted toward entry into force (35 more needed), 13 signatures, as of 2026-04-09 14:00 UTC from consents.xml.',
    );
  });

  it('states the entry-into-force date once there are 40, in the tense the day calls for', () => {
    const before = fixtureSnapshot('forty-instruments.xml', '2026-11-23T14:00:00.000Z');
    expect(chartAltText(progressSeries(before), before)).toBe(
      'Ratification progress: 40 of 40 instruments counted toward entry into force, 48 signatures; enters into force on 2027-02-03, 90 days after the 40th instrument was deposited on 2026-11-05; as of 2026-11-23 14:00 UTC from forty-instruments.xml.',
    );
    const after = fixtureSnapshot('forty-instruments.xml', '2027-03-01T09:00:00.000Z');
    expect(chartAltText(progressSeries(after), after)).toContain('; in force since 2027-02-03, 90 days after');
  });
});

describe('renderStatusChart', () => {
  it('renders a PNG of the chart size, within a size a chat upload takes at once', async () => {
    const chart = await renderStatusChart(fixtureSnapshot('forty-instruments.xml', '2026-11-23T14:00:00.000Z'));
    expect(chart.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    // IHDR, the first chunk: width and height as big-endian 32-bit integers at bytes 16 and 20.
    expect([chart.png.readUInt32BE(16), chart.png.readUInt32BE(20)]).toEqual([CHART_SIZE.width, CHART_SIZE.height]);
    expect(chart.png.length).toBeGreaterThan(20_000);
    expect(chart.png.length).toBeLessThan(300_000);
    expect(chart.altText).toMatch(/^Ratification progress: 40 of 40 instruments .* 48 signatures/);
  });

  it('draws a different picture for a different status', async () => {
    const few = await renderStatusChart(fixtureSnapshot('signatures-only.xml'));
    const more = await renderStatusChart(fixtureSnapshot('consents.xml'));
    expect(few.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(few.png.equals(more.png)).toBe(false);
  });

  it('draws text with the bundled font alone, as in an image without system fonts', () => {
    const text = (family: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60"><text x="10" y="40" font-family="${family}" font-size="24">Côte d'Ivoire 40</text></svg>`;
    const box = (family: string) => new Resvg(text(family), { font: CHART_FONTS }).getBBox();
    expect(box(`'${CHART_FONT_FAMILY}'`)?.width).toBeGreaterThan(100);
    expect(box('a family nobody has')?.width).toBeGreaterThan(100);
    expect(new Resvg(text('x'), { font: { ...CHART_FONTS, fontFiles: [] } }).getBBox()).toBeUndefined();
  });
});

describe('chartSnapshot', () => {
  const now = new Date('2026-04-09T14:00:00Z');

  it('reads the later document, checked against the earlier, Latin-1 names and all', async () => {
    const result = await chartSnapshot({
      kind: 'documents',
      from: fixturePath('latin1-before.xml'),
      to: fixturePath('latin1-after.xml'),
      now,
    });
    expect(result.ok && result.snapshot.participants.map((participant) => participant.name)).toContain("Côte d'Ivoire");
  });

  it('gives the reason when a document is refused', async () => {
    const result = await chartSnapshot({ kind: 'documents', to: fixturePath('maintenance.html'), now });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/maintenance\.html: .*maintenance/) });
  });

  it('reads the newest stored snapshot, and says so when there is none, without creating a database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'treaty-chart-'));
    expect(await chartSnapshot({ kind: 'store', dataDir })).toEqual({
      ok: false,
      reason: expect.stringMatching(/^no status stored in .*treaty-bot\.sqlite yet/),
    });
    const store = openStore(storePath(dataDir), silentLogger);
    store.snapshots.saveGood(fixtureSnapshot('consents.xml'));
    store.close();
    const result = await chartSnapshot({ kind: 'store', dataDir });
    expect(result.ok && result.snapshot.participants).toHaveLength(15);
  });
});

describe('npm run status:chart', () => {
  it('writes the PNG and prints its size and alt text', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'treaty-chart-')), 'status.png');
    const printed = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/status-chart.ts',
        '--out',
        out,
        '--from',
        fixturePath('latin1-before.xml'),
        '--to',
        fixturePath('latin1-after.xml'),
        '--now',
        '2026-04-09T14:00:00Z',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    const png = readFileSync(out);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(printed).toBe(
      `${out}: ${png.length} bytes\nRatification progress: 3 of 40 instruments counted toward entry into force (37 more needed), 6 signatures, as of 2026-04-09 14:00 UTC from latin1-after.xml.\n`,
    );
  });
});
