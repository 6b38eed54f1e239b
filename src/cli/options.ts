import { parseDate } from '../pipeline/stages.js';
import { ExitCode, UserError, msg } from '../model/messages.js';

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
      msg(`Ngày "${value}" không hợp lệ: dùng dd/mm/yyyy (ví dụ 30/06/2025) hoặc yyyy-mm-dd.`, `The date "${value}" is not valid: use dd/mm/yyyy (e.g. 30/06/2025) or yyyy-mm-dd.`),
    );
  }
  return parsed.value;
}
