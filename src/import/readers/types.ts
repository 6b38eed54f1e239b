import type { RawValue } from '../cells.js';
import type { LegacyEncoding } from '../../io/legacy-encoding.js';

/** One row as a reader hands it over: 1-based row number and 0-based cells. */
export interface RawRow {
  readonly number: number;
  readonly cells: readonly RawValue[];
  /**
   * The text of cells in columns the importer said it does not read (`RawSheet.readColumns`),
   * not decoded: such a cell holds `UNREAD_TEXT`, and `unread.text(index)` its text when asked
   * (a rejected row's cells in the error workbook). Undefined when the row has none.
   */
  readonly unread?: UnreadCells | undefined;
}

export interface UnreadCells {
  /** The cell's text as it would have been read ('' for a cell that is not one of them). */
  text(index: number): string;
}

/**
 * Stands for the text of a cell of a column not read: a constant, not the cell's text. It is
 * handed over only for text that is neither blank nor could be a totals label ("Tổng", "Cộng"),
 * so that a row's emptiness and totals test see what they would have seen.
 */
export const UNREAD_TEXT = '\u0000unread';

/** Something a reader changed or could not see, reported as a warning on that row (`noteMessage` words it). */
export type CellNote =
  | { readonly row: number; readonly column: number; readonly kind: 'formula_without_result' | 'cell_error' }
  /** A column's cells written in a legacy encoding, converted to Unicode: one note per column, on its first such row. */
  | { readonly row: number; readonly column: number; readonly kind: 'legacy_encoding'; readonly encoding: LegacyEncoding; readonly cells: number };

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface RawSheet {
  /** As its tab reads. */
  readonly name: string;
  /** 0-based position in the workbook, for a stable order. */
  readonly index: number;
  readonly state: SheetState;
  /** `state` is hidden or veryHidden. */
  readonly hidden: boolean;
  /**
   * Its rows in batches (those one inflated chunk gave, in order): a consumer awaits once per
   * batch, not once per row (`RowCursor`).
   */
  readonly batches: AsyncIterable<readonly RawRow[]>;
  /** Filled while `batches` is iterated. */
  readonly notes: CellNote[];
  /**
   * Says which columns (0-based) the importer reads from now on: a reader may then hand over the
   * text of the others as `UNREAD_TEXT`, decoded only when asked (`RawRow.unread`).
   */
  readonly readColumns?: (columns: readonly number[]) => void;
  /**
   * The workbook counts dates from 1 Jan 1904 (old Mac Excel): a plain number in a date column
   * is then a serial of that system, as a date-formatted one already is when read.
   */
  readonly date1904?: boolean;
}
