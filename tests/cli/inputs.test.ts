/**
 * File arguments as Windows users give them: cmd.exe leaves `*.xlsx` to the program, and a
 * folder stands for the workbooks in it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { besideInputs, expandInputs, wildcardMatcher } from '../../src/cli/inputs.js';
import { argvOf } from '../../src/cli/main.js';
import { toolVersion } from '../../src/model/version.js';
import { runCli } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'chitieu-inputs-'));
// An official's folder: spaces and Vietnamese letters.
const folder = join(work, 'Báo cáo 6 tháng');
mkdirSync(join(folder, 'cũ'), { recursive: true });
for (const name of ['Xã Sơn Hà.xlsx', 'xa-son-ba.XLSX', 'thon.csv', 'ghi chú.txt', '~$Xã Sơn Hà.xlsx', 'cũ/xa-cu.xlsx']) writeFileSync(join(folder, name), 'x');

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('wildcards', () => {
  it('match * and ? without case, and nothing else', () => {
    const xlsx = wildcardMatcher('*.xlsx');
    expect(['a.xlsx', 'Xã Sơn Hà.XLSX', '.xlsx'].map(xlsx)).toEqual([true, true, true]);
    expect(['a.xls', 'a.xlsx.bak', 'axlsx'].map(xlsx)).toEqual([false, false, false]);
    expect(['xa-1.csv', 'xa-12.csv'].map(wildcardMatcher('xa-?.csv'))).toEqual([true, false]);
    // Regex characters in a name are letters: "(1)" is not a group, "." not any character.
    expect(['bao cao (1).xlsx', 'bao cao 1.xlsx'].map(wildcardMatcher('bao cao (1).*'))).toEqual([true, false]);
  });

  it('expand to the matching files in name order, without Excel\'s lock files', () => {
    const expanded = expandInputs([join(folder, '*.xlsx')]);
    // Code-point order: "X" (0x58) before "x" (0x78).
    expect(expanded.files).toEqual([join(folder, 'Xã Sơn Hà.xlsx'), join(folder, 'xa-son-ba.XLSX')]);
    expect(expanded.notes.map((note) => note.vi)).toEqual([`"${join(folder, '*.xlsx')}": 2 tệp.`]);
  });

  it('that match nothing say so, with the pattern (exit 2)', () => {
    expect(() => expandInputs([join(folder, '*.ods')])).toThrow(expect.objectContaining({ exitCode: 2, text: expect.objectContaining({ vi: `Không có tệp nào khớp với "${join(folder, '*.ods')}".` }) }));
  });

  it('are left alone in a name that exists as it is, and in arguments without them', () => {
    writeFileSync(join(work, 'a*b.csv'), 'x');
    expect(expandInputs([join(work, 'a*b.csv'), 'missing.xlsx']).files).toEqual([join(work, 'a*b.csv'), 'missing.xlsx']);
  });
});

describe('a folder as input', () => {
  it('stands for its .xlsx, .xls and .csv files (not its subfolders), and the command says so', () => {
    const expanded = expandInputs([folder]);
    // 3 of the 5 files: not the .txt, not Excel's ~$ lock file; cũ/ is a subfolder.
    expect(expanded.files).toEqual([join(folder, 'Xã Sơn Hà.xlsx'), join(folder, 'thon.csv'), join(folder, 'xa-son-ba.XLSX')]);
    expect(expanded.notes.map((note) => note.vi)).toEqual([`Thư mục "${folder}": đọc 3 tệp dữ liệu trong đó.`]);
  });

  it('without data files is one line, exit 2', async () => {
    const empty = join(work, 'Thư mục trống');
    mkdirSync(empty);
    writeFileSync(join(empty, 'ghi chú.txt'), 'x');
    const ran = await runCli('validate', empty);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(`Thư mục "${empty}" không có tệp .xlsx, .xls hoặc .csv nào.`);
  });
});

describe('where a report goes without --out', () => {
  it('is the folder of the first data file, not the current folder', () => {
    expect(besideInputs([join(folder, 'Xã Sơn Hà.xlsx'), '/elsewhere/b.xlsx'])).toBe(folder);
    expect(besideInputs(['a.xlsx'])).toBe('.');
  });
});

describe('chitieu.exe', () => {
  it('double-clicked (no arguments) opens the page and says what its window is for', () => {
    expect(argvOf(['C:\\chitieu\\chitieu.exe', 'C:\\chitieu\\chitieu.exe'], { packaged: true })).toEqual(['C:\\chitieu\\chitieu.exe', 'C:\\chitieu\\chitieu.exe', 'serve', '--window']);
  });

  it('from cmd runs the command it is given, and npx chitieu without arguments still shows help', () => {
    const argv = ['chitieu.exe', 'chitieu.exe', 'validate', 'a.xlsx'];
    expect(argvOf(argv, { packaged: true })).toEqual(argv);
    expect(argvOf(['node', 'chitieu'])).toEqual(['node', 'chitieu']);
  });
});

describe('chitieu --version', () => {
  it('prints the version of package.json, alone on its line', async () => {
    const ran = await runCli('--version');
    expect(ran.code).toBe(0);
    expect(ran.stdout.trim()).toBe(toolVersion());
    expect(toolVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
