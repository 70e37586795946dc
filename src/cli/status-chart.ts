/**
 * `npm run status:chart -- --out status.png`: draws the ratification progress chart (PNG) from the newest status
 * the bot stored under DATA_DIR, or from status documents with `--to B.xml` (checked against `--from A.xml`
 * when given, as the tracker checks a fetch). Prints the file written and its alt text; exits 1 with the reason
 * when there is nothing trustworthy to draw, 2 on bad arguments.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type ChartSource, chartSnapshot } from '../chart/chart-snapshot.ts';
import { renderStatusChart } from '../chart/render-status-chart.ts';
import { readConfig } from '../config.ts';

const USAGE = `Usage: npm run status:chart -- --out status.png [--from A.xml] [--to B.xml] [--now <ISO time>]

Draws the ratification progress chart (1200×675 PNG) and prints its alt text.
  --out   where to write the PNG (required)
  --to    a status document (path, file:// or http(s) URL) to draw instead of the newest stored status
  --from  the document before it: --to is checked against it as the tracker checks a fetch
  --now   the "as of" time of --from/--to (default: now)
  --help  print this help

Without --to, draws the newest status stored in DATA_DIR's database.
`;

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    now: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const now = values.now ? new Date(values.now) : new Date();
if (!values.out || (values.from && !values.to) || Number.isNaN(now.getTime())) {
  process.stderr.write(USAGE);
  process.exit(2);
}

const source: ChartSource = values.to
  ? { kind: 'documents', to: values.to, now, ...(values.from ? { from: values.from } : {}) }
  : { kind: 'store', dataDir: readConfig().dataDir };
const snapshot = await chartSnapshot(source);
if (!snapshot.ok) {
  console.error(snapshot.reason);
  process.exit(1);
}
const chart = await renderStatusChart(snapshot.snapshot);
await writeFile(values.out, chart.png);
console.log(`${values.out}: ${chart.png.length} bytes`);
console.log(chart.altText);
