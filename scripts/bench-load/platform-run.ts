import type { LatencyStats } from './latency-stats.ts';

/** How the bench was asked to run. */
export interface BenchSettings {
  requests: number;
  concurrency: number;
  warmup: number;
  /** Discord only: channels the mentions are spread over (one discord.js REST queue each). */
  discordChannels: number;
  /** Ask only this, instead of the mix of dev questions and topic slugs. */
  question?: string;
}

/** The time the core spent answering, next to the time the requests took. */
export interface CoreShare {
  calls: number;
  totalMs: number;
  meanMs: number;
  /** totalMs / the run's time (until the last answer): how much of it the bot's thread spent in `bot.ask`. */
  shareOfWall: number;
  /** totalMs / the sum of every request's acknowledgement latency. */
  shareOfAckLatency: number;
}

/** One platform's results, as the report prints them and `--json` emits them. */
export interface PlatformRun {
  platform: 'slack' | 'discord';
  /** What was driven, in a few words. */
  path: string;
  requests: number;
  concurrency: number;
  warmup: number;
  /** First request sent to last acknowledgement (Slack: HTTP 200; Discord: the reply) received. */
  wallMs: number;
  /** Slack only: first command sent to last answer received at a response_url. */
  allAnsweredMs?: number;
  throughputPerSecond: number;
  /** What "ack" means on this platform. */
  ackMeaning: string;
  ack: LatencyStats;
  /** Slack only: command sent → answer received at its response_url. */
  answer?: LatencyStats;
  answersDelivered: number;
  /** Failures by kind; any non-zero count fails the run. */
  errors: Record<string, number>;
  /** The first few failures the bot logged, if any. */
  errorSamples: string[];
  core: CoreShare;
  /** Share of the measured time each thread's event loop was busy. */
  eventLoopBusy: { bot: number; load: number };
  notes: string[];
}

export function totalErrors(run: PlatformRun): number {
  return Object.values(run.errors).reduce((sum, count) => sum + count, 0);
}

export function coreShare(calls: number, totalMs: number, runMs: number, ackMs: readonly number[]): CoreShare {
  const ackTotal = ackMs.reduce((sum, sample) => sum + sample, 0);
  return {
    calls,
    totalMs,
    meanMs: calls ? totalMs / calls : Number.NaN,
    shareOfWall: runMs ? totalMs / runMs : Number.NaN,
    shareOfAckLatency: ackTotal ? totalMs / ackTotal : Number.NaN,
  };
}
