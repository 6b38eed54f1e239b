/**
 * Outputs are written whole or not at all (#22 item 6, defects 15 and 20): a named pipe as
 * `--out` is one line, never a hang; a full disk leaves nothing under the requested name (and
 * the file that was there stays as it was); no temporary file is left behind.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOutputFile, writeOutputFiles } from '../../src/io/output.js';
import { terminalText } from '../../src/io/file-names.js';
import { runCli } from '../helpers/cli.js';
import { userError } from '../helpers/errors.js';
import { CHILD_HEADERS, childRow, tempDir, writeWorkbook } from '../helpers/workbooks.js';

const dir = tempDir('chitieu-output-faults-');
const MAIN = join(import.meta.dirname, '../../src/cli/main.ts');

/** `chitieu ARGS` in a child process, killed after 60 s: a hang fails the test instead of stalling it. */
async function chitieu(...args: string[]): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const script = `import { main } from ${JSON.stringify(MAIN)}; await main(process.argv);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, 'chitieu', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  return { code, stdout: stdout.trim(), stderr: stderr.trim() };
}

const fifo = (path: string) => {
  execFileSync('mkfifo', [path]);
  return path;
};
const PIPE = 'đây là một thiết bị hoặc ống dẫn (pipe), không phải tệp; chọn một tên tệp khác';

describe('a named pipe as the output (defect 15)', () => {
  it('compute --out and validate --out: one line, exit 1, nothing written into the pipe, no hang', async () => {
    const data = await writeWorkbook(join(dir, 'xa.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow()] }]);
    const json = fifo(join(dir, 'ket-qua.json'));
    const computed = await chitieu('compute', data, '--period', '2025-H1', '--level', 'commune', '--out', json);
    expect(computed.code).toBe(1);
    expect(computed.stderr).toBe(`--out ${json}: ${PIPE}`);
    const xlsx = fifo(join(dir, 'loi.xlsx'));
    const validated = await chitieu('validate', data, '--out', xlsx);
    expect(validated.code).toBe(1);
    expect(validated.stderr).toBe(`--out ${xlsx}: ${PIPE}`);
    expect(statSync(json).isFIFO() && statSync(xlsx).isFIFO()).toBe(true);
  }, 120_000);

  it('report: a pipe under the report\'s own name in the --out folder: one line, and no annex left alone', async () => {
    const data = await writeWorkbook(join(dir, 'xa2.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow()] }]);
    const out = join(dir, 'bao-cao');
    mkdirSync(out);
    const docx = fifo(join(out, 'bao-cao-21289-2025-H1.docx'));
    const ran = await chitieu('report', data, '--period', '2025-H1', '--unit', '21289', '--out', out);
    expect(ran.code).toBe(1);
    expect(ran.stderr.split('\n').filter((line) => line.startsWith('--out'))).toEqual([`--out ${docx}: ${PIPE}`]);
    expect(readdirSync(out)).toEqual(['bao-cao-21289-2025-H1.docx']);
  }, 120_000);

  it('a device is refused the same way, not written to', () => {
    expect(userError(() => writeOutputFile('/dev/null', 'x')).text.vi).toBe(`--out /dev/null: ${PIPE}`);
  });
});

/** A 64 KB tmpfs, nearly filled, when this process may mount one (root); undefined otherwise. */
function smallDisk(): string | undefined {
  const mount = join(dir, 'dia-nho');
  mkdirSync(mount, { recursive: true });
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]);
  if (mounted.status !== 0) return undefined;
  writeFileSync(join(mount, 'day.bin'), Buffer.alloc(56 * 1024));
  return mount;
}
const disk = smallDisk();
afterAll(() => {
  if (disk) spawnSync('umount', [disk]);
});

describe('a full disk (defect 20)', () => {
  it('all or nothing without a real disk: the second file failing leaves neither (write failure injected: its folder is missing)', () => {
    const first = join(dir, 'bao-cao.docx');
    const error = userError(() =>
      writeOutputFiles([
        { path: first, data: Buffer.alloc(1000) },
        { path: join(dir, 'khong-co', 'bao-cao.xlsx'), data: Buffer.alloc(1000) },
      ]),
    );
    expect(error.exitCode).toBe(1);
    expect(existsSync(first)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it.runIf(disk)('the error workbook: one line, nothing under the name, the old file there kept as it was', async () => {
    const data = await writeWorkbook(join(dir, 'xa3.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow({ 'Mã trẻ em': '' }), ...Array.from({ length: 300 }, () => childRow({ 'Ngày sinh': 'không rõ' }))] }]);
    const out = join(disk!, 'loi.xlsx');
    writeFileSync(out, 'tệp cũ');
    const ran = await runCli('validate', data, '--out', out);
    expect(ran.code).toBe(1);
    expect(ran.stderr.split('\n').filter((line) => line.startsWith('--out'))).toEqual([`--out ${out}: đĩa đã hết chỗ trống`]);
    expect(readFileSync(out, 'utf8')).toBe('tệp cũ');
    expect(readdirSync(disk!).sort()).toEqual(['day.bin', 'loi.xlsx']);
  });

  it.runIf(disk)('report: no 0-byte DOCX, no annex without its report', async () => {
    const data = await writeWorkbook(join(dir, 'xa4.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow()] }]);
    const out = join(disk!, 'bao-cao');
    const ran = await runCli('report', data, '--period', '2025-H1', '--unit', '21289', '--out', out);
    expect(ran.code).toBe(1);
    expect(ran.stderr.split('\n').filter((line) => line.startsWith('--out'))).toEqual([`--out ${join(out, 'bao-cao-21289-2025-H1.docx')}: đĩa đã hết chỗ trống`]);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('the terminal', () => {
  it('gets no raw control character from data: ESC, CR, bidi overrides are escaped, lines and tabs kept', () => {
    expect(terminalText('Trang "\u001b[2J\rXã"\tA\nB \u202etxt.exe')).toBe('Trang "\\u001B[2J\\rXã"\tA\nB \\u202Etxt.exe');
  });
});
