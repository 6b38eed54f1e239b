import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Cell = string | number | boolean | Date | null;

export function tempDir(prefix = 'chitieu-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A calendar date as exceljs must be given it (UTC midnight, stack.md pitfall). */
export function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

export interface SheetInput {
  name: string;
  rows: Cell[][];
  state?: 'visible' | 'hidden';
}

/** Writes a real .xlsx with exceljs: date cells get a dd/mm/yyyy format like an export has. */
export async function writeWorkbook(path: string, sheets: SheetInput[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const input of sheets) {
    const sheet = workbook.addWorksheet(input.name, { state: input.state ?? 'visible' });
    input.rows.forEach((cells, index) => {
      const row = sheet.getRow(index + 1);
      cells.forEach((value, column) => {
        if (value === null) return;
        const cell = row.getCell(column + 1);
        cell.value = value;
        if (value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      });
      row.commit();
    });
  }
  await workbook.xlsx.writeFile(path);
  return path;
}

export function writeText(path: string, text: string): string {
  writeFileSync(path, text);
  return path;
}

/** Headers of the contract's TreEm sheet, in a typical order. */
export const CHILD_HEADERS = [
  'STT', 'Mã trẻ em', 'Số định danh cá nhân', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Mã tỉnh', 'Mã huyện', 'Mã xã',
  'Thôn/Tổ dân phố', 'Đăng ký khai sinh', 'Thẻ BHYT', 'Tình trạng đi học', 'Nhóm HCĐB', 'Ngày bắt đầu HCĐB', 'Ngày thôi HCĐB',
  'Nhóm nguy cơ', 'Hình thức trợ giúp', 'Ngày trợ giúp', 'Tình trạng', 'Ngày thay đổi tình trạng',
];

export const EVENT_HEADERS = [
  'Mã vụ việc', 'Mã trẻ em', 'Giới tính', 'Ngày sinh', 'Mã xã', 'Loại sự việc', 'Ngày xảy ra', 'Hình thức xâm hại',
  'Môi trường xâm hại', 'Nguyên nhân TNTT', 'Hậu quả', 'Hình thức hỗ trợ, can thiệp', 'Xử lý', 'Số tiền phạt',
];

/** A child row in CHILD_HEADERS order; override cells by header. */
export function childRow(overrides: Record<string, Cell> = {}): Cell[] {
  const base: Record<string, Cell> = {
    STT: 1, 'Mã trẻ em': 'TE001', 'Số định danh cá nhân': '051215001234', 'Họ và tên': 'Đinh Văn A', 'Ngày sinh': utc(2015, 5, 3),
    'Giới tính': 'Nam', 'Dân tộc': 'Hrê', 'Mã tỉnh': '51', 'Mã huyện': '529', 'Mã xã': '21289', 'Thôn/Tổ dân phố': 'Thôn 1',
    'Đăng ký khai sinh': 'Có', 'Thẻ BHYT': 'Có', 'Tình trạng đi học': 'Tiểu học', 'Nhóm HCĐB': null, 'Ngày bắt đầu HCĐB': null,
    'Ngày thôi HCĐB': null, 'Nhóm nguy cơ': null, 'Hình thức trợ giúp': null, 'Ngày trợ giúp': null, 'Tình trạng': 'Đang quản lý',
    'Ngày thay đổi tình trạng': null,
  };
  const merged = { ...base, ...overrides };
  return CHILD_HEADERS.map((header) => merged[header] ?? null);
}

export function eventRow(overrides: Record<string, Cell> = {}): Cell[] {
  const base: Record<string, Cell> = {
    'Mã vụ việc': 'VV001', 'Mã trẻ em': 'TE001', 'Giới tính': null, 'Ngày sinh': null, 'Mã xã': '21289',
    'Loại sự việc': 'Tai nạn thương tích', 'Ngày xảy ra': utc(2025, 3, 10), 'Hình thức xâm hại': null, 'Môi trường xâm hại': null,
    'Nguyên nhân TNTT': 'Đuối nước', 'Hậu quả': 'Thương tích', 'Hình thức hỗ trợ, can thiệp': null, 'Xử lý': null, 'Số tiền phạt': null,
  };
  const merged = { ...base, ...overrides };
  return EVENT_HEADERS.map((header) => merged[header] ?? null);
}

/** A child list of `rows` rows as a CSV (about 80 bytes a row), all of commune 21289 (Sơn Hà): a large file read in seconds. */
export function writeChildCsv(path: string, rows: number): string {
  const lines = ['Mã trẻ em,Họ và tên,Ngày sinh,Giới tính,Mã tỉnh,Mã huyện,Mã xã,Đăng ký khai sinh,Thẻ BHYT,Nhóm HCĐB,Tình trạng'];
  for (let index = 0; index < rows; index += 1) lines.push(`T${String(index).padStart(7, '0')},Trẻ ${index},01/0${1 + (index % 9)}/2015,${index % 2 === 0 ? 'Nam' : 'Nữ'},51,529,21289,Có,Có,,Đang quản lý`);
  writeFileSync(path, lines.join('\r\n'), 'utf8');
  return path;
}
