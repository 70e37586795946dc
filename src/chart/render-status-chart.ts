import { renderAsync } from '@resvg/resvg-js';
import { LineChart } from 'echarts/charts';
import {
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { asOfText } from '../answer/status-wording.ts';
import type { StatusSnapshot } from '../status/snapshot.ts';
import { chartAltText } from './chart-alt-text.ts';
import { CHART_FONTS } from './chart-font.ts';
import { CHART_SIZE, chartOption } from './chart-option.ts';
import { progressSeries } from './progress-series.ts';

/**
 * The ratification progress chart as a PNG: ECharts draws it as SVG on the server (no browser, no canvas), resvg
 * rasterizes the SVG with the bundled font. Platform-free: an adapter uploads `png` and shows `altText` with it.
 */

echarts.use([
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  GraphicComponent,
  SVGRenderer,
]);

export interface StatusChart {
  /** The picture, `CHART_SIZE` pixels. */
  png: Buffer;
  /** The numbers it shows, in one sentence (see `chartAltText`). */
  altText: string;
}

/**
 * Draws the progress of `snapshot`: everything comes from its participants' dates, its read time and its source,
 * so the last good snapshot is all a caller needs. Rasterizing runs off the event loop (resvg's worker thread).
 *
 * @example
 * const last = store.snapshots.lastGood();
 * if (last) { const { png, altText } = await renderStatusChart(last.snapshot); … }
 */
export async function renderStatusChart(snapshot: StatusSnapshot): Promise<StatusChart> {
  const series = progressSeries(snapshot);
  const svg = renderChartSvg(chartOption(series, asOfText(snapshot)));
  const image = await renderAsync(svg, {
    font: CHART_FONTS,
    fitTo: { mode: 'original' },
    background: '#ffffff',
  });
  return { png: image.asPng(), altText: chartAltText(series, snapshot) };
}

/** ECharts' server-side SVG; the chart is disposed at once (a live one keeps a timer that holds the process). */
function renderChartSvg(option: ReturnType<typeof chartOption>): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
