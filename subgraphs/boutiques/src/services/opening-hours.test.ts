import { describe, expect, it } from 'vitest';
import {
  isOpen,
  localMinuteOfWeek,
  weekIntervals,
  Weekday,
  type OpeningHoursData,
} from './opening-hours.js';

const hours = (timezone: string, days: OpeningHoursData['days']): OpeningHoursData => ({
  timezone,
  days,
});
const range = (opens: string, closes: string) => ({ opens, closes });

describe(weekIntervals.name, () => {
  it('turns day ranges into sorted minutes of the week', () => {
    const intervals = weekIntervals(
      hours('Europe/Paris', [
        { weekday: Weekday.TUESDAY, ranges: [range('14:00', '18:00'), range('09:00', '12:00')] },
        { weekday: Weekday.MONDAY, ranges: [range('00:00', '24:00')] },
      ]),
      'input.openingHours',
    );
    expect(intervals).toEqual([
      { start: 0, end: 1440 },
      { start: 1440 + 540, end: 1440 + 720 },
      { start: 1440 + 840, end: 1440 + 1080 },
    ]);
  });

  it('runs a range that closes before it opens into the next day, wrapping Sunday night', () => {
    const intervals = weekIntervals(
      hours('UTC', [{ weekday: Weekday.SUNDAY, ranges: [range('22:00', '02:00')] }]),
      'h',
    );
    expect(intervals).toEqual([
      { start: 0, end: 120 },
      { start: 6 * 1440 + 1320, end: 7 * 1440 },
    ]);
  });

  it.each([
    [{ timezone: 'Mars/Olympus', days: [] }, 'h.timezone'],
    [
      hours('UTC', [{ weekday: Weekday.MONDAY, ranges: [range('9:00', '12:00')] }]),
      'h.days.0.ranges.0.opens',
    ],
    [
      hours('UTC', [{ weekday: Weekday.MONDAY, ranges: [range('09:00', '24:30')] }]),
      'h.days.0.ranges.0.closes',
    ],
    [
      hours('UTC', [{ weekday: Weekday.MONDAY, ranges: [range('09:00', '09:00')] }]),
      'h.days.0.ranges.0.closes',
    ],
    [
      hours('UTC', [
        { weekday: Weekday.MONDAY, ranges: [] },
        { weekday: Weekday.MONDAY, ranges: [] },
      ]),
      'h.days.1.weekday',
    ],
    [
      hours('UTC', [
        { weekday: Weekday.MONDAY, ranges: [range('20:00', '03:00')] },
        { weekday: Weekday.TUESDAY, ranges: [range('02:00', '10:00')] },
      ]),
      'h.days',
    ],
  ])('refuses invalid hours with the offending field (%#)', (value, field) => {
    let thrown: unknown;
    try {
      weekIntervals(value, 'h');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
  });
});

describe(isOpen.name, () => {
  const paris = hours('Europe/Paris', [
    { weekday: Weekday.FRIDAY, ranges: [range('09:00', '12:00'), range('22:00', '02:00')] },
  ]);

  it('reads the wall clock of the boutique, not of the server', () => {
    // Friday 2025-01-10 08:30 UTC is 09:30 in Paris (UTC+1) and 17:30 in Tokyo.
    const at = new Date('2025-01-10T08:30:00Z');
    expect(localMinuteOfWeek(at, 'Europe/Paris')).toBe(4 * 1440 + 570);
    expect(localMinuteOfWeek(at, 'Asia/Tokyo')).toBe(4 * 1440 + 1050);
    expect(isOpen(paris, at)).toBe(true);
    expect(isOpen({ ...paris, timezone: 'Asia/Tokyo' }, at)).toBe(false);
  });

  it('stays open across midnight into the next day, and closes on time', () => {
    // Saturday 01:30 Paris = Saturday 00:30 UTC in winter.
    expect(isOpen(paris, new Date('2025-01-11T00:30:00Z'))).toBe(true);
    // Saturday 02:00 Paris: closed (a range is half-open).
    expect(isOpen(paris, new Date('2025-01-11T01:00:00Z'))).toBe(false);
    // Friday 21:59 Paris: not yet open.
    expect(isOpen(paris, new Date('2025-01-10T20:59:00Z'))).toBe(false);
  });

  it('follows daylight saving time', () => {
    // Friday 2025-07-11 07:30 UTC is 09:30 in Paris (UTC+2): open; the same UTC time in January is 08:30.
    expect(isOpen(paris, new Date('2025-07-11T07:30:00Z'))).toBe(true);
    expect(isOpen(paris, new Date('2025-01-10T07:30:00Z'))).toBe(false);
  });

  it('wraps from Sunday night into Monday morning', () => {
    const lateSunday = hours('America/New_York', [
      { weekday: Weekday.SUNDAY, ranges: [range('23:00', '01:00')] },
    ]);
    // Monday 2025-01-13 00:30 in New York = 05:30 UTC.
    expect(isOpen(lateSunday, new Date('2025-01-13T05:30:00Z'))).toBe(true);
    expect(isOpen(lateSunday, new Date('2025-01-13T06:30:00Z'))).toBe(false);
  });
});
