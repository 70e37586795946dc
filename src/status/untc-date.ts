import type { IsoDate } from './snapshot.ts';

/**
 * Calendar dates as the UN Treaty Collection writes them (`25 Oct 2025`) and as the bot stores them
 * (`2025-10-25`). UN dates carry no time of day, so all arithmetic is done on UTC midnights.
 */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

const DAY_MS = 86_400_000;

/**
 * Reads `25 Oct 2025` (also `5 October 2025`, `25 Sept. 2025`) into `2025-10-25`; `undefined` for anything
 * else, including impossible days such as `31 Apr 2026`. Callers normalize whitespace first.
 *
 * @example parseUntcDate('25 Oct 2025') // '2025-10-25'
 */
export function parseUntcDate(text: string): IsoDate | undefined {
  const match = /^(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})$/.exec(text);
  if (!match) return undefined;
  const [, dayText = '', monthText = '', yearText = ''] = match;
  // A month token must be the start of a month's name ("Sept" is, "Octo" is, "Oct" is; "Ocx" is not).
  const month = MONTHS.findIndex((name) => name.startsWith(monthText.toLowerCase()));
  if (month < 0) return undefined;
  const iso = `${yearText}-${pad(month + 1)}-${pad(Number(dayText))}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** Writes `2025-10-25` as the UN does: `25 Oct 2025`. The inverse of `parseUntcDate` for valid dates. */
export function formatUntcDate(iso: IsoDate): string {
  const date = toUtcDate(iso);
  const month = MONTHS[date.getUTCMonth()] ?? '';
  const monthLabel = month.charAt(0).toUpperCase() + month.slice(1, 3);
  return `${date.getUTCDate()} ${monthLabel} ${date.getUTCFullYear()}`;
}

/** The calendar date `days` days after `iso` (negative goes back). */
export function addDays(iso: IsoDate, days: number): IsoDate {
  return new Date(toUtcDate(iso).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** True for a real calendar date written `YYYY-MM-DD` (`2026-02-29` is not: 2026 is no leap year). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function toUtcDate(iso: IsoDate): Date {
  if (!isIsoDate(iso)) throw new Error(`status: not an ISO date: ${iso}`);
  return new Date(`${iso}T00:00:00Z`);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
