import { importText, type Message } from '../../messages/index.js';
import { ZipRefusal } from '../zip-guard.js';
import { columnLetter } from './notes.js';
import { EXCEL_LIMITS } from '../../io/excel-limits.js';

export { EXCEL_LIMITS } from '../../io/excel-limits.js';

/**
 * What one small workbook may cost to read. Excel itself never writes a cell, a row or a
 * column past EXCEL_LIMITS (src/io/excel-limits.ts): a part that does is damaged or made to
 * hurt, and is refused in one line. Within those limits a
 * shared string can still be referenced by every cell, and each reference costs its length in
 * every step after the reader (legacy-encoding check, header matching, `inspect --cells`): the
 * text handed over for one file is bounded by `TextBudget`, relative to the XML the file holds.
 */
/**
 * The most XML one cell's text within the limit can take: a character written as a reference
 * is at most 10 bytes (`&#0065535;`). Past it a value is refused before its end is read.
 */
export const MAX_CELL_SOURCE_CHARS = EXCEL_LIMITS.cellChars * 10;

/** Characters handed over per byte of the parts read: real sheets hand over less than one. */
const BUDGET_CHARS_PER_BYTE = 16;
/** Whatever the file's size, this much text may be handed over (64 MB as UTF-16). */
const BUDGET_FLOOR_CHARS = 32_000_000;


const refusal = (detail: Message) => new ZipRefusal(importText.overExcelLimit({ detail }));

/**
 * A string of `length` characters in `part` (at a cell, when known): over Excel's limit. Without
 * a length, one refused before its end was read (`MAX_CELL_SOURCE_CHARS`).
 */
export function cellTooLong(part: string, length: number | undefined, at?: { row: number; column: number }): ZipRefusal {
  const cell = at ? `${columnLetter(at.column)}${at.row}` : '';
  return refusal(importText.xlsxCellTooLong({ part, cell, length: length ?? null, limit: EXCEL_LIMITS.cellChars }));
}

export function tooManyColumns(part: string, row: number, column: number): ZipRefusal {
  return refusal(
    importText.xlsxColumnBeyondLimit({ part, column, row, columns: EXCEL_LIMITS.columns }),
  );
}

export function tooManyRows(part: string, row: number): ZipRefusal {
  return refusal(
    importText.xlsxRowBeyondLimit({ part, row, rows: EXCEL_LIMITS.rows }),
  );
}

/**
 * The text one file's cells may hand over, counted per reference (a shared string referenced
 * 12,000 times costs 12,000 times its length): at most `BUDGET_CHARS_PER_BYTE` characters per
 * byte of the XML read, and never less than `BUDGET_FLOOR_CHARS`. Spent past it, the file is
 * refused there, before the text reaches anything slower than the count.
 */
export class TextBudget {
  private spent = 0;
  readonly limit: number;

  constructor(xmlBytes: number) {
    this.limit = Math.max(BUDGET_FLOOR_CHARS, xmlBytes * BUDGET_CHARS_PER_BYTE);
  }

  spend(chars: number, part: string): void {
    this.spent += chars;
    if (this.spent > this.limit) {
      throw refusal(
        importText.xlsxTextBudgetSpent({ part, millions: Math.round(this.limit / 1e6) }),
      );
    }
  }
}
