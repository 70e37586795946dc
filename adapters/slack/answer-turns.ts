/**
 * Answer work waits here for its own turn of the event loop, one answer per turn, after the I/O that is already
 * waiting. In HTTP mode that I/O is other users' commands, which Bolt reads, verifies and acknowledges in the
 * poll phase; without this, a burst of 50 commands is answered back to back (a few ms of search and rendering
 * each) before the 50th request is even read, and its ack waits for all 49 answers. Slack shows the user an
 * error when an ack takes over 3 s, while an answer through response_url or chat.postMessage may come later.
 *
 * One queue for the process, not per app: the event loop it shares out is the process's.
 */
const waiting: Array<() => void> = [];
let draining = false;

/** Runs `work` on its own event-loop turn, after every answer queued before it; resolves with its result. */
export function inAnswerTurn<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    waiting.push(() => {
      try {
        resolve(work());
      } catch (error) {
        reject(error);
      }
    });
    if (!draining) {
      draining = true;
      setImmediate(runOne);
    }
  });
}

/** setImmediate runs after the poll phase, so each answer first lets the waiting requests be read and acked. */
function runOne(): void {
  waiting.shift()?.();
  if (waiting.length > 0) setImmediate(runOne);
  else draining = false;
}
