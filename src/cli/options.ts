import { parseDate } from '../pipeline/stages.js';
import { cliText, ExitCode, UserError } from '../messages/index.js';

/**
 * `--from 30/06/2025`, `--as-of 2025-06-30`: a real calendar date written as the data writes it
 * (dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy or yyyy-mm-dd; day first always), as an ISO date.
 */
export function parseDateOption(value: string): string {
  const text = value.trim();
  // A bare number would be read as an Excel serial day: not a date anyone types on a command line.
  const parsed = /^\d+$/.test(text) ? undefined : parseDate(text);
  if (!parsed?.ok) {
    throw new UserError(
      ExitCode.usage,
      cliText.dateOptionNotValid({ date: value }),
    );
  }
  return parsed.value;
}
