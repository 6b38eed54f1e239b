/**
 * Calendar arithmetic on ISO date strings (YYYY-MM-DD). No `Date` objects: a time zone can
 * never shift a day, and string order is date order.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

const digit = (text: string, index: number): number => {
  const value = text.charCodeAt(index) - 48;
  return value >= 0 && value <= 9 ? value : Number.NaN;
};

/** Hot path (ages of half a million children): character arithmetic rather than a RegExp. */
function split(date: string): Ymd {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
    const m = digit(date, 5) * 10 + digit(date, 6);
    const d = digit(date, 8) * 10 + digit(date, 9);
    if (!Number.isNaN(y + m + d)) return { y, m, d };
  }
  throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function isoOf(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

/** True for a real calendar day written YYYY-MM-DD (2025-02-29 is not one). */
export function isIsoDate(value: string): boolean {
  const match = ISO.exec(value);
  if (!match) return false;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** The same day `years` years later (earlier when negative); 29 Feb becomes 28 Feb in a common year. */
export function addYears(date: string, years: number): string {
  const { y, m, d } = split(date);
  const year = y + years;
  return isoOf(year, m, Math.min(d, daysInMonth(year, m)));
}

export function yearOf(date: string): number {
  return split(date).y;
}

/**
 * Age in completed years on `at`. A child born on 29 Feb has its birthday on 1 Mar in a common
 * year (it is not yet a year older on 28 Feb): string comparison of month-day does exactly that.
 */
export function ageInYears(dateOfBirth: string, at: string): number {
  const birth = split(dateOfBirth);
  const day = split(at);
  const beforeBirthday = day.m < birth.m || (day.m === birth.m && day.d < birth.d);
  return day.y - birth.y - (beforeBirthday ? 1 : 0);
}

/** Age in completed months on `at` (a month is completed on the same day number, or the month's last day). */
export function ageInMonths(dateOfBirth: string, at: string): number {
  const birth = split(dateOfBirth);
  const day = split(at);
  const months = (day.y - birth.y) * 12 + (day.m - birth.m);
  const monthDayReached = day.d >= birth.d || day.d === daysInMonth(day.y, day.m);
  return months - (monthDayReached ? 0 : 1);
}

/** Both ends included. */
export function inWindow(date: string | undefined, from: string, to: string): boolean {
  return date !== undefined && date >= from && date <= to;
}

/**
 * Dates as numbers YYYYMMDD (record-columns.ts). Age in completed years: the month-day parts
 * compare as numbers exactly as they do as strings (29 Feb has its birthday on 1 Mar).
 */
export function yearsBetween(birth: number, at: number): number {
  return Math.floor(at / 10_000) - Math.floor(birth / 10_000) - (at % 10_000 < birth % 10_000 ? 1 : 0);
}

/** `agesOn` for dates as numbers YYYYMMDD. */
export function agesOnNumber(at: number): { years(birth: number): number; months(birth: number): number } {
  const y = Math.floor(at / 10_000);
  const m = Math.floor(at / 100) % 100;
  const d = at % 100;
  const lastOfMonth = d === daysInMonth(y, m);
  return {
    years: (birth) => yearsBetween(birth, at),
    months(birth) {
      const by = Math.floor(birth / 10_000);
      const bm = Math.floor(birth / 100) % 100;
      const bd = birth % 100;
      return (y - by) * 12 + (m - bm) - (d >= bd || lastOfMonth ? 0 : 1);
    },
  };
}
