/**
 * The Dockerfile's production steps, without Docker (no engine runs on these machines): build the app, copy what
 * the run stage copies into a clean folder, `npm ci --omit=dev` there, draw a status chart with the compiled CLI
 * (native renderer and bundled font), start `node dist/adapters/main.js` as the image's CMD does, probe
 * `/healthz` with the image's own HEALTHCHECK command, check `/readyz`, `/metrics` and a signed `/treaty` answer
 * against a fake Slack on 127.0.0.1, then SIGTERM and expect a clean exit.
 *
 *   npm run check:production          (CI runs it after the tests)
 *
 * Prints each step, the sizes of what the image would hold, and exits non-zero at the first failure.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort, root } from '../test/app/support/spawn-bot.ts';
import { dockerfileFacts } from '../test/production/support/dockerfile-facts.ts';
import { FakeSlack } from '../test/slack/support/fake-slack.ts';
import { FORM, postSigned, SIGNING_SECRET, slashCommandForm } from '../test/slack/support/slack-requests.ts';

/** Dev dependencies that must not reach the production install. */
const DEV_ONLY = ['vitest', 'tsx', 'typescript', '@biomejs/biome', 'nock', 'fast-check'];

const started = Date.now();
const step = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);
function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`production check failed: ${message}`);
}

const docker = dockerfileFacts(readFileSync(join(root, 'Dockerfile'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'treaty-production-'));
const app = join(work, 'app');
const slack = await FakeSlack.start();
let exitCode = 1;
try {
  step('npm run build');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  execFileSync('npm', ['run', 'build:index', '--silent', '--', '--check'], { cwd: root, stdio: 'inherit' });

  step(`clean copy in ${app}: ${docker.runStageCopies.join(', ')}`);
  mkdirSync(app);
  for (const file of ['package.json', 'package-lock.json']) cpSync(join(root, file), join(app, file));
  for (const folder of ['dist', 'index', 'seeds']) {
    check(docker.runStageCopies.includes(folder), `the Dockerfile's run stage does not copy ${folder}/`);
    cpSync(join(root, folder), join(app, folder), { recursive: true });
  }

  step('npm ci --omit=dev (builds better-sqlite3 from source when no prebuilt binary fits), slim-node-modules.sh');
  execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], { cwd: app, stdio: 'inherit' });
  execFileSync(join(root, 'scripts', 'slim-node-modules.sh'), { cwd: app, stdio: 'inherit' });
  for (const name of DEV_ONLY)
    check(!existsSync(join(app, 'node_modules', name)), `dev dependency ${name} was installed`);

  // The chart's native renderer (resvg's prebuilt binary, an optional dependency) and bundled font must survive
  // `npm ci --omit=dev` and the slimming: draw one from the compiled CLI, in the clean copy, with no system font.
  const chart = join(work, 'status.png');
  const fixtures = join(root, 'test', 'fixtures', 'untc');
  execFileSync(
    process.execPath,
    ['dist/src/cli/status-chart.js', '--out', chart, '--to', join(fixtures, 'latin1-after.xml')],
    { cwd: app, env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production' }, stdio: 'inherit' },
  );
  check(readFileSync(chart).subarray(0, 4).toString('latin1') === '\x89PNG', 'status:chart did not write a PNG');
  step('status:chart drew a PNG from the production install');

  const port = await freePort();
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? work,
    NODE_ENV: 'production',
    DATA_DIR: join(work, 'data'),
    PORT: String(port),
    LOG_LEVEL: 'info',
    SLACK_BOT_TOKEN: 'xoxb-production-check',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    STATUS_SOURCE_URL: pathToFileURL(join(root, 'test', 'fixtures', 'untc', 'consents.xml')).href,
  };
  step(`start: ${docker.cmd.join(' ')} (Slack HTTP mode on port ${port})`);
  const [command, ...args] = docker.cmd;
  check(command === 'node', 'the Dockerfile CMD runs node');
  const bot = spawn(process.execPath, args, { cwd: app, env, stdio: ['ignore', 'inherit', 'pipe'] });
  let logs = '';
  bot.stderr.on('data', (chunk: Buffer) => {
    logs += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => bot.once('exit', resolve));
  try {
    const healthcheck = () => {
      const [node, ...rest] = docker.healthcheck;
      check(node === 'node', 'the HEALTHCHECK runs node');
      try {
        execFileSync(process.execPath, rest, { env, stdio: 'ignore', timeout: 5_000 });
        return true;
      } catch {
        return false;
      }
    };
    const deadline = Date.now() + 30_000;
    while (!healthcheck()) {
      check(bot.exitCode === null, `the app exited with ${bot.exitCode}:\n${logs}`);
      check(Date.now() < deadline, `the HEALTHCHECK did not pass within 30 s:\n${logs}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    step('HEALTHCHECK (GET /healthz) passed');

    const base = `http://127.0.0.1:${port}`;
    const ready = await fetch(`${base}/readyz`);
    const readiness = await ready.text();
    check(ready.status === 200, `/readyz answered ${ready.status}: ${readiness}`);
    step(`/readyz: ${readiness.trim()}`);

    const ack = await postSigned(
      `${base}/slack/events`,
      slashCommandForm('entry-into-force', slack.responseUrl('production')),
      { contentType: FORM },
    );
    check(ack.status === 200, `a signed /treaty got HTTP ${ack.status}`);
    const [answer] = await slack.waitFor(() => slack.postsTo('production').length > 0 && slack.postsTo('production'));
    check(/90/.test(JSON.stringify(answer?.body)), 'the answer to /treaty entry-into-force does not cite the 90 days');
    const unsigned = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': FORM },
      body: 'x',
    });
    check(unsigned.status === 401, `an unsigned request got HTTP ${unsigned.status}`);
    step(`signed /treaty answered (ack ${ack.ms.toFixed(0)} ms); unsigned request refused with 401`);

    const metrics = await (await fetch(`${base}/metrics`)).text();
    check(
      /^treaty_bot_questions_total\{platform="slack",kind="answer"\} 1$/m.test(metrics),
      'the answer is not counted in /metrics',
    );
    step('/metrics counts the answer');

    bot.kill('SIGTERM');
    const signalledAt = Date.now();
    const code = await exited;
    check(code === 0, `SIGTERM: exit code ${code}:\n${logs}`);
    step(`SIGTERM: clean exit in ${Date.now() - signalledAt} ms`);
  } finally {
    if (bot.exitCode === null) bot.kill('SIGKILL');
  }

  const size = (path: string) => execFileSync('du', ['-sh', path], { encoding: 'utf8' }).split('\t')[0];
  const sizes = ['node_modules', 'dist', 'index', 'seeds'].map((folder) => `${folder} ${size(join(app, folder))}`);
  step(`image layers over the ${docker.baseImage} base: ${sizes.join(', ')}; all of /app: ${size(app)}`);
  step('production install check passed');
  exitCode = 0;
} catch (error) {
  console.error((error as Error).message);
} finally {
  await slack.close();
  rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
