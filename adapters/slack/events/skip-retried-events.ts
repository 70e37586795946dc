import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../../src/logger.ts';
import type { SeenEvents } from '../event-dedupe.ts';

/**
 * Global middleware: lets each Events API event through once. Slack redelivers an event (same `event_id`,
 * with `x-slack-retry-num` / `x-slack-retry-reason` over HTTP, `retry_attempt` / `retry_reason` in Socket
 * Mode) when it did not get a 200 within 3 s; Bolt acks events before this runs, so dropping one is safe.
 *
 * - An `event_id` already seen is dropped.
 * - A retry of an unseen id whose reason is a timeout is dropped too: a timeout means the first delivery did
 *   reach a server (another replica, or this process before a restart) and is being answered there.
 * - A retry after a failed delivery (`http_error`, `unknown_error`, …) is answered: nobody got the first one.
 */
export function skipRetriedEvents(seen: SeenEvents, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = 'event_id' in body && typeof body.event_id === 'string' ? body.event_id : undefined;
    if (!eventId) {
      await next();
      return;
    }
    const retry = { eventId, retryNum: context.retryNum, retryReason: context.retryReason };
    if (!seen.claim(`event:${eventId}`)) {
      logger.debug(retry, 'slack: dropped a repeated delivery of an event already handled');
      return;
    }
    if (context.retryNum && /timeout/i.test(context.retryReason ?? '')) {
      logger.info(retry, 'slack: dropped a timed-out retry; the first delivery is being answered elsewhere');
      return;
    }
    if (context.retryNum) logger.info(retry, 'slack: handling a retried event whose first delivery never arrived');
    await next();
  };
}
