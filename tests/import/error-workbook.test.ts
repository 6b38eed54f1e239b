/**
 * The error workbook an official can work in, read back with exceljs: one column per contract
 * field under the contract's header (the file's own header in the cell's note), the rows of every
 * file in the same columns, the reason first, then file, sheet and row; frozen header, filters,
 * widths; the warnings on "Cảnh báo"; the personal-data notice first; a 16,384-column sheet.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHILDREN_SHEET } from '../../src/model/columns.js';
import { runCli } from '../helpers/cli.js';
import { CHILD_HEADERS, childRow, tempDir, utc, writeWorkbook } from '../helpers/workbooks.js';

const dir = tempDir('chitieu-error-workbook-');
const CONTRACT = CHILDREN_SHEET.columns.map((column) => column.header);

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

const headerOf = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);

describe('the error workbook', () => {
  it('puts the rows of every file in the same contract columns, reason first, with the file\'s header in a note', async () => {
    // Two exports spell their headers differently ("MÃ TRẺ EM", "Ma tre em", "Ngày, tháng, năm sinh")
    // and order them differently: their rows still line up, column for column.
    const upper = CHILD_HEADERS.map((header) => (header === 'Mã trẻ em' ? 'MÃ TRẺ EM' : header));
    const first = await writeWorkbook(join(dir, 'a-son-ha.xlsx'), [{ name: 'TreEm', rows: [upper, childRow({ 'Giới tính': 'X' })] }]);
    const folded = CHILD_HEADERS.map((header) => (header === 'Mã trẻ em' ? 'Ma tre em' : header === 'Ngày sinh' ? 'Ngày, tháng, năm sinh' : header));
    const order = [...folded.keys()].reverse();
    const row = childRow({ 'Mã trẻ em': 'TE900', 'Số định danh cá nhân': null, 'Ngày sinh': '31/02/2019', 'Ngày trợ giúp': utc(2010, 1, 1) });
    const second = await writeWorkbook(join(dir, 'b-son-thanh.xlsx'), [
      { name: 'DS tre em', rows: [order.map((index) => folded[index]!), order.map((index) => row[index]!)] },
      { name: 'Trẻ em', rows: [CHILD_HEADERS, childRow({ 'Mã trẻ em': 'TE901', 'Số định danh cá nhân': null, 'Ngày trợ giúp': utc(2010, 1, 1) })] },
    ]);
    const out = join(dir, 'loi.xlsx');
    const ran = await runCli('validate', first, second, '--out', out);
    expect(ran.code).toBe(0);

    const workbook = await readBack(out);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Lưu ý', 'Trẻ em bị loại', 'Cảnh báo']);
    expect(String(workbook.worksheets[0]!.getCell('A1').value)).toBe('TỆP NÀY CHỨA DỮ LIỆU CÁ NHÂN CỦA TRẺ EM');

    const sheet = workbook.getWorksheet('Trẻ em bị loại')!;
    const header = headerOf(sheet);
    // What prints first (the reason, where the row is, its key, its values), then the kinds and one column per other contract field, then the rest.
    expect(header).toEqual(['Lý do', 'Tệp', 'Trang', 'Dòng', 'Mã trẻ em', 'Các giá trị của dòng', 'Loại lỗi', ...CONTRACT.filter((name) => name !== 'Mã trẻ em'), 'STT']);
    expect(header.filter((name) => name === 'Mã trẻ em')).toHaveLength(1);
    const cell = (line: number, name: string) => sheet.getRow(line).getCell(header.indexOf(name) + 1).value;
    expect([cell(2, 'Tệp'), cell(2, 'Trang'), cell(2, 'Dòng'), cell(2, 'Mã trẻ em'), cell(2, 'Giới tính')]).toEqual(['a-son-ha.xlsx', 'TreEm', 2, 'TE001', 'X']);
    expect(String(cell(2, 'Lý do'))).toBe('Giới tính: giá trị "X" không có trong danh mục; dùng một trong: Nam, Nữ (hoặc mã NAM, NU)');
    expect([cell(3, 'Tệp'), cell(3, 'Trang'), cell(3, 'Dòng'), cell(3, 'Mã trẻ em'), cell(3, 'Ngày sinh'), cell(3, 'Họ và tên')]).toEqual([
      'b-son-thanh.xlsx', 'DS tre em', 2, 'TE900', '31/02/2019', 'Đinh Văn A',
    ]);
    // The files' own headers, in the header cell's note.
    const note = (name: string) => JSON.stringify(sheet.getRow(1).getCell(header.indexOf(name) + 1).note ?? '');
    expect(note('Mã trẻ em')).toContain('\\"MÃ TRẺ EM\\" (a-son-ha.xlsx › TreEm)');
    expect(note('Mã trẻ em')).toContain('\\"Ma tre em\\" (b-son-thanh.xlsx › DS tre em)');
    expect(note('Ngày sinh')).toContain('Ngày, tháng, năm sinh');
    expect(note('Họ và tên')).toBe('""');

    // Frozen header and reason, filters over every column, widths to read by.
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(sheet.autoFilter).toBe(`A1:${sheet.getColumn(header.length).letter}3`);
    expect(sheet.getColumn(1).width).toBe(44);
    expect(sheet.getRow(2).height).toBeGreaterThanOrEqual(30);
    expect(sheet.getColumn(header.indexOf('Họ và tên') + 1).width).toBeGreaterThanOrEqual(12);

    // Warnings on their own sheet: the rows that still count (a support date before the birth).
    const warnings = workbook.getWorksheet('Cảnh báo')!;
    expect(headerOf(warnings)).toEqual(['Cảnh báo', 'Tệp', 'Trang', 'Dòng', 'Cột', 'Giá trị', 'Loại cảnh báo']);
    const rows = warnings.getSheetValues().slice(2).map((values) => [...(values as unknown[]).slice(1, 6), (values as unknown[])[7]]);
    expect(rows).toContainEqual(['ngày này trước ngày sinh của trẻ; trẻ vẫn được tính, hãy sửa ngày', 'b-son-thanh.xlsx', 'Trẻ em', 2, 'Ngày trợ giúp', 'ngày trước ngày sinh (trẻ vẫn được tính)']);
    expect(warnings.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('holds a 16,384-column sheet (the most a sheet can have): the extra columns share one last cell', async () => {
    const extra = Array.from({ length: 16_384 - CHILD_HEADERS.length }, (_, index) => `Cột thêm ${index + 1}`);
    const path = await writeWorkbook(join(dir, 'rong.xlsx'), [
      { name: 'TreEm', rows: [[...CHILD_HEADERS, ...extra], [...childRow({ 'Giới tính': 'X' }), ...extra.map((_, index) => `v${index + 1}`)]] },
    ]);
    const out = join(dir, 'loi-rong.xlsx');
    const ran = await runCli('validate', path, '--out', out);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('bỏ qua 16.363 cột không có trong mẫu: "STT", "Cột thêm 1"');
    const sheet = (await readBack(out)).getWorksheet('Trẻ em bị loại')!;
    const header = headerOf(sheet);
    expect(header.length).toBeLessThanOrEqual(16_384);
    expect(header.at(-1)).toBe('Các cột khác');
    const overflow = String(sheet.getRow(2).getCell(header.length).value);
    expect(overflow.length).toBeLessThanOrEqual(32_767);
    expect(overflow.startsWith('Cột thêm 100 = v100; Cột thêm 101 = v101')).toBe(true);
  });
});

describe('the error workbook after placing the rows (issue #16)', () => {
  it('holds the rows rejected while being placed, and the accounting per file and sheet with them', async () => {
    // No Mã huyện and only codes of both lists: the file's vintage cannot be told. 21289 has one
    // meaning (Di Lăng went whole into Sơn Hà 21289): accepted; 09552 two (Phú La, Kiến Hưng): rejected.
    const path = await writeWorkbook(join(dir, 'khong-ro.xlsx'), [
      {
        name: 'TreEm',
        rows: [
          CHILD_HEADERS,
          childRow({ 'Mã huyện': null }),
          childRow({ STT: 2, 'Mã trẻ em': 'TE002', 'Số định danh cá nhân': '001215001234', 'Mã tỉnh': '01', 'Mã huyện': null, 'Mã xã': '09552' }),
        ],
      },
    ]);
    const out = join(dir, 'loi-xep.xlsx');
    const ran = await runCli('validate', path, '--out', out);
    expect(ran.code).toBe(0);
    // Read 2 = 1 accepted + 1 rejected, on the terminal and in the workbook.
    expect(ran.stdout).toContain('khong-ro.xlsx: đọc 2 dòng = 1 hợp lệ + 1 bị loại');
    expect(ran.stdout).toContain('1 dòng bị loại khi xếp vào đơn vị hành chính');
    const workbook = await readBack(out);
    const notice = workbook.getWorksheet('Lưu ý')!.getColumn(1).values.map(String);
    expect(notice).toContain('khong-ro.xlsx: đọc 2 dòng = 1 hợp lệ + 1 bị loại');
    const rejected = workbook.getWorksheet('Trẻ em bị loại')!;
    expect(rejected.rowCount).toBe(2);
    expect(JSON.stringify(rejected.getRow(2).values)).toContain('Phường Kiến Hưng');
  });
});
