/**
 * What the DOCX and the XLSX draw alike: the blocks of the two-level header and how a cell
 * reads as text.
 */
import { DASH, formatNumber } from './format-vi.js';
import type { CellFormat, Column } from './table-model.js';

export interface HeaderBlock {
  /** The merged upper header, or undefined for a column whose header spans both rows. */
  readonly group?: string;
  /** Index of the first leaf column. */
  readonly from: number;
  readonly count: number;
}

export interface HeaderLayout {
  readonly top: readonly HeaderBlock[];
  /** Whether any column has a group (else the header is one row). */
  readonly twoRows: boolean;
}

/** Consecutive columns with the same group form one block. */
export function headerLayout(columns: readonly Column[]): HeaderLayout {
  const top: HeaderBlock[] = [];
  columns.forEach((column, i) => {
    const last = top[top.length - 1];
    if (column.group !== undefined && last?.group === column.group && last.from + last.count === i) {
      top[top.length - 1] = { ...last, count: last.count + 1 };
    } else {
      top.push({ ...(column.group !== undefined ? { group: column.group } : {}), from: i, count: 1 });
    }
  });
  return { top, twoRows: columns.some((column) => column.group !== undefined) };
}

/** How a cell reads: counts "1.234", percentages and rates "12,5", money "1.500.000", null "–". */
export function formatCell(value: number | string | null, format: CellFormat): string {
  if (value === null) return DASH;
  if (typeof value === 'string') return value;
  if (format === 'percent' || format === 'rate') return formatNumber(value, 1);
  return formatNumber(value, 0);
}

/** Excel number formats (the file stores them with "." and ","; Excel shows them in the user's locale). */
export function excelFormat(format: CellFormat): string | undefined {
  if (format === 'count' || format === 'money') return '#,##0';
  if (format === 'percent' || format === 'rate') return '#,##0.0';
  return undefined;
}
