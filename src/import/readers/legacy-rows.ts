import type { RawValue } from '../cells.js';
import { LegacyTextConverter } from '../legacy-encoding.js';
import type { CellNote, RawRow } from './types.js';

/** Rows read ahead before converting, so that a column's encoding is known from more than its first cell. */
export const LEGACY_LOOKAHEAD_ROWS = 200;

/** A row as a reader builds it, before it is handed over. */
export interface ReaderRow {
  readonly number: number;
  readonly cells: RawValue[];
}

/**
 * Converts text typed in the legacy TCVN3/VNI encodings to Unicode (legacy-encoding.ts) as a
 * reader's rows stream past: the first rows are held back and looked at together, then every
 * row goes straight through. Synchronous, inside the reader's own loop: it runs on every cell.
 */
export class LegacyRows {
  private readonly legacy = new LegacyTextConverter();
  private ahead: ReaderRow[] | undefined = [];

  constructor(private readonly lookahead = LEGACY_LOOKAHEAD_ROWS) {}

  /** The rows ready to go on (none while the first rows are held back). */
  push(row: ReaderRow): readonly RawRow[] {
    const ahead = this.ahead;
    if (ahead === undefined) return [this.convert(row, false)];
    ahead.push(row);
    for (let column = 0; column < row.cells.length; column += 1) {
      const cell = row.cells[column];
      if (typeof cell === 'string') this.legacy.observe(cell, column + 1);
    }
    return ahead.length < this.lookahead ? [] : this.release();
  }

  /** At the end of the sheet: the rows still held back, and one note per converted column. */
  end(notes: CellNote[]): readonly RawRow[] {
    const rows = this.release();
    for (const report of this.legacy.reports()) {
      notes.push({ row: report.firstRow, column: report.column, kind: 'legacy_encoding', encoding: report.encoding, cells: report.cells });
    }
    return rows;
  }

  private release(): RawRow[] {
    const rows = (this.ahead ?? []).map((row) => this.convert(row, true));
    this.ahead = undefined;
    return rows;
  }

  private convert(row: ReaderRow, observed: boolean): RawRow {
    const cells = row.cells;
    for (let column = 0; column < cells.length; column += 1) {
      const cell = cells[column];
      if (typeof cell === 'string') cells[column] = this.legacy.convert(cell, row.number, column + 1, observed);
    }
    return row;
  }
}
