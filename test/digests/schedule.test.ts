import { describe, expect, it } from 'vitest';
import {
  isCronExpression,
  isDue,
  isSubscriptionDue,
  nextRun,
  parseSchedule,
  ScheduleError,
} from '../../src/digests/schedule.ts';
import type { Subscription } from '../../src/store/subscriptions.ts';

const utc = (iso: string) => new Date(`${iso}Z`);
const runs = (schedule: ReturnType<typeof parseSchedule>, from: string, n: number) => {
  const found: string[] = [];
  let after = utc(from);
  for (let i = 0; i < n; i++) {
    const next = nextRun(schedule, after);
    if (!next) break;
    found.push(next.toISOString());
    after = next;
  }
  return found;
};

describe('parseSchedule', () => {
  it('reads daily as 09:00 and weekly as Monday 09:00', () => {
    expect(parseSchedule('daily', 'UTC')).toEqual({ cron: '0 9 * * *', timeZone: 'UTC' });
    expect(parseSchedule(' Weekly ', 'UTC')).toEqual({ cron: '0 9 * * 1', timeZone: 'UTC' });
  });

  it('reads a 5-field cron expression, tidying its spaces', () => {
    expect(parseSchedule('30  7 * *  1-5', 'Asia/Beirut')).toEqual({ cron: '30 7 * * 1-5', timeZone: 'Asia/Beirut' });
  });

  it('spells the time zone the canonical way', () => {
    expect(parseSchedule('daily', 'europe/berlin').timeZone).toBe('Europe/Berlin');
  });

  it.each([
    ['every tuesday', 'digests: "every tuesday" is not daily, weekly or a cron expression like "0 9 * * 1"'],
    ['', 'digests: "" is not daily, weekly or a cron expression like "0 9 * * 1"'],
    ['0 0 9 * * 1', 'digests: "0 0 9 * * 1" is not daily, weekly or a cron expression like "0 9 * * 1"'],
    ['61 9 * * *', 'digests: "61 9 * * *" is not a valid cron expression (Invalid value for minute: 61)'],
  ])('explains why %j is not a schedule', (text, message) => {
    expect(() => parseSchedule(text, 'UTC')).toThrow(ScheduleError);
    expect(() => parseSchedule(text, 'UTC')).toThrow(message);
  });

  it.each(['Mars/Olympus', '', 'Berlin'])('explains that %j is not a time zone', (zone) => {
    expect(() => parseSchedule('daily', zone)).toThrow(
      `digests: ${JSON.stringify(zone)} is not an IANA time zone like "Europe/Berlin"`,
    );
  });
});

describe('nextRun', () => {
  it('keeps 09:00 Berlin time across the spring change to summer time', () => {
    const daily = parseSchedule('daily', 'Europe/Berlin');
    expect(runs(daily, '2026-03-27T12:00:00', 3)).toEqual([
      '2026-03-28T08:00:00.000Z', // CET, UTC+1
      '2026-03-29T07:00:00.000Z', // CEST, UTC+2, the day the clocks change
      '2026-03-30T07:00:00.000Z',
    ]);
  });

  it('runs once at the first valid time when the scheduled time is skipped (Berlin, 02:30 in spring)', () => {
    expect(runs(parseSchedule('30 2 * * *', 'Europe/Berlin'), '2026-03-27T12:00:00', 3)).toEqual([
      '2026-03-28T01:30:00.000Z',
      '2026-03-29T01:00:00.000Z', // 03:00 CEST: 02:30 does not exist that day
      '2026-03-30T00:30:00.000Z',
    ]);
  });

  it('runs once when the scheduled time happens twice (Berlin, 02:30 in autumn)', () => {
    expect(runs(parseSchedule('30 2 * * *', 'Europe/Berlin'), '2026-10-23T12:00:00', 3)).toEqual([
      '2026-10-24T00:30:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-26T01:30:00.000Z',
    ]);
  });

  it('handles Beirut, where summer time starts and ends at midnight', () => {
    // 29 March 2026: midnight does not exist (00:00 → 01:00); the digest runs at 01:00 EEST.
    expect(runs(parseSchedule('0 0 * * *', 'Asia/Beirut'), '2026-03-27T12:00:00', 3)).toEqual([
      '2026-03-27T22:00:00.000Z',
      '2026-03-28T22:00:00.000Z',
      '2026-03-29T21:00:00.000Z',
    ]);
    // 25 October 2026: 23:30 on the 24th happens twice (clocks go back at midnight); one digest.
    expect(runs(parseSchedule('30 23 * * *', 'Asia/Beirut'), '2026-10-23T12:00:00', 3)).toEqual([
      '2026-10-23T20:30:00.000Z',
      '2026-10-24T20:30:00.000Z',
      '2026-10-25T21:30:00.000Z',
    ]);
  });

  it('reads weekly as Monday in the subscriber’s time zone', () => {
    // Monday 09:00 in Beirut is Monday 07:00 UTC in winter.
    expect(runs(parseSchedule('weekly', 'Asia/Beirut'), '2026-03-01T00:00:00', 2)).toEqual([
      '2026-03-02T07:00:00.000Z',
      '2026-03-09T07:00:00.000Z',
    ]);
  });
});

describe('isDue', () => {
  const daily = parseSchedule('daily', 'Europe/Berlin');

  it('is due once the scheduled time since the last run has passed', () => {
    expect(isDue(daily, utc('2026-03-02T07:00:00'), utc('2026-03-02T07:59:59'))).toBe(false);
    expect(isDue(daily, utc('2026-03-02T07:00:00'), utc('2026-03-02T08:00:00'))).toBe(true);
  });

  it('is not due again after a run at the scheduled time', () => {
    expect(isDue(daily, utc('2026-03-02T08:00:00'), utc('2026-03-02T20:00:00'))).toBe(false);
  });

  it('is due after downtime that missed several scheduled times', () => {
    expect(isDue(daily, utc('2026-03-02T08:00:00'), utc('2026-03-06T12:00:00'))).toBe(true);
  });
});

describe('isSubscriptionDue', () => {
  const subscription: Subscription = {
    id: 1,
    platform: 'discord',
    workspace: '1234',
    channel: '5678',
    schedule: 'weekly',
    timeZone: 'Asia/Beirut',
    createdBy: 'u',
    createdAt: '2026-03-01T10:00:00.000Z',
    lastDeliveredChangeId: 0,
    lastRunAt: '2026-03-01T10:00:00.000Z',
  };

  it('reads the stored schedule and the last run', () => {
    expect(isSubscriptionDue(subscription, utc('2026-03-02T06:59:00'))).toBe(false);
    expect(isSubscriptionDue(subscription, utc('2026-03-02T07:00:00'))).toBe(true);
  });
});

describe('isCronExpression', () => {
  it('accepts 5-field cron expressions only', () => {
    expect(isCronExpression('*/30 * * * *')).toBe(true);
    expect(isCronExpression('0 */30 * * * *')).toBe(false);
    expect(isCronExpression('hourly')).toBe(false);
  });
});
