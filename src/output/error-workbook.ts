import ExcelJS from 'exceljs';
import { workbookBytes } from '../io/xlsx-output.js';
import { SHEETS, type SheetSpec } from '../model/columns.js';
import type { ImportWarning, RejectedRow } from '../model/issues.js';
import { msg, render, type Lang, type Message } from '../model/messages.js';
import type { RecordKind } from '../model/records.js';
import type { FileAccount } from '../import/read-file.js';
import { accountingLines, issueLabel } from '../import/summary.js';

/**
 * The workbook officials fix their rows in. One sheet per kind of record, one column per field
 * of the contract headed by the contract's Vietnamese header, whatever each file called it (the
 * file's own header is kept in the header cell's note), so that the rows of every file line up
 * in the same columns; the reason first, then the original file, sheet and row number; a frozen
 * header with filters. Columns the contract does not know follow, by the file's header. The
 * warnings (rows that still count but should be fixed) are on their own sheet "Cảnh báo".
 *
 * It holds personal data (names, ID numbers) on purpose, and says so on its first sheet. Values
 * are text cells, never formulas (io/xlsx-output.ts), and the same rows give the same bytes.
 */

/** The date the error workbook carries: fixed, so that the file depends on its rows only. */
const STAMP = '2000-01-01';

/** Excel holds at most 32,767 characters in a cell. */
const MAX_CELL_TEXT = 32_767;
/** Columns of headers the contract does not know, one each; the rest share one last column. */
const MAX_OTHER_COLUMNS = 100;

const SHEET_NAMES: Record<RecordKind, Message> = {
  children: msg('Trẻ em bị loại', 'Rejected children'),
  events: msg('Sự việc bị loại', 'Rejected events'),
  communeFacts: msg('Thông tin xã bị loại', 'Rejected commune facts'),
};

const FIXED = {
  reason: msg('Lý do', 'Reason'),
  kinds: msg('Loại lỗi', 'Error kinds'),
  file: msg('Tệp', 'File'),
  sheet: msg('Trang', 'Sheet'),
  row: msg('Dòng', 'Row'),
  column: msg('Cột', 'Column'),
  value: msg('Giá trị', 'Value'),
  warning: msg('Cảnh báo', 'Warning'),
  warningKind: msg('Loại cảnh báo', 'Kind'),
  others: msg('Các cột khác', 'Other columns'),
};

export interface ErrorWorkbookContext {
  /** Warnings of the same run: their own sheet "Cảnh báo". */
  readonly warnings?: readonly ImportWarning[];
  /** The files read, for the headers each file used (kept in the header cells' notes). */
  readonly files?: readonly FileAccount[];
}

/**
 * A row's height for its wrapped reason and kinds (60 and 30 characters wide): spreadsheets do not
 * all grow a row to its wrapped text on opening (LibreOffice does not), so it is set.
 */
function wrappedHeight(reason: string, kinds: string): number {
  const lines = Math.max(Math.ceil(reason.length / 58), Math.ceil(kinds.length / 28), 1);
  return Math.min(15 * lines, 409);
}

const clip = (text: string) => (text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text);

function reasonsOf(row: RejectedRow, lang: Lang): string {
  return row.issues.map((issue) => `${issue.column ? `${issue.column}: ` : ''}${render(issue.message, lang)}`).join('; ');
}

/** The headers the files used for each contract column of a kind, where they differ from the contract's. */
function fileHeaders(files: readonly FileAccount[], kind: RecordKind): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  for (const file of files) {
    for (const sheet of file.sheets) {
      if (sheet.kind !== kind || !sheet.columns) continue;
      for (const column of sheet.columns.recognised) {
        if (column.header === column.column) continue;
        const list = seen.get(column.column) ?? [];
        const entry = `"${column.header}" (${file.file} › ${sheet.sheet})`;
        if (!list.includes(entry)) list.push(entry);
        seen.set(column.column, list);
      }
    }
  }
  return seen;
}

function headerRow(sheet: ExcelJS.Worksheet, headers: readonly string[]): void {
  const row = sheet.getRow(1);
  headers.forEach((header, index) => {
    row.getCell(index + 1).value = header;
  });
  row.font = { bold: true };
  row.alignment = { vertical: 'top', wrapText: true };
}

/**
 * Frozen header (and reason column), filters over every column, widths to read by; the reason and
 * kinds wrap so that they read whole; printed landscape with the header on every page.
 */
function finish(sheet: ExcelJS.Worksheet, columns: number, rows: number, widths: readonly number[]): void {
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(rows, 1) + 1, column: columns } };
  for (let index = 0; index < columns; index += 1) sheet.getColumn(index + 1).width = widths[index] ?? 18;
  for (const column of [1, 2]) sheet.getColumn(column).alignment = { vertical: 'top', wrapText: true };
  sheet.getRow(1).alignment = { vertical: 'top', wrapText: true };
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', printTitlesRow: '1:1' };
}

function rejectedSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, rows: readonly RejectedRow[], files: readonly FileAccount[], lang: Lang): void {
  const sheet = workbook.addWorksheet(render(SHEET_NAMES[spec.kind], lang));
  const contract = spec.columns.map((column) => column.header);
  const known = new Set(contract);
  const others: string[] = [];
  for (const row of rows) for (const header of Object.keys(row.values)) if (!known.has(header) && !others.includes(header)) others.push(header);
  const ownColumns = others.slice(0, MAX_OTHER_COLUMNS);
  const overflow = others.slice(MAX_OTHER_COLUMNS);
  const fixed = [FIXED.reason, FIXED.kinds, FIXED.file, FIXED.sheet, FIXED.row].map((label) => render(label, lang));
  const headers = [...fixed, ...contract, ...ownColumns, ...(overflow.length > 0 ? [render(FIXED.others, lang)] : [])];
  headerRow(sheet, headers);
  const spellings = fileHeaders(files, spec.kind);
  contract.forEach((header, index) => {
    const used = spellings.get(header);
    if (used) sheet.getRow(1).getCell(fixed.length + index + 1).note = clip(`${render(msg('Tiêu đề trong tệp', 'Header in the file'), lang)}: ${used.join('; ')}`);
  });
  rows.forEach((row, index) => {
    const values = [
      reasonsOf(row, lang),
      [...new Set(row.issues.map((issue) => issueLabel(issue.kind, lang)))].join('; '),
      row.source.file,
      row.source.sheet,
      row.source.row,
      ...contract.map((header) => row.values[header] ?? ''),
      ...ownColumns.map((header) => row.values[header] ?? ''),
    ];
    if (overflow.length > 0) {
      values.push(overflow.flatMap((header) => (row.values[header] ? [`${header} = ${row.values[header]}`] : [])).join('; '));
    }
    const line = sheet.getRow(index + 2);
    line.height = wrappedHeight(String(values[0]), String(values[1]));
    values.forEach((value, column) => {
      // Strings are written as text cells, never as formulas, whatever they start with.
      line.getCell(column + 1).value = typeof value === 'string' ? clip(value) : value;
    });
  });
  finish(sheet, headers.length, rows.length, [60, 30, 28, 14, 8]);
}

function warningSheet(workbook: ExcelJS.Workbook, warnings: readonly ImportWarning[], lang: Lang): void {
  const sheet = workbook.addWorksheet(lang === 'en' ? 'Warnings' : 'Cảnh báo');
  const headers = [FIXED.warning, FIXED.warningKind, FIXED.file, FIXED.sheet, FIXED.row, FIXED.column, FIXED.value].map((label) => render(label, lang));
  headerRow(sheet, headers);
  warnings.forEach((warning, index) => {
    const line = sheet.getRow(index + 2);
    line.height = wrappedHeight(render(warning.message, lang), issueLabel(warning.kind, lang));
    [render(warning.message, lang), issueLabel(warning.kind, lang), warning.source.file, warning.source.sheet, warning.source.row, warning.column ?? '', warning.value ?? ''].forEach(
      (value, column) => {
        line.getCell(column + 1).value = typeof value === 'string' ? clip(value) : value;
      },
    );
  });
  finish(sheet, headers.length, warnings.length, [60, 30, 28, 14, 8, 22, 18]);
}

export async function errorWorkbookBytes(rejected: readonly RejectedRow[], lang: Lang, context: ErrorWorkbookContext = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const warnings = (context.warnings ?? []).filter((warning) => warning.kind !== 'totals_row');

  const notice = workbook.addWorksheet(lang === 'en' ? 'Notice' : 'Lưu ý');
  notice.getColumn(1).width = 110;
  const noticeLines: string[] =
    lang === 'en'
      ? [
          'THIS FILE CONTAINS PERSONAL DATA OF CHILDREN',
          'It lists the rows chitieu rejected, with every value, so that they can be corrected at the source.',
          'Keep it within the office, do not send it by e-mail or publish it, and delete it once the rows are fixed.',
          `Rejected rows: ${rejected.length}; warnings (rows that still count but should be fixed): ${warnings.length}.`,
          'Each sheet has one column per field of the data contract, headed by its Vietnamese header; a note on a header cell gives the header the file used.',
        ]
      : [
          'TỆP NÀY CHỨA DỮ LIỆU CÁ NHÂN CỦA TRẺ EM',
          'Tệp liệt kê các dòng bị loại khi kiểm tra, kèm đầy đủ giá trị, để cán bộ sửa lại trong dữ liệu gốc.',
          'Chỉ lưu trong cơ quan, không gửi qua thư điện tử hay công khai; xóa tệp sau khi đã sửa xong.',
          `Số dòng bị loại: ${rejected.length}; số cảnh báo (dòng vẫn được tính nhưng cần sửa, trang "Cảnh báo"): ${warnings.length}.`,
          'Mỗi trang có một cột cho mỗi trường của mẫu dữ liệu, tiêu đề theo mẫu; ghi chú ở ô tiêu đề cho biết tên cột trong tệp gốc.',
        ];
  // Read = accepted + rejected per file and sheet, the rows rejected while being placed included.
  const files = context.files ?? [];
  if (files.length > 0) noticeLines.push('', lang === 'en' ? 'Rows read per file and sheet:' : 'Số dòng theo tệp và trang:', ...accountingLines(files, lang));
  noticeLines.forEach((line, index) => {
    const cell = notice.getCell(index + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (index === 0) cell.font = { bold: true, color: { argb: 'FFC00000' }, size: 14 };
  });

  for (const spec of SHEETS) {
    const rows = rejected.filter((row) => row.recordKind === spec.kind);
    if (rows.length > 0) rejectedSheet(workbook, spec, rows, context.files ?? [], lang);
  }
  if (warnings.length > 0) warningSheet(workbook, warnings, lang);
  return workbookBytes(workbook, STAMP);
}
