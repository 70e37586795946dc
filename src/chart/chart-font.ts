import { fileURLToPath } from 'node:url';

/**
 * The font the chart is drawn in, shipped with the code (fonts/, copied to dist/ by `npm run build`) and loaded
 * explicitly: a slim Docker image has no system fonts, and the labels must look the same everywhere.
 *
 * Liberation Sans 2.1.5 (SIL Open Font License, fonts/LICENSE), from Debian's fonts-liberation2. Its widths are
 * Arial's, which are the widths ECharts assumes when it lays text out without a browser to measure it: legends,
 * right-aligned and centred labels land where they are drawn, not a tenth off.
 */

/** The family name inside the font files: what the chart's text styles ask for. */
export const CHART_FONT_FAMILY = 'Liberation Sans';

/** resvg's font options: regular and bold from fonts/, and no system font, so no machine renders differently. */
export const CHART_FONTS = {
  fontFiles: ['LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf'].map((name) =>
    fileURLToPath(new URL(`fonts/${name}`, import.meta.url)),
  ),
  loadSystemFonts: false,
  defaultFontFamily: CHART_FONT_FAMILY,
};
