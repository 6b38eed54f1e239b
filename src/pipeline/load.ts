/**
 * The files the engine needs but does not read itself: period presets, last year's result
 * file, the unit lists, the catalogue and plans. The pipeline reads them here and passes the
 * parsed values in, so the engine stays a function of data.
 */
import { fileURLToPath } from 'node:url';
import { parsePeriodPresets, parseResultFile, type PeriodPresets } from '../engine/index.js';
import { readUserFile, readYamlFile } from '../io/yaml-file.js';
import { ExitCode, msg } from '../model/messages.js';
import type { ComputeResult } from '../model/results.js';

export { loadCatalogue, loadTargets } from '../indicators/index.js';
export { loadAdminUnits } from '../units/index.js';

/** The presets shipped with chitieu (two levels up from src/pipeline or dist/pipeline). */
export const DEFAULT_PERIODS_FILE = fileURLToPath(new URL('../../settings/periods.yaml', import.meta.url));

/** Named cut-off windows from a YAML file with a `periods:` map (default: the bundled one). */
export function loadPeriodPresets(file: string = DEFAULT_PERIODS_FILE): PeriodPresets {
  return parsePeriodPresets(readYamlFile(file, msg('Tệp kỳ báo cáo', 'Periods file')), file);
}

/** Last year's result file, written by `compute --out result.json`. */
export function readResultFile(file: string): ComputeResult {
  return parseResultFile(readUserFile(file, msg('Tệp kết quả năm trước (--baseline)', "Last year's result file (--baseline)"), ExitCode.unreadableInput), file);
}
