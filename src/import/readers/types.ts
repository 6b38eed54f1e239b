import type { RawValue } from '../cells.js';
import type { LegacyEncoding } from '../../io/legacy-encoding.js';

/** One row as a reader hands it over: 1-based row number and 0-based cells. */
export interface RawRow {
  readonly number: number;
  readonly cells: readonly RawValue[];
}

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
   * The workbook counts dates from 1 Jan 1904 (old Mac Excel): a plain number in a date column
   * is then a serial of that system, as a date-formatted one already is when read.
   */
  readonly date1904?: boolean;
}
