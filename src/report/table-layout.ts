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

/**
 * The number formats of the workbooks, tagged Vietnamese ([$-42A], LCID 0x042A). A format code
 * always stores "," for grouping and "." for decimals; the tag makes LibreOffice show them as
 * Vietnamese writes them ("19.741", "97,5") whatever the viewer's locale. Excel ignores the tag
 * for separators: it always shows its own (Windows' region, or File > Options > Advanced), so
 * an English Excel shows "19,741" and no number format can change that without turning the
 * figures into text. The cells stay numbers either way.
 */
export const VIETNAMESE_FORMAT = { whole: '[$-42A]#,##0', oneDecimal: '[$-42A]#,##0.0' } as const;

/** The Excel number format of a cell format (none for text). */
export function excelFormat(format: CellFormat): string | undefined {
  if (format === 'count' || format === 'money') return VIETNAMESE_FORMAT.whole;
  if (format === 'percent' || format === 'rate') return VIETNAMESE_FORMAT.oneDecimal;
  return undefined;
}
