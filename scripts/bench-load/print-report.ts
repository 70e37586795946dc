import type { LatencyStats } from './latency-stats.ts';
import { type PlatformRun, totalErrors } from './platform-run.ts';

/** Acceptance target of the load issue: p99 acknowledgement at concurrency 50. */
const TARGET_P99_ACK_MS = 50;

/** The run as a readable block of lines. */
export function formatRun(run: PlatformRun): string {
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
  const lines = [
    run.path,
    row('requests', `${run.requests} at concurrency ${run.concurrency} (after ${run.warmup} warm-up, not counted)`),
    row(
      'wall time',
      `${ms(run.wallMs)}${run.allAnsweredMs === undefined ? '' : ` (until the last answer: ${ms(run.allAnsweredMs)})`}`,
    ),
    row('throughput', `${run.throughputPerSecond.toFixed(0)} req/s`),
    row('ack latency', `${percentiles(run.ack)}   (${run.ackMeaning})`),
    // In a closed loop the mean is fixed by throughput: mean latency = requests in flight / throughput.
    row('', `mean ${ms(run.ack.mean)} ≈ ${run.concurrency} in flight ÷ ${run.throughputPerSecond.toFixed(0)} req/s`),
  ];
  if (run.answer) {
    lines.push(
      row('answer latency', `${percentiles(run.answer)}   (command sent → answer at response_url)`),
      row(
        'answers',
        `${run.answersDelivered}/${run.requests} delivered` +
          (run.allAnsweredMs ? `, ${((run.answersDelivered / run.allAnsweredMs) * 1000).toFixed(0)} answers/s` : ''),
      ),
    );
  }
  const { core } = run;
  lines.push(
    row(
      'core (bot.ask)',
      `${ms(core.totalMs)} in ${core.calls} calls, mean ${core.meanMs.toFixed(3)} ms/request; ` +
        `${percent(core.shareOfWall)} of the run, ${percent(core.shareOfAckLatency)} of the summed ack latency`,
    ),
    row(
      'event loop busy',
      `bot thread ${percent(run.eventLoopBusy.bot)}, load thread ${percent(run.eventLoopBusy.load)}`,
    ),
    row(
      'errors',
      `${totalErrors(run)}   (${Object.entries(run.errors)
        .map(([kind, count]) => `${kind} ${count}`)
        .join(', ')})`,
    ),
    ...run.errorSamples.map((sample) => row('bot log', sample)),
    ...run.notes.map((note) => row('note', note)),
    row('targets', targets(run).join('; ')),
  );
  return lines.join('\n');
}

export function targets(run: PlatformRun): string[] {
  const errors = totalErrors(run);
  return [
    `p99 ack ≤ ${TARGET_P99_ACK_MS} ms at concurrency 50: ${run.concurrency !== 50 ? 'n/a (concurrency differs), ' : ''}` +
      `${run.ack.p99 <= TARGET_P99_ACK_MS ? 'met' : 'missed'} (${run.ack.p99.toFixed(1)} ms)`,
    `0 errors: ${errors === 0 ? 'met' : `missed (${errors})`}`,
  ];
}

function percentiles(stats: LatencyStats): string {
  return [`p50 ${ms(stats.p50)}`, `p90 ${ms(stats.p90)}`, `p99 ${ms(stats.p99)}`, `max ${ms(stats.max)}`].join(' · ');
}

function ms(value: number): string {
  return `${value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`;
}

function row(label: string, value: string): string {
  return `  ${label.padEnd(16)} ${value}`;
}
