import { labelOf } from './codes.js';
import type { SheetSpec } from './columns.js';
import { formatDmy } from './dates.js';

/**
 * A record written back as the row an official would type (contract headers, labels, d/m/y
 * dates): used for rows rejected after reading, whose raw cells are no longer kept.
 */
export function recordValues(spec: SheetSpec, record: object): Record<string, string> {
  const fields = new Map(Object.entries(record));
  const values: Record<string, string> = {};
  for (const column of spec.columns) {
    const value: unknown = fields.get(column.key);
    values[column.header] = cellText(column.cell, value);
  }
  return values;
}

function cellText(cell: SheetSpec['columns'][number]['cell'], value: unknown): string {
  if (value === undefined || value === null) return '';
  switch (cell.type) {
    case 'date':
      return typeof value === 'string' ? formatDmy(value) : '';
    case 'yesNo':
      return value === true ? 'Có' : 'Không';
    case 'enum':
      return typeof value === 'string' ? labelOf(cell.list, value) : '';
    case 'list':
      return Array.isArray(value) ? value.map((code) => labelOf(cell.list, String(code))).join('; ') : '';
    default:
      return String(value);
  }
}
