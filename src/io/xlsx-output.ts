/**
 * Every workbook chitieu writes (report annex, `compute --out x.xlsx`, the error workbook, the
 * demo's commune annexes) goes out through `workbookBytes`, so that:
 *
 * - text stays text: exceljs stores a JavaScript string as a shared string (`t="s"`), never as
 *   a formula, whatever it starts with; text that starts like a formula (= + - @, tab, CR)
 *   also gets the Text number format, so that editing the cell in a spreadsheet does not turn
 *   it into one either. The text itself is kept as it was: data stays true.
 * - the only formulas are ours: a formula may hold cell references, numbers, + - * / and
 *   brackets, nothing else (no function, no text); anything else is a bug and stops the write.
 * - the bytes depend on the content alone: fixed document dates (docProps/core.xml) and a
 *   normalised zip (io/deterministic-zip.ts), whatever the clock or the time zone.
 */
import ExcelJS from 'exceljs';
import { normaliseZip } from './deterministic-zip.js';
import { toolVersion } from '../model/version.js';

/** Starts like a formula to a spreadsheet (the OWASP list for CSV injection). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** Writes text from outside (file, unit or indicator names, narrative, input values) as text. */
export function setText(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  if (looksLikeFormula(text)) cell.numFmt = '@';
}

/** Excel's limit on a sheet name. */
export const SHEET_NAME_LIMIT = 31;

/**
 * A sheet name Excel takes: no []:*?/\\, at most 31 characters cut at a word boundary ("I.02
 * Sức khỏe, dinh dưỡng trẻ em" → "I.02 Sức khỏe, dinh dưỡng trẻ", never "…trẻ e"), unique
 * within `used` (a number is added, the words cut again to make room).
 */
export function sheetName(text: string, used: Set<string>): string {
  const clean = text.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim();
  const fit = (limit: number) => {
    if (clean.length <= limit) return clean;
    const cut = clean.slice(0, limit + 1);
    const space = cut.lastIndexOf(' ');
    return (space > 0 ? cut.slice(0, space) : clean.slice(0, limit)).replace(/[\s,;.–-]+$/, '');
  };
  let name = fit(SHEET_NAME_LIMIT);
  for (let n = 2; used.has(name.toLocaleLowerCase('vi')); n++) name = `${fit(SHEET_NAME_LIMIT - String(n).length - 1)} ${n}`;
  used.add(name.toLocaleLowerCase('vi'));
  return name;
}

const CELL_REFERENCE = /\$?[A-Z]{1,3}\$?[1-9][0-9]{0,6}/g;

/** A formula chitieu builds itself: references, numbers, arithmetic and brackets only. */
export function isOwnFormula(formula: string): boolean {
  const operands = formula.replace(CELL_REFERENCE, '#');
  return operands.includes('#') && /^[#0-9.+\-*/() ]*$/.test(operands);
}

/** `{ formula, result }` for exceljs, refusing any formula that is not only arithmetic on cells. */
export function safeFormula(formula: string, result: number): ExcelJS.CellFormulaValue {
  if (!isOwnFormula(formula)) throw new Error(`refusing to write the formula ${JSON.stringify(formula)}: only arithmetic on cell references is written`);
  return { formula, result };
}

/**
 * The last check on a finished workbook: every string that looks like a formula has the Text
 * format, every formula is one of ours, and nothing else than plain values, rich text and our
 * formulas is written (no hyperlinks: a link target could come from input).
 */
export function guardWorkbook(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const value = cell.value;
        if (typeof value === 'string') {
          if (looksLikeFormula(value)) cell.numFmt = '@';
          return;
        }
        if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return;
        if ('richText' in value) return;
        if ('formula' in value && typeof value.formula === 'string' && isOwnFormula(value.formula)) return;
        throw new Error(`refusing to write cell ${sheet.name}!${cell.address}: ${JSON.stringify(value).slice(0, 80)}`);
      });
    });
  });
}

/** Midnight UTC of an ISO calendar date: the only time a workbook carries. */
export function stampOf(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/**
 * The bytes of a workbook, the same for the same content: `date` (an ISO calendar date that
 * belongs to the content — the report date, the period's end) is written as its creation and
 * modification date, the author is "chitieu", and the zip is normalised.
 */
export async function workbookBytes(workbook: ExcelJS.Workbook, date: string): Promise<Buffer> {
  const stamp = stampOf(date);
  workbook.creator = 'chitieu';
  // The version that wrote it, in File › Info, as in the DOCX (a newer chitieu may write differently).
  workbook.lastModifiedBy = `chitieu ${toolVersion()}`;
  workbook.created = stamp;
  workbook.modified = stamp;
  guardWorkbook(workbook);
  const raw = await workbook.xlsx.writeBuffer();
  return normaliseZip(new Uint8Array(raw as ArrayBuffer));
}
