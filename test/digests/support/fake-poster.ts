// A chat platform for the digest tests: keeps the messages it shows, fails when told to.
import type { DigestPayload, DigestPoster, DigestTarget, Idempotency } from '../../../src/digests/digest-poster.ts';

export interface PostedMessage {
  target: DigestTarget;
  payload: DigestPayload;
  nonce: string;
  messageId: string;
}

/** How the next post call fails: before reaching the platform, or after (the response was lost). */
export interface PlannedFailure {
  error: Error;
  afterPosting?: boolean;
}

export interface FakePosterOptions {
  /** Implement `findPosted` (as the Slack adapter does). Default true. */
  findPosted?: boolean;
  /** A repeated nonce returns the first message (Discord's `enforce_nonce`). Default true. */
  honoursNonce?: boolean;
}

export class FakePoster implements DigestPoster {
  /** The messages the channels show. */
  readonly messages: PostedMessage[] = [];
  /** Every post call, including failed and repeated ones. */
  postCalls = 0;
  findPostedCalls = 0;
  readonly failures: PlannedFailure[] = [];
  /** When set, `post` waits for it before answering (a slow platform). */
  gate: Promise<void> | undefined;
  findPosted?: (target: DigestTarget, nonce: string) => Promise<{ messageId: string } | undefined>;
  private readonly honoursNonce: boolean;

  constructor({ findPosted = true, honoursNonce = true }: FakePosterOptions = {}) {
    this.honoursNonce = honoursNonce;
    if (findPosted) {
      this.findPosted = async (target, nonce) => {
        this.findPostedCalls += 1;
        const found = this.messages.find((m) => sameTarget(m.target, target) && m.nonce === nonce);
        return found && { messageId: found.messageId };
      };
    }
  }

  async post(target: DigestTarget, payload: DigestPayload, { nonce }: Idempotency): Promise<{ messageId: string }> {
    this.postCalls += 1;
    if (this.gate) await this.gate;
    const failure = this.failures.shift();
    if (failure && !failure.afterPosting) throw failure.error;
    const repeat = this.honoursNonce
      ? this.messages.find((m) => sameTarget(m.target, target) && m.nonce === nonce)
      : undefined;
    const message = repeat ?? { target, payload, nonce, messageId: `m${this.messages.length + 1}` };
    if (!repeat) this.messages.push(message);
    if (failure) throw failure.error;
    return { messageId: message.messageId };
  }

  /** The participants of each message a channel shows, in posting order. */
  digestsIn(channel: string): string[][] {
    return this.messages
      .filter((m) => m.target.channel === channel)
      .map((m) => m.payload.changes.map((change) => change.participant));
  }
}

function sameTarget(a: DigestTarget, b: DigestTarget): boolean {
  return a.platform === b.platform && a.workspace === b.workspace && a.channel === b.channel;
}
