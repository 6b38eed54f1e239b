import ExcelJS from 'exceljs';
import type { RawValue } from '../cells.js';
import type { CellNote, RawRow, RawSheet } from './types.js';

/**
 * Streams an .xlsx workbook sheet by sheet, row by row: a workbook of 100,000+ rows is never
 * held whole. `styles: 'cache'` is needed or date cells come back as serial numbers.
 */
export async function* readXlsxSheets(path: string): AsyncGenerator<RawSheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
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

/** The part of exceljs's streaming WorksheetReader we use; its typings do not describe it. */
interface WorksheetLike extends AsyncIterable<ExcelJS.Row> {
  readonly name?: string;
  readonly state?: string;
}

async function* rowsOf(sheet: WorksheetLike, notes: CellNote[]): AsyncGenerator<RawRow> {
  for await (const row of sheet) {
    const values = row.values;
    const cells: RawValue[] = [];
    if (Array.isArray(values)) {
      // exceljs rows are 1-based and sparse.
      for (let column = 1; column < values.length; column += 1) {
        cells.push(normaliseCell(values[column], row.number, column, notes));
      }
    }
    yield { number: row.number, cells };
  }
}

/** Reduces every exceljs cell shape to a plain value (stack.md: "normalise every cell through one function"). */
export function normaliseCell(value: unknown, row: number, column: number, notes: CellNote[]): RawValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((run: unknown) => (isTextRun(run) ? run.text : '')).join('');
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = 'result' in value ? value.result : undefined;
    if (result === undefined || result === null) {
      notes.push({ row, column, kind: 'formula_without_result' });
      return null;
    }
    return normaliseCell(result, row, column, notes);
  }
  if ('text' in value && 'hyperlink' in value) return normaliseCell(value.text, row, column, notes);
  if ('error' in value) {
    notes.push({ row, column, kind: 'cell_error' });
    return null;
  }
  return null;
}

function isTextRun(run: unknown): run is { text: string } {
  return typeof run === 'object' && run !== null && 'text' in run && typeof run.text === 'string';
}
