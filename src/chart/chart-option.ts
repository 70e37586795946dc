import type { LineSeriesOption } from 'echarts/charts';
import type {
  GraphicComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { DAYS_AFTER_DEPOSIT, INSTRUMENTS_NEEDED } from '../status/entry-into-force.ts';
import { CHART_FONT_FAMILY } from './chart-font.ts';
import type { ProgressPoint, ProgressSeries } from './progress-series.ts';

/**
 * What the progress chart shows and how, as an ECharts option: two step lines (instruments counted toward entry
 * into force, signatures), the 40-instrument line, the entry-into-force date once known, and "as of … from …" in
 * the bottom corner. Sized for a phone: a 16:9 picture whose smallest text is still legible when a chat client
 * shrinks it to the width of a screen.
 */

export type ChartOption = ComposeOption<
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
  | GraphicComponentOption
>;

/** The picture's size, which the layout below is drawn for: 16:9, the shape Slack and Discord preview uncropped. */
export const CHART_SIZE = { width: 1200, height: 675 } as const;

const COLORS = {
  instruments: '#1b4f9c',
  signatures: '#e07b00',
  needed: '#c62828',
  inForce: '#2e7d32',
  text: '#1a1a1a',
  muted: '#5f6368',
  grid: '#e3e3e3',
} as const;

const FONT = { title: 34, subtitle: 24, legend: 22, axis: 22, endLabel: 26, marker: 21, corner: 20 } as const;

const DAY_MS = 86_400_000;

/**
 * Quoted: ECharts writes some labels' style as the `font` shorthand, where resvg reads an unquoted family name
 * of two words as no family at all, and falls back to its 12 px default size.
 */
const FONT_FAMILY = `'${CHART_FONT_FAMILY}'`;

/**
 * The option for `series`, with `asOfLine` (e.g. `as of 2026-04-09 14:00 UTC from treaties.un.org`) in the corner.
 */
export function chartOption(series: ProgressSeries, asOfLine: string): ChartOption {
  const { counted, entryIntoForce } = series.status;
  const signatures = series.signatures[series.signatures.length - 1]?.count ?? 0;
  const highest = Math.max(counted, signatures, INSTRUMENTS_NEEDED);
  const start = series.signatures[0]?.date ?? series.instruments[0]?.date ?? series.asOf;
  const end = [series.asOf, entryIntoForce ?? ''].sort().at(-1) ?? series.asOf;
  const span = Math.max(30 * DAY_MS, toTime(end) - toTime(start));
  return {
    animation: false,
    useUTC: true,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY, color: COLORS.text },
    title: {
      text: 'UN Cybercrime Convention: ratification progress',
      subtext: subtitle(series, signatures),
      left: 36,
      top: 22,
      itemGap: 12,
      textStyle: { fontSize: FONT.title, fontWeight: 'bold', color: COLORS.text },
      subtextStyle: { fontSize: FONT.subtitle, color: COLORS.muted },
    },
    legend: {
      left: 36,
      top: 122,
      itemWidth: 36,
      itemHeight: 6,
      itemGap: 36,
      icon: 'rect',
      textStyle: { fontSize: FONT.legend, color: COLORS.text },
    },
    grid: { left: 80, right: 110, top: 185, bottom: 95 },
    xAxis: {
      type: 'time',
      min: toTime(start),
      // Room on the right for the end labels and the entry-into-force marker's label.
      max: toTime(end) + Math.round(span * 0.04),
      splitNumber: 6,
      axisLabel: {
        fontSize: FONT.axis,
        color: COLORS.muted,
        margin: 14,
        hideOverlap: true,
        // Month names, and the year in bold where it turns. Each level has a rich style of its own: ECharts would
        // write a month's style as the `font` shorthand, which resvg does not read (it drew them at 12 px).
        formatter: { year: '{year|{yyyy}}', month: '{month|{MMM}}', day: '{month|{d} {MMM}}' },
        rich: {
          year: { fontSize: FONT.axis, fontWeight: 'bold', fontFamily: FONT_FAMILY },
          month: { fontSize: FONT.axis, fontFamily: FONT_FAMILY },
        },
      },
      axisLine: { lineStyle: { color: COLORS.muted, width: 2 } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: Math.ceil((highest * 1.12) / 10) * 10,
      minInterval: 1,
      axisLabel: { fontSize: FONT.axis, color: COLORS.muted },
      splitLine: { lineStyle: { color: COLORS.grid, width: 1.5 } },
    },
    series: [
      stepLine('Instruments counted toward entry into force', series.instruments, COLORS.instruments, 6, [
        neededLine(),
        ...(entryIntoForce ? [inForceLine(entryIntoForce, series.asOf)] : []),
      ]),
      stepLine('Signatures', series.signatures, COLORS.signatures, 4, []),
    ],
    graphic: [
      {
        type: 'text',
        right: 24,
        bottom: 16,
        style: { text: asOfLine, fontSize: FONT.corner, fill: COLORS.muted, fontFamily: FONT_FAMILY },
      },
    ],
  } as ChartOption;
}

function subtitle(series: ProgressSeries, signatures: number): string {
  const { counted, entryIntoForce } = series.status;
  const eif = entryIntoForce
    ? ` · ${entryIntoForce <= series.asOf ? 'in force since' : 'enters into force'} ${entryIntoForce}`
    : '';
  return `${counted} of ${INSTRUMENTS_NEEDED} instruments counted toward entry into force · ${signatures} signatures${eif}`;
}

type MarkLineDatum = NonNullable<NonNullable<LineSeriesOption['markLine']>['data']>[number];

function stepLine(
  name: string,
  points: readonly ProgressPoint[],
  color: string,
  width: number,
  marks: MarkLineDatum[],
): LineSeriesOption {
  return {
    type: 'line',
    name,
    // The count changes on the deposit date and holds until the next one.
    step: 'end',
    showSymbol: false,
    color,
    lineStyle: { width, color },
    data: points.map((point) => [toTime(point.date), point.count]),
    endLabel: {
      show: points.length > 0,
      formatter: (params: { value?: unknown }) => String((params.value as [number, number])[1]),
      fontSize: FONT.endLabel,
      fontWeight: 'bold',
      color,
      distance: 10,
      backgroundColor: '#ffffff',
      padding: [2, 4],
    },
    ...(marks.length > 0
      ? {
          // Under the curves and their end labels: the count stays legible where it meets the 40 line.
          markLine: {
            silent: true,
            symbol: 'none',
            animation: false,
            z: 1,
            data: marks,
          } satisfies LineSeriesOption['markLine'],
        }
      : {}),
  };
}

/** The horizontal line at 40 instruments. */
function neededLine(): MarkLineDatum {
  return {
    yAxis: INSTRUMENTS_NEEDED,
    lineStyle: { color: COLORS.needed, type: 'dashed', width: 3 },
    label: {
      formatter: `${INSTRUMENTS_NEEDED} instruments: in force ${DAYS_AFTER_DEPOSIT} days after the 40th`,
      // Below the line on the left, where neither curve is while the count is short of 40.
      position: 'insideStartBottom',
      fontSize: FONT.marker,
      color: COLORS.needed,
    },
  };
}

/** The vertical line on the entry-into-force date. */
function inForceLine(date: string, asOf: string): MarkLineDatum {
  return {
    xAxis: toTime(date),
    lineStyle: { color: COLORS.inForce, type: 'solid', width: 3 },
    label: {
      formatter: `${date <= asOf ? 'In force since' : 'Enters into force'} ${date}`,
      position: 'insideEndTop',
      fontSize: FONT.marker,
      fontWeight: 'bold',
      color: COLORS.inForce,
    },
  };
}

function toTime(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}
