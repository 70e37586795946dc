/**
 * `npm run digest:preview -- --from A.xml --to B.xml [--since <ISO time>] [--now <ISO time>]`: prints the digest
 * a channel would get if the status went from snapshot A to snapshot B, after the same checks the tracker
 * applies; its chart as the chart's words (`npm run status:chart -- --from A.xml --to B.xml --out chart.png`
 * draws the picture). Exits 1 with the refusal reason when either document would not be trusted. `--now` fixes the
 * "as of" time (default: now); `--since` puts the previous digest's time in the title. A and B may also be
 * http(s) or file:// URLs.
 */
import { parseArgs } from 'node:util';
import { digestReply } from '../../src/answer/digest-reply.ts';
import { withStatusChart } from '../../src/chart/with-status-chart.ts';
import { previewDigest } from '../../src/tracker/preview-digest.ts';
import { renderText } from './render-text.ts';
import { stderrLogger } from './stderr-logger.ts';

const USAGE = 'usage: digest-preview --from A.xml --to B.xml [--since <ISO time>] [--now <ISO time>]';

const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    since: { type: 'string' },
    now: { type: 'string' },
  },
});

const now = values.now ? new Date(values.now) : new Date();
if (!values.from || !values.to || Number.isNaN(now.getTime())) {
  console.error(USAGE);
  process.exit(2);
}

const result = await previewDigest({
  from: values.from,
  to: values.to,
  now,
  ...(values.since ? { since: values.since } : {}),
});
if (!result.ok) {
  console.error(result.reason);
  process.exit(1);
}
const reply = await withStatusChart({ ...digestReply(result.digest), snapshot: result.snapshot }, stderrLogger('warn'));
process.stdout.write(renderText(reply));
