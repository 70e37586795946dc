import { Worker } from 'node:worker_threads';
import { type LoadMessage, MessageInbox } from './message-inbox.ts';

/**
 * A TypeScript module running in a worker thread: the load side of a bench (the fake platform and its users)
 * lives there, so its clock and sockets keep running while the bot's thread is busy, and a busy bot shows up
 * as latency instead of being hidden by a client that waits on the same event loop.
 */
export class LoadWorker {
  private readonly worker: Worker;
  private readonly inbox: MessageInbox;
  private readonly failed: Promise<never>;

  constructor(module: URL, workerData: unknown) {
    // Workers do not inherit tsx's loader on Node 20: register it in the worker, then import the module.
    const tsx = import.meta.resolve('tsx/esm/api');
    const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); });`;
    this.worker = new Worker(boot, { eval: true, workerData });
    this.inbox = new MessageInbox(this.worker);
    this.failed = new Promise((_resolve, reject) => {
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`load worker exited (code ${code}) before it was done`)));
    });
    // Only a pending `next` turns a failure into a rejection; an idle one must not be unhandled.
    this.failed.catch(() => {});
  }

  /** The next message of this type from the worker; rejects if the worker dies first. */
  next<T extends LoadMessage>(type: string): Promise<T> {
    return Promise.race([this.inbox.next<T>(type), this.failed]);
  }

  send(message: LoadMessage & Record<string, unknown>): void {
    this.worker.postMessage(message);
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
