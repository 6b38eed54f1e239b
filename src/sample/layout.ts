import { SPECIAL_GROUPS, type CodeList } from '../model/codes.js';
import type { ColumnSpec, SheetSpec } from '../model/columns.js';
import { vnDate } from './dates.js';
import type { SampleCommune } from './generate.js';
import { HRE, KINH, XO_DANG } from './names.js';

/**
 * How each commune's workbook is laid out: the same records written the ways real exports
 * differ (docs/data-contract.md lists what the importer must absorb). Pure: cells only, no exceljs.
 */

/** A cell as the writer puts it: text, number, a calendar date (written as a date cell), or empty. */
export type Cell = null | string | number | { readonly date: string };

export interface FileStyle {
  /** "DANH SÁCH TRẺ EM XÃ …" and a blank row above the header. */
  readonly titleRows: boolean;
  readonly headers: 'canonical' | 'noDiacritics' | 'upper' | 'aliases';
  readonly dates: 'cells' | 'text';
  /** Codes (NAM, TNTT, DUOI_NUOC) or the labels officials type (Nữ, Tai nạn thương tích, Đuối nước). */
  readonly values: 'codes' | 'labels';
  /** Special-circumstance groups as HCDB04, as the letter of Art. 10 ("d"), or as the label. */
  readonly groups: 'code' | 'letter' | 'label';
  readonly yesNo: 'CoKhong' | 'x' | '10';
  /** Every text in decomposed Unicode (typed with a Unikey-style input method). */
  readonly nfd: boolean;
  /** An "STT" column first and a "Ghi chú" column last, neither in the contract. */
  readonly stt: boolean;
  /** "Tình trạng" left blank for children still managed (the contract's default). */
  readonly blankActive: boolean;
  readonly ethnicity: 'code' | 'name';
}

const canonical: FileStyle = {
  titleRows: false,
  headers: 'canonical',
  dates: 'cells',
  values: 'codes',
  groups: 'code',
  yesNo: 'CoKhong',
  nfd: false,
  stt: false,
  blankActive: false,
  ethnicity: 'code',
};

/**
 * One style per commune, by position in the district. The first file is written exactly as the
 * contract's canonical form; the others each vary a few things.
 */
export const FILE_STYLES: readonly FileStyle[] = [
  canonical,
  { ...canonical, titleRows: true, values: 'labels', groups: 'letter', stt: true, ethnicity: 'name' },
  { ...canonical, headers: 'noDiacritics', dates: 'text', yesNo: 'x', blankActive: true, ethnicity: 'name' },
  { ...canonical, titleRows: true, headers: 'upper', values: 'labels', groups: 'label', yesNo: '10', ethnicity: 'name' },
  { ...canonical, headers: 'aliases', blankActive: true, ethnicity: 'name' },
  { ...canonical, dates: 'text', values: 'labels', groups: 'letter', nfd: true, stt: true, ethnicity: 'name' },
  { ...canonical, titleRows: true, headers: 'noDiacritics', yesNo: 'x' },
  { ...canonical, values: 'labels', groups: 'letter', blankActive: true, ethnicity: 'name' },
  { ...canonical, headers: 'upper', stt: true },
  { ...canonical, titleRows: true, headers: 'aliases', dates: 'text', values: 'labels', groups: 'label', ethnicity: 'name' },
  { ...canonical, yesNo: '10', ethnicity: 'name' },
  { ...canonical, headers: 'noDiacritics', values: 'labels', groups: 'letter', yesNo: 'x', stt: true, blankActive: true, ethnicity: 'name' },
  { ...canonical, titleRows: true },
  { ...canonical, dates: 'text', values: 'labels', groups: 'letter', blankActive: true, ethnicity: 'name' },
];

export function styleFor(index: number): FileStyle {
  return FILE_STYLES[index % FILE_STYLES.length] ?? canonical;
}

/** Short notes on a style for the README (Vietnamese / English). */
export function describeStyle(style: FileStyle): { vi: string[]; en: string[] } {
  const vi: string[] = [];
  const en: string[] = [];
  const add = (v: string, e: string): void => {
    vi.push(v);
    en.push(e);
  };
  if (style === canonical) add('dạng chuẩn của hợp đồng dữ liệu', 'canonical contract form');
  if (style.titleRows) add('dòng tiêu đề + dòng trống', 'title row + blank row');
  if (style.headers === 'noDiacritics') add('tiêu đề không dấu', 'headers without diacritics');
  if (style.headers === 'upper') add('tiêu đề chữ hoa', 'upper-case headers');
  if (style.headers === 'aliases') add('tên cột khác (bí danh)', 'header aliases');
  if (style.dates === 'text') add('ngày dạng chữ dd/mm/yyyy', 'dates as dd/mm/yyyy text');
  if (style.values === 'labels') add('nhãn thay cho mã', 'labels instead of codes');
  if (style.groups === 'letter') add('nhóm HCĐB bằng chữ cái', 'special groups as letters');
  if (style.groups === 'label') add('nhóm HCĐB bằng tên', 'special groups as labels');
  if (style.yesNo === 'x') add('có/không = x/trống', 'yes/no as x/blank');
  if (style.yesNo === '10') add('có/không = 1/0', 'yes/no as 1/0');
  if (style.nfd) add('chữ Unicode tổ hợp (NFD)', 'NFD (decomposed) text');
  if (style.stt) add('thêm cột STT, Ghi chú', 'extra STT and Ghi chú columns');
  if (style.blankActive) add('Tình trạng trống = đang quản lý', 'blank status = active');
  if (style.ethnicity === 'code') add('dân tộc bằng mã', 'ethnicity as GSO code');
  return { vi, en };
}

// ---------------------------------------------------------------------------------------------
// Headers

/** Header aliases used by the 'aliases' style, where columns.ts lists them for the sheet. */
const ALIAS_CHOICE: Readonly<Record<string, string>> = {
  fullName: 'Họ tên',
  dateOfBirth: 'Ngày, tháng, năm sinh',
  sex: 'Giới',
  communeCode: 'Mã xã/phường',
  village: 'Thôn',
  birthRegistered: 'Đã đăng ký khai sinh',
  hasHealthInsurance: 'Có thẻ BHYT',
  specialGroups: 'Nhóm hoàn cảnh đặc biệt',
  eventType: 'Loại vụ việc',
  eventDate: 'Ngày xảy ra sự việc',
  injuryCause: 'Nguyên nhân tai nạn thương tích',
  interventions: 'Hỗ trợ, can thiệp',
  handling: 'Kết quả xử lý',
  fineAmount: 'Số tiền phạt (đồng)',
  population: 'Tổng dân số',
  villages: 'Số thôn/tổ dân phố',
  budget: 'Kinh phí cho công tác trẻ em (đồng)',
};

export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

export function headerText(column: ColumnSpec, style: FileStyle): string {
  switch (style.headers) {
    case 'canonical':
      return column.header;
    case 'noDiacritics':
      return stripDiacritics(column.header);
    case 'upper':
      return column.header.toLocaleUpperCase('vi');
    case 'aliases': {
      // The same key can have other aliases on another sheet (Giới tính has "Giới" only in TreEm).
      const alias = ALIAS_CHOICE[column.key];
      return alias !== undefined && column.aliases.includes(alias) ? alias : column.header;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Values

const ETHNICITIES = [KINH, HRE, XO_DANG];

/** 7500000 → "7.500.000", as amounts are typed in Vietnamese. */
export function vnNumber(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function labelIn(list: CodeList, code: string): string {
  return list.find((entry) => entry.code === code)?.label ?? code;
}

function yesNoCell(value: boolean | null | undefined, style: FileStyle): Cell {
  if (value === null || value === undefined) return null;
  switch (style.yesNo) {
    case 'CoKhong':
      return value ? 'Có' : 'Không';
    case 'x':
      return value ? 'x' : null;
    case '10':
      return value ? 1 : 0;
  }
}

function listCell(list: CodeList, codes: readonly string[], style: FileStyle): Cell {
  if (codes.length === 0) return null;
  if (list === SPECIAL_GROUPS) {
    if (style.groups === 'letter') {
      return codes.map((code) => list.find((entry) => entry.code === code)?.aliases?.[0] ?? code).join(', ');
    }
    if (style.groups === 'label') return codes.map((code) => labelIn(list, code)).join('; ');
    return codes.join(', ');
  }
  // Labels can hold commas ("Quà, tiền mặt"), so a list of labels is separated by semicolons.
  return style.values === 'labels' ? codes.map((code) => labelIn(list, code)).join('; ') : codes.join(', ');
}

/** One record's cells by column key, written in the file's style. */
export function renderRecord(spec: SheetSpec, record: object, style: FileStyle): Record<string, Cell> {
  const values = record as Record<string, unknown>;
  const cells: Record<string, Cell> = {};
  for (const column of spec.columns) {
    const value = values[column.key];
    cells[column.key] = renderValue(column, value, style);
  }
  return cells;
}

function renderValue(column: ColumnSpec, value: unknown, style: FileStyle): Cell {
  if (value === undefined) return null;
  const cell = column.cell;
  switch (cell.type) {
    case 'text':
      if (column.key === 'ethnicity' && typeof value === 'string' && style.ethnicity === 'code') {
        return ETHNICITIES.find((ethnicity) => ethnicity.name === value)?.code ?? value;
      }
      return typeof value === 'string' ? value : String(value);
    case 'code':
      return String(value);
    case 'date':
      if (typeof value !== 'string') return null;
      return style.dates === 'cells' ? { date: value } : vnDate(value);
    case 'yesNo':
      return yesNoCell(value as boolean | null, style);
    case 'enum': {
      const code = String(value);
      if (column.key === 'status') {
        return code === 'ACTIVE' && style.blankActive ? null : labelIn(cell.list, code);
      }
      return style.values === 'labels' ? labelIn(cell.list, code) : code;
    }
    case 'list':
      return Array.isArray(value) ? listCell(cell.list, value as string[], style) : null;
    case 'number':
    case 'integer':
      if (typeof value !== 'number') return null;
      if (style.values === 'labels' && (column.key === 'fineAmount' || column.key === 'budget')) return vnNumber(value);
      return value;
  }
}

// ---------------------------------------------------------------------------------------------
// Sheets

export interface RowDraft {
  readonly cells: Readonly<Record<string, Cell>>;
  /** Text for the "Ghi chú" column of files that have one. */
  readonly note?: string;
  /** Id of the planted error this row carries (README, tests). */
  readonly tag?: string;
  /** A "Tổng cộng" row: label in the first column, the count under "Họ và tên". */
  readonly total?: boolean;
}

export interface SheetLayout {
  readonly name: string;
  readonly title?: string;
  /** 1-based row of the header. */
  readonly headerRow: number;
  readonly header: readonly string[];
  /** Keys of the columns, in order; null for columns outside the contract (STT, Ghi chú). */
  readonly keys: readonly (string | null)[];
  /** Rows below the header, in order. */
  readonly rows: readonly (readonly Cell[])[];
  readonly tags: readonly (string | undefined)[];
}

export const STT_HEADER = 'STT';
export const NOTE_HEADER = 'Ghi chú';
export const TOTAL_LABEL = 'Tổng cộng';

function nfd(cell: Cell): Cell {
  return typeof cell === 'string' ? cell.normalize('NFD') : cell;
}

export function assembleSheet(
  spec: SheetSpec,
  style: FileStyle,
  rows: readonly RowDraft[],
  title: string | undefined,
): SheetLayout {
  const extras = style.stt && spec.kind !== 'communeFacts';
  const keys: (string | null)[] = [
    ...(extras ? [null] : []),
    ...spec.columns.map((column) => column.key),
    ...(extras ? [null] : []),
  ];
  const header = [
    ...(extras ? [STT_HEADER] : []),
    ...spec.columns.map((column) => headerText(column, style)),
    ...(extras ? [NOTE_HEADER] : []),
  ];
  const withTitle = style.titleRows && title !== undefined;
  const out: Cell[][] = [];
  let count = 0;
  for (const row of rows) {
    if (row.total) {
      const cells: Cell[] = keys.map(() => null);
      cells[0] = TOTAL_LABEL;
      cells[keys.indexOf('fullName')] = count;
      out.push(cells);
      continue;
    }
    count += 1;
    const cells: Cell[] = spec.columns.map((column) => row.cells[column.key] ?? null);
    out.push(extras ? [count, ...cells, row.note ?? null] : cells);
  }
  const finish = (cell: Cell): Cell => (style.nfd ? nfd(cell) : cell);
  return {
    name: spec.name,
    ...(withTitle ? { title: finish(title) as string } : {}),
    headerRow: withTitle ? 3 : 1,
    header: header.map((text) => finish(text) as string),
    keys,
    rows: out.map((cells) => cells.map(finish)),
    tags: rows.map((row) => row.tag),
  };
}

/** Excel row number of a sheet's data row (0-based index below the header). */
export function excelRow(sheet: SheetLayout, index: number): number {
  return sheet.headerRow + 1 + index;
}

export function slugOf(name: string): string {
  return stripDiacritics(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function fileNameOf(commune: SampleCommune): string {
  return `${commune.provinceCode}-${commune.districtCode}-${commune.code}-${slugOf(commune.name)}.xlsx`;
}
