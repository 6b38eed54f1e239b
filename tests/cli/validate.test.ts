import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHILD_HEADERS, childRow, tempDir, writeText, writeWorkbook } from '../helpers/workbooks.js';
import { runCli } from '../helpers/cli.js';

const dir = tempDir();

async function workbookWithOneBadRow(): Promise<string> {
  return writeWorkbook(join(dir, 'xa-son-ha.xlsx'), [
    {
      name: 'TreEm',
      rows: [
        CHILD_HEADERS,
        childRow(),
        childRow({ 'Mã trẻ em': 'TE002', 'Số định danh cá nhân': '051215009999', 'Họ và tên': 'Phạm Thị Hoa', 'Ngày sinh': '31/02/2019' }),
      ],
    },
  ]);
}

describe('chitieu validate', () => {
  it('prints the accounting per file and the rejected row, with personal values masked', async () => {
    const path = await workbookWithOneBadRow();
    const result = await runCli('validate', path);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('xa-son-ha.xlsx: đọc 2 dòng = 1 hợp lệ + 1 bị loại');
    expect(result.stdout).toContain('xa-son-ha.xlsx › TreEm › dòng 3 › cột "Ngày sinh" = "31/02/2019": tháng 2 không có ngày 31 (tháng 2 có 28 ngày)');
    expect(result.stdout).toContain('ngày không hợp lệ');
    expect(result.stdout).not.toContain('Phạm Thị Hoa');
    expect(result.stdout).not.toContain('051215009999');
  });

  it('speaks English with --lang en', async () => {
    const path = await workbookWithOneBadRow();
    const result = await runCli('--lang', 'en', 'validate', path);
    expect(result.stdout).toContain('read 2 rows = 1 accepted + 1 rejected');
    expect(result.stdout).toContain('invalid date');
  });

  it('exits 3 under --strict when a row is rejected, 0 when none is', async () => {
    const path = await workbookWithOneBadRow();
    expect((await runCli('validate', '--strict', path)).code).toBe(3);
    const clean = await writeWorkbook(join(dir, 'clean.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow()] }]);
    expect((await runCli('validate', '--strict', clean)).code).toBe(0);
  });

  it('exits 2 with one line naming the file that cannot be read, no stack trace', async () => {
    const broken = writeText(join(dir, 'hong.xlsx'), 'not a workbook');
    const result = await runCli('validate', broken);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('hong.xlsx');
    expect(result.stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });

  it('exits 1 on a wrong option', async () => {
    expect((await runCli('validate', '--as-of', '31/02/2025', 'x.xlsx')).code).toBe(1);
    expect((await runCli('validate', '--as-of', '2025-6-31', 'x.xlsx')).code).toBe(1);
  });

  it('checks codes against the list valid at --as-of', async () => {
    // 21295 (Xã Sơn Thành) was merged away on 1 July 2025: valid before, unknown after.
    const path = await writeWorkbook(join(dir, 'son-thanh.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow({ 'Mã xã': '21295' })] }]);
    expect((await runCli('validate', '--strict', '--as-of', '2025-06-30', path)).code).toBe(0);
    const after = await runCli('validate', '--strict', '--as-of', '2025-07-01', path);
    expect(after.code).toBe(3);
    expect(after.stdout).toContain('mã xã không có trong danh mục');
  });

  it('writes the rejected rows with their reasons to a workbook that says it holds personal data', async () => {
    const path = await workbookWithOneBadRow();
    const out = join(dir, 'loi.xlsx');
    const result = await runCli('validate', path, '--out', out);
    expect(result.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Lưu ý', 'Trẻ em bị loại']);
    expect(String(workbook.getWorksheet('Lưu ý')!.getCell('A1').value)).toContain('DỮ LIỆU CÁ NHÂN');
    const sheet = workbook.getWorksheet('Trẻ em bị loại')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['Lý do', 'Tệp', 'Trang', 'Dòng', 'Mã trẻ em']);
    const row = sheet.getRow(2);
    const cell = (name: string) => row.getCell(header.indexOf(name) + 1).value;
    expect(cell('Dòng')).toBe(3);
    expect(String(cell('Lý do'))).toContain('Ngày sinh: tháng 2 không có ngày 31');
    expect(cell('Họ và tên')).toBe('Phạm Thị Hoa');
    expect(cell('Ngày sinh')).toBe('31/02/2019');
  });
});
