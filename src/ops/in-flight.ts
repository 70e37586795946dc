/**
 * Work in progress that shutdown waits for: answers being written and posted. Adapters wrap the handling of
 * each incoming message in `track`; `settled` resolves once all of it (including work started meanwhile) ended.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  get size(): number {
    return this.running.size;
  }

  /** Returns `work` itself; its rejection is the caller's to handle, as before. */
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = () => this.running.delete(work);
    work.then(forget, forget);
    return work;
  }

  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
