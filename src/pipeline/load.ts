/**
 * The files the engine needs but does not read itself: period presets, last year's result
 * file, the unit lists, the catalogue and plans. The pipeline reads them here and passes the
 * parsed values in, so the engine stays a function of data.
 */
import { fileURLToPath } from 'node:url';
import { parseResultFile } from '../engine/baseline.js';
import { parsePeriodPresets, type PeriodPresets } from '../engine/period.js';
import { readUserFile, readYamlFile } from '../io/yaml-file.js';
import { ExitCode, UserError, pipelineText, type Message } from '../messages/index.js';
import { CsvParser, CsvRefusal } from '../import/readers/csv.js';
import { foldHeader } from '../import/text.js';
import type { AdminUnits } from '../units/index.js';
import { VILLAGE_MAP_HEADERS, buildVillageMap, villageMapEntrySchema, type VillageMap, type VillageMapEntry } from '../units/village-map.js';
import type { ComputeResult } from '../model/results.js';

export { loadCatalogue, loadTargets } from '../indicators/index.js';
export { loadAdminUnits } from '../units/index.js';

/** The presets shipped with chitieu (two levels up from src/pipeline or dist/pipeline). */
export const DEFAULT_PERIODS_FILE = fileURLToPath(new URL('../../settings/periods.yaml', import.meta.url));

/** Named cut-off windows from a YAML file with a `periods:` map (default: the bundled one). */
export function loadPeriodPresets(file: string = DEFAULT_PERIODS_FILE): PeriodPresets {
  return parsePeriodPresets(readYamlFile(file, pipelineText.periodsFile()), file);
}

/** Last year's result file, written by `compute --out result.json`. */
export function readResultFile(file: string): ComputeResult {
  return parseResultFile(readUserFile(file, pipelineText.baselineFile(), ExitCode.unreadableInput), file);
}

const VILLAGE_MAP = pipelineText.villageMapFile();

/**
 * Header → entry key of the CSV form (headers matched without case, diacritics or spaces: the
 * other spellings are written folded, "ma xa truoc 01/07/2025" for "Mã xã trước 01/07/2025").
 */
const VILLAGE_MAP_COLUMNS: ReadonlyArray<readonly [keyof VillageMapEntry, readonly string[]]> = [
  ['oldCommune', [VILLAGE_MAP_HEADERS.oldCommune, 'oldCommune', 'ma xa truoc 01/07/2025']],
  ['village', [VILLAGE_MAP_HEADERS.village, 'village', 'thon', 'to dan pho']],
  ['newCommune', [VILLAGE_MAP_HEADERS.newCommune, 'newCommune', 'ma xa tu 01/07/2025']],
];

function villageMapError(file: string, place: Message | undefined, reason: Message): UserError {
  return new UserError(ExitCode.invalidDefinition, place ? pipelineText.villageMapFaultAt({ file, place, reason }) : pipelineText.villageMapFault({ file, reason }));
}

function lineOf(isYaml: boolean, line: number): Message {
  return isYaml ? pipelineText.villageMapEntry({ line }) : pipelineText.villageMapLine({ line });
}

/** The CSV form as entries with their line numbers (a header row, then one village a line). */
function villageMapCsv(file: string, text: string): unknown[] {
  let records: string[][];
  try {
    const parser = new CsvParser();
    records = [...parser.push(text), ...parser.end('')];
  } catch (error) {
    if (error instanceof CsvRefusal) throw villageMapError(file, undefined, error.reason);
    throw error;
  }
  const nonEmpty = records.map((cells, index) => ({ cells, line: index + 1 })).filter((record) => record.cells.some((cell) => cell.trim() !== ''));
  const header = nonEmpty[0];
  if (header === undefined) throw villageMapError(file, undefined, pipelineText.villageMapEmpty());
  const columns = VILLAGE_MAP_COLUMNS.map(([key, names]) => {
    const wanted = new Set(names.map(foldHeader));
    const index = header.cells.findIndex((cell) => wanted.has(foldHeader(cell)));
    if (index < 0) {
      throw villageMapError(
        file,
        pipelineText.villageMapHeaderRow(),
        pipelineText.villageMapColumnMissing({ column: names[0] ?? key, columns: Object.values(VILLAGE_MAP_HEADERS).join(', ') }),
      );
    }
    return [key, index] as const;
  });
  const newCommune = columns.find(([key]) => key === 'newCommune')![1];
  // A draft's line not filled in yet (no new commune) is not used: its village stays approximate.
  return nonEmpty
    .slice(1)
    .filter((record) => (record.cells[newCommune] ?? '').trim() !== '')
    .map((record) => ({ ...Object.fromEntries(columns.map(([key, index]) => [key, record.cells[index] ?? ''])), line: record.line }));
}

/**
 * `--village-map FILE`: where each village of a split old commune went. CSV (columns Mã xã cũ,
 * Thôn/Tổ dân phố, Mã xã mới) or YAML (a list of { oldCommune, village, newCommune }); a bad
 * file is one line naming the file, the line and what to fix (exit 4).
 */
export function loadVillageMap(file: string, units: AdminUnits): VillageMap {
  const isYaml = /\.ya?ml$/i.test(file);
  const raw: unknown[] = isYaml ? yamlEntries(file) : villageMapCsv(file, readUserFile(file, VILLAGE_MAP));
  const entries: (VillageMapEntry & { line: number })[] = [];
  raw.forEach((item, index) => {
    const line = typeof item === 'object' && item !== null && 'line' in item && typeof item.line === 'number' ? item.line : index + 1;
    const where = lineOf(isYaml, line);
    const parsed = villageMapEntrySchema.safeParse(item);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0];
      const rule = field === 'oldCommune' || field === 'village' || field === 'newCommune' ? FIELD_RULES[field] : pipelineText.villageMapInvalidEntry();
      throw villageMapError(file, where, rule);
    }
    entries.push({ ...parsed.data, line });
  });
  const { map, faults } = buildVillageMap(entries, units);
  const fault = faults[0];
  if (fault !== undefined) {
    throw villageMapError(file, lineOf(isYaml, fault.line), fault.text);
  }
  return map;
}

function yamlEntries(file: string): unknown[] {
  const value = readYamlFile(file, VILLAGE_MAP);
  if (!Array.isArray(value)) {
    throw villageMapError(file, undefined, pipelineText.villageMapNotAList());
  }
  return value;
}

/** What a field of the map must hold, said when it does not. */
const FIELD_RULES: Readonly<Record<keyof VillageMapEntry, Message>> = {
  oldCommune: pipelineText.villageMapOldCommuneRule({ column: VILLAGE_MAP_HEADERS.oldCommune }),
  village: pipelineText.villageMapVillageRule({ column: VILLAGE_MAP_HEADERS.village }),
  newCommune: pipelineText.villageMapNewCommuneRule({ column: VILLAGE_MAP_HEADERS.newCommune }),
};
