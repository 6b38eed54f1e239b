/**
 * The annex workbook: Biểu 01–05 for people (merged two-level headers, number formats, frozen
 * panes, A4 fitted to the page width, header rows repeated on each printed page, formulas with
 * their results; a table in two parts has a sheet per part), and after them DuLieu, DuLieuXa and
 * ThongTin, the figures for programs (src/model/annex-contract.ts), so that a province can
 * `aggregate` the workbooks its communes send up. Those three are visible and headed in
 * Vietnamese (DuLieu's keys in its second header row) but print nothing (an empty print area):
 * printing the workbook prints the Biểu sheets only.
 */
import ExcelJS from 'exceljs';
import { safeFormula, setText, workbookBytes } from '../io/xlsx-output.js';
import type { IndicatorResult } from '../model/results.js';
import { missingByUnit, type Completeness } from '../report/completeness.js';
import { EXCEL_LIMITS } from '../io/excel-limits.js';
import type { ReportModel } from '../report/model.js';
import { excelFormat, headerLayout, VIETNAMESE_FORMAT } from '../report/table-layout.js';
import type { Cell, Column, ReportTable, Row, TablePart } from '../report/table-model.js';
import {
  ANNEX_FORMAT,
  BREAKDOWN_COLUMNS,
  DATA_COLUMNS,
  DATA_SHEET,
  type DataColumn,
  FACT_FIELDS,
  FACTS_SHEET,
  FILE_ROW_KEY,
  INFO_KEYS,
  INFO_SHEET,
  factHeader,
  type InfoKey,
} from '../model/annex-contract.js';

const FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const DASH_TEXT = '–';


function font(cell: ExcelJS.Cell, options: { bold?: boolean; italic?: boolean; size?: number } = {}): void {
  cell.font = { name: FONT, size: options.size ?? 11, ...(options.bold ? { bold: true } : {}), ...(options.italic ? { italic: true } : {}) };
}

/** Points of height for text wrapped in a cell `width` characters wide (Times New Roman 11). */
function wrappedHeight(text: string, width: number): number {
  const lines = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil((line.length * 1.15) / Math.max(width - 1, 1))), 0);
  return lines * 14 + 3;
}

function widthOf(sheet: ExcelJS.Worksheet, from: number, count: number): number {
  let width = 0;
  for (let c = from; c < from + count; c++) width += sheet.getColumn(c).width ?? 9;
  return width;
}

function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A merged line across the table: title, subtitle, a note. */
function banner(sheet: ExcelJS.Worksheet, row: number, last: number, text: string, style: { bold?: boolean; italic?: boolean; size?: number; align?: 'center' | 'left' | 'right' }): void {
  const cell = sheet.getCell(row, 1);
  setText(cell, text);
  font(cell, style);
  cell.alignment = { horizontal: style.align ?? 'center', vertical: 'middle', wrapText: true };
  if (last > 1) sheet.mergeCells(row, 1, row, last);
}

function headerCell(sheet: ExcelJS.Worksheet, row: number, col: number, text: string, italic = false): void {
  const cell = sheet.getCell(row, col);
  setText(cell, text);
  font(cell, italic ? { italic: true } : { bold: true });
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.border = BOX;
}

/** Writes the header rows of a part; returns the row after them. */
function writeHeader(sheet: ExcelJS.Worksheet, top: number, part: TablePart): number {
  const layout = headerLayout(part.columns);
  const rows = layout.twoRows ? 2 : 1;
  const bottom = top + rows - 1;
  headerCell(sheet, top, 1, 'STT');
  headerCell(sheet, top, 2, part.labelHeader);
  if (rows === 2) {
    for (const col of [1, 2]) {
      sheet.getCell(bottom, col).border = BOX;
      sheet.mergeCells(top, col, bottom, col);
    }
  }
  for (const block of layout.top) {
    const first = block.from + 3;
    if (block.group === undefined) {
      headerCell(sheet, top, first, part.columns[block.from]!.header);
      if (rows === 2) {
        sheet.getCell(bottom, first).border = BOX;
        sheet.mergeCells(top, first, bottom, first);
      }
      continue;
    }
    headerCell(sheet, top, first, block.group);
    for (let i = 1; i < block.count; i++) sheet.getCell(top, first + i).border = BOX;
    if (block.count > 1) sheet.mergeCells(top, first, top, first + block.count - 1);
    for (let i = 0; i < block.count; i++) headerCell(sheet, bottom, first + i, part.columns[block.from + i]!.header);
  }
  // Wrapped headers: spreadsheets do not grow rows for them, so give the rows their height.
  let topHeight = 16;
  let bothHeight = 0;
  for (const block of layout.top) {
    const first = block.from + 3;
    if (block.group === undefined) bothHeight = Math.max(bothHeight, wrappedHeight(part.columns[block.from]!.header, widthOf(sheet, first, 1)));
    else topHeight = Math.max(topHeight, wrappedHeight(block.group, widthOf(sheet, first, block.count)));
  }
  bothHeight = Math.max(bothHeight, wrappedHeight(part.labelHeader, widthOf(sheet, 2, 1)));
  if (rows === 2) {
    let bottomHeight = 16;
    part.columns.forEach((column, i) => {
      if (column.group !== undefined) bottomHeight = Math.max(bottomHeight, wrappedHeight(column.header, widthOf(sheet, i + 3, 1)));
    });
    sheet.getRow(top).height = topHeight;
    sheet.getRow(bottom).height = Math.max(bottomHeight, bothHeight - topHeight);
  } else {
    sheet.getRow(top).height = Math.max(topHeight, bothHeight);
  }
  const numbers = bottom + 1;
  ['A', 'B', ...part.columns.map((_, i) => String(i + 1))].forEach((label, i) => headerCell(sheet, numbers, i + 1, label, true));
  return numbers + 1;
}

/** A formula over cells of the same row, when every operand is a number; with its result. */
function formulaFor(column: Column, row: Row, part: TablePart, excelRow: number, value: number): ExcelJS.CellFormulaValue | undefined {
  const derived = column.derived;
  if (!derived) return undefined;
  const ref = (key: string) => {
    const index = part.columns.findIndex((c) => c.key === key);
    return index < 0 ? undefined : `${columnLetter(index + 3)}${excelRow}`;
  };
  const num = (key: string) => {
    const v = row.cells[key]?.value;
    return typeof v === 'number' ? v : undefined;
  };
  if (derived.kind === 'ratio') {
    const [a, b] = [ref(derived.numerator), ref(derived.denominator)];
    const [x, y] = [num(derived.numerator), num(derived.denominator)];
    if (!a || !b || x === undefined || y === undefined || y === 0) return undefined;
    return safeFormula(`${a}/${b}*${derived.factor}`, value);
  }
  const [a, b] = [ref(derived.current), ref(derived.previous)];
  const [x, y] = [num(derived.current), num(derived.previous)];
  if (!a || !b || x === undefined || y === undefined) return undefined;
  if (derived.kind === 'difference') return safeFormula(`${a}-${b}`, value);
  if (y === 0) return undefined;
  return safeFormula(`(${a}-${b})/${b}*100`, value);
}

function writeValue(sheet: ExcelJS.Worksheet, excelRow: number, col: number, cell: Cell | undefined, column: Column, row: Row, part: TablePart): void {
  const target = sheet.getCell(excelRow, col);
  const value = cell?.value ?? null;
  const format = cell?.format ?? column.format;
  if (value === null) {
    target.value = DASH_TEXT;
    target.alignment = { horizontal: 'right', vertical: 'middle' };
  } else if (cell?.suppressed) {
    // "<3" or "x" (suppress.ts): a text where a figure would be.
    setText(target, String(value));
    target.alignment = { horizontal: 'right', vertical: 'middle' };
  } else if (typeof value === 'string') {
    setText(target, value);
    target.alignment = { horizontal: column.width > 2 ? 'left' : 'center', vertical: 'middle', wrapText: true };
  } else {
    target.value = formulaFor(column, row, part, excelRow, value) ?? value;
    const numFmt = excelFormat(format);
    if (numFmt) target.numFmt = numFmt;
    target.alignment = { horizontal: 'right', vertical: 'middle' };
  }
  font(target, { bold: row.total, italic: cell?.approximate === true });
  target.border = BOX;
}

function writePart(sheet: ExcelJS.Worksheet, start: number, part: TablePart, last: number): { next: number; headerEnd: number } {
  let row = start;
  if (part.heading) {
    banner(sheet, row, last, part.heading, { bold: true, italic: true, align: 'left' });
    row++;
  }
  row = writeHeader(sheet, row, part);
  const headerEnd = row - 1;
  for (const data of part.rows) {
    const stt = sheet.getCell(row, 1);
    setText(stt, data.stt);
    const label = sheet.getCell(row, 2);
    setText(label, data.label);
    for (const cell of [stt, label]) {
      font(cell, { bold: data.total });
      cell.border = BOX;
      cell.alignment = { horizontal: cell === stt ? 'center' : 'left', vertical: 'middle', wrapText: true };
    }
    part.columns.forEach((column, i) => writeValue(sheet, row, i + 3, data.cells[column.key], column, data, part));
    const height = wrappedHeight(data.label, widthOf(sheet, 2, 1));
    if (height > 17) sheet.getRow(row).height = height;
    row++;
  }
  return { next: row + 1, headerEnd };
}

/** Landscape when the columns are wider than an A4 portrait page takes at a readable size. */
const PORTRAIT_WIDTH = 110;

/** Sheet names of a table: the first part under the table's own name ("Bieu02"), the next ones with their letter ("Bieu02b"). */
export function partSheetNames(table: ReportTable): string[] {
  return table.parts.map((_, i) => (i === 0 ? table.sheetName : `${table.sheetName}${String.fromCharCode(97 + i)}`));
}

/**
 * The table's notes that concern a part: a part by group, form or cause (no unit rows) has no
 * total row, so the note about the total row would point at nothing on its sheet.
 */
function notesForPart(table: ReportTable, part: TablePart): readonly string[] {
  const unitRows = part.rows.some((row) => row.total) && part.labelHeader === 'Đơn vị';
  return unitRows ? table.notes : table.notes.filter((note) => !note.startsWith('Dòng "'));
}

/**
 * One sheet per part of a table, so that each part prints with its own header rows repeated on
 * every page (Excel has one set of print titles per sheet: part b under part a's header would
 * read wrong). A4, fitted to the page width, landscape where the columns are wide; the title
 * rows on each sheet, the table's notes under each part.
 */
function writeTableSheets(workbook: ExcelJS.Workbook, table: ReportTable, issuer: string): void {
  const names = partSheetNames(table);
  table.parts.forEach((part, index) => {
    const last = part.columns.length + 2;
    const sheet = workbook.addWorksheet(names[index]!);
    sheet.getColumn(1).width = 5;
    sheet.getColumn(2).width = part.labelHeader !== 'Đơn vị' ? 38 : 24;
    part.columns.forEach((column, i) => {
      sheet.getColumn(i + 3).width = Math.max(9, Math.round(column.width * 9));
    });
    const totalWidth = widthOf(sheet, 1, last);
    sheet.pageSetup = {
      ...sheet.pageSetup,
      paperSize: 9,
      orientation: totalWidth > PORTRAIT_WIDTH ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.59, right: 0.39, top: 0.79, bottom: 0.59, header: 0.3, footer: 0.3 },
    };
    banner(sheet, 1, Math.min(last, 4), issuer, { bold: true, align: 'left' });
    const continued = index > 0 ? ' (tiếp theo)' : '';
    banner(sheet, 2, last, `${table.number}. ${table.title}${continued}`, { bold: true, size: 13 });
    banner(sheet, 3, last, table.subtitle, { italic: true });
    let row = 4;
    if (table.unitNote) {
      banner(sheet, row, last, table.unitNote, { italic: true, align: 'right' });
      row++;
    }
    const headerStart = row + (part.heading ? 1 : 0);
    const written = writePart(sheet, row, part, last);
    row = written.next;
    const notes = notesForPart(table, part);
    if (notes.length > 0) {
      banner(sheet, row, last, 'Ghi chú:', { bold: true, italic: true, align: 'left' });
      row++;
      for (const note of notes) {
        banner(sheet, row, last, `- ${note}`, { italic: true, align: 'left' });
        sheet.getRow(row).height = wrappedHeight(`- ${note}`, widthOf(sheet, 1, last));
        row++;
      }
    }
    const frozen = written.headerEnd;
    sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: frozen, topLeftCell: `C${frozen + 1}`, activeCell: `C${frozen + 1}` }];
    // Its own header rows (group, leaf and column-number rows) on every printed page.
    sheet.pageSetup.printTitlesRow = `${headerStart}:${frozen}`;
  });
}

function dataRow(row: IndicatorResult, periodId: string, model: ReportModel): (string | number | boolean | null)[] {
  const names = model.input.indicatorNames ?? {};
  const factors = model.input.indicatorFactors ?? {};
  const cells: Record<string, string | number | boolean | null> = {
    period: periodId,
    indicator: row.indicator,
    name: names[row.indicator] ?? null,
    unit: row.unit,
    level: row.level,
    numerator: row.numerator,
    denominator: row.denominator,
    value: row.value,
    approximate: row.approximate ? true : null,
    noData: row.noData ? true : null,
    factor: factors[row.indicator] ?? null,
  };
  for (const key of BREAKDOWN_COLUMNS) cells[key] = row.breakdown[key] ?? null;
  return DATA_COLUMNS.map((column) => cells[column] ?? null);
}

/** DuLieu's headers for people (row 1); the keys under them (row 2) are what `aggregate` reads. */
const DATA_HEADERS: Record<DataColumn, string> = {
  period: 'Kỳ báo cáo',
  indicator: 'Mã chỉ tiêu',
  name: 'Tên chỉ tiêu',
  unit: 'Mã đơn vị',
  level: 'Cấp',
  sex: 'Giới tính',
  ageGroup: 'Nhóm tuổi',
  group: 'Nhóm hoàn cảnh đặc biệt',
  cause: 'Nguyên nhân',
  setting: 'Môi trường',
  form: 'Hình thức',
  numerator: 'Tử số',
  denominator: 'Mẫu số',
  value: 'Giá trị',
  approximate: 'Số gần đúng',
  noData: 'Không có số liệu',
  factor: 'Hệ số',
};

/** The cell no sheet writes into: a print area of it alone prints nothing (LibreOffice and Excel skip the sheet). */
const NOWHERE = 'XFD$1048576:XFD$1048576';

/**
 * A sheet for programs that people may open: visible, after the Biểu sheets, out of print. Its
 * print area is an empty cell, so that printing the whole workbook prints the tables only; a
 * person who wants it on paper clears the print area (Page Layout › Print Area › Clear).
 */
function dataSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.pageSetup = { ...sheet.pageSetup, paperSize: 9, orientation: 'landscape' };
  // exceljs writes "A1" as the mixed reference $A1, which LibreOffice ignores: rows given absolute.
  sheet.pageSetup.printArea = NOWHERE;
  return sheet;
}

function headerStyle(row: ExcelJS.Row): void {
  row.font = { name: FONT, bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
}

function writeDataSheet(workbook: ExcelJS.Workbook, model: ReportModel): void {
  const sheet = dataSheet(workbook, DATA_SHEET);
  headerStyle(sheet.addRow(DATA_COLUMNS.map((column) => DATA_HEADERS[column])));
  const keys = sheet.addRow([...DATA_COLUMNS]);
  keys.font = { name: FONT, italic: true, size: 9, color: { argb: 'FF808080' } };
  const rows = [
    ...model.rows.map((row) => dataRow(row, model.input.result.period.id, model)),
    ...(model.input.baseline ? model.baselineRows.map((row) => dataRow(row, model.input.baseline!.period.id, model)) : []),
  ];
  for (const values of rows) {
    const row = sheet.addRow(values.map((value) => value ?? null));
    // Codes such as "0-2" or a unit code must stay text.
    row.eachCell((cell) => {
      if (typeof cell.value === 'string') setText(cell, cell.value);
    });
  }
  sheet.getRow(1).height = 30;
  sheet.views = [{ state: 'frozen', ySplit: 2, xSplit: 3 }];
  // Filters on the keys' row: the rows under it are the data (a filter on row 1 would sort the keys in).
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: DATA_COLUMNS.length } };
  DATA_COLUMNS.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column === 'name' ? 40 : 12;
    // Shown grouped and to three decimals (a rate read 70.857142857 on screen); the cell keeps every digit.
    if (column === 'numerator' || column === 'denominator') sheet.getColumn(i + 1).numFmt = VIETNAMESE_FORMAT.whole;
    if (column === 'value') sheet.getColumn(i + 1).numFmt = `${VIETNAMESE_FORMAT.whole}.0##`;
  });
  for (const row of [1, 2]) sheet.getRow(row).numFmt = 'General';
}

function writeFactsSheet(workbook: ExcelJS.Workbook, model: ReportModel): void {
  const sheet = dataSheet(workbook, FACTS_SHEET);
  headerStyle(sheet.addRow(FACT_FIELDS.map(factHeader)));
  sheet.getRow(1).height = 45;
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const fact of model.input.facts ?? []) {
    const row = sheet.addRow(
      FACT_FIELDS.map((field) => {
        const value = fact[field];
        if (typeof value === 'boolean') return value ? 'Có' : 'Không';
        return value ?? null;
      }),
    );
    row.eachCell((cell) => {
      if (typeof cell.value === 'string') setText(cell, cell.value);
    });
  }
  FACT_FIELDS.forEach((_, i) => {
    sheet.getColumn(i + 1).width = 16;
  });
}

function writeInfoSheet(workbook: ExcelJS.Workbook, model: ReportModel): void {
  const sheet = dataSheet(workbook, INFO_SHEET);
  const { input, settings } = model;
  const period = input.result.period;
  const info: [InfoKey, string | undefined][] = [
    ['format', ANNEX_FORMAT],
    ['unitCode', input.unit.code],
    ['unitName', input.unit.fullName],
    ['level', input.unit.level],
    ['periodId', period.id],
    ['periodFrom', period.from],
    ['periodTo', period.to],
    ['baselineId', input.baseline?.period.id],
    ['baselineFrom', input.baseline?.period.from],
    ['baselineTo', input.baseline?.period.to],
    ['origin', input.origin],
    ['children', input.subUnits.map((child) => child.code).join(', ')],
    ['communes', input.completeness ? String(input.completeness.communes) : undefined],
    ['communesWithData', input.completeness ? fitting(input.completeness.reporting.join(', ')) : undefined],
    ['communesMissing', input.completeness ? missingText(input.completeness) : undefined],
    ['toolVersion', input.toolVersion],
    ['catalogueVersion', input.catalogueVersion],
    ['reportDate', settings.reportDate ?? undefined],
    ['suppress', model.suppress !== undefined ? String(model.suppress) : undefined],
  ];
  headerStyle(sheet.addRow(['Khóa', 'Mục', 'Giá trị']));
  for (const [key, value] of info) {
    if (value === undefined) continue;
    const row = sheet.addRow([key, INFO_KEYS[key], null]);
    if (key === 'suppress') row.getCell(4).value = SUPPRESSED_NOTE;
    setText(row.getCell(3), value);
  }
  sheet.addRow([]);
  headerStyle(sheet.addRow(['', 'Tệp nguồn', 'Số dòng đọc', 'Chấp nhận', 'Bị loại', 'SHA-256']));
  for (const source of input.sources ?? []) {
    const row = sheet.addRow([FILE_ROW_KEY, null, source.read, source.accepted, source.rejected, null]);
    setText(row.getCell(2), source.file);
    if (source.sha256) setText(row.getCell(6), source.sha256);
  }
  sheet.addRow([]);
  // Column A holds the keys `aggregate` reads; a row without one is for people.
  const about = sheet.addRow([null, null]);
  // One line across the table (column C alone is too narrow: LibreOffice cut it off at two lines).
  setText(about.getCell(2), 'Ghi chú: các trang DuLieu, DuLieuXa và ThongTin là số liệu cho lệnh "chitieu aggregate" đọc (cột Khóa, dòng mã cột của DuLieu): không sửa; các trang này không in ra.');
  about.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  about.getCell(2).font = { name: FONT, italic: true };
  sheet.mergeCells(about.number, 2, about.number, 6);
  about.height = 30;
  sheet.getColumn(1).font = { name: FONT, size: 9, color: { argb: 'FF808080' } };
  sheet.getRow(1).font = { name: FONT, bold: true };
  sheet.getColumn(1).width = 14;
  sheet.getColumn(2).width = 40;
  sheet.getColumn(3).width = 24;
  sheet.getColumn(6).width = 66;
}

/** "Xã Sơn Thành (21295), …", or "không có" when every commune had data. */
/**
 * A list that fits in one cell (Excel holds 32,767 characters, the nation's communes before the
 * reform do not fit); none otherwise: `aggregate` then goes by the annex's children.
 */
function fitting(list: string): string | undefined {
  return list.length <= EXCEL_LIMITS.cellChars ? list : undefined;
}

/** Every missing commune, or for the nation the provinces (a cell holds 32,767 characters at most, the nation's 3,321 names do not fit). */
function missingText(completeness: Completeness): string {
  if (completeness.missing.length === 0) return 'không có';
  return missingByUnit(completeness) ?? completeness.missing.map((commune) => `${commune.name} (${commune.code})`).join(', ');
}

const SUPPRESSED_NOTE =
  'Phụ lục để công bố: số nhỏ đã được ẩn, nên không có trang DuLieu và không dùng được cho "chitieu aggregate" (dùng phụ lục lập không có --suppress).';

/**
 * The annex bytes; `date` (the report's date) is what the workbook says it was made on. People
 * print the Biểu sheets; DuLieu, DuLieuXa and ThongTin are for `aggregate`, after them, visible
 * and printing nothing (dataSheet). With
 * `--suppress` there is no DuLieu sheet: it would hold every figure the Biểu sheets hide, so a
 * suppressed annex is for reading only, never for `aggregate` (which says so).
 */
export async function renderAnnex(model: ReportModel, date: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = `Phụ lục số liệu ${model.input.unit.fullName} ${model.input.result.period.id}`;
  const issuer = model.settings.issuingBody.join(' ');
  for (const table of model.tables) writeTableSheets(workbook, table, issuer);
  if (model.suppress === undefined) writeDataSheet(workbook, model);
  writeFactsSheet(workbook, model);
  writeInfoSheet(workbook, model);
  return workbookBytes(workbook, date);
}
