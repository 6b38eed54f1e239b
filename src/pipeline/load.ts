/**
 * The files the engine needs but does not read itself: period presets, last year's result
 * file, the unit lists, the catalogue and plans. The pipeline reads them here and passes the
 * parsed values in, so the engine stays a function of data.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePeriodPresets, parseResultFile, type PeriodPresets } from '../engine/index.js';
import { ExitCode, UserError, msg } from '../model/messages.js';
import type { ComputeResult } from '../model/results.js';

export { loadCatalogue, loadTargets } from '../indicators/index.js';
export { loadAdminUnits } from '../units/index.js';

/** The presets shipped with chitieu (two levels up from src/pipeline or dist/pipeline). */
export const DEFAULT_PERIODS_FILE = fileURLToPath(new URL('../../settings/periods.yaml', import.meta.url));

/** Named cut-off windows from a YAML file with a `periods:` map (default: the bundled one). */
export function loadPeriodPresets(file: string = DEFAULT_PERIODS_FILE): PeriodPresets {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(
      ExitCode.invalidDefinition,
      msg(`Không đọc được tệp kỳ báo cáo ${file}: ${String(error)}`, `Cannot read the periods file ${file}: ${String(error)}`),
    );
  }
  return parsePeriodPresets(text, file);
}

/** Last year's result file, written by `compute --out result.json`. */
export function readResultFile(file: string): ComputeResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(
      ExitCode.unreadableInput,
      msg(`Không đọc được tệp kết quả ${file}: ${reason}`, `Cannot read the result file ${file}: ${reason}`),
    );
  }
  return parseResultFile(text, file);
}
