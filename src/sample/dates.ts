/**
 * Calendar arithmetic on ISO date strings. Day numbers (days since 1970-01-01) are used only
 * inside the generator; everything it hands on is an ISO string. Date.UTC keeps time zones out.
 */

const MS_PER_DAY = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIso(iso: string): { year: number; month: number; day: number } {
  const match = ISO.exec(iso);
  if (!match) throw new RangeError(`not an ISO date: ${iso}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function dayNumber(iso: string): number {
  const { year, month, day } = parseIso(iso);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function isoOfDay(dayNum: number): string {
  return new Date(dayNum * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

/** Completed years at `at` (a birthday counts on its day). */
export function ageAt(dateOfBirth: string, at: string): number {
  const birth = parseIso(dateOfBirth);
  const date = parseIso(at);
  let age = date.year - birth.year;
  if (date.month < birth.month || (date.month === birth.month && date.day < birth.day)) age -= 1;
  return age;
}

/** Completed months at `at`. */
export function ageInMonths(dateOfBirth: string, at: string): number {
  const birth = parseIso(dateOfBirth);
  const date = parseIso(at);
  let months = (date.year - birth.year) * 12 + (date.month - birth.month);
  if (date.day < birth.day) months -= 1;
  return months;
}

/** `dd/mm/yyyy`, as officials type dates. */
export function vnDate(iso: string): string {
  const { year, month, day } = parseIso(iso);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** Midnight UTC of the calendar date, which exceljs writes as that date's serial (docs/stack.md). */
export function utcDate(iso: string): Date {
  const { year, month, day } = parseIso(iso);
  return new Date(Date.UTC(year, month - 1, day));
}

export function minIso(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxIso(a: string, b: string): string {
  return a > b ? a : b;
}
