/**
 * `compute --out result.xlsx`: the result JSON as a workbook people can read. One sheet per
 * group of the Circular (units as rows; per indicator a merged header over its figures and
 * breakdown values), a sheet of target statuses, and a first sheet saying what the file is
 * (with the input files and their SHA-256 when the caller gives them).
 * Numbers are the JSON's, unrounded in the cell and shown with one decimal for ratios. Text
 * (unit names, targets from the targets file) is text, never a formula, and the same result
 * gives the same bytes (io/xlsx-output.ts: the file is dated with the period's last day).
 */
import ExcelJS from 'exceljs';
import { sheetName, workbookBytes } from '../io/xlsx-output.js';
import { compareValues } from '../engine/breakdowns.js';
import { CHILD_PROPERTY_BREAKDOWNS, type Catalogue, type IndicatorDefinition } from '../indicators/index.js';
import { outputText, type Lang } from '../messages/index.js';
import type { BreakdownKey, ComputeResult, IndicatorResult, Level } from '../model/results.js';
import { levelWords } from '../model/levels.js';
import { VIETNAMESE_FORMAT } from '../report/table-layout.js';
import { breakdownText, STATUS_LABEL, type ResultSource, type UnitNamer } from './results-model.js';

const APPROXIMATE = outputText.approximateNote();

interface Column {
  readonly header: string;
  readonly breakdown: string;
  readonly pick: (row: IndicatorResult) => number | null;
  readonly ratio: boolean;
  /**
   * The figure of a breakdown value that does not occur in a unit, from the unit's total row:
   * 0 for a count, 0 for a ratio over the unit's total denominator (not split by sex or age).
   */
  readonly absent?: (total: IndicatorResult) => number | null;
}

const breakdownId = (breakdown: IndicatorResult['breakdown']) => JSON.stringify(breakdown);

/** The columns of one indicator: its total figures, then every breakdown value that occurs. */
function columnsOf(definition: IndicatorDefinition, rows: readonly IndicatorResult[], lang: Lang): Column[] {
  const isRatio = definition.denominator !== undefined;
  const total = breakdownId({});
  const columns: Column[] = isRatio
    ? [
        { header: outputText.numeratorHeader().in(lang), breakdown: total, pick: (row) => row.numerator, ratio: false },
        { header: outputText.denominatorHeader().in(lang), breakdown: total, pick: (row) => row.denominator, ratio: false },
        { header: outputText.ratioValueHeader().in(lang), breakdown: total, pick: (row) => row.value, ratio: true },
      ]
    : [{ header: outputText.totalHeader().in(lang), breakdown: total, pick: (row) => row.value, ratio: false }];
  const seen = new Map<string, IndicatorResult['breakdown']>();
  for (const row of rows) {
    if (Object.keys(row.breakdown).length > 0) seen.set(breakdownId(row.breakdown), row.breakdown);
  }
  const entryIndex = (breakdown: IndicatorResult['breakdown']) => {
    const keys = Object.keys(breakdown);
    return definition.breakdowns.findIndex((entry) => entry.length === keys.length && entry.every((key, index) => keys[index] === key));
  };
  const ordered = [...seen.values()].sort((a, b) => {
    const byEntry = entryIndex(a) - entryIndex(b);
    if (byEntry !== 0) return byEntry;
    for (const key of Object.keys(a) as BreakdownKey[]) {
      const byValue = compareValues(key, a[key]!, b[key]!);
      if (byValue !== 0) return byValue;
    }
    return 0;
  });
  for (const breakdown of ordered) {
    const overTotal = (Object.keys(breakdown) as BreakdownKey[]).every((key) => !CHILD_PROPERTY_BREAKDOWNS.has(key));
    columns.push({
      header: breakdownText(breakdown, lang),
      breakdown: breakdownId(breakdown),
      pick: (row) => row.value,
      ratio: isRatio,
      absent: (total) => (total.noData ? null : !isRatio ? 0 : overTotal && (total.denominator ?? 0) > 0 ? 0 : null),
    });
  }
  return columns;
}

function groupSheetName(definition: IndicatorDefinition, lang: Lang, used: Set<string>): string {
  const group = lang === 'en' ? definition.groupNameEn : definition.groupName;
  return sheetName(`${definition.appendix}.${definition.group} ${group}`, used);
}

/** Wide sheets of figures: A4 landscape, fitted to the page width, their header rows on every page. */
function printSetup(sheet: ExcelJS.Worksheet, headerRows: number): void {
  sheet.pageSetup = { ...sheet.pageSetup, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  sheet.pageSetup.printTitlesRow = `1:${headerRows}`;
}

const UNIT_HEADERS = [outputText.levelHeader(), outputText.codeHeader(), outputText.unitHeader()];

function groupSheet(workbook: ExcelJS.Workbook, name: string, definitions: readonly IndicatorDefinition[], result: ComputeResult, names: UnitNamer, lang: Lang): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 3, ySplit: 2 }] });
  const units: { level: Level; unit: string }[] = [];
  const unitIndex = new Map<string, number>();
  const byIndicator = new Map<string, IndicatorResult[]>();
  for (const row of result.results) {
    const list = byIndicator.get(row.indicator);
    if (list) list.push(row);
    else byIndicator.set(row.indicator, [row]);
    const key = `${row.level}|${row.unit}`;
    if (!unitIndex.has(key)) {
      unitIndex.set(key, units.length);
      units.push({ level: row.level, unit: row.unit });
    }
  }
  UNIT_HEADERS.forEach((header, index) => {
    sheet.getCell(1, index + 1).value = header.in(lang);
    sheet.mergeCells(1, index + 1, 2, index + 1);
  });
  units.forEach((unit, index) => {
    sheet.getCell(index + 3, 1).value = levelWords(unit.level).label[lang];
    sheet.getCell(index + 3, 2).value = unit.unit;
    sheet.getCell(index + 3, 3).value = names(unit.level, unit.unit);
  });
  let column = 4;
  for (const definition of definitions) {
    const rows = byIndicator.get(definition.code) ?? [];
    const columns = columnsOf(definition, rows, lang);
    sheet.getCell(1, column).value = `${definition.code} ${lang === 'en' ? definition.nameEn : definition.name}`;
    if (columns.length > 1) sheet.mergeCells(1, column, 1, column + columns.length - 1);
    const cells = new Map<string, IndicatorResult>();
    for (const row of rows) cells.set(`${row.level}|${row.unit}|${breakdownId(row.breakdown)}`, row);
    columns.forEach((spec, offset) => {
      sheet.getCell(2, column + offset).value = spec.header;
      sheet.getColumn(column + offset).width = 12;
      units.forEach((unit, index) => {
        const row = cells.get(`${unit.level}|${unit.unit}|${spec.breakdown}`);
        const total = cells.get(`${unit.level}|${unit.unit}|${breakdownId({})}`);
        if (row === undefined && (total === undefined || spec.absent === undefined)) return;
        const cell = sheet.getCell(index + 3, column + offset);
        const value = row !== undefined ? spec.pick(row) : spec.absent!(total!);
        cell.value = value === null ? '–' : value;
        cell.numFmt = spec.ratio ? VIETNAMESE_FORMAT.oneDecimal : VIETNAMESE_FORMAT.whole;
        if (value === null) cell.alignment = { horizontal: 'right' };
        if (row?.approximate) cell.note = APPROXIMATE.in(lang);
      });
    });
    column += columns.length;
  }
  for (const row of [1, 2]) {
    sheet.getRow(row).font = { bold: true };
    sheet.getRow(row).alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  }
  sheet.getRow(1).height = 45;
  sheet.getColumn(3).width = 28;
  printSetup(sheet, 2);
}

function targetsSheet(workbook: ExcelJS.Workbook, result: ComputeResult, names: UnitNamer, lang: Lang): void {
  const sheet = workbook.addWorksheet(outputText.targetsSheet().in(lang), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    outputText.targetHeader(),
    outputText.indicatorHeader(),
    outputText.levelHeader(),
    outputText.codeHeader(),
    outputText.unitHeader(),
    outputText.statusHeader(),
    outputText.currentHeader(),
    outputText.lastYearHeader(),
    outputText.noteHeader(),
  ].map((header, index) => ({ header: header.in(lang), width: [50, 10, 8, 8, 28, 16, 10, 12, 50][index] }));
  for (const target of result.targets) {
    sheet.addRow([
      target.target,
      target.indicator,
      levelWords(target.level).label[lang],
      target.unit,
      names(target.level, target.unit),
      STATUS_LABEL[target.status].in(lang),
      target.current ?? '–',
      target.baseline ?? '–',
      target.note ?? '',
    ]);
  }
  sheet.getRow(1).font = { bold: true };
  printSetup(sheet, 1);
}

function aboutSheet(workbook: ExcelJS.Workbook, result: ComputeResult, lang: Lang, sources: readonly ResultSource[]): void {
  const sheet = workbook.addWorksheet(outputText.aboutSheet().in(lang));
  const { period } = result;
  const lines = [
    [outputText.aboutTitle().in(lang)],
    [outputText.aboutPeriod().in(lang), `${period.id} (${period.from} – ${period.to})`],
    [outputText.aboutRatios().in(lang), outputText.aboutRatiosText().in(lang)],
    [outputText.aboutApproximate().in(lang), outputText.aboutApproximateText().in(lang)],
    [outputText.aboutPersonalData().in(lang), outputText.aboutPersonalDataText().in(lang)],
  ];
  for (const line of lines) sheet.addRow(line);
  if (sources.length > 0) {
    sheet.addRow([]);
    const headers = [outputText.inputFileHeader(), outputText.rowsReadHeader(), outputText.acceptedHeader(), outputText.rejectedHeader()].map((header) => header.in(lang));
    sheet.addRow([...headers, 'SHA-256']).font = { bold: true };
    for (const source of sources) sheet.addRow([source.file, source.read, source.accepted, source.rejected, source.sha256 ?? '']);
  }
  sheet.getColumn(1).width = 22;
  sheet.getColumn(2).width = 90;
  sheet.getColumn(5).width = 66;
  sheet.getRow(1).font = { bold: true };
}

export async function resultWorkbookBytes(
  result: ComputeResult,
  catalogue: Catalogue,
  names: UnitNamer,
  lang: Lang,
  sources: readonly ResultSource[] = [],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  aboutSheet(workbook, result, lang, sources);
  const groups = new Map<string, IndicatorDefinition[]>();
  for (const definition of catalogue.indicators) {
    const key = `${definition.appendix}|${definition.group}`;
    const list = groups.get(key);
    if (list) list.push(definition);
    else groups.set(key, [definition]);
  }
  const used = new Set<string>();
  for (const definitions of groups.values()) groupSheet(workbook, groupSheetName(definitions[0]!, lang, used), definitions, result, names, lang);
  targetsSheet(workbook, result, names, lang);
  return workbookBytes(workbook, result.period.to);
}
