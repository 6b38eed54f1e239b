import type { RawValue } from '../cells.js';

/** One row as a reader hands it over: 1-based row number and 0-based cells. */
export interface RawRow {
  readonly number: number;
  readonly cells: readonly RawValue[];
}

/** Something a reader changed or could not see, reported as a warning on that row. */
export interface CellNote {
  readonly row: number;
  readonly column: number;
  readonly kind: 'formula_without_result' | 'cell_error';
}

export interface RawSheet {
  readonly name: string;
  /** 0-based position in the workbook, for a stable order. */
  readonly index: number;
  readonly hidden: boolean;
  readonly rows: AsyncIterable<RawRow>;
  /** Filled while `rows` is iterated. */
  readonly notes: CellNote[];
}
