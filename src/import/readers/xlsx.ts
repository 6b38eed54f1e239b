import { closeSync, openSync, readSync } from 'node:fs';
import { guardZip, unreadable } from '../files.js';
import { ConversionFailure, convertXlsToXlsx, type ConvertedWorkbook } from '../xls.js';
import { isOleFile } from '../ole.js';
import { ZipRefusal } from '../zip-guard.js';
import { TextBudget } from './excel-limits.js';
import { LegacyRows, type ReaderRow } from './legacy-rows.js';
import { SheetScanner, type CellErrorAt } from './sheet-scan.js';
import type { CellNote, RawRow, RawSheet } from './types.js';
import { readXlsWorkbook } from './xls-workbook.js';
import { readWorkbook, type Workbook, type WorkbookSheet } from './workbook.js';
import { Utf8Feeder } from './xml-scan.js';
import { ZipReader } from './zip.js';

/**
 * Streams an .xlsx workbook sheet by sheet, row by row, in the workbook's order and by its
 * tabs' names: a sheet of a million rows is never held whole (see sheet-scan.ts).
 *
 * The file must have passed `detectFormat` (files.ts), which checks a zip against bombs. A
 * legacy .xls (an OLE file) is read by our own BIFF reader into the same sheets and rows
 * (xls-workbook.ts); XML named .xls that is neither a web page nor Excel 2003's (those are
 * read by markup.ts) is first converted with LibreOffice, and the
 * converted copy is read and then deleted; messages still name the original file.
 */
export async function* readXlsxSheets(path: string): AsyncGenerator<RawSheet> {
  for await (const sheet of readXlsxWorkbook(path)) {
    const notes: CellNote[] = [];
    const read = new ColumnsRead();
    yield {
      name: sheet.name,
      index: sheet.index,
      state: sheet.state,
      hidden: sheet.state !== 'visible',
      batches: sheet.batches(notes, { columns: read }),
      notes,
      date1904: sheet.date1904,
      readColumns: (columns) => read.only(columns),
    };
  }
}

/** A sheet before the import's own conversions: what `inspect` shows as read. */
export interface XlsxSheet {
  readonly name: string;
  readonly index: number;
  readonly state: WorkbookSheet['state'];
  readonly date1904: boolean;
  /**
   * Its rows, read when iterated, with legacy-encoded text (TCVN3, VNI) converted as the importer
   * sees it; `onRow` sees each row first, as read; `errors` receives error cells' codes.
   */
  rows(notes: CellNote[], options?: RowOptions): AsyncGenerator<RawRow>;
  /** The same rows in batches, those of one inflated chunk at a time (see `RawSheet.batches`). */
  batches(notes: CellNote[], options?: RowOptions): AsyncGenerator<readonly RawRow[]>;
}

export interface RowOptions {
  readonly onRow?: (row: RawRow) => void;
  readonly errors?: CellErrorAt[];
  /** The columns the importer reads, once it has said (RawSheet.readColumns). */
  readonly columns?: ColumnsRead;
}

/** Which columns of a sheet are read, told by the importer once it knows the sheet's layout. */
export class ColumnsRead {
  /** Per column, 1 when it is not read (see SheetScanner.unreadColumns). */
  unread: Uint8Array | undefined;

  only(columns: readonly number[]): void {
    const unread = new Uint8Array(Math.max(0, ...columns) + 1).fill(1);
    for (const column of columns) unread[column] = 0;
    this.unread = unread;
  }
}

export async function* readXlsxWorkbook(path: string): AsyncGenerator<XlsxSheet> {
  if (await isZipFile(path)) {
    yield* sheetsOf(path, path);
    return;
  }
  if (await isOleFile(path)) {
    yield* readXlsWorkbook(path);
    return;
  }
  let converted: ConvertedWorkbook;
  try {
    converted = await convertXlsToXlsx(path);
  } catch (error) {
    if (error instanceof ConversionFailure) throw unreadable(path, error.reason);
    throw error;
  }
  try {
    yield* sheetsOf(converted.path, path);
  } finally {
    await converted.remove();
  }
}

/** A zip (an .xlsx) is read as it is, an OLE file (.xls) by the BIFF reader; other markup is converted first. */
async function isZipFile(path: string): Promise<boolean> {
  const handle = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4);
    return readSync(handle, head, 0, 4, 0) === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    closeSync(handle);
  }
}

async function* sheetsOf(path: string, named: string): AsyncGenerator<XlsxSheet> {
  // The directory is checked again here (it is small): the reader relies on what the guard checks.
  const zip = new ZipReader(path, await guardZip(path, named));
  let workbook: Workbook;
  try {
    workbook = await readWorkbook(zip);
  } catch (error) {
    throw refusedAs(error, named);
  }
  const budget = budgetOf(workbook);
  for (const [index, sheet] of workbook.sheets.entries()) {
    yield {
      name: sheet.name,
      index,
      state: sheet.state,
      date1904: workbook.date1904,
      rows: (notes, options) => rowsOf(batchesOf(zip, workbook, budget, sheet, named, notes, options)),
      batches: (notes, options) => batchesOf(zip, workbook, budget, sheet, named, notes, options),
    };
  }
}

/** One budget for the whole file, by the size of what it holds: its sheets' XML and its shared strings. */
function budgetOf(workbook: Workbook): TextBudget {
  let bytes = 0;
  for (const sheet of workbook.sheets) bytes += sheet.entry.uncompressedSize;
  bytes += workbook.sharedStrings.size;
  return new TextBudget(bytes);
}

function refusedAs(error: unknown, named: string): unknown {
  return error instanceof ZipRefusal ? unreadable(named, error.reason) : error;
}

async function* rowsOf(batches: AsyncIterable<readonly RawRow[]>): AsyncGenerator<RawRow> {
  for await (const batch of batches) yield* batch;
}

async function* batchesOf(
  zip: ZipReader,
  workbook: Workbook,
  budget: TextBudget,
  sheet: WorkbookSheet,
  named: string,
  notes: CellNote[],
  options: RowOptions | undefined,
): AsyncGenerator<readonly RawRow[]> {
  const onRow = options?.onRow;
  const scanner = new SheetScanner(sheet.entry.name, { ...workbook, notes, errors: options?.errors, budget, sheet: sheet.name });
  const legacy = new LegacyRows();
  const feeder = new Utf8Feeder(scanner);
  // Rows go on as they are scanned; a fault found later (XML cut short, a lying size) still
  // makes the whole file unreadable, and the importer then uses nothing of it.
  const take = (): RawRow[] => {
    const rows: ReaderRow[] = scanner.rows;
    const ready: RawRow[] = [];
    // Text may be left unread only once the rows held back to tell a legacy encoding have gone on.
    scanner.unreadColumns = legacy.holding ? undefined : options?.columns?.unread;
    if (rows.length === 0) return ready;
    scanner.rows = [];
    for (const row of rows) {
      onRow?.(row);
      legacy.push(row, ready);
    }
    return ready;
  };
  try {
    for await (const chunk of zip.stream(sheet.entry)) {
      feeder.push(chunk);
      const ready = take();
      if (ready.length > 0) yield ready;
    }
    feeder.end();
    const ready = take();
    if (ready.length > 0) yield ready;
  } catch (error) {
    throw refusedAs(error, named);
  }
  const rest: RawRow[] = [];
  legacy.end(notes, rest);
  if (rest.length > 0) yield rest;
}
