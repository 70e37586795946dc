import type { DigestPost } from '../src/answer/digest-reply.ts';
import { digestPostWithChart } from '../src/chart/with-status-chart.ts';
import type { Config } from '../src/config.ts';
import { createTreatyBot } from '../src/create-treaty-bot.ts';
import { feedRoutes } from '../src/feed/feed-routes.ts';
import { FeedbackRecorder } from '../src/feedback/feedback-recorder.ts';
import type { Logger } from '../src/logger.ts';
import { countedPoster } from '../src/ops/counted-poster.ts';
import { DeliveryHealth } from '../src/ops/delivery-health.ts';
import { InFlight } from '../src/ops/in-flight.ts';
import { Metrics } from '../src/ops/metrics.ts';
import { opsRoutes } from '../src/ops/ops-routes.ts';
import { type OpsServer, startOpsServer } from '../src/ops/ops-server.ts';
import { Readiness } from '../src/ops/readiness.ts';
import type { Store } from '../src/store/open-store.ts';
import type { RatificationTracker } from '../src/tracker/ratification-tracker.ts';
import { TrackerScheduler } from '../src/tracker/scheduler.ts';
import type { PlatformRuntime } from './platform-runtime.ts';
import { routingPoster } from './routing-poster.ts';

/** How long shutdown may take before the process exits anyway: under `docker stop`'s 10 s before SIGKILL. */
const SHUTDOWN_GRACE_MS = 8_000;

export interface ServeOptions {
  config: Config;
  logger: Logger;
  store: Store;
  tracker: RatificationTracker;
}

/**
 * Runs the bot for its platforms: the core with metrics, Slack and/or Discord, the tracker's scheduler, and one
 * HTTP server with `/healthz`, `/readyz`, `/metrics` and the feeds of changes `/changes.atom` and `/changes.json` (Slack's own in HTTP mode, else one on PORT). Resolves
 * once everything is up; SIGTERM or SIGINT then shuts it down and exits the process.
 */
export async function servePlatforms({ config, logger, store, tracker }: ServeOptions): Promise<void> {
  const metrics = new Metrics();
  const readiness = new Readiness();
  const inFlight = new InFlight();
  const bot = createTreatyBot({
    seedsDir: config.seedsDir,
    indexDir: config.indexDir,
    logger,
    statusDesk: tracker,
    questionsPerMinute: config.questionsPerMinute,
    observer: metrics,
    feedback: new FeedbackRecorder(store.feedback),
  });
  // createTreatyBot returns only once the index is loaded (or rebuilt): from here on it is.
  readiness.add('index', () => bot.topics.length > 0);
  readiness.add('database', () => store.isOpen());
  const routes = [...opsRoutes(readiness, metrics), ...feedRoutes(store)];
  // Before the platforms connect, so probes get answers (alive, not ready) while they do.
  const opsServer: OpsServer | undefined =
    config.slack && !config.slack.appToken ? undefined : await startOpsServer(routes, config.port);
  if (opsServer)
    logger.info(
      { port: opsServer.port },
      `ops: /healthz, /readyz, /metrics, /changes.atom and /changes.json on port ${opsServer.port}`,
    );

  const services = { inFlight };
  const runtimes: PlatformRuntime[] = [];
  const connect = async (platform: 'slack' | 'discord', start: () => Promise<PlatformRuntime>) => {
    let runtime: PlatformRuntime | undefined;
    readiness.add(platform, () => runtime?.isConnected() ?? false);
    runtime = await start();
    runtimes.push(runtime);
  };
  try {
    const { slack, discord } = config;
    if (slack) {
      const { startSlack } = await import('./slack/start.ts');
      await connect('slack', () => startSlack(bot, slack, logger, { ...services, routes }));
    }
    if (discord) {
      const { startDiscord } = await import('./discord/start.ts');
      await connect('discord', () => startDiscord(bot, discord, logger, services));
    }
  } catch (error) {
    await opsServer?.close();
    throw error;
  }

  const scheduler = new TrackerScheduler<DigestPost>({
    store,
    logger,
    pollCron: config.status.pollCron,
    poll: async () => {
      try {
        metrics.statusPolled(await tracker.poll());
      } catch (error) {
        metrics.statusPolled('failed');
        throw error;
      }
    },
    poster: countedPoster(routingPoster(runtimes), metrics),
    // Every attempt words the digest and draws its chart again (a retry may come after a new poll).
    buildPayload: (changes, subscription) => digestPostWithChart(tracker.digestFor(changes, subscription), logger),
  });
  const deliveries = new DeliveryHealth({
    backlog: () => store.deliveries.backlog(),
    runningForMs: () => scheduler.deliveryRunningForMs(),
  });
  readiness.add('deliveries', () => deliveries.healthy());
  metrics.watchDeliveries(() => deliveries.read());
  // Starting delivers at once the digests that fell due while the bot was down (or were cut short by a restart).
  scheduler.start();
  // A fresh database has no status yet: read it now rather than at the next poll (under the lease, as always).
  if (!store.snapshots.lastGood()) void scheduler.runPoll();

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    // `npm start` stopped by systemd or `docker stop` gets the signal twice (npm forwards it to the process group
    // that already has it): one drain, bounded by the grace below, not an exit that skips it.
    if (shuttingDown) {
      logger.info({ signal }, 'already shutting down');
      return;
    }
    shuttingDown = true;
    logger.info({ signal, inFlight: inFlight.size }, 'shutting down');
    // Whatever still runs after the grace is abandoned: the delivery log lets the next start finish a digest.
    setTimeout(() => {
      logger.error({ inFlight: inFlight.size }, 'shutdown took too long, exiting with work abandoned');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    let code = 0;
    try {
      // /readyz answers 503 from here on, for as long as the work below takes.
      readiness.drain();
      // Digests first: a post in progress needs its platform client, which stopping the platforms closes.
      await scheduler.stop();
      await Promise.allSettled(runtimes.map((runtime) => runtime.stop()));
      await inFlight.settled();
      await opsServer?.close();
      store.close();
      logger.info({ signal }, 'stopped');
    } catch (error) {
      code = 1;
      logger.error({ err: error }, 'shutdown failed');
    }
    process.exit(code);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
