import { printableName } from '../../io/file-names.js';
import { importText } from '../../messages/index.js';
import { REMOVE_PASSWORD, TOO_OLD_XLS, damagedXls, unreadable } from '../files.js';
import { CompoundFile, OleDamage, readOleBytes } from '../ole.js';
import { BiffDamage, BiffEncrypted, BiffTooOld, parseBiffWorkbook, type BiffSheet, type BiffWorkbook } from './biff.js';
import { heldRowBatches } from './legacy-rows.js';
import type { CellNote, RawRow } from './types.js';
import type { RowOptions, XlsxSheet } from './xlsx.js';

/**
 * A legacy .xls (Excel 97–2003 or 5/95), read by our own BIFF reader (biff.ts): the container
 * and the whole workbook stream are read and checked before the first sheet is handed over,
 * so a damaged file is refused whole, never read in part. Its sheets then give the same rows,
 * with the same conversions (legacy TCVN3/VNI text) and notes, as an .xlsx's.
 */
export async function* readXlsWorkbook(path: string): AsyncGenerator<XlsxSheet> {
  const workbook = await parseXlsFile(path);
  for (const [index, sheet] of workbook.sheets.entries()) {
    const batches = (notes: CellNote[], options?: RowOptions | undefined) => batchesOf(sheet, notes, options);
    yield {
      // Shown escaped, as an .xlsx's tab name: no control character reaches a terminal.
      name: printableName(sheet.name),
      index,
      state: sheet.state,
      date1904: workbook.date1904,
      rows: async function* (notes, options) {
        for await (const batch of batches(notes, options)) yield* batch;
      },
      batches,
    };
  }
}

export async function parseXlsFile(path: string): Promise<BiffWorkbook> {
  try {
    const container = CompoundFile.parse(await readOleBytes(path));
    const entry = container.workbookEntry();
    if (!entry) throw new BiffDamage(importText.noWorkbookStream());
    return parseBiffWorkbook(container.stream(entry));
  } catch (error) {
    if (error instanceof OleDamage || error instanceof BiffDamage) throw damagedXls(path, error.reason);
    if (error instanceof BiffEncrypted) throw unreadable(path, REMOVE_PASSWORD);
    if (error instanceof BiffTooOld) throw unreadable(path, TOO_OLD_XLS);
    // A field read past its record's end, in a record whose declared length is too short.
    if (error instanceof RangeError) throw damagedXls(path, importText.biffRecordCutShort());
    throw error;
  }
}

async function* batchesOf(sheet: BiffSheet, notes: CellNote[], options: RowOptions | undefined): AsyncGenerator<readonly RawRow[]> {
  for (const cell of sheet.withoutResult) notes.push({ row: cell.row, column: cell.column, kind: 'formula_without_result' });
  for (const error of sheet.errors) {
    notes.push({ row: error.row, column: error.column, kind: 'cell_error' });
    options?.errors?.push(error);
  }
  const onRow = options?.onRow;
  function* copies() {
    for (const row of sheet.rows) {
      // A copy: the legacy-text conversion writes into the cells, and a sheet may be read twice.
      const copy = { number: row.number, cells: row.cells.slice() };
      onRow?.(copy);
      yield copy;
    }
  }
  yield* heldRowBatches(copies(), notes);
}
