/**
 * Every message of the import helps: misspelt headers named with the header meant, every
 * missing required column at once by its Vietnamese header, a sheet that cannot be read does
 * not stop the others, code-list errors name the allowed values, a birth date after the period
 * (or today) is a warning.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { abbreviates, closestColumn } from '../../src/import/column-report.js';
import { importFiles } from '../../src/import/index.js';
import { CHILDREN_SHEET } from '../../src/model/columns.js';
import { runCli } from '../helpers/cli.js';
import { CHILD_HEADERS, EVENT_HEADERS, childRow, eventRow, tempDir, utc, writeWorkbook } from '../helpers/workbooks.js';

const dir = tempDir('chitieu-messages-');
const rename = (headers: readonly string[], from: string, to: string) => headers.map((header) => (header === from ? to : header));

describe('columns of a sheet', () => {
  it('finds the contract header a misspelt one was meant to be', () => {
    expect(abbreviates('nhom hoan canh db'.split(' '), 'nhom hoan canh dac biet'.split(' '))).toBe(true);
    expect(closestColumn('Nhóm hoàn cảnh ĐB', CHILDREN_SHEET.columns)?.header).toBe('Nhóm HCĐB');
    expect(closestColumn('Ngày snh', CHILDREN_SHEET.columns)?.header).toBe('Ngày sinh');
    expect(closestColumn('Thẻ BHTY', CHILDREN_SHEET.columns)?.header).toBe('Thẻ BHYT');
    expect(closestColumn('Ghi chú', CHILDREN_SHEET.columns)).toBeUndefined();
    expect(closestColumn('STT', CHILDREN_SHEET.columns)).toBeUndefined();
  });

  it('validate prints, per sheet, the columns recognised, ignored (with the hint) and absent, by Vietnamese headers', async () => {
    const headers = rename(rename(CHILD_HEADERS, 'Nhóm HCĐB', 'Nhóm hoàn cảnh ĐB'), 'Ngày sinh', 'Ngày, tháng, năm sinh').filter((header) => header !== 'Dân tộc');
    const path = await writeWorkbook(join(dir, 'sai-tieu-de.xlsx'), [{ name: 'TreEm', rows: [headers, childRow().filter((_, index) => CHILD_HEADERS[index] !== 'Dân tộc')] }]);
    const ran = await runCli('validate', path);
    expect(ran.code).toBe(0);
    const lines = ran.stdout.split('\n');
    expect(lines.find((line) => line.includes('nhận ra'))).toMatch(/nhận ra 19 cột: Mã trẻ em, .*Ngày sinh \("Ngày, tháng, năm sinh"\), Giới tính/);
    expect(lines).toContain('      bỏ qua 2 cột không có trong mẫu: "STT", "Nhóm hoàn cảnh ĐB" (có phải "Nhóm HCĐB"?)');
    expect(lines.find((line) => line.includes('cột không bắt buộc'))).toMatch(/không có 2 cột không bắt buộc .*: Dân tộc, Nhóm HCĐB$/);
    expect(ran.stdout).not.toContain('specialGroups');
    // The commands that compute say it too, as a warning.
    const compute = await runCli('compute', path, '--period', '2025-H1');
    expect(compute.stderr).toContain('cột bị bỏ qua vì tiêu đề gần giống một cột của mẫu');
    const result = await importFiles([path], { threads: 1 });
    expect(result.warnings.find((warning) => warning.kind === 'misspelt_column')?.message.vi).toBe(
      'cột "Nhóm hoàn cảnh ĐB" bị bỏ qua: có phải "Nhóm HCĐB"? Sửa tiêu đề cho đúng thì cột mới được đọc',
    );
  });

  it('names every missing required column at once, by its Vietnamese header, with the header probably meant', async () => {
    const headers = rename(CHILD_HEADERS, 'Ngày sinh', 'Ngày snh').filter((header) => header !== 'Giới tính' && header !== 'Mã xã');
    const path = await writeWorkbook(join(dir, 'thieu-cot.xlsx'), [{ name: 'TreEm', rows: [headers, childRow().slice(0, headers.length)] }]);
    const ran = await runCli('validate', path);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(
      'Không đọc được tệp "thieu-cot.xlsx": trang "TreEm" thiếu cột bắt buộc "Ngày sinh", "Giới tính", "Mã xã" (cột "Ngày snh" có phải là "Ngày sinh"?)' +
        '; nếu tệp theo mẫu khác, chạy "chitieu inspect thieu-cot.xlsx --draft-profile ho-so.yaml" để lập hồ sơ cột',
    );
    expect(ran.stdout).toContain('thiếu cột bắt buộc: Ngày sinh, Giới tính, Mã xã');
  });

  it('names a column the sheet lacks by its header, never by its internal key', async () => {
    const headers = EVENT_HEADERS.filter((header) => header !== 'Hình thức xâm hại');
    const row = eventRow({ 'Loại sự việc': 'Xâm hại', 'Môi trường xâm hại': 'Gia đình', 'Nguyên nhân TNTT': null, 'Hậu quả': null }).filter((_, index) => EVENT_HEADERS[index] !== 'Hình thức xâm hại');
    const path = await writeWorkbook(join(dir, 'thieu-hinh-thuc.xlsx'), [{ name: 'SuViec', rows: [headers, row] }]);
    const result = await importFiles([path], { threads: 1 });
    expect(result.rejected[0]!.issues.map((issue) => issue.column)).toEqual(['Hình thức xâm hại']);
  });
});

describe('a sheet that cannot be read', () => {
  it('does not stop the other sheets and files; validate reports everything, then exits 2', async () => {
    const broken = await writeWorkbook(join(dir, 'a-hong-suviec.xlsx'), [
      { name: 'TreEm', rows: [CHILD_HEADERS, childRow(), childRow({ 'Mã trẻ em': 'TE002', 'Số định danh cá nhân': null, 'Giới tính': 'X' })] },
      { name: 'SuViec', rows: [EVENT_HEADERS.filter((header) => header !== 'Mã vụ việc'), eventRow().slice(1)] },
    ]);
    const good = await writeWorkbook(join(dir, 'b-tot.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow({ 'Mã trẻ em': 'TE010', 'Số định danh cá nhân': null })] }]);
    const ran = await runCli('validate', '--strict', broken, good, join(dir, 'c-khong-co.xlsx'));
    expect(ran.code).toBe(2);
    expect(ran.stdout).toContain('a-hong-suviec.xlsx: đọc 2 dòng = 1 hợp lệ + 1 bị loại');
    expect(ran.stdout).toContain('b-tot.xlsx: đọc 1 dòng = 1 hợp lệ + 0 bị loại');
    expect(ran.stdout).toContain('a-hong-suviec.xlsx › TreEm › dòng 3 › cột "Giới tính" = "X"');
    expect(ran.stderr.split('\n')).toEqual([
      'Không đọc được tệp "a-hong-suviec.xlsx": trang "SuViec" thiếu cột bắt buộc "Mã vụ việc"; nếu tệp theo mẫu khác, chạy "chitieu inspect a-hong-suviec.xlsx --draft-profile ho-so.yaml" để lập hồ sơ cột',
      'Không đọc được tệp "c-khong-co.xlsx": tệp không tồn tại hoặc không mở được',
    ]);
  });

  it('makes the commands that compute stop with one line naming every one (exit 2), not compute from half the input', async () => {
    const broken = join(dir, 'a-hong-suviec.xlsx');
    const ran = await runCli('compute', broken, join(dir, 'c-khong-co.xlsx'), '--period', '2025-H1');
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(
      '2 tệp hoặc trang không đọc được: Không đọc được tệp "a-hong-suviec.xlsx": trang "SuViec" thiếu cột bắt buộc "Mã vụ việc"; nếu tệp theo mẫu khác, chạy "chitieu inspect a-hong-suviec.xlsx --draft-profile ho-so.yaml" để lập hồ sơ cột; ' +
        'Không đọc được tệp "c-khong-co.xlsx": tệp không tồn tại hoặc không mở được',
    );
  });
});

describe('values', () => {
  it('a code-list error names the allowed values', async () => {
    const path = await writeWorkbook(join(dir, 'danh-muc.xlsx'), [
      {
        name: 'TreEm',
        rows: [CHILD_HEADERS, childRow({ 'Giới tính': 'X' }), childRow({ 'Mã trẻ em': 'TE002', 'Số định danh cá nhân': null, 'Nhóm HCĐB': 'z' })],
      },
    ]);
    const result = await importFiles([path], { threads: 1 });
    const [sex, group] = result.rejected.map((row) => row.issues[0]!.message);
    expect(sex!.vi).toBe('giá trị "X" không có trong danh mục; dùng một trong: Nam, Nữ (hoặc mã NAM, NU)');
    expect(sex!.en).toBe('value "X" is not in the code list; use one of: Nam, Nữ (or the code NAM, NU)');
    expect(group!.vi).toBe('giá trị "z" không có trong danh mục; dùng chữ a, b, c, d, đ, e, g, h, i, k, l, m, n, o, mã HCDB01…HCDB14 hoặc tên nhóm');
  });

  it('a birth date after the period (compute) or after today (validate) is a warning; the row is read', async () => {
    const path = await writeWorkbook(join(dir, 'sinh-2030.xlsx'), [
      { name: 'TreEm', rows: [CHILD_HEADERS, childRow(), childRow({ 'Mã trẻ em': 'TE002', 'Số định danh cá nhân': null, 'Ngày sinh': utc(2030, 1, 5) })] },
    ]);
    const validate = await runCli('validate', path);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('đọc 2 dòng = 2 hợp lệ + 0 bị loại');
    expect(validate.stdout).toMatch(/sinh-2030\.xlsx › TreEm › dòng 3 › cột "Ngày sinh" = "05\/01\/2030": ngày sinh sau hôm nay \(\d\d\/\d\d\/\d{4}\): kiểm tra lại năm sinh/);
    const asOf = await runCli('validate', '--as-of', '31/12/2029', path);
    expect(asOf.stdout).toContain('"05/01/2030": ngày sinh sau ngày --as-of (31/12/2029)');
    const result = await importFiles([path], { threads: 1, latestBirthDate: { date: '2025-06-30', why: 'period_end' } });
    expect(result.warnings.map((warning) => [warning.kind, warning.source.row, warning.message.vi])).toEqual([
      ['birth_after_period', 3, 'ngày sinh sau ngày cuối kỳ (30/06/2025): kiểm tra lại năm sinh'],
    ]);
    const compute = await runCli('compute', path, '--period', '2025-H1');
    expect(compute.stderr).toContain('ngày sinh sau ngày cuối kỳ');
  });
});
