/**
 * Runs `job(0) … job(total - 1)` keeping `concurrency` of them in flight: a closed loop, as a fixed number of
 * busy users would. Each job also gets its lane (0 … concurrency - 1), whose jobs run one after another, e.g. to
 * reuse one connection. A job's failure is the job's to record; a rejection here would stop the whole run.
 */
export async function runClosedLoop(
  total: number,
  concurrency: number,
  job: (index: number, lane: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async (_unused: unknown, laneNumber: number): Promise<void> => {
    while (next < total) {
      const index = next;
      next += 1;
      await job(index, laneNumber);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, lane));
}
