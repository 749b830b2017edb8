import { z } from 'zod';

/**
 * Working days for deadlines such as "close a complaint within 3 working days": weekends and
 * public holidays do not count, make-up working days (调休) do. Days are local dates at a fixed
 * UTC offset (mainland China keeps +08:00 all year), so the core needs no time-zone database.
 */
/** Calendar dates are real days of the years 2000 to 2099 (the range docs/api.md gives). */
const isoDate = z
  .string()
  .regex(/^20\d{2}-\d{2}-\d{2}$/, 'dates as YYYY-MM-DD in the years 2000 to 2099')
  .refine(isRealDate, 'no such date');

function isRealDate(date: string): boolean {
  const at = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(date);
}

export const calendarSchema = z.strictObject({
  utcOffsetMinutes: z.number().int().min(-720).max(840),
  /** 0 = Sunday … 6 = Saturday; a week without a working day would leave working-day deadlines without an end */
  weekendDays: z
    .array(z.number().int().min(0).max(6))
    .max(6, 'at least one day of the week must be a working day')
    .refine((days) => new Set(days).size === days.length, 'each day once'),
  holidays: z.array(isoDate).max(1000),
  makeUpWorkdays: z.array(isoDate).max(1000),
});
export type WorkingCalendar = z.output<typeof calendarSchema>;

export const DEFAULT_CALENDAR: WorkingCalendar = {
  utcOffsetMinutes: 480,
  weekendDays: [0, 6],
  holidays: [],
  makeUpWorkdays: [],
};

const DAY_MS = 86_400_000;

/** The local calendar date of an instant, as YYYY-MM-DD. */
export function localDate(at: number, calendar: WorkingCalendar): string {
  return new Date(at + calendar.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  if (calendar.makeUpWorkdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return !calendar.weekendDays.includes(weekday);
}

/**
 * The end of the `days`-th working day after the day of `from` (the day itself does not count):
 * a complaint received on Friday afternoon with 3 working days is due at the end of Wednesday.
 */
export function addWorkingDays(from: number, days: number, calendar: WorkingCalendar): number {
  const offset = calendar.utcOffsetMinutes * 60_000;
  let dayStart = Math.floor((from + offset) / DAY_MS) * DAY_MS; // local midnight, shifted to UTC
  let counted = 0;
  // Every week has a working day and each holiday takes away at most one, so this many days always suffice.
  let scanLeft = 7 * (days + calendar.holidays.length + 1);
  while (counted < days && scanLeft-- > 0) {
    dayStart += DAY_MS;
    if (isWorkingDay(new Date(dayStart).toISOString().slice(0, 10), calendar)) counted += 1;
  }
  return dayStart + DAY_MS - offset - 1;
}
