/** Small timing helpers for `npm run bench`. */

/** Milliseconds spent in `fn`, and its result. */
export function timed<T>(fn: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
}

/** The q-quantile (0–1) of samples, nearest-rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Latency of each call of `fn` over `inputs`, repeated `rounds` times after five warm-up rounds (the JIT settles). */
export function latencies<T>(inputs: readonly T[], rounds: number, fn: (input: T) => unknown): number[] {
  for (let warm = 0; warm < 5; warm++) for (const input of inputs) fn(input);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const input of inputs) {
      const started = performance.now();
      fn(input);
      samples.push(performance.now() - started);
    }
  }
  return samples;
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
