/**
 * `npm run feedback:report [-- --limit 20]`: the questions users rated worst (👎 minus 👍), so answer quality
 * can be improved from real use. Reads the database under DATA_DIR.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { openStore, storePath } from '../store/open-store.ts';

const { values } = parseArgs({ options: { limit: { type: 'string', default: '20' } } });
const path = storePath(readConfig().dataDir);
if (!existsSync(path)) {
  console.log(`no feedback yet: ${path} does not exist`);
  process.exit(0);
}
const store = openStore(path, silentLogger);
const worst = store.feedback.worstRated(Number(values.limit) || 20);
store.close();
if (worst.length === 0) console.log('no question has a 👎 yet');
for (const { question, down, up } of worst)
  console.log(`👎 ${String(down).padStart(3)}  👍 ${String(up).padStart(3)}  ${question}`);
