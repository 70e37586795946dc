import { quantile } from '../../src/bench/timing.ts';

/** Percentiles of a set of latencies, in milliseconds. */
export interface LatencyStats {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export function latencyStats(samples: readonly number[]): LatencyStats {
  const sum = samples.reduce((total, sample) => total + sample, 0);
  return {
    count: samples.length,
    mean: samples.length ? sum / samples.length : Number.NaN,
    p50: quantile(samples, 0.5),
    p90: quantile(samples, 0.9),
    p99: quantile(samples, 0.99),
    max: samples.length ? Math.max(...samples) : Number.NaN,
  };
}
