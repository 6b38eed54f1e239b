import { CHILDREN_SHEET, COMMUNE_FACTS_SHEET, EVENTS_SHEET, type SheetSpec } from '../model/columns.js';
import type { Message } from '../messages/index.js';
import type { AdminUnit, AdminUnits } from '../units/index.js';
import { vnDate } from './dates.js';
import { compareText, generateSample, type SampleCommune, type SampleData } from './generate.js';
import {
  assembleSheet,
  excelRow,
  fileNameOf,
  renderRecord,
  styleFor,
  type Cell,
  type FileStyle,
  type RowDraft,
  type SheetLayout,
} from './layout.js';
import { REPORT_PERIODS } from './periods.js';
import { plantErrors, type PlantOutcome, type PlantedRow } from './plant.js';
import { periodTotals, type PeriodTotals, type SampleChild, type SampleEvent } from './truth.js';

/**
 * The whole sample set as data: one layout per commune workbook, the planted errors with the
 * rows they landed on, and the true totals. Pure; writing files is done by write.ts.
 */

export const SAMPLE_PROVINCE = '51';
export const SAMPLE_DISTRICT = '529';
export const DEFAULT_SEED = 2025;

export interface SampleOptions {
  readonly seed: number;
  /** The first N communes of the district, by code. */
  readonly communes?: number;
}

export interface FileLayout {
  readonly fileName: string;
  readonly commune: SampleCommune;
  readonly style: FileStyle;
  readonly sheets: readonly SheetLayout[];
}

export interface PlantedError {
  readonly tag: string;
  readonly file: string;
  readonly sheet: string;
  /** Excel row number. */
  readonly row: number;
  /** The header of the column at fault, as written in that file. */
  readonly column?: string;
  /** The cell as written ('' when blank). */
  readonly value?: string;
  readonly outcome: PlantOutcome;
  readonly what: Message;
}

export interface SheetAccount {
  /** Rows below the header that are not totals rows. */
  readonly read: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly warnings: number;
}

export interface SampleSet {
  readonly seed: number;
  readonly data: SampleData;
  readonly files: readonly FileLayout[];
  readonly planted: readonly PlantedError[];
  /** What a correct importer accepts. */
  readonly children: readonly SampleChild[];
  readonly events: readonly SampleEvent[];
  readonly totals: readonly PeriodTotals[];
  readonly accounts: Readonly<Record<string, Readonly<Record<string, SheetAccount>>>>;
}

export function districtCommunes(units: AdminUnits, count?: number): SampleCommune[] {
  const all = units.childrenOf('district', SAMPLE_DISTRICT, 'pre');
  return all.slice(0, count ?? all.length).map((unit, index) => sampleCommune(units, unit, index));
}

/** An old commune of the sample with the post-reform commune it became. */
export function sampleCommune(units: AdminUnits, unit: AdminUnit, index: number): SampleCommune {
  const target = units.crosswalk(unit.code);
  const newUnit = target === undefined ? undefined : units.commune(target.code, 'post');
  if (target === undefined || newUnit === undefined || unit.districtCode === undefined) {
    throw new Error(`sample: no district or post-reform commune for ${unit.code}`);
  }
  return {
    index,
    provinceCode: unit.provinceCode,
    districtCode: unit.districtCode,
    code: unit.code,
    name: unit.name,
    newCode: target.code,
    newName: newUnit.name,
  };
}

export function districtSize(units: AdminUnits): number {
  return units.childrenOf('district', SAMPLE_DISTRICT, 'pre').length;
}

/** A typo of a real code that exists in neither list, and a commune of a neighbouring district. */
export function plantCodes(units: AdminUnits, communes: readonly SampleCommune[]): { unknown: string; outside: string } {
  const unknown = ['21299', '21929', '21389', '12289'].find((code) => !units.communeExistsInAnyEra(code));
  const outside = units
    .childrenOf('commune', SAMPLE_PROVINCE, 'pre')
    .find((unit) => unit.districtCode !== SAMPLE_DISTRICT && unit.code > (communes.at(-1)?.code ?? ''));
  if (unknown === undefined || outside === undefined) throw new Error('sample: cannot choose codes for planted rows');
  return { unknown, outside: outside.code };
}

function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object') return vnDate(cell.date);
  return String(cell);
}

export function withPlanted(
  spec: SheetSpec,
  style: FileStyle,
  records: readonly object[],
  planted: readonly PlantedRow[],
): RowDraft[] {
  const rows: RowDraft[] = records.map((record) => ({ cells: renderRecord(spec, record, style) }));
  // Insert from the last position back so that earlier positions stay valid; a totals row
  // closes the table, after any row planted at the end.
  const ordered = [
    ...planted.filter((plant) => !plant.total).sort((a, b) => b.position - a.position || compareText(b.tag, a.tag)),
    ...planted.filter((plant) => plant.total),
  ];
  for (const plant of ordered) {
    const cells = plant.record ? { ...renderRecord(spec, plant.record, style), ...(plant.overrides ?? {}) } : {};
    const row: RowDraft = {
      cells,
      tag: plant.tag,
      ...(plant.note === undefined ? {} : { note: plant.note }),
      ...(plant.total ? { total: true } : {}),
    };
    rows.splice(Math.min(plant.position, rows.length), 0, row);
  }
  return rows;
}

export function buildSampleSet(units: AdminUnits, options: SampleOptions): SampleSet {
  const communes = districtCommunes(units, options.communes);
  const data = generateSample(options.seed, communes);
  const codes = plantCodes(units, communes);
  const planting = plantErrors(options.seed, data, { unknownCommuneCode: codes.unknown, outsideCommuneCode: codes.outside });

  const files: FileLayout[] = data.communes.map((commune, index) => {
    const style = styleFor(index);
    const here = (sheet: string): PlantedRow[] =>
      planting.rows.filter((row) => row.file === index && row.sheet === sheet);
    const upperName = commune.commune.name.toLocaleUpperCase('vi');
    return {
      fileName: fileNameOf(commune.commune),
      commune: commune.commune,
      style,
      sheets: [
        assembleSheet(
          CHILDREN_SHEET,
          style,
          withPlanted(CHILDREN_SHEET, style, commune.children, here('TreEm')),
          `DANH SÁCH TRẺ EM ${upperName} (ĐẾN NGÀY 30/06/2025)`,
        ),
        assembleSheet(
          EVENTS_SHEET,
          style,
          withPlanted(EVENTS_SHEET, style, commune.events, here('SuViec')),
          `DANH SÁCH SỰ VIỆC VỀ TRẺ EM ${upperName} NĂM 2024 - 2025`,
        ),
        assembleSheet(
          COMMUNE_FACTS_SHEET,
          style,
          commune.facts.map((facts) => ({ cells: renderRecord(COMMUNE_FACTS_SHEET, facts, style) })),
          undefined,
        ),
      ],
    };
  });

  const planted = plantedErrorsOf(files, planting.rows);
  const children = data.communes.flatMap((commune) => commune.children);
  const events = [...data.communes.flatMap((commune) => commune.events), ...planting.validEvents];
  const accounts = accountsOf(files, planting.rows);
  return {
    seed: options.seed,
    data,
    files,
    planted,
    children,
    events,
    totals: REPORT_PERIODS.map((period) => periodTotals(children, events, period)),
    accounts,
  };
}

/** Where each planted row landed: file, sheet, Excel row and the cell as written. */
export function plantedErrorsOf(files: readonly FileLayout[], rows: readonly PlantedRow[]): PlantedError[] {
  const planted: PlantedError[] = [];
  for (const plant of rows) {
    const found = files
      .flatMap((file) => file.sheets.map((sheet) => ({ file, sheet })))
      .find(({ sheet }) => sheet.name === plant.sheet && sheet.tags.includes(plant.tag));
    if (found === undefined) continue;
    const { file, sheet } = found;
    const index = sheet.tags.indexOf(plant.tag);
    const column = plant.column === undefined ? -1 : sheet.keys.indexOf(plant.column);
    planted.push({
      tag: plant.tag,
      file: file.fileName,
      sheet: sheet.name,
      row: excelRow(sheet, index),
      ...(column < 0 ? {} : { column: sheet.header[column]!, value: cellText(sheet.rows[index]?.[column]) }),
      outcome: plant.outcome,
      what: plant.what,
    });
  }
  planted.sort((a, b) => compareText(a.file, b.file) || compareText(a.sheet, b.sheet) || a.row - b.row);
  return planted;
}

/** Rows read, accepted and rejected per file and sheet, as a correct importer counts them. */
export function accountsOf(
  files: readonly FileLayout[],
  rows: readonly PlantedRow[],
): Record<string, Record<string, SheetAccount>> {
  const accounts: Record<string, Record<string, SheetAccount>> = {};
  for (const file of files) {
    accounts[file.fileName] = Object.fromEntries(
      file.sheets.map((sheet) => {
        const tags = sheet.tags.filter((tag): tag is string => tag !== undefined);
        const outcomeOf = (tag: string): PlantOutcome | undefined => rows.find((row) => row.tag === tag)?.outcome;
        const skipped = tags.filter((tag) => outcomeOf(tag) === 'skipped').length;
        const rejected = tags.filter((tag) => outcomeOf(tag) === 'rejected').length;
        const warnings = tags.filter((tag) => outcomeOf(tag) !== 'rejected').length;
        const read = sheet.rows.length - skipped;
        return [sheet.name, { read, accepted: read - rejected, rejected, warnings }];
      }),
    );
  }
  return accounts;
}
