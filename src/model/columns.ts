import { CHILD_FIELDS, COMMUNE_FACT_FIELDS, EVENT_FIELDS, type CellKind, type FieldSpec } from './fields.js';
import type { RecordKind } from './records.js';

export type { CellKind } from './fields.js';

/**
 * The input layout of docs/data-contract.md: sheets, their headers and header variants, and how
 * each cell is read (the fields are described in fields.ts). The importer matches headers
 * against `header` and `aliases` after folding (NFC, lower case, no diacritics, đ→d, single
 * spaces); the sample generator writes `header` or an alias.
 */

export interface ColumnSpec {
  readonly key: string;
  readonly header: string;
  readonly aliases: readonly string[];
  readonly required: boolean;
  readonly cell: CellKind;
  /** Personal data: masked in terminal messages, never in reports. */
  readonly personal?: boolean;
}

export interface SheetSpec {
  readonly kind: RecordKind;
  readonly name: string;
  readonly nameAliases: readonly string[];
  readonly columns: readonly ColumnSpec[];
  /** Headers that only this kind has: they tell a sheet's kind when its name does not. */
  readonly distinctiveHeaders: readonly string[];
}

/** A sheet's columns, in the order its fields are described. */
function columnsOf(fields: Readonly<Record<string, FieldSpec>>): ColumnSpec[] {
  return Object.entries(fields).map(([key, spec]) => ({
    key,
    header: spec.header,
    cell: spec.cell,
    required: spec.required,
    aliases: spec.aliases,
    personal: spec.personal,
  }));
}

export const CHILDREN_SHEET: SheetSpec = {
  kind: 'children',
  name: 'TreEm',
  nameAliases: ['Trẻ em', 'DS tre em', 'Danh sách trẻ em', 'Danh sach tre em', 'Tre em', 'Children'],
  distinctiveHeaders: ['Họ và tên'],
  columns: columnsOf(CHILD_FIELDS),
};

export const EVENTS_SHEET: SheetSpec = {
  kind: 'events',
  name: 'SuViec',
  nameAliases: ['Sự việc', 'Vu viec', 'Vụ việc', 'DS su viec', 'Danh sách sự việc', 'Events'],
  distinctiveHeaders: ['Mã vụ việc', 'Loại sự việc'],
  columns: columnsOf(EVENT_FIELDS),
};

export const COMMUNE_FACTS_SHEET: SheetSpec = {
  kind: 'communeFacts',
  name: 'ThongTinXa',
  nameAliases: ['Thông tin xã', 'Thông tin chung', 'ThongTinChung'],
  distinctiveHeaders: ['Kỳ báo cáo'],
  columns: columnsOf(COMMUNE_FACT_FIELDS),
};

export const SHEETS: readonly SheetSpec[] = [CHILDREN_SHEET, EVENTS_SHEET, COMMUNE_FACTS_SHEET];

export function sheetSpecOf(kind: RecordKind): SheetSpec {
  const spec = SHEETS.find((sheet) => sheet.kind === kind);
  if (!spec) throw new Error(`unknown record kind ${kind}`);
  return spec;
}
