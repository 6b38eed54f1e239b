/**
 * One language at a time: help, usage and commander's own errors in Vietnamese, or in English
 * with --lang en; dates as the data writes them; numbers as a person reads them.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CHILD_HEADERS, EVENT_HEADERS, childRow, eventRow, tempDir, utc, writeWorkbook } from '../helpers/workbooks.js';

const dir = tempDir('chitieu-lang-');
/** Commander's English words that must not show in Vietnamese output. */
const ENGLISH = /Usage:|Options:|Arguments:|Commands:|default:|choices:|display help|error:|required option|\[options\]|\[command\]/;
/** Vietnamese words of the help, that must not show in English output. */
const VIETNAMESE = /Cách dùng|Tùy chọn|Tham số|Lệnh:|mặc định|tệp|kỳ báo cáo|ngày đầu kỳ|thư mục/;

describe('help', () => {
  it('is Vietnamese by default, every command included', async () => {
    for (const args of [['--help'], ['report', '--help'], ['help', 'compute'], ['validate', '-h']]) {
      const ran = await runCli(...args);
      expect(ran.code, args.join(' ')).toBe(0);
      expect(ran.stdout).toMatch(/^Cách dùng: chitieu/);
      expect(ran.stdout, args.join(' ')).not.toMatch(ENGLISH);
    }
    const report = await runCli('report', '--help');
    expect(report.stdout).toContain('Tùy chọn:');
    // report's --out has no fixed default (the folder of the first file): demo's shows commander's "(default: …)" translated.
    expect((await runCli('demo', '--help')).stdout.replace(/\s+/g, ' ')).toContain('(mặc định: "out/demo")');
    expect(report.stdout).toContain('-h, --help');
  });

  it('is English with --lang en, before or after the command', async () => {
    for (const args of [['--lang', 'en', '--help'], ['--lang', 'en', 'report', '--help'], ['report', '--help', '--lang=en'], ['--lang', 'en', 'help', 'explain']]) {
      const ran = await runCli(...args);
      expect(ran.code, args.join(' ')).toBe(0);
      expect(ran.stdout).toMatch(/^Usage: chitieu/);
      expect(ran.stdout, args.join(' ')).not.toMatch(VIETNAMESE);
    }
    expect((await runCli('--lang', 'en', 'demo', '--help')).stdout.replace(/\s+/g, ' ')).toContain('(default: "out/demo")');
  });
});

describe("commander's errors", () => {
  it('are one line in the language of the run, with where help is, exit 1', async () => {
    const vi = await runCli('report', 'x.xlsx', '--period', '2025-H1');
    expect(vi.code).toBe(1);
    expect(vi.stderr).toBe('Lỗi: thiếu tùy chọn bắt buộc --unit <mã> (xem hướng dẫn: thêm --help vào lệnh)');
    const en = await runCli('--lang', 'en', 'report', 'x.xlsx', '--period', '2025-H1');
    expect(en.stderr).toBe('Error: required option --unit <code> is missing (for help, add --help to the command)');
    const cases: [string[], string][] = [
      [['repot'], 'Lỗi: không có lệnh repot (có phải report?)'],
      [['validate', '--bogus', 'x'], 'Lỗi: không có tùy chọn --bogus'],
      [['validate'], 'Lỗi: thiếu tham số bắt buộc tệp'],
      [['indicators', 'thua'], 'Lỗi: thừa tham số cho lệnh indicators: cần 0, có 1'],
      [['--lang', 'fr', 'indicators'], 'Lỗi: --lang <ngôn-ngữ>: "fr" không hợp lệ; chọn một trong: vi, en'],
      [['report', 'x', '--period', '2025-H1', '--unit', '529', '--suppress', '1'], '--suppress 1: K phải là số nguyên từ 2 đến 100'],
    ];
    for (const [args, said] of cases) {
      const ran = await runCli(...args);
      expect(ran.code, args.join(' ')).toBe(1);
      expect(ran.stderr.split('\n'), args.join(' ')).toHaveLength(1);
      expect(ran.stderr).toContain(said);
      expect(ran.stderr).not.toMatch(ENGLISH);
    }
  });
});

describe('dates on the command line', () => {
  it('accepts dd/mm/yyyy as the data does, and refuses a date that does not exist', async () => {
    const path = await writeWorkbook(join(dir, 'xa.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow()] }]);
    const dmy = await runCli('compute', path, '--from', '01/01/2025', '--to', '30/06/2025');
    const iso = await runCli('compute', path, '--from', '2025-01-01', '--to', '2025-06-30');
    expect(dmy.code).toBe(0);
    expect(dmy.stdout).toContain('Kỳ 2025-01-01..2025-06-30 (01/01/2025 – 30/06/2025)');
    expect(dmy.stdout).toBe(iso.stdout);
    const wrong = await runCli('compute', path, '--from', '31/02/2025', '--to', '30/06/2025');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe('--from 31/02/2025: tháng 2 không có ngày 31.');
    expect((await runCli('validate', '--as-of', '1/7/2025', path)).code).toBe(0);
  });

  it('says which day or month does not exist instead of blaming the format', async () => {
    const path = await writeWorkbook(join(dir, 'ngay.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow()] }]);
    // June has 30 days; 2025 is not a leap year (2025 mod 4 = 1); there is no 13th month.
    const cases: [string[], string, string][] = [
      [['compute', path, '--from', '01/01/2025', '--to', '31/06/2025'], '--to 31/06/2025: tháng 6 không có ngày 31.', '--to 31/06/2025: month 6 has no day 31.'],
      [['compute', path, '--from', '2025-04-31', '--to', '30/06/2025'], '--from 2025-04-31: tháng 4 không có ngày 31.', '--from 2025-04-31: month 4 has no day 31.'],
      [['compute', path, '--period', '2025-H1', '--codes-as-of', '29/02/2025'], '--codes-as-of 29/02/2025: tháng 2 năm 2025 không có ngày 29 (năm 2025 không nhuận).', '--codes-as-of 29/02/2025: February 2025 has no day 29 (2025 is not a leap year).'],
      [['validate', '--as-of', '01/13/2025', path], '--as-of 01/13/2025: không có tháng 13 (tháng từ 1 đến 12).', '--as-of 01/13/2025: there is no month 13 (months are 1 to 12).'],
    ];
    for (const [args, vi, en] of cases) {
      const said = await runCli(...args);
      expect(said.code, args.join(' ')).toBe(1);
      expect(said.stderr).toBe(vi);
      expect((await runCli('--lang', 'en', ...args)).stderr).toBe(en);
    }
    // 29/02 of a leap year is a day (2024 mod 4 = 0); a wrong shape is still blamed on the shape.
    expect((await runCli('validate', '--as-of', '29/02/2024', path)).code).toBe(0);
    const shape = await runCli('compute', path, '--from', '1 tháng 1', '--to', '30/06/2025');
    expect(shape.stderr).toBe('--from: ngày "1 tháng 1" không hợp lệ: dùng dd/mm/yyyy (ví dụ 30/06/2025) hoặc yyyy-mm-dd.');
  });
});

describe('explain', () => {
  it('prints the value in Vietnamese format and the exact fraction, never a raw float', async () => {
    // Three children under 16 in commune 21289 on 30/06/2025, one of whom died of drowning in
    // March 2025: TE-0305 = 1 / 3 × 100,000 = 33,333.33… → "33.333,3 (= 1/3 × 100.000)".
    const path = await writeWorkbook(join(dir, 'tu-vong.xlsx'), [
      { name: 'TreEm', rows: [CHILD_HEADERS, childRow(), childRow({ 'Mã trẻ em': 'TE002', 'Số định danh cá nhân': null }), childRow({ 'Mã trẻ em': 'TE003', 'Số định danh cá nhân': null })] },
      { name: 'SuViec', rows: [EVENT_HEADERS, eventRow({ 'Ngày xảy ra': utc(2025, 3, 10), 'Hậu quả': 'Tử vong' })] },
    ]);
    const vi = await runCli('explain', 'TE-0305', path, '--period', '2025-H1', '--unit', '21289');
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('Quy tắc: Giá trị = tử số ÷ mẫu số × 100.000');
    expect(vi.stdout).toContain('Giá trị: 33.333,3 (= 1/3 × 100.000)');
    expect(vi.stdout).toContain('kỳ 2025-H1 (01/01/2025 – 30/06/2025)');
    expect(vi.stdout).not.toMatch(/\d\.\d{4,}|\d{6,}/);
    const en = await runCli('--lang', 'en', 'explain', 'TE-0305', path, '--period', '2025-H1', '--unit', '21289');
    expect(en.stdout).toContain('Value: 33,333.3 (= 1/3 × 100,000)');
  });
});
