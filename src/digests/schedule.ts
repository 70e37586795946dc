import { Cron } from 'croner';
import type { Subscription } from '../store/subscriptions.ts';

/** A validated digest schedule: when, in which time zone. */
export interface Schedule {
  /** A 5-field cron expression (`daily` and `weekly` expanded). */
  cron: string;
  /** A canonical IANA time zone (`europe/berlin` → `Europe/Berlin`). */
  timeZone: string;
}

/** The words a schedule may be, besides a cron expression. */
const NAMED_SCHEDULES: Readonly<Record<string, string>> = {
  daily: '0 9 * * *',
  weekly: '0 9 * * 1',
};

/** Thrown for a schedule or time zone a user typed wrong; its message can be shown to them as is. */
export class ScheduleError extends Error {
  readonly code = 'SCHEDULE_INVALID';
}

/**
 * Reads a schedule as a user writes it: `daily` (09:00), `weekly` (Monday 09:00) or a 5-field cron expression,
 * in an IANA time zone. Throws a ScheduleError saying what is wrong.
 *
 * @example parseSchedule('0 9 * * 1-5', 'Asia/Beirut') // weekdays at 09:00 Beirut time
 */
export function parseSchedule(text: string, timeZone: string): Schedule {
  const zone = canonicalTimeZone(timeZone);
  const written = text.trim().replace(/\s+/g, ' ');
  const cron = NAMED_SCHEDULES[written.toLowerCase()] ?? written;
  if (cron.split(' ').length !== 5) {
    throw new ScheduleError(
      `digests: ${JSON.stringify(text)} is not daily, weekly or a cron expression like "0 9 * * 1"`,
    );
  }
  try {
    cronJob({ cron, timeZone: zone });
  } catch (error) {
    throw new ScheduleError(`digests: ${JSON.stringify(text)} is not a valid cron expression (${cronProblem(error)})`);
  }
  return { cron, timeZone: zone };
}

/** The first scheduled time strictly after `after`, or undefined if the schedule never runs again. */
export function nextRun(schedule: Schedule, after: Date): Date | undefined {
  return cronJob(schedule).nextRun(after) ?? undefined;
}

/**
 * Whether a digest is due: a scheduled time has passed since the last run. After downtime this is one digest,
 * not one per missed time.
 */
export function isDue(schedule: Schedule, lastRunAt: Date, now: Date): boolean {
  const next = nextRun(schedule, lastRunAt);
  return next !== undefined && next.getTime() <= now.getTime();
}

/** `isDue` for a stored subscription; throws a ScheduleError if its stored schedule no longer parses. */
export function isSubscriptionDue(subscription: Subscription, now: Date): boolean {
  return isDue(parseSchedule(subscription.schedule, subscription.timeZone), new Date(subscription.lastRunAt), now);
}

/** Whether `text` is a valid 5-field cron expression (for config validation, e.g. STATUS_POLL_CRON). */
export function isCronExpression(text: string): boolean {
  try {
    cronJob({ cron: text, timeZone: 'UTC' });
    return text.trim().split(/\s+/).length === 5;
  } catch {
    return false;
  }
}

function canonicalTimeZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: timeZone.trim() }).resolvedOptions().timeZone;
  } catch {
    throw new ScheduleError(`digests: ${JSON.stringify(timeZone)} is not an IANA time zone like "Europe/Berlin"`);
  }
}

/** A paused croner job: used only to compute run times, never to run anything. */
function cronJob({ cron, timeZone }: Schedule): Cron {
  return new Cron(cron, { timezone: timeZone, paused: true, mode: '5-part' });
}

/** croner's message without its `CronPattern: ` prefix. */
function cronProblem(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/^CronPattern:\s*/, '');
}
