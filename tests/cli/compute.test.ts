/**
 * compute, explain and indicators through commander, on a real workbook. The commands are
 * registered on a program of their own, the way main.ts registers them.
 */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TARGETS_DIR } from '../../src/engine/index.js';
import { ExitCode } from '../../src/messages/index.js';
import { ComputeResult } from '../../src/model/results.js';
import { runCli } from '../helpers/cli.js';
import { CHILD_HEADERS, EVENT_HEADERS, childRow, eventRow, tempDir, utc, writeWorkbook } from '../helpers/workbooks.js';

const chitieu = runCli;

let dir: string;
let file: string;

beforeAll(async () => {
  dir = tempDir('chitieu-compute-');
  // 21289: TE001 (boy, 2015, drowned 2025-03-10), TE002 (girl, 2020, HCDB04), TE003 (girl 2012) abused;
  // one event with an unknown commune code.
  file = await writeWorkbook(join(dir, 'xa-21289.xlsx'), [
    {
      name: 'TreEm',
      rows: [
        CHILD_HEADERS,
        childRow(),
        childRow({ 'Mã trẻ em': 'TE002', 'Số định danh cá nhân': '051220001111', 'Họ và tên': 'Đinh Thị Bí Mật', 'Ngày sinh': utc(2020, 2, 2), 'Giới tính': 'Nữ', 'Nhóm HCĐB': 'd' }),
        childRow({ 'Mã trẻ em': 'TE003', 'Số định danh cá nhân': '051212002222', 'Ngày sinh': utc(2012, 6, 6), 'Giới tính': 'Nữ' }),
      ],
    },
    {
      name: 'SuViec',
      rows: [
        EVENT_HEADERS,
        eventRow({ 'Hậu quả': 'Tử vong' }),
        eventRow({ 'Mã vụ việc': 'VV002', 'Mã trẻ em': 'TE003', 'Loại sự việc': 'Xâm hại', 'Nguyên nhân TNTT': null, 'Hậu quả': null, 'Hình thức xâm hại': 'Bạo lực', 'Môi trường xâm hại': 'Gia đình', 'Hình thức hỗ trợ, can thiệp': 'Tư vấn tâm lý' }),
        eventRow({ 'Mã vụ việc': 'VV003', 'Mã trẻ em': 'TE003', 'Mã xã': '21548', 'Ngày xảy ra': utc(2025, 4, 4) }),
      ],
    },
  ]);
});

describe('chitieu compute', () => {
  it('writes the JSON of indicator-rules.md', async () => {
    const out = join(dir, 'ket-qua.json');
    const run = await chitieu('compute', file, '--period', '2025-H1', '--targets', join(TARGETS_DIR, 'ke-hoach-003-phu-la-2025.yaml'), '--out', out);
    expect(run.code).toBe(0);
    const result = ComputeResult.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(result.period).toEqual({ id: '2025-H1', from: '2025-01-01', to: '2025-06-30' });
    const total = (indicator: string, unit: string) => result.results.find((row) => row.indicator === indicator && row.unit === unit && Object.keys(row.breakdown).length === 0);
    expect(total('TE-0101', '21289')).toMatchObject({ numerator: 3, value: 3 });
    expect(total('TE-0306', '529')).toMatchObject({ numerator: 1, denominator: 3 });
    expect(total('XH-0103', '51')).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
    expect(result.targets.find((target) => target.indicator === 'TE-0305' && target.unit === '21289')?.status).toBe('insufficient_data');
    // VV003's code 21548 (Đặc khu Lý Sơn) does not exist before the reform: a row error, by kind.
    expect(run.stderr).toContain('mã đơn vị hành chính không có trong danh mục');
    expect(run.stderr).toContain('21548');
    expect(run.stderr).not.toContain('Bí Mật');
  });
  it('prints a summary without --out, never a name', async () => {
    const run = await chitieu('compute', file, '--from', '2025-01-01', '--to', '2025-06-30');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Tỉnh Quảng Ngãi (51)');
    expect(run.stdout).toMatch(/TE-0101 +Dân số trẻ em +3/);
    expect(run.stdout).not.toContain('Bí Mật');
    expect(run.stdout).not.toContain('051220001111');
  });
  it('--strict ends with exit 3 when rows were rejected', async () => {
    expect((await chitieu('compute', file, '--period', '2025-H1', '--strict')).code).toBe(ExitCode.rejectedRows);
  });
  it('writes a workbook: a sheet per group with two-level headers, and a targets sheet', async () => {
    const out = join(dir, 'ket-qua.xlsx');
    const run = await chitieu('compute', file, '--period', '2025-H1', '--targets', join(TARGETS_DIR, 'ke-hoach-003-phu-la-2025.yaml'), '--out', out);
    expect(run.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toContain('I.03 Bảo vệ trẻ em');
    expect(names).toContain('Chỉ tiêu kế hoạch');
    const sheet = workbook.getWorksheet('I.01 Chỉ tiêu chung về trẻ em')!;
    expect(sheet.getCell('D1').value).toBe('TE-0101 Dân số trẻ em');
    expect(sheet.getCell('D2').value).toBe('Tổng số');
    expect(sheet.getCell('E2').value).toBe('Nam');
    expect(sheet.model.merges).toContain('D1:J1');
    expect(sheet.getCell('B3').value).toBe('21289');
    expect(sheet.getCell('D3').value).toBe(3);
    // Vietnamese separators in LibreOffice whatever its locale (see src/report/table-layout.ts).
    expect(sheet.getCell('D3').numFmt).toBe('[$-42A]#,##0');
    const targets = workbook.getWorksheet('Chỉ tiêu kế hoạch')!;
    expect(targets.getCell('A2').value).toBe('Giảm ít nhất 10% số trẻ em tử vong do tai nạn, thương tích so với cùng kỳ');
  });
  it('writes a CSV: one line per result row of the JSON, the same figures', async () => {
    const json = join(dir, 'cung-ket-qua.json');
    const out = join(dir, 'ket-qua.csv');
    expect((await chitieu('compute', file, '--period', '2025-H1', '--out', json)).code).toBe(0);
    expect((await chitieu('compute', file, '--period', '2025-H1', '--out', out)).code).toBe(0);
    const result = ComputeResult.parse(JSON.parse(readFileSync(json, 'utf8')));
    const lines = readFileSync(out, 'utf8').replace(/^\ufeff/, '').split('\r\n').slice(0, -1);
    expect(lines[0]).toBe('Cấp,Mã đơn vị,Tên đơn vị,Mã chỉ tiêu,Tên chỉ tiêu,Phân tổ,Tử số,Mẫu số,Giá trị,Ước tính');
    expect(lines).toHaveLength(result.results.length + 1);
    // TE-0101 in 21289: 3 children (as the JSON test above); TE-0306 in 529: 1 of 3.
    expect(lines).toContain('Xã,21289,Thị trấn Di Lăng,TE-0101,Dân số trẻ em,,3,,3,');
    // TE-0306 in 529: 1 drowned of 3 children, per 100 000: 1 ÷ 3 × 100 000 = 33 333.3…, unrounded.
    const ratio = result.results.find((row) => row.indicator === 'TE-0306' && row.unit === '529' && Object.keys(row.breakdown).length === 0)!;
    expect(ratio.value).toBeCloseTo(33_333.333, 2);
    expect(lines).toContain(`Huyện,529,Huyện Sơn Hà,TE-0306,Số trẻ em tử vong do đuối nước (tỷ suất trên 100.000 trẻ em),,1,3,${ratio.value},`);
  });
  it('refuses bad options with exit 1', async () => {
    expect((await chitieu('compute', file)).code).toBe(ExitCode.usage);
    expect((await chitieu('compute', file, '--period', '2025-H7')).code).toBe(ExitCode.usage);
    expect((await chitieu('compute', file, '--period', '2025', '--level', 'district')).code).toBe(ExitCode.usage);
    expect((await chitieu('compute', file, '--period', '2025-H1', '--out', join(dir, 'x.pdf'))).code).toBe(ExitCode.usage);
  });
  it('a baseline file of another period is exit 1; an unreadable one exit 2', async () => {
    const lastYear = join(dir, '2024.json');
    expect((await chitieu('compute', file, '--period', '2024', '--out', lastYear)).code).toBe(0);
    const wrong = await chitieu('compute', file, '--period', '2025-H1', '--baseline', lastYear);
    expect(wrong.code).toBe(ExitCode.usage);
    expect(wrong.stderr).toContain('2024-H1');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"period": 1}');
    expect((await chitieu('compute', file, '--period', '2025-H1', '--baseline', broken)).code).toBe(ExitCode.unreadableInput);
  });
  it('a named cut-off window from the periods file', async () => {
    const out = join(dir, 'cutoff.json');
    expect((await chitieu('compute', file, '--period', '2025-cutoff-6m', '--out', out)).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).period).toEqual({ id: '2025-cutoff-6m', from: '2024-12-15', to: '2025-05-14' });
  });
});

describe('chitieu explain', () => {
  it('prints the rule, the figure and the keys behind it', async () => {
    const run = await chitieu('explain', 'TE-0301', file, '--period', '2025-H1', '--unit', '21289', '--breakdown', 'sex=nu');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Quy tắc: Giá trị = tử số ÷ mẫu số × 100');
    expect(run.stdout).toMatch(/Tử số — Mã trẻ em \(1\):\n {2}TE002/);
    expect(run.stdout).toMatch(/Mẫu số — Mã trẻ em \(2\):\n {2}TE002, TE003/);
    expect(run.stdout).not.toContain('Bí Mật');
    expect(run.stdout).not.toContain('051220001111');
  });
  it('refuses an unknown breakdown key', async () => {
    expect((await chitieu('explain', 'TE-0301', file, '--period', '2025-H1', '--unit', '21289', '--breakdown', 'gioi=NU')).code).toBe(ExitCode.usage);
  });
});

describe('chitieu indicators', () => {
  it('lists the catalogue with groups and the modelled flag', async () => {
    const run = await chitieu('indicators');
    expect(run.stdout).toContain('TE-0101  Dân số trẻ em');
    expect(run.stdout).toContain('TE-0102  Tỷ số giới tính khi sinh [mô hình]');
    expect(run.stdout).toContain('Phụ lục II, nhóm 02');
  });
  it('--json', async () => {
    const list = JSON.parse((await chitieu('indicators', '--json')).stdout) as { code: string; modelled: boolean }[];
    expect(list).toHaveLength(25);
    expect(list.find((entry) => entry.code === 'TE-0601')?.modelled).toBe(true);
  });
});
