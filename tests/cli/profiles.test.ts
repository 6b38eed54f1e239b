/** `--profile` and `--ignore-sheet` on the commands that read data. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CHILD_HEADERS, childRow, tempDir, writeText, writeWorkbook } from '../helpers/workbooks.js';

const dir = tempDir('chitieu-cli-profiles-');
const headers = CHILD_HEADERS.map((header) => ({ 'Mã trẻ em': 'Số thứ tự trẻ', 'Giới tính': 'Phái' })[header] ?? header);

describe('--profile', () => {
  it('reads a layout the contract does not, on validate and compute; a bad profile exits 4', async () => {
    const data = await writeWorkbook(join(dir, 'xa.xlsx'), [
      { name: 'TreEm', rows: [headers, childRow({ 'Giới tính': 'Bé gái' }), childRow({ 'Mã trẻ em': 'TE002', 'Số định danh cá nhân': null, 'Giới tính': 'Bé trai' })] },
    ]);
    const profile = writeText(
      join(dir, 'xa.yaml'),
      'name: "Mẫu xã"\nsheets:\n  children:\n    columns:\n      childId: ["Số thứ tự trẻ"]\n      sex: ["Phái"]\n    values:\n      sex: { "Bé trai": NAM, "Bé gái": NU }\n',
    );
    const refused = await runCli('validate', data);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('thiếu cột bắt buộc "Mã trẻ em", "Giới tính"');
    expect(refused.stderr).toContain('chitieu inspect');
    const validated = await runCli('validate', data, '--profile', profile);
    expect(validated.code).toBe(0);
    expect(validated.stdout).toContain(`hồ sơ cột ${profile}`);
    expect(validated.stdout).toContain('đọc 2 dòng = 2 hợp lệ + 0 bị loại');
    const computed = await runCli('--lang', 'en', 'compute', data, '--period', '2025-H1', '--profile', profile, '--out', join(dir, 'r.json'));
    expect(computed.code).toBe(0);
    expect(computed.stderr).toContain(`profile ${profile}`);
    const inspected = await runCli('inspect', data, '--profile', profile);
    expect(inspected.stdout).toContain(`trẻ em (theo tên trang, hồ sơ cột ${profile}), dòng tiêu đề 1`);
    expect(inspected.stdout).toContain('"Số thứ tự trẻ" → Mã trẻ em');
    const bad = writeText(join(dir, 'bad.yaml'), 'name: B\nsheets:\n  children:\n    values:\n      sex: { "Bé trai": BOY }\n');
    const invalid = await runCli('validate', data, '--profile', bad);
    expect(invalid.code).toBe(4);
    expect(invalid.stderr).toContain(bad);
    expect(invalid.stderr).toContain('sheets.children.values.sex');
  });

  it('--ignore-sheet skips a sheet that is not data, and the accounting shows it', async () => {
    const data = await writeWorkbook(join(dir, 'extra.xlsx'), [
      { name: 'TreEm', rows: [CHILD_HEADERS, childRow()] },
      { name: 'Bảng phụ', rows: [['Thôn', 'Số hộ'], ['Thôn 1', 12], ['Thôn 2', 30]] },
    ]);
    expect((await runCli('validate', data)).code).toBe(2);
    const ran = await runCli('validate', data, '--ignore-sheet', 'Bảng phụ');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('bỏ qua trang "Bảng phụ" (theo --ignore-sheet hoặc hồ sơ cột): 3 dòng không đọc');
  });
});
