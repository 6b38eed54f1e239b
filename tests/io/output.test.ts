/**
 * Every fault of an output path is one line naming the option and the path, exit 1, and
 * nothing hangs (a recursive mkdir under /proc spins forever: io/output.ts).
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputFile, outputFault, prepareOutputFolder, writeOutputFile } from '../../src/io/output.js';
import { runCli } from '../helpers/cli.js';
import { userError } from '../helpers/errors.js';
import { CHILD_HEADERS, childRow, tempDir, writeWorkbook } from '../helpers/workbooks.js';

const dir = tempDir('chitieu-output-');
const aFile = join(dir, 'mot-tep.txt');
writeFileSync(aFile, 'x');
const data = () => writeWorkbook(join(dir, 'xa-di-lang.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow()] }]);
const oneLine = (text: string) => {
  expect(text.split('\n')).toHaveLength(1);
  expect(text).not.toMatch(/\bat .*\.(js|ts):\d+|Error:|EEXIST|ENOENT|EISDIR|ENOTDIR/);
};

/** A folder nobody may write into: a read-only one, or /sys where root may write anywhere else. */
function unwritableFolder(): string | undefined {
  const folder = join(dir, 'chi-doc');
  mkdirSync(folder, { recursive: true });
  chmodSync(folder, 0o555);
  try {
    writeFileSync(join(folder, 'probe'), 'x');
  } catch {
    return folder;
  }
  return existsSync('/sys/kernel') ? '/sys' : undefined;
}

describe('report --out (a folder)', () => {
  const report = async (out: string) => runCli('report', await data(), '--period', '2025-H1', '--unit', '21289', '--out', out);

  it('refuses a path ending in .docx or .xlsx with the hint, before any work', async () => {
    for (const out of [join(dir, 'bao-cao.docx'), 'x.xlsx']) {
      const ran = await report(out);
      expect(ran.code).toBe(1);
      oneLine(ran.stderr);
      expect(ran.stderr).toContain(`--out ${out}: cần một thư mục, không phải tên tệp`);
      expect(ran.stderr).toContain('bao-cao-<mã>-<kỳ>.docx');
      expect(existsSync(out)).toBe(false);
    }
  });

  it('refuses an existing file, and a path through a file', async () => {
    const file = await report(aFile);
    expect(file.code).toBe(1);
    oneLine(file.stderr);
    expect(file.stderr).toContain('đã có một tệp tên này; cần một thư mục');
    const through = await report(join(aFile, 'con'));
    expect(through.code).toBe(1);
    oneLine(through.stderr);
    expect(through.stderr).toContain('là một tệp, không phải thư mục');
  });

  it('makes missing folders, one level at a time', async () => {
    const ran = await report(join(dir, 'moi', 'sau', 'hon'));
    expect(ran.code).toBe(0);
    expect(existsSync(join(dir, 'moi', 'sau', 'hon', 'bao-cao-21289-2025-H1.docx'))).toBe(true);
  });

  it.runIf(process.platform === 'linux')('stops at once under /proc (the recursive mkdir there never returns)', async () => {
    const ran = await report('/proc/chitieu-khong-co');
    expect(ran.code).toBe(1);
    const fault = ran.stderr.split('\n').filter((line) => line.startsWith('--out'));
    oneLine(fault.join('\n'));
    expect(fault[0]).toContain('--out /proc/chitieu-khong-co: không tạo được ở đây');
    expect(() => prepareOutputFolder('/proc/chitieu-khong-co/a/b')).toThrow();
  });

  it('refuses a folder it may not write into', () => {
    const folder = unwritableFolder();
    if (folder === undefined) return;
    // A read-only folder is refused by the check before the work; /sys (for root) when writing.
    const error = userError(() => prepareOutputFolder(join(folder, 'bao-cao')));
    expect(error.exitCode).toBe(1);
    expect(error.text.vi).toContain('không có quyền ghi vào đây');
    const file = join(folder, 'loi.xlsx');
    expect(userError(() => {
      checkOutputFile(file);
      writeOutputFile(file, 'x');
    }).text.en).toContain('no permission to write here');
  });
});

describe('compute and validate --out (a file)', () => {
  it('names each fault in one line: a folder, a missing folder, a path through a file, a wrong extension', async () => {
    const path = await data();
    const cases: [string, string][] = [
      [dir, 'đây là một thư mục; cần đường dẫn của một tệp'],
      [join(dir, 'chua-co', 'ket-qua.json'), `thư mục ${join(dir, 'chua-co')} chưa có`],
      [join(aFile, 'ket-qua.json'), 'một phần của đường dẫn là tệp'],
      [join(dir, 'ket-qua.pdf'), 'cần tệp có đuôi .json, .xlsx, .csv'],
    ];
    for (const [out, said] of cases) {
      const ran = await runCli('compute', path, '--period', '2025-H1', '--out', out);
      expect(ran.code, out).toBe(1);
      oneLine(ran.stderr.split('\n').filter((line) => line.startsWith('--out')).join('\n'));
      expect(ran.stderr).toContain(said);
    }
    const validate = await runCli('validate', path, '--out', join(dir, 'chua-co', 'loi.xlsx'));
    expect(validate.code).toBe(1);
    oneLine(validate.stderr);
    expect(validate.stdout).toBe('');
  });

  it('speaks English with --lang en', async () => {
    const ran = await runCli('--lang', 'en', 'validate', await data(), '--out', dir);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toBe(`--out ${dir}: this is a folder; a file path is needed`);
  });

  it('maps every write error to a line that says what to do', () => {
    const said = (code: string) => outputFault({ code }, 'x.json').text.vi;
    expect(said('EACCES')).toContain('không có quyền ghi');
    expect(said('EROFS')).toContain('không có quyền ghi');
    expect(said('ENOSPC')).toContain('hết chỗ trống');
    expect(said('EISDIR')).toContain('là một thư mục');
    expect(said('ENOENT')).toContain('không tạo được ở đây');
    expect(outputFault({ code: 'EACCES' }, 'x.json').exitCode).toBe(1);
  });

  it('says a workbook open in Excel is open in Excel, in one line, not EBUSY', () => {
    const fault = outputFault({ code: 'EBUSY' }, 'bao-cao-529-2025-H1.xlsx');
    expect(fault.text.vi).toBe('--out bao-cao-529-2025-H1.xlsx: tệp đang mở trong Excel (hoặc chương trình khác): đóng tệp trong Excel rồi chạy lại');
    expect(fault.text.en).toBe('--out bao-cao-529-2025-H1.xlsx: the file is open in Excel (or another program): close it in Excel and run again');
    expect(fault.exitCode).toBe(1);
  });
});

describe('a pipe closed early', () => {
  it('ends with one line on stderr and exit 1, no stack trace (chitieu indicators | head)', async () => {
    const bin = join(import.meta.dirname, '../../src/cli/main.ts');
    const script = `import { main } from ${JSON.stringify(bin)}; await main(process.argv);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, 'chitieu', 'indicators', '--rules'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // The reader goes away before the first line is written: every write meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('Đầu ra đã bị đóng trước khi in xong (ví dụ bởi "head"): phần còn lại không được in.');
  });
});
