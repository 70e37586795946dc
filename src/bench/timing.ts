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
  for (let round = 0; round < rounds; round++) samples.push(...timedRound(inputs, fn));
  return samples;
}

/**
 * Latencies of several functions over the same inputs, their rounds interleaved (a round of each in turn, after
 * five warm-up rounds of each), so that a burst of machine load falls on all of them alike.
 */
export function interleavedLatencies<T, K extends string>(
  inputs: readonly T[],
  rounds: number,
  fns: Record<K, (input: T) => unknown>,
): Record<K, number[]> {
  const entries = Object.entries(fns) as Array<[K, (input: T) => unknown]>;
  for (const [, fn] of entries) latencies(inputs, 0, fn);
  const samples = Object.fromEntries(entries.map(([name]) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < rounds; round++) {
    for (const [name, fn] of entries) samples[name].push(...timedRound(inputs, fn));
  }
  return samples;
}

function timedRound<T>(inputs: readonly T[], fn: (input: T) => unknown): number[] {
  return inputs.map((input) => {
    const started = performance.now();
    fn(input);
    return performance.now() - started;
  });
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
