/**
 * An annex table ("Biểu") as plain data, drawn the same way by the DOCX builder and the XLSX
 * writer: two fixed columns (STT, label), leaf columns with an optional group above them
 * (the merged two-level header), rows of cells, notes under the table.
 */

import type { Breakdown } from './result-index.js';

export type CellFormat = 'count' | 'percent' | 'rate' | 'money' | 'text';

/** Which figure a cell shows: what small-count protection (suppress.ts) reasons about. */
export interface CellSource {
  readonly indicator: string;
  readonly unit: string;
  readonly breakdown: Breakdown;
  readonly field: 'count' | 'value' | 'denominator';
  /** The report's period (default) or the same period last year. */
  readonly when?: 'current' | 'baseline';
}

/**
 * Why a cell does not show its figure under `--suppress K`: `small` (1 to K−1, shown "<K") or
 * `complementary` (hidden so that a total does not give a small one away, or a rate or share
 * computed from a hidden count; shown "x").
 */
export type Suppression = 'small' | 'complementary';

/** A cell: a number, a text, or null ("–": no data, or nothing to divide by). */
export interface Cell {
  readonly value: number | string | null;
  /** The figure touches a commune split by the 2025 reform (shown in italics). */
  readonly approximate?: boolean;
  /** Overrides the column's format (Biểu 05 mixes counts and percentages in one column). */
  readonly format?: CellFormat;
  readonly source?: CellSource;
  /** Set by suppress.ts; `value` is then the text shown ("<3", "x"), never the figure. */
  readonly suppressed?: Suppression;
}

/** A derived column the XLSX writes as a formula over other columns of the same row. */
export type Derivation =
  | { readonly kind: 'ratio'; readonly numerator: string; readonly denominator: string; readonly factor: number }
  | { readonly kind: 'difference'; readonly current: string; readonly previous: string }
  | { readonly kind: 'change'; readonly current: string; readonly previous: string };

export interface Column {
  readonly key: string;
  readonly header: string;
  /** The upper header; consecutive columns with the same group share one merged cell. */
  readonly group?: string;
  readonly format: CellFormat;
  /** Relative width. */
  readonly width: number;
  readonly derived?: Derivation;
  /** Columns of the same row this one is computed from (a rate, a share, the fines of the cases): hidden with them. */
  readonly dependsOn?: readonly string[];
}

/**
 * How the cells of a part add up, for complementary suppression: in every row the column
 * `total` is the sum of the columns `members` (children = boys + girls), and with `columns`
 * the total row is the sum of the other rows, column by column (the district = its communes).
 * Distinct counts make these sums "at most"; they are treated as exact, which is the safe side.
 */
export interface PartSums {
  readonly rows: readonly { readonly total: string; readonly members: readonly string[] }[];
  readonly columns: boolean;
}

export interface Row {
  /** "1", "2", … or "" for the total row. */
  readonly stt: string;
  readonly label: string;
  /** The unit of the report itself ("Toàn huyện"), or a "Tổng (không trùng)" row: bold. */
  readonly total: boolean;
  /** One per column, by column key. */
  readonly cells: Readonly<Record<string, Cell>>;
}

export interface TablePart {
  /** "a) Theo đơn vị", shown above the part when a table has several. */
  readonly heading?: string;
  /** Header of the label column: "Đơn vị", "Nhóm", "Chỉ tiêu". */
  readonly labelHeader: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
  /** Set on the parts small-count protection applies to (Biểu 03 and 04). */
  readonly sums?: PartSums;
}

export interface ReportTable {
  /** "bieu-01": what `{{table "bieu-01"}}` names. */
  readonly id: string;
  /** "Biểu 01". */
  readonly number: string;
  /** Sheet name in the XLSX: "Bieu01". */
  readonly sheetName: string;
  /** "DÂN SỐ TRẺ EM". */
  readonly title: string;
  /** "Huyện Sơn Hà – tại thời điểm 30/06/2025". */
  readonly subtitle: string;
  /** "Đơn vị tính: trẻ em". */
  readonly unitNote: string;
  readonly parts: readonly TablePart[];
  readonly notes: readonly string[];
  /** Wide tables go on landscape pages in the DOCX. */
  readonly landscape: boolean;
  /** Small-count protection applies to it under `--suppress K` (Biểu 03 and 04). */
  readonly protect?: boolean;
}
