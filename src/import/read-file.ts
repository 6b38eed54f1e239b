import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { ImportWarning, RejectedRow } from '../model/issues.js';
import { importText, type Message } from '../messages/index.js';
import { CHILD_LAYOUT, ColumnsBuilder, EVENT_LAYOUT, type ChildColumns, type EventColumns } from '../model/record-columns.js';
import type { CommuneFacts, RecordKind } from '../model/records.js';
import { eraAt, loadAdminUnits, type AdminUnits, type Era } from '../units/index.js';
import { displayText, isBlank, type RawValue } from './cells.js';
import { columnReport, type ColumnReport } from './column-report.js';
import { detectFormat, unreadable, type FileFormat } from './files.js';
import { readCsvSheet } from './readers/csv.js';
import { readMarkupSheets } from './readers/markup.js';
import { noteMessage } from './readers/notes.js';
import { RowCursor } from './readers/row-cursor.js';
import { UNREAD_TEXT, type RawRow, type RawSheet } from './readers/types.js';
import { readXlsxSheets } from './readers/xlsx.js';
import { readRow, type UnitCheck } from './rows.js';
import { HEADER_SEARCH_ROWS, layoutOf, likelyHeader, type SheetLayout } from './sheet.js';
import { CONTRACT_ONLY, chooseSheet, type ProfileSelection } from './sheet-choice.js';

/**
 * Reading one file, start to end, on its own: what a worker thread does. Everything that
 * needs more than one file (duplicates, links, order) happens afterwards in index.ts.
 */

export interface SheetAccount {
  readonly sheet: string;
  readonly kind: RecordKind;
  readonly headerRow: number;
  read: number;
  accepted: number;
  rejected: number;
  /** "Tổng", "Tổng cộng" rows: skipped, not counted as read. */
  totalsSkipped: number;
  /** The columns the header gave: recognised, ignored (with a likely meaning), absent. */
  readonly columns?: ColumnReport;
  /** The column-mapping profile the sheet was read with; `automatic` when its headers chose it. */
  readonly profile?: { readonly name: string; readonly file: string; readonly automatic: boolean };
  /**
   * How the sheet's rows were placed on the units of a run (set after computing: the rows
   * rejected then are already counted in `rejected`). `converted`: children read in the list
   * before 1 July 2025 and carried to a new commune; `approximate` of them from a split commune
   * carried whole; `byVillage` placed by the village map.
   */
  readonly placement?: SheetPlacementNote;
}

export interface SheetPlacementNote {
  readonly converted: number;
  readonly approximate: number;
  readonly byVillage: number;
  /** Rows rejected while being placed. */
  readonly rejected: number;
}

/** A sheet not read, and why: the accounting says so with its row count (no sheet of data is skipped quietly). */
export interface SkippedSheet {
  readonly sheet: string;
  readonly reason: 'hidden' | 'notData' | 'ignored' | 'empty';
  /** Non-empty rows it holds. */
  readonly rows: number;
}

/** A sheet (or a whole file) that could not be read: the others are read all the same. */
export interface UnreadableInput {
  readonly file: string;
  readonly sheet?: string;
  /** The whole line, naming the file (and the sheet). */
  readonly text: Message;
  /** The columns of a sheet refused for a missing required column. */
  readonly columns?: ColumnReport;
  /**
   * Why a sheet was refused, when a column mapping can mend it: its header is not the
   * contract's (`header`), or two profiles fit it equally (`ambiguous`).
   */
  readonly cause?: 'header' | 'ambiguous';
}

export interface FileAccount {
  readonly file: string;
  readonly path: string;
  /** SHA-256 of the file's bytes, so a report can say exactly which inputs made it. */
  readonly sha256: string;
  /** What the file really is, when its name does not say: "trang web xuất ra dạng .xls". */
  readonly origin?: Message;
  readonly sheets: SheetAccount[];
  readonly skippedSheets: SkippedSheet[];
  read: number;
  accepted: number;
  rejected: number;
}

export interface FileRead {
  account: FileAccount;
  children: ChildColumns;
  events: EventColumns;
  communeFacts: CommuneFacts[];
  rejected: RejectedRow[];
  warnings: ImportWarning[];
  /** Sheets of this file that could not be read (the file's other sheets were). */
  unreadable: UnreadableInput[];
}

export function unitCheckFor(codesAsOf: string | undefined): UnitCheck {
  const units = loadAdminUnits();
  if (codesAsOf === undefined) {
    return {
      province: (code) => units.province(code, 'pre') !== undefined || units.province(code, 'post') !== undefined,
      district: (code) => units.district(code) !== undefined,
      commune: (code) => units.communeExistsInAnyEra(code),
      communeInProvince: (commune, province) =>
        inProvince(units, commune, province, 'pre') || inProvince(units, commune, province, 'post') || inProvinceAfterReform(units, commune, province),
    };
  }
  const era = eraAt(codesAsOf);
  return {
    province: (code) => units.province(code, era) !== undefined,
    // Districts exist only before the reform; a district column in later data is only informative.
    district: (code) => era === 'post' || units.district(code) !== undefined,
    commune: (code) => units.commune(code, era) !== undefined,
    communeInProvince: (commune, province) => inProvince(units, commune, province, era),
  };
}

function inProvince(units: AdminUnits, commune: string, province: string, era: Era): boolean {
  return units.commune(commune, era)?.provinceCode === province;
}

/** An old commune code next to the new code of the province it went to: files of late 2025 often mix them. */
function inProvinceAfterReform(units: AdminUnits, commune: string, province: string): boolean {
  const target = units.crosswalk(commune);
  return target !== undefined && units.commune(target.code, 'post')?.provinceCode === province;
}

/** `displayName` is how messages name the file: its name, or its path when two inputs share a name. */
export async function readFile(
  path: string,
  displayName: string,
  codesAsOf: string | undefined,
  selection: ProfileSelection = CONTRACT_ONLY,
  onRows?: OnRowsRead,
): Promise<FileRead> {
  const units = unitCheckFor(codesAsOf);
  const tick = onRows ? rowTicker(onRows) : () => {};
  const format = await detectFormat(path);
  const file = displayName;
  const read: SheetsRead = {
    account: { file, path, sha256: await sha256Of(path), ...originOf(format, path), sheets: [], skippedSheets: [], read: 0, accepted: 0, rejected: 0 },
    children: new ColumnsBuilder(CHILD_LAYOUT),
    events: new ColumnsBuilder(EVENT_LAYOUT),
    communeFacts: [],
    rejected: [],
    warnings: [],
    unreadable: [],
  };
  const name = basename(path, extname(path));
  const sheets =
    format === 'csv'
      ? singleSheet(readCsvSheet(path, name))
      : format === 'html' || format === 'spreadsheetml'
        ? readMarkupSheets(path, format, name)
        : readXlsxSheets(path);
  try {
    for await (const sheet of sheets) await readSheet(sheet, file, units, read, selection, tick);
  } catch (error) {
    if (error instanceof Error && error.name === 'UserError') throw error;
    throw unreadable(path, importText.corruptOrNotWorkbook());
  }
  totalFileAccount(read.account);
  if (read.account.sheets.length === 0 && read.unreadable.length === 0) {
    throw unreadable(
      path,
      importText.noHeaderRow({ HEADER_SEARCH_ROWS }),
    );
  }
  return { ...read, children: read.children.build(), events: read.events.build() };
}

/** Rows of one file read so far: told while a large file is read (the page shows "120.000 dòng…"). */
export type OnRowsRead = (rows: number) => void;

/** Time between two row counts told: often enough to move, seldom enough to cost nothing. */
export const ROWS_TOLD_EVERY_MS = 250;

/** Counts rows and tells the count at most every ROWS_TOLD_EVERY_MS (the clock is looked at every 256 rows). */
export function rowTicker(onRows: OnRowsRead, clock: () => number = () => performance.now()): () => void {
  let rows = 0;
  let told = clock();
  return () => {
    rows += 1;
    if ((rows & 255) !== 0) return;
    const now = clock();
    if (now - told < ROWS_TOLD_EVERY_MS) return;
    told = now;
    onRows(rows);
  };
}

/** A file being read: accepted TreEm and SuViec rows go into columns as they come. */
interface SheetsRead extends Omit<FileRead, 'children' | 'events'> {
  readonly children: ColumnsBuilder<typeof CHILD_LAYOUT>;
  readonly events: ColumnsBuilder<typeof EVENT_LAYOUT>;
}

/** A web page or Excel 2003 XML says so in the accounting line, with the name it came under. */
function originOf(format: FileFormat, path: string): { origin?: Message } {
  const extension = extname(path).toLowerCase();
  const named = extension === '' ? importText.noExtension() : importText.asExtension({ extension });
  if (format === 'html') {
    if (extension === '.html' || extension === '.htm') return { origin: importText.webPage() };
    return { origin: importText.webPageExportedAs({ named }) };
  }
  if (format === 'spreadsheetml') return { origin: importText.spreadsheetMlSavedAs({ named }) };
  return {};
}

/** Read in 1 MiB pieces, synchronously (a commune's file is one or two: no thread-pool hop per piece). */
async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  const piece = Buffer.allocUnsafe(1024 * 1024);
  const handle = openSync(path, 'r');
  try {
    for (let position = 0; ; ) {
      const read = readSync(handle, piece, 0, piece.length, position);
      if (read === 0) break;
      hash.update(piece.subarray(0, read));
      position += read;
    }
  } finally {
    closeSync(handle);
  }
  return hash.digest('hex');
}

/** A file's totals are the sums of its sheets'. */
export function totalFileAccount(account: FileAccount): void {
  account.read = 0;
  account.accepted = 0;
  account.rejected = 0;
  for (const sheet of account.sheets) {
    account.read += sheet.read;
    account.accepted += sheet.accepted;
    account.rejected += sheet.rejected;
  }
}

async function* singleSheet(sheet: RawSheet): AsyncGenerator<RawSheet> {
  yield sheet;
}

/** What to do about a sheet whose columns chitieu does not know: describe its layout once, in a profile. */
const draftHint = (file: string) =>
  importText.draftProfileHint({ file });

/** …or, for a sheet that may not be data at all, say so. */
const ignoreHint = (sheet: string) =>
  importText.ignoreSheetHint({ sheet });

function withHint(reason: Message, hint: Message): Message {
  return importText.reasonWithHint({ reason, hint });
}

async function readSheet(sheet: RawSheet, file: string, units: UnitCheck, read: SheetsRead, selection: ProfileSelection, tick: () => void): Promise<void> {
  const cursor = new RowCursor(sheet.batches);
  const { choice, top, next: first } = await chooseSheet(sheet.name, sheet.hidden, cursor, selection);
  let next = first;
  const rowsLeft = async () => {
    let rows = top.filter((row) => !row.cells.every(isBlank)).length;
    if (!next.done && !next.value.cells.every(isBlank)) rows += 1;
    next = { done: true, value: undefined };
    await cursor.drain((row) => {
      if (!row.cells.every(isBlank)) rows += 1;
    });
    return rows;
  };
  const skip = async (reason: SkippedSheet['reason']) => {
    read.account.skippedSheets.push({ sheet: sheet.name, reason, rows: await rowsLeft() });
  };
  if (choice.type === 'hidden') return skip('hidden');
  if (choice.type === 'skipped') return skip(choice.reason);
  // A sheet that cannot be read is recorded, not thrown: the other sheets and files are still checked.
  const refuse = async (reason: Message, columns?: ColumnReport, cause: UnreadableInput['cause'] = 'header') => {
    read.unreadable.push({ file, sheet: sheet.name, text: unreadable(file, reason).text, cause, ...(columns ? { columns } : {}) });
    await rowsLeft();
  };
  const hint = draftHint(file);
  if (choice.type === 'ambiguous') {
    const named = choice.profiles.map((profile) => `"${profile.name}" (${profile.file})`);
    return refuse(
      importText.profilesTie({ sheet: sheet.name, profiles: named }),
      undefined,
      'ambiguous',
    );
  }
  if (choice.type === 'no_header' || choice.type === 'unknown_kind') {
    // A sheet without a single value is no data to lose.
    if ((await rowsLeft()) === 0) return;
    // A sheet named as data, whose header is not known: its missing columns named against the row that looks like its header.
    const guess = choice.type === 'no_header' && choice.named ? likelyHeader(top) : undefined;
    if (choice.type === 'no_header' && choice.named && guess) {
      const columns = columnReport(layoutOf(choice.named, guess));
      const reason = missingColumnsReason(sheet.name, columns);
      const within = importText.noHeaderRowWithin({ HEADER_SEARCH_ROWS });
      return refuse(withHint(importText.reasonWithin({ reason, within }), hint), columns);
    }
    const reason =
      choice.type === 'unknown_kind'
        ? importText.sheetKindUnknown({ name: sheet.name })
        : importText.sheetHeaderUnknown({ name: sheet.name, HEADER_SEARCH_ROWS });
    return refuse(withHint(withHint(reason, hint), ignoreHint(sheet.name)));
  }
  const { spec, layout } = choice;
  const columns = columnReport(layout);
  // Every missing column at once, by the contract's header, with the file's header that was probably meant.
  if (layout.missingRequired.length > 0) return refuse(withHint(missingColumnsReason(sheet.name, columns), hint), columns);
  for (const ignored of columns.ignored) {
    if (ignored.closest === undefined) continue;
    read.warnings.push({
      source: { file, sheet: sheet.name, row: layout.headerRow },
      kind: 'misspelt_column',
      column: ignored.header,
      message: importText.misspeltColumn({ header: ignored.header, closest: ignored.closest }),
    });
  }
  for (const header of layout.repeatedHeaders) {
    read.warnings.push({
      source: { file, sheet: sheet.name, row: layout.headerRow },
      kind: 'repeated_column',
      message: importText.repeatedColumnUsesFirst({ header }),
    });
  }
  const account: SheetAccount = {
    sheet: sheet.name,
    kind: spec.kind,
    headerRow: layout.headerRow,
    read: 0,
    accepted: 0,
    rejected: 0,
    totalsSkipped: 0,
    columns,
    ...(layout.profile ? { profile: { name: layout.profile.name, file: layout.profile.file, automatic: selection.profile === undefined } } : {}),
  };
  read.account.sheets.push(account);
  const builder = spec.kind === 'children' ? read.children : spec.kind === 'events' ? read.events : undefined;
  const origin = builder?.origin(file, sheet.name, layout.absentKeys) ?? -1;
  const valueHeaders = rowValueHeaders(layout);
  // The other columns' text is decoded only for the rows shown in the error workbook.
  sheet.readColumns?.(layout.columns.map((column) => column.index));
  const toSystem1900 = sheet.date1904 ? serialsTo1900(layout) : undefined;

  let rowNumber = 0;
  // Made for the rows that need it (a warning, a rejection): most rows are accepted as they are.
  const sourceOf = () => ({ file, sheet: sheet.name, row: rowNumber });
  const handle = (row: RawRow) => {
    if (row.number <= layout.headerRow) return;
    tick();
    rowNumber = row.number;
    const outcome = readRow(layout, toSystem1900 ? toSystem1900(row.cells) : row.cells, sourceOf, units);
    switch (outcome.type) {
      case 'empty':
        return;
      case 'total':
        account.totalsSkipped += 1;
        read.warnings.push({ source: sourceOf(), kind: 'totals_row', message: importText.totalsRowSkipped() });
        return;
      case 'rejected': {
        account.read += 1;
        account.rejected += 1;
        const values: Record<string, string> = {};
        valueHeaders.forEach((header, index) => {
          if (header === undefined) return;
          const cell = row.cells[index] ?? null;
          const text = displayText(cell === UNREAD_TEXT ? row.unread!.text(index) : cell);
          if (text !== '' || header.contract) values[header.name] = text;
        });
        read.rejected.push({ source: sourceOf(), recordKind: spec.kind, issues: outcome.issues, values });
        return;
      }
      case 'accepted': {
        account.read += 1;
        account.accepted += 1;
        for (const warning of outcome.warnings) read.warnings.push({ source: sourceOf(), ...warning });
        const parsed = outcome.parsed;
        if (parsed.kind === 'communeFacts') read.communeFacts.push(parsed.record);
        else builder?.push(parsed.values, origin, row.number);
      }
    }
  };
  for (const row of top) handle(row);
  if (!next.done) handle(next.value);
  await cursor.drain(handle);
  for (const note of sheet.notes) {
    read.warnings.push({ source: { file, sheet: sheet.name, row: note.row }, kind: note.kind, message: noteMessage(note) });
  }
}

/** Days from 30 Dec 1899 to 1 Jan 1904: serial n of the 1904 system is serial n + 1462 of the 1900 one. */
const SYSTEM_1904_OFFSET = 1_462;

/**
 * In a workbook of the 1904 date system, a date typed as a plain number (no date format) in a
 * date column is a serial of that system: shifted to the 1900 system the date parser knows.
 * Undefined when the sheet has no date column.
 */
function serialsTo1900(layout: SheetLayout): ((cells: readonly RawValue[]) => readonly RawValue[]) | undefined {
  const dateColumns = layout.columns.filter((column) => column.spec.cell.type === 'date').map((column) => column.index);
  if (dateColumns.length === 0) return undefined;
  return (cells) => {
    if (!dateColumns.some((index) => typeof cells[index] === 'number')) return cells;
    const shifted = [...cells];
    for (const index of dateColumns) {
      const value = shifted[index];
      if (typeof value === 'number') shifted[index] = value + SYSTEM_1904_OFFSET;
    }
    return shifted;
  };
}

/** `trang "SuViec" thiếu cột bắt buộc "Mã vụ việc", "Loại sự việc" (có phải cột "Loai vu"?)`. */
function missingColumnsReason(sheet: string, columns: ColumnReport): Message {
  const names = columns.missingRequired.map((header) => `"${header}"`).join(', ');
  const meant = columns.ignored.filter((ignored) => ignored.closest !== undefined && columns.missingRequired.includes(ignored.closest));
  const guesses = meant.map((ignored) => ({ header: ignored.header, closest: ignored.closest! }));
  return importText.requiredColumnsMissingIn({ sheet, names, guesses });
}

/**
 * Under which name each cell of a rejected row is kept: the contract's header for a column the
 * contract knows (so that the rows of every file line up in the error workbook), the file's own
 * header for the others (blank ones left out: a sheet may have 16,384 columns).
 */
function rowValueHeaders(layout: SheetLayout): ({ name: string; contract: boolean } | undefined)[] {
  const headers: ({ name: string; contract: boolean } | undefined)[] = layout.headers.map(() => undefined);
  const taken = new Set<string>();
  for (const column of layout.columns) {
    headers[column.index] = { name: column.spec.header, contract: true };
    taken.add(column.spec.header);
  }
  layout.headers.forEach((header, index) => {
    if (header === '' || headers[index] !== undefined) return;
    let name = header;
    for (let copy = 2; taken.has(name); copy += 1) name = `${header} (${copy})`;
    taken.add(name);
    headers[index] = { name, contract: false };
  });
  return headers;
}
