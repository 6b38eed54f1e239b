/**
 * The names of a report's files. Apart from report/index.ts so that the CLI names what it
 * writes without loading the report's making (handlebars, the charts).
 */
import { safeFileName } from '../io/file-names.js';

/**
 * `bao-cao-529-2025-H1`: the file name of a report without its extension (`prefix` "phu-luc"
 * for a commune's annex). Made safe by io/file-names.ts: a period id from a settings file
 * ("../x", "a/b", "CON") cannot lead out of the output folder.
 */
export function reportBaseName(unitCode: string, periodId: string, prefix = 'bao-cao'): string {
  return safeFileName(`${prefix}-${unitCode}-${periodId}`);
}
