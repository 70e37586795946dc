/** A message between the bench and its load thread: `type` says what it is, the rest is its data. */
export interface LoadMessage {
  type: string;
}

/** A worker, or the parent's port as a worker sees it. */
export interface MessageSource {
  on(event: 'message', listener: (message: LoadMessage) => void): unknown;
}

/**
 * Messages from a worker or from the parent thread, waited for by type: a message that arrives before anyone
 * waits for it is kept, so the two threads need not agree on timing, only on order.
 */
export class MessageInbox {
  private readonly kept: LoadMessage[] = [];
  private readonly waiting: Array<{ type: string; resolve: (message: LoadMessage) => void }> = [];

  constructor(port: MessageSource) {
    port.on('message', (message) => {
      const index = this.waiting.findIndex((waiter) => waiter.type === message.type);
      const waiter = index >= 0 ? this.waiting.splice(index, 1)[0] : undefined;
      if (waiter) waiter.resolve(message);
      else this.kept.push(message);
    });
  }

  next<T extends LoadMessage>(type: string): Promise<T> {
    const index = this.kept.findIndex((message) => message.type === type);
    if (index >= 0) return Promise.resolve(this.kept.splice(index, 1)[0] as T);
    return new Promise((resolve) => this.waiting.push({ type, resolve: resolve as (message: LoadMessage) => void }));
  }
}
