import { parseDate } from '../pipeline/stages.js';
import { cliText, ExitCode, UserError, type Message } from '../messages/index.js';

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YEAR_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Why a date written in the right shape is still no date: its month or its day does not exist
 * ("31/06/2025": June has 30 days). Undefined when the shape itself is wrong.
 */
function impossibleDate(text: string, flag: string): Message | undefined {
  const dayFirst = DAY_FIRST.exec(text);
  const yearFirst = YEAR_FIRST.exec(text);
  const [day, month, year] = dayFirst
    ? [Number(dayFirst[1]), Number(dayFirst[2]), Number(dayFirst[3])]
    : yearFirst
      ? [Number(yearFirst[3]), Number(yearFirst[2]), Number(yearFirst[1])]
      : [];
  if (day === undefined || month === undefined || year === undefined) return undefined;
  if (month < 1 || month > 12) return cliText.dateOptionNoSuchMonth({ flag, date: text, month });
  // 29/02 exists in some years only: then the year is part of the answer.
  if (day > daysIn(year, month) && month === 2 && day === 29) return cliText.dateOptionNotLeapYear({ flag, date: text, year });
  if (day < 1 || day > daysIn(year, month)) return cliText.dateOptionNoSuchDay({ flag, date: text, day, month });
  return undefined;
}

/**
 * `--from 30/06/2025`, `--as-of 2025-06-30`: a real calendar date written as the data writes it
 * (dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy or yyyy-mm-dd; day first always), as an ISO date. A date
 * that does not exist is said to be so, not blamed on its format.
 */
export function parseDateOption(flag: string): (value: string) => string {
  return (value) => {
    const text = value.trim();
    // A bare number would be read as an Excel serial day: not a date anyone types on a command line.
    const parsed = /^\d+$/.test(text) ? undefined : parseDate(text);
    if (parsed?.ok) return parsed.value;
    throw new UserError(ExitCode.usage, impossibleDate(text, flag) ?? cliText.dateOptionNotValid({ flag, date: value }));
  };
}
