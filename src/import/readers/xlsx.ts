import ExcelJS from 'exceljs';
import { open } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { plainCell } from '../../io/excel-cell.js';
import type { RawValue } from '../cells.js';
import { guardZip, unreadable } from '../files.js';
import { ConversionFailure, convertXlsToXlsx, type ConvertedWorkbook } from '../xls.js';
import { LegacyRows } from './legacy-rows.js';
import type { CellNote, RawRow, RawSheet } from './types.js';
import { CELL_MARKERS, ElementFixer, SHARED_STRING_MARKERS, decodeUtf8, fixCells, fixElements, fixSharedStrings } from './xml-text.js';

/**
 * Streams an .xlsx workbook sheet by sheet, row by row: a workbook of 100,000+ rows is never
 * held whole. `styles: 'cache'` is needed or date cells come back as serial numbers.
 *
 * The file must have passed `detectFormat` (files.ts), which checks a zip against bombs. A
 * legacy .xls (or an HTML/XML "Excel" export) is first converted with LibreOffice, and the
 * converted copy is read and then deleted; messages still name the original file.
 */
export async function* readXlsxSheets(path: string): AsyncGenerator<RawSheet> {
  if (await isZipFile(path)) {
    yield* readWorkbook(path);
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
    await guardZip(converted.path, path);
    yield* readWorkbook(converted.path);
  } finally {
    await converted.remove();
  }
}

/** A zip (an .xlsx) is read as it is; anything else that got here (OLE .xls, markup) is converted first. */
async function isZipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

async function* readWorkbook(path: string): AsyncGenerator<RawSheet> {
  const reader = new WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let index = 0;
  for await (const worksheet of reader) {
    const sheet = worksheet as unknown as WorksheetLike;
    const notes: CellNote[] = [];
    yield {
      name: String(sheet.name ?? `Sheet${index + 1}`),
      index,
      hidden: sheet.state === 'hidden' || sheet.state === 'veryHidden',
      rows: rowsOf(sheet, notes),
      notes,
    };
    index += 1;
  }
}

type Chunk = string | Uint8Array;

/** The untyped internals of exceljs 4.4's streaming WorkbookReader that we wrap. */
interface ReaderInternals {
  _parseWorksheet(this: unknown, iterator: AsyncIterable<Chunk>, sheetNo: string): Iterable<unknown>;
  _parseSharedStrings(this: unknown, entry: Readable): AsyncIterable<unknown>;
  _parseStyles(this: unknown, entry: Readable): Promise<void>;
  _parseWorkbook(this: unknown, entry: Readable): Promise<void>;
  _parseRels(this: unknown, entry: Readable): Promise<void>;
}

const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals;

/**
 * exceljs's reader with its XML input fixed on the way in (exceljs 4.4 is no longer maintained):
 * UTF-8 decoded across chunk boundaries, rich-text inline strings merged into one text, error
 * values of formulas kept, phonetic guides dropped.
 */
class WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  _parseWorksheet(iterator: AsyncIterable<Chunk>, sheetNo: string): Iterable<unknown> {
    const text = fixElements(decodeUtf8(iterator), new ElementFixer('</c>', CELL_MARKERS, fixCells));
    return base._parseWorksheet.call(this, text, sheetNo);
  }

  _parseSharedStrings(entry: Readable): AsyncIterable<unknown> {
    return base._parseSharedStrings.call(this, textStream(entry, new ElementFixer('</si>', SHARED_STRING_MARKERS, fixSharedStrings)));
  }

  _parseStyles(entry: Readable): Promise<void> {
    return base._parseStyles.call(this, textStream(entry));
  }

  _parseWorkbook(entry: Readable): Promise<void> {
    return base._parseWorkbook.call(this, textStream(entry));
  }

  _parseRels(entry: Readable): Promise<void> {
    return base._parseRels.call(this, textStream(entry));
  }
}

/** A zip entry as a stream of whole strings (exceljs consumes entries as event-emitting streams). */
function textStream(entry: Readable, fixer?: ElementFixer): Readable {
  const out = new PassThrough({ objectMode: true });
  void (async () => {
    try {
      const text = decodeUtf8(entry);
      for await (const chunk of fixer ? fixElements(text, fixer) : text) {
        if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
      }
      out.end();
    } catch (error) {
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return out;
}

/** The part of exceljs's streaming WorksheetReader we use; its typings do not describe it. */
interface WorksheetLike extends AsyncIterable<ExcelJS.Row> {
  readonly name?: string;
  readonly state?: string;
}

async function* rowsOf(sheet: WorksheetLike, notes: CellNote[]): AsyncGenerator<RawRow> {
  const legacy = new LegacyRows();
  for await (const row of sheet) {
    const values = row.values;
    const cells: RawValue[] = [];
    if (Array.isArray(values)) {
      // exceljs rows are 1-based and sparse.
      for (let column = 1; column < values.length; column += 1) cells.push(normaliseCell(values[column], row.number, column, notes));
    }
    yield* legacy.push({ number: row.number, cells });
  }
  yield* legacy.end(notes);
}

/** One cell as the importer sees it; what had to be dropped is noted for a warning. */
export function normaliseCell(value: unknown, row: number, column: number, notes: CellNote[]): RawValue {
  return plainCell(value, (kind) => notes.push({ row, column, kind }));
}
