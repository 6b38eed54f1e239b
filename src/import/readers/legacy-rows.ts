import type { RawValue } from '../cells.js';
import { LegacyTextConverter } from '../../io/legacy-encoding.js';
import type { CellNote, RawRow, UnreadCells } from './types.js';

/** Rows read ahead before converting, so that a column's encoding is known from more than its first cell. */
export const LEGACY_LOOKAHEAD_ROWS = 200;

/** A row as a reader builds it, before it is handed over. */
export interface ReaderRow {
  readonly number: number;
  readonly cells: RawValue[];
  readonly unread?: LateText | undefined;
}

/** Unread cells' text (RawRow.unread), converted from a legacy encoding as the other cells were when it is asked for. */
export interface LateText extends UnreadCells {
  legacy: LegacyTextConverter | undefined;
}

/**
 * Converts text typed in the legacy TCVN3/VNI encodings to Unicode (legacy-encoding.ts) as a
 * reader's rows stream past: the first rows are held back and looked at together, then every
 * row goes straight through. Synchronous, inside the reader's own loop: it runs on every cell.
 */
export class LegacyRows {
  private readonly legacy = new LegacyTextConverter();
  private ahead: ReaderRow[] | undefined = [];
  /**
   * Per column (0-based), the last text found settled (LegacyTextConverter.lastSettled): a column
   * repeats the same labels row after row, and the same text then goes by without a test.
   */
  private readonly settled: (string | undefined)[] = [];
  /** Per column, until when its settled text is: -1 for ever, else while the converter's version is this. */
  private readonly settledUntil: number[] = [];

  constructor(private readonly lookahead = LEGACY_LOOKAHEAD_ROWS) {}

  /** Whether rows are still held back: their text must be read, to be observed. */
  get holding(): boolean {
    return this.ahead !== undefined;
  }

  /** Adds to `ready` the rows ready to go on (none while the first rows are held back). */
  push(row: ReaderRow, ready: RawRow[]): void {
    const ahead = this.ahead;
    if (ahead === undefined) {
      ready.push(this.convert(row, false));
      return;
    }
    ahead.push(row);
    for (let column = 0; column < row.cells.length; column += 1) {
      const cell = row.cells[column];
      if (typeof cell === 'string') this.legacy.observe(cell, column + 1);
    }
    if (ahead.length >= this.lookahead) this.release(ready);
  }

  /** At the end of the sheet: adds the rows still held back to `ready`, and one note per converted column to `notes`. */
  end(notes: CellNote[], ready: RawRow[]): void {
    this.release(ready);
    for (const report of this.legacy.reports()) {
      notes.push({ row: report.firstRow, column: report.column, kind: 'legacy_encoding', encoding: report.encoding, cells: report.cells });
    }
  }

  private release(ready: RawRow[]): void {
    for (const row of this.ahead ?? []) ready.push(this.convert(row, true));
    this.ahead = undefined;
  }

  private convert(row: ReaderRow, observed: boolean): RawRow {
    const cells = row.cells;
    const { settled, settledUntil, legacy } = this;
    for (let column = 0; column < cells.length; column += 1) {
      const cell = cells[column];
      if (typeof cell !== 'string') continue;
      if (cell === settled[column]) {
        const until = settledUntil[column]!;
        if (until < 0 || until === legacy.version) continue;
      }
      const converted = legacy.convert(cell, row.number, column + 1, observed);
      if (converted !== cell) {
        cells[column] = converted;
        continue;
      }
      const until = legacy.lastSettled;
      if (until === undefined) continue;
      settled[column] = cell;
      settledUntil[column] = until;
    }
    if (row.unread !== undefined) row.unread.legacy = this.legacy;
    return row;
  }
}

/** Rows handed over at a time by a reader that holds its rows (markup, .xls): one await per batch. */
const BATCH_ROWS = 2_000;

/**
 * The rows of a sheet already held in memory, converted from legacy encodings as every reader's
 * are, in batches (see `RawSheet.batches`); the converted columns' notes go to `notes` at the end.
 */
export async function* heldRowBatches(rows: Iterable<ReaderRow>, notes: CellNote[]): AsyncGenerator<readonly RawRow[]> {
  const legacy = new LegacyRows();
  let ready: RawRow[] = [];
  for (const row of rows) {
    legacy.push(row, ready);
    if (ready.length >= BATCH_ROWS) {
      yield ready;
      ready = [];
    }
  }
  legacy.end(notes, ready);
  if (ready.length > 0) yield ready;
}
