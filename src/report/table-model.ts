/**
 * An annex table ("Biểu") as plain data, drawn the same way by the DOCX builder and the XLSX
 * writer: two fixed columns (STT, label), leaf columns with an optional group above them
 * (the merged two-level header), rows of cells, notes under the table.
 */

export type CellFormat = 'count' | 'percent' | 'rate' | 'money' | 'text';

/** A cell: a number, a text, or null ("–": no data, or nothing to divide by). */
export interface Cell {
  readonly value: number | string | null;
  /** The figure touches a commune split by the 2025 reform (shown in italics). */
  readonly approximate?: boolean;
  /** Overrides the column's format (Biểu 05 mixes counts and percentages in one column). */
  readonly format?: CellFormat;
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
}
