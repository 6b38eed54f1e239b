import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ZIP_EPOCH } from '../io/deterministic-zip.js';
import { workbookBytes } from '../io/xlsx-output.js';
import { SHEETS, type SheetSpec } from '../model/columns.js';
import type { ImportWarning, RejectedRow } from '../model/issues.js';
import { outputText, type Lang, type Message } from '../messages/index.js';
import type { ChildColumns, Dataset, EventColumns } from '../model/record-columns.js';
import type { RecordKind } from '../model/records.js';
import type { FileAccount } from '../import/read-file.js';
import { accountingLines, issueLabel } from '../import/summary.js';
import { stripDiacritics } from '../import/text.js';
import type { AdminUnits } from '../units/types.js';

/**
 * The workbook officials fix their rows in. One sheet per kind of record; on each, what a
 * printed page needs first (A4 landscape, fitted to the page width): the reason, the file,
 * sheet and row, the record's key (Mã trẻ em, Mã vụ việc, Mã xã) and the row's other values in
 * one cell; then, for filtering and fixing on screen (outside the print area), the kinds of
 * error and one column per field of the contract headed by the contract's Vietnamese header,
 * whatever each file called it (the file's own header is kept in the header cell's note).
 * Columns the contract does not know follow, by the file's header. The warnings (rows that
 * still count, or were skipped, but should be looked at) are on their own sheet "Cảnh báo":
 * all of them, as many as the terminal counts.
 *
 * It holds personal data (names, ID numbers) on purpose, and says so on its first sheet. Values
 * are text cells, never formulas (io/xlsx-output.ts), and the same rows give the same bytes.
 * `validate --per-commune` and the page write one per commune file (errorWorkbooksByFile), to
 * be sent back to the commune that made the file.
 */

/** The date the error workbook carries: fixed, so that the file depends on its rows only. */
const STAMP = '2000-01-01';

/** Excel holds at most 32,767 characters in a cell. */
const MAX_CELL_TEXT = 32_767;
/** Columns of headers the contract does not know, one each; the rest share one last column. */
const MAX_OTHER_COLUMNS = 100;

const SHEET_NAMES: Record<RecordKind, Message> = {
  children: outputText.rejectedChildrenSheet(),
  events: outputText.rejectedEventsSheet(),
  communeFacts: outputText.rejectedCommuneFactsSheet(),
};

/**
 * Widths (characters) of the printed columns: reason, file, sheet, row, key, the row's values.
 * 147 characters (of the default font's digit width) fit the 10.9 inches of an A4 landscape page
 * between 0.4-inch margins at about 95 %, fitted to the width: nothing printed goes to another
 * page. The file's name (51-529-21301-xa-son-bao.xlsx) and a key (VV-21295-2025-005) take one line.
 */
const PRINTED_WIDTHS = [44, 28, 9, 7, 18, 41] as const;
/** Warnings: text, file, sheet, row, column, value, kind. */
const WARNING_WIDTHS = [46, 28, 10, 7, 18, 18, 24] as const;
const MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 };

export interface ErrorWorkbookContext {
  /** Warnings of the same run: their own sheet "Cảnh báo". */
  readonly warnings?: readonly ImportWarning[];
  /** The files read, for the headers each file used (kept in the header cells' notes). */
  readonly files?: readonly FileAccount[];
  /** A workbook of one commune's file, to be sent back to it (the notice says so). */
  readonly commune?: { readonly file: string; readonly code?: string; readonly name?: string };
}

const clip = (text: string) => (text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text);

/**
 * Lines a text takes wrapped in a column `width` characters wide (a word never split). A width
 * counts digits "0"; Vietnamese text in the default font is narrower: LibreOffice puts about
 * 1.2 letters in each (56 in the 46 of the reason column, measured on the PDF).
 */
function linesOf(text: string, width: number): number {
  const room = Math.max(Math.floor(width * 1.2) - 1, 1);
  return text.split('\n').reduce((sum, paragraph) => {
    let lines = 1;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      const length = [...word].length;
      if (used > 0 && used + 1 + length > room) {
        lines += 1;
        used = 0;
      }
      used += (used > 0 ? 1 : 0) + length;
      while (used > room) {
        lines += 1;
        used -= room;
      }
    }
    return sum + lines;
  }, 0);
}

/**
 * A row's height for its wrapped cells: spreadsheets do not all grow a row to its wrapped text
 * on opening (LibreOffice does not), so it is set; 15 points a line, 409 at most (Excel's limit).
 */
function heightFor(texts: readonly string[], widths: readonly number[]): number {
  const lines = Math.max(1, ...texts.map((text, index) => linesOf(text, widths[index] ?? 18)));
  return Math.min(15 * lines, 409);
}

function reasonsOf(row: RejectedRow, lang: Lang): string {
  return row.issues.map((issue) => `${issue.column ? `${issue.column}: ` : ''}${issue.message.in(lang)}`).join('; ');
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
 * Frozen header (and first column), filters over every column, widths to read by, the printed
 * columns wrapped; A4 landscape fitted to the page width, the header row on every page, and the
 * print area the first `printed` columns (absolute rows: exceljs would write "A1" as $A1, which
 * LibreOffice ignores).
 */
function finish(sheet: ExcelJS.Worksheet, columns: number, rows: number, widths: readonly number[], printed: number): void {
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(rows, 1) + 1, column: columns } };
  for (let index = 0; index < columns; index += 1) sheet.getColumn(index + 1).width = widths[index] ?? 18;
  for (let column = 1; column <= printed; column += 1) sheet.getColumn(column).alignment = { vertical: 'top', wrapText: true };
  // The row number stands apart from the key beside it ("2 DL000", not "2DL000").
  sheet.getColumn(4).alignment = { vertical: 'top', horizontal: 'center' };
  sheet.getRow(1).alignment = { vertical: 'top', wrapText: true };
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: MARGINS, printTitlesRow: '1:1' };
  sheet.pageSetup.printArea = `A$1:${sheet.getColumn(printed).letter}$${Math.max(rows, 1) + 1}`;
}

function rejectedSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, rows: readonly RejectedRow[], files: readonly FileAccount[], lang: Lang): void {
  const sheet = workbook.addWorksheet(SHEET_NAMES[spec.kind].in(lang));
  // The record's key: the first field of each kind (Mã trẻ em, Mã vụ việc, Mã xã).
  const key = spec.columns[0]!.header;
  const contract = spec.columns.map((column) => column.header).filter((header) => header !== key);
  const known = new Set([key, ...contract]);
  const others: string[] = [];
  for (const row of rows) for (const header of Object.keys(row.values)) if (!known.has(header) && !others.includes(header)) others.push(header);
  const ownColumns = others.slice(0, MAX_OTHER_COLUMNS);
  const overflow = others.slice(MAX_OTHER_COLUMNS);
  const printedHeaders = [outputText.reasonHeader(), outputText.fileHeader(), outputText.sheetHeader(), outputText.rowHeader()].map((label) => label.in(lang));
  const fixed = [...printedHeaders, key, outputText.rowValuesHeader().in(lang), outputText.kindsHeader().in(lang)];
  const headers = [...fixed, ...contract, ...ownColumns, ...(overflow.length > 0 ? [outputText.otherColumnsHeader().in(lang)] : [])];
  headerRow(sheet, headers);
  const spellings = fileHeaders(files, spec.kind);
  [key, ...contract].forEach((header) => {
    const used = spellings.get(header);
    const column = header === key ? printedHeaders.length + 1 : fixed.length + contract.indexOf(header) + 1;
    if (used) sheet.getRow(1).getCell(column).note = clip(outputText.headerInFile({ headers: used.join('; ') }).in(lang));
  });
  rows.forEach((row, index) => {
    const rowValues = Object.entries(row.values)
      .filter(([header, value]) => header !== key && value !== '')
      .map(([header, value]) => `${header}: ${value}`)
      .join('; ');
    const values = [
      reasonsOf(row, lang),
      row.source.file,
      row.source.sheet,
      row.source.row,
      row.values[key] ?? '',
      rowValues,
      [...new Set(row.issues.map((issue) => issueLabel(issue.kind, lang)))].join('; '),
      ...contract.map((header) => row.values[header] ?? ''),
      ...ownColumns.map((header) => row.values[header] ?? ''),
    ];
    if (overflow.length > 0) {
      values.push(overflow.flatMap((header) => (row.values[header] ? [`${header} = ${row.values[header]}`] : [])).join('; '));
    }
    const line = sheet.getRow(index + 2);
    line.height = heightFor(values.slice(0, PRINTED_WIDTHS.length).map(String), PRINTED_WIDTHS);
    values.forEach((value, column) => {
      // Strings are written as text cells, never as formulas, whatever they start with.
      line.getCell(column + 1).value = typeof value === 'string' ? clip(value) : value;
    });
  });
  finish(sheet, headers.length, rows.length, [...PRINTED_WIDTHS, 24], PRINTED_WIDTHS.length);
}

function warningSheet(workbook: ExcelJS.Workbook, warnings: readonly ImportWarning[], lang: Lang): void {
  const sheet = workbook.addWorksheet(outputText.warningsSheet().in(lang));
  const headers = [
    outputText.warningHeader(),
    outputText.fileHeader(),
    outputText.sheetHeader(),
    outputText.rowHeader(),
    outputText.columnHeader(),
    outputText.valueHeader(),
    outputText.warningKindHeader(),
  ].map((label) => label.in(lang));
  headerRow(sheet, headers);
  warnings.forEach((warning, index) => {
    const line = sheet.getRow(index + 2);
    const values = [warning.message.in(lang), warning.source.file, warning.source.sheet, warning.source.row, warning.column ?? '', warning.value ?? '', issueLabel(warning.kind, lang)];
    line.height = heightFor(values.map(String), WARNING_WIDTHS);
    values.forEach((value, column) => {
      line.getCell(column + 1).value = typeof value === 'string' ? clip(value) : value;
    });
  });
  finish(sheet, headers.length, warnings.length, WARNING_WIDTHS, headers.length);
}

function noticeSheet(workbook: ExcelJS.Workbook, rejected: readonly RejectedRow[], warnings: readonly ImportWarning[], lang: Lang, context: ErrorWorkbookContext): void {
  const notice = workbook.addWorksheet(outputText.noticeSheet().in(lang));
  notice.getColumn(1).width = 120;
  const { commune } = context;
  const lines: Message[] = [
    outputText.noticeTitle(),
    ...(commune ? [outputText.noticeCommune({ file: commune.file, code: commune.code ?? '', name: commune.name ?? '' })] : []),
    outputText.noticeWhat(),
    commune ? outputText.noticeSendBack() : outputText.noticeKeep(),
    outputText.noticeCounts({ rejected: rejected.length, warnings: warnings.length }),
    outputText.noticeColumns(),
  ];
  const texts = lines.map((line) => line.in(lang));
  // Read = accepted + rejected per file and sheet, the rows rejected while being placed included.
  const files = context.files ?? [];
  if (files.length > 0) texts.push('', outputText.noticeRowsPerFile().in(lang), ...accountingLines(files, lang));
  texts.forEach((text, index) => {
    const cell = notice.getCell(index + 1, 1);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (index === 0) cell.font = { bold: true, color: { argb: 'FFC00000' }, size: 14 };
    else notice.getRow(index + 1).height = heightFor([text], [120]);
  });
  notice.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: MARGINS };
}

export async function errorWorkbookBytes(rejected: readonly RejectedRow[], lang: Lang, context: ErrorWorkbookContext = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // Every warning, the skipped total rows included: as many as the terminal's "Cảnh báo (n)".
  const warnings = context.warnings ?? [];
  noticeSheet(workbook, rejected, warnings, lang, context);
  for (const spec of SHEETS) {
    const rows = rejected.filter((row) => row.recordKind === spec.kind);
    if (rows.length > 0) rejectedSheet(workbook, spec, rows, context.files ?? [], lang);
  }
  if (warnings.length > 0) warningSheet(workbook, warnings, lang);
  return workbookBytes(workbook, STAMP);
}

// ---------------------------------------------------------------- one workbook per commune file

/** What a run read, as much as the workbooks per file need. */
export interface ErrorRun {
  readonly rejected: readonly RejectedRow[];
  readonly warnings: readonly ImportWarning[];
  readonly files: readonly FileAccount[];
  /** The rows read, for the commune each file is about (the code most of its rows carry). */
  readonly dataset?: Dataset;
}

/** What naming a file's commune takes of the unit lists: names in either list, and where an old commune went. */
export type CommuneLists = Pick<AdminUnits, 'commune' | 'crosswalk'>;

/** One commune file's workbook: its name, and what it is made from. */
export interface FileErrorWorkbook {
  /** "so-loi-21292-xa-son-ha.xlsx": the commune's code and name, else the data file's own name. */
  readonly fileName: string;
  /** The data file whose rows it lists. */
  readonly file: string;
  readonly commune?: { readonly code: string; readonly name?: string };
  readonly rejected: readonly RejectedRow[];
  readonly warnings: readonly ImportWarning[];
  readonly account: FileAccount;
}

/** Per file, how many of its rows carry each commune code. */
function communeCounts(dataset: Dataset | undefined): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  const add = (file: string, code: string, n = 1) => {
    const byCode = counts.get(file) ?? new Map<string, number>();
    byCode.set(code, (byCode.get(code) ?? 0) + n);
    counts.set(file, byCode);
  };
  if (!dataset) return counts;
  const scan = (columns: ChildColumns | EventColumns) => {
    const field = columns.fields.communeCode;
    for (let i = 0; i < columns.length; i++) {
      const code = field.dictionary[field.codes[i]!];
      if (code !== undefined) add(columns.origins[columns.origin[i]!]!.file, code);
    }
  };
  scan(dataset.children);
  scan(dataset.events);
  for (const facts of dataset.communeFacts) add(facts.source.file, facts.communeCode);
  return counts;
}

const slugOf = (text: string) =>
  stripDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The code more than half of the rows carry, if one does. */
function majority(byCode: ReadonlyMap<string, number>): string | undefined {
  const total = [...byCode.values()].reduce((sum, n) => sum + n, 0);
  const [top] = [...byCode.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return top && top[1] * 2 > total ? top[0] : undefined;
}

/**
 * The commune a file is about: the code most of its rows carry (children who moved in carry
 * another), in the list of the file's era (rows carried to new communes mean the old list); for
 * a new commune's file that still holds the codes of the old communes it was formed from, the
 * new commune most of them went to.
 */
function communeOf(account: FileAccount, byCode: ReadonlyMap<string, number>, lists: CommuneLists): { code: string; name?: string } | undefined {
  const oldList = account.sheets.some((sheet) => (sheet.placement?.converted ?? 0) > 0);
  const own = majority(byCode);
  if (own !== undefined) {
    const name = oldList ? (lists.commune(own, 'pre') ?? lists.commune(own, 'post')) : (lists.commune(own, 'post') ?? lists.commune(own, 'pre'));
    return { code: own, ...(name ? { name: name.name } : {}) };
  }
  if (!oldList) return undefined;
  const byNewCode = new Map<string, number>();
  for (const [code, n] of byCode) {
    const target = lists.crosswalk(code)?.code ?? code;
    byNewCode.set(target, (byNewCode.get(target) ?? 0) + n);
  }
  const merged = majority(byNewCode);
  if (merged === undefined) return undefined;
  const name = lists.commune(merged, 'post');
  return { code: merged, ...(name ? { name: name.name } : {}) };
}

/**
 * One workbook per data file that has rejected rows or warnings, named after the commune the
 * file is about (communeOf), or after the file when none stands out. A file is a commune's: it
 * goes back to the commune that made it.
 */
export function errorWorkbooksByFile(run: ErrorRun, lists: CommuneLists): FileErrorWorkbook[] {
  const counts = communeCounts(run.dataset);
  const used = new Set<string>();
  return run.files.flatMap((account) => {
    const rejected = run.rejected.filter((row) => row.source.file === account.file);
    const warnings = run.warnings.filter((warning) => warning.source.file === account.file);
    if (rejected.length === 0 && warnings.length === 0) return [];
    const commune = communeOf(account, counts.get(account.file) ?? new Map<string, number>(), lists);
    const stem = commune ? [commune.code, ...(commune.name ? [slugOf(commune.name)] : [])].join('-') : slugOf(account.file.replace(/\.[^.]+$/, ''));
    let fileName = `so-loi-${stem}.xlsx`;
    for (let n = 2; used.has(fileName); n++) fileName = `so-loi-${stem}-${n}.xlsx`;
    used.add(fileName);
    return [{ fileName, file: account.file, ...(commune ? { commune } : {}), rejected, warnings, account }];
  });
}

/** What the error workbook of one file is made from (OUTPUTS.errorWorkbook's model). */
export function fileErrorDocument(workbook: FileErrorWorkbook, lang: Lang): { rejected: readonly RejectedRow[]; lang: Lang; context: ErrorWorkbookContext } {
  return {
    rejected: workbook.rejected,
    lang,
    context: { warnings: workbook.warnings, files: [workbook.account], commune: { file: workbook.file, ...workbook.commune } },
  };
}

/** The workbook of one file, in `lang`. */
export async function fileErrorWorkbookBytes(workbook: FileErrorWorkbook, lang: Lang): Promise<Buffer> {
  const { rejected, context } = fileErrorDocument(workbook, lang);
  return errorWorkbookBytes(rejected, lang, context);
}

/** The workbooks of every file in one zip (the page's download), the same bytes for the same rows. */
export async function errorWorkbooksZip(workbooks: readonly FileErrorWorkbook[], lang: Lang): Promise<Buffer> {
  const zip = new JSZip();
  for (const workbook of workbooks) {
    zip.file(workbook.fileName, await fileErrorWorkbookBytes(workbook, lang), { date: ZIP_EPOCH, binary: true, createFolders: false });
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
