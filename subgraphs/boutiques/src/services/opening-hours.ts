import { Errors } from '@vitrine/platform';
import { registerEnumType } from 'type-graphql';

export enum Weekday {
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  SUNDAY = 'SUNDAY',
}

registerEnumType(Weekday, { name: 'Weekday' });

export const WEEKDAYS = Object.values(Weekday);
export const MINUTES_PER_DAY = 1440;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

export interface OpeningRangeData {
  /** "HH:MM", 00:00 to 23:59, local time. */
  opens: string;
  /** "HH:MM", 00:00 to 24:00; at or before `opens` means the next day (a night opening). */
  closes: string;
}

export interface OpeningDayData {
  weekday: Weekday;
  ranges: OpeningRangeData[];
}

export interface OpeningHoursData {
  /** IANA time zone name, e.g. Europe/Paris. */
  timezone: string;
  days: OpeningDayData[];
}

/**
 * A half-open interval [start, end) of minutes since Monday 00:00 local time. The week wraps: an
 * interval never crosses Sunday 24:00 (a Sunday night opening is split in two).
 */
export interface WeekInterval {
  start: number;
  end: number;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of "HH:MM" ("24:00" only when `endOfDay`), or null. */
export function parseTime(value: string, endOfDay = false): number | null {
  if (endOfDay && value === '24:00') return MINUTES_PER_DAY;
  const match = TIME.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function isValidTimeZone(timezone: string): boolean {
  if (!timezone || (!timezone.includes('/') && timezone !== 'UTC')) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Validates opening hours and computes their week intervals, sorted; BAD_USER_INPUT names the
 * offending field under `field` (`input.openingHours.days.0.ranges.1.closes`).
 */
export function weekIntervals(hours: OpeningHoursData, field: string): WeekInterval[] {
  if (!isValidTimeZone(hours.timezone)) {
    throw Errors.badUserInput(
      `${field}.timezone`,
      'timezone must be an IANA time zone name, e.g. Europe/Paris',
    );
  }
  const seen = new Set<Weekday>();
  const intervals: WeekInterval[] = [];
  hours.days.forEach((day, d) => {
    if (seen.has(day.weekday)) {
      throw Errors.badUserInput(`${field}.days.${d}.weekday`, `${day.weekday} is given twice`);
    }
    seen.add(day.weekday);
    const dayStart = WEEKDAYS.indexOf(day.weekday) * MINUTES_PER_DAY;
    day.ranges.forEach((range, r) => {
      const path = `${field}.days.${d}.ranges.${r}`;
      const opens = parseTime(range.opens);
      if (opens === null)
        throw Errors.badUserInput(`${path}.opens`, 'opens must be HH:MM, 00:00 to 23:59');
      const closes = parseTime(range.closes, true);
      if (closes === null)
        throw Errors.badUserInput(`${path}.closes`, 'closes must be HH:MM, 00:00 to 24:00');
      if (closes === opens) {
        throw Errors.badUserInput(
          `${path}.closes`,
          'A range cannot be empty; 00:00 to 24:00 is all day',
        );
      }
      const start = dayStart + opens;
      // A range closing at or before it opens ends the next day.
      const end = dayStart + closes + (closes < opens ? MINUTES_PER_DAY : 0);
      if (end > MINUTES_PER_WEEK) {
        intervals.push({ start, end: MINUTES_PER_WEEK }, { start: 0, end: end - MINUTES_PER_WEEK });
      } else {
        intervals.push({ start, end });
      }
    });
  });
  intervals.sort((a, b) => a.start - b.start);
  for (let i = 1; i < intervals.length; i++) {
    if (intervals[i].start < intervals[i - 1].end) {
      throw Errors.badUserInput(`${field}.days`, 'Opening ranges overlap');
    }
  }
  return intervals;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const SHORT_WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Minutes since Monday 00:00 of the wall clock in `timezone` at the instant `at`. */
export function localMinuteOfWeek(at: Date, timezone: string): number {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timezone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  const day = SHORT_WEEKDAYS.indexOf(parts.weekday ?? '');
  return day * MINUTES_PER_DAY + (Number(parts.hour) % 24) * 60 + Number(parts.minute);
}

export function isOpenAt(intervals: readonly WeekInterval[], minuteOfWeek: number): boolean {
  return intervals.some((i) => i.start <= minuteOfWeek && minuteOfWeek < i.end);
}

/** Whether a boutique with these hours is open at the instant `at`, on its own wall clock. */
export function isOpen(hours: OpeningHoursData, at: Date): boolean {
  return isOpenAt(weekIntervals(hours, 'openingHours'), localMinuteOfWeek(at, hours.timezone));
}
