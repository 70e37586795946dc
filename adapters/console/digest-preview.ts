/**
 * `npm run digest:preview -- --from A.xml --to B.xml [--since <ISO time>] [--now <ISO time>]`: prints the digest
 * a channel would get if the status went from snapshot A to snapshot B, after the same checks the tracker
 * applies. Exits 1 with the refusal reason when either document would not be trusted. `--now` fixes the
 * "as of" time (default: now); `--since` puts the previous digest's time in the title. A and B may also be
 * http(s) or file:// URLs.
 */
import { parseArgs } from 'node:util';
import { digestReply } from '../../src/answer/digest-reply.ts';
import { previewDigest } from '../../src/tracker/preview-digest.ts';
import { renderText } from './render-text.ts';

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
process.stdout.write(renderText(digestReply(result.digest)));
