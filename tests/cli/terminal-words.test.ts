/**
 * What the terminal says, word for word (#19): one word for file in Vietnamese ("tệp"), and
 * every count grouped the way its reader groups numbers ("1.200" in Vietnamese, "1,200" in
 * English).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressFor } from '../../src/cli/progress.js';
import type { CliContext } from '../../src/cli/context.js';
import type { FileAccount } from '../../src/pipeline/stages.js';
import { runCli } from '../helpers/cli.js';
import { CHILD_HEADERS, childRow, tempDir, writeWorkbook } from '../helpers/workbooks.js';

const dir = tempDir('chitieu-terminal-words-');

const COMMANDS = ['validate', 'compute', 'explain', 'inspect', 'indicators', 'report', 'aggregate', 'demo', 'sample', 'serve'];

describe('one word for file', () => {
  it('Vietnamese help of every command says "tệp", never "file"', async () => {
    for (const command of [[], ...COMMANDS.map((name) => [name])]) {
      const help = await runCli(...command, '--help');
      expect(help.code, command.join(' ')).toBe(0);
      expect(help.stdout, command.join(' ')).not.toMatch(/\bfiles?\b/i);
    }
    // The same help in English does say "file": the check above can fail.
    expect((await runCli('--lang', 'en', 'validate', '--help')).stdout).toMatch(/\bfiles?\b/);
  });
});

describe('numbers grouped for their reader', () => {
  it('validate counts 1,200 rows as "1.200" in Vietnamese and "1,200" in English', async () => {
    // 1,200 children, each with its own key: all read and accepted, none rejected.
    const rows = Array.from({ length: 1200 }, (_, index) => childRow({ STT: index + 1, 'Mã trẻ em': `TE${index + 1}`, 'Số định danh cá nhân': null }));
    const path = await writeWorkbook(join(dir, 'xa-lon.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, ...rows] }]);
    const vi = await runCli('validate', path);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('Tổng cộng 1 tệp: đọc 1.200 dòng = 1.200 hợp lệ + 0 bị loại.');
    const en = await runCli('--lang', 'en', 'validate', path);
    expect(en.stdout).toContain('Total for 1 file(s): read 1,200 rows = 1,200 accepted + 0 rejected.');
  });

  it('the progress line groups its counts: "22.298 dòng", "22,298 rows"', () => {
    const lines: string[] = [];
    const context: CliContext = { out: () => undefined, err: () => undefined, interactive: true, status: (line) => lines.push(line), exitCode: 0 };
    const account = (read: number): FileAccount => ({ file: 'a.xlsx', path: 'a.xlsx', sha256: '', sheets: [], skippedSheets: [], read, accepted: read, rejected: 0 });
    progressFor(context, 'vi', 1200).fileRead(account(22298));
    progressFor(context, 'en', 1200).fileRead(account(22298));
    // The rate depends on the clock: only the counts before it are compared.
    expect(lines[0]).toMatch(/^Đang đọc: 1\/1\.200 tệp · 22\.298 dòng · [\d.]+ dòng\/giây$/);
    expect(lines[1]).toMatch(/^Reading: 1\/1,200 files · 22,298 rows · [\d,]+ rows\/s$/);
  });

  it('counts the rows of a file still being read, then the file once read', () => {
    const lines: string[] = [];
    const context: CliContext = { out: () => undefined, err: () => undefined, interactive: true, status: (line) => lines.push(line), exitCode: 0 };
    const account = (file: string, read: number): FileAccount => ({ file, path: file, sha256: '', sheets: [], skippedSheets: [], read, accepted: read, rejected: 0 });
    const progress = progressFor(context, 'vi', 2);
    progress.rowsRead('lon.xlsx', 120_000);
    // 120.000 rows of lon.xlsx so far, no file done.
    expect(lines[0]).toMatch(/^Đang đọc: 0\/2 tệp · 120\.000 dòng · /);
    progress.fileRead(account('nho.xlsx', 500));
    // 500 of nho.xlsx + 120.000 still being read = 120.500.
    expect(lines[1]).toMatch(/^Đang đọc: 1\/2 tệp · 120\.500 dòng · /);
    progress.fileRead(account('lon.xlsx', 150_000));
    // lon.xlsx done: its 150.000 replace the 120.000 told, 150.500 in all.
    expect(lines[2]).toMatch(/^Đang đọc: 2\/2 tệp · 150\.500 dòng · /);
  });
});
