/**
 * The official's machine: no LibreOffice. The sample's district files saved as .xls (by
 * LibreOffice, here in the test) are validated and computed by a chitieu whose PATH holds only
 * `node`: the same accounting and the same figures as from the .xlsx files.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findSoffice } from '../../src/import/xls.js';
import { tempDir } from '../helpers/workbooks.js';

const soffice = await findSoffice();
const dir = tempDir('chitieu-xls-cli-');
const SAMPLE = resolve('sample-data');
const MAIN = pathToFileURL(resolve('src/cli/main.ts')).href;

/** `chitieu ARGS…` in its own process, with `path` as its PATH. */
function chitieu(path: string, args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const script = `const { main } = await import(${JSON.stringify(MAIN)}); await main(['node', 'chitieu', ...${JSON.stringify(args)}]);`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { PATH: path, HOME: dir },
    encoding: 'utf8',
    cwd: process.cwd(),
    timeout: 300_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe.skipIf(!soffice)('the sample districts saved as .xls, read with no LibreOffice on the PATH', () => {
  it('give the same accounting (validate) and the same figures (compute) as the .xlsx files', () => {
    const xlsxFiles = readdirSync(SAMPLE).filter((name) => name.endsWith('.xlsx')).map((name) => join(SAMPLE, name));
    expect(xlsxFiles.length).toBeGreaterThanOrEqual(14);
    const xlsDir = join(dir, 'xls');
    execFileSync(soffice!, ['--headless', `-env:UserInstallation=${pathToFileURL(join(dir, 'lo-profile')).href}`, '--convert-to', 'xls', '--outdir', xlsDir, ...xlsxFiles], {
      stdio: 'ignore',
      timeout: 300_000,
    });
    const xlsFiles = xlsxFiles.map((file) => join(xlsDir, file.slice(SAMPLE.length + 1).replace(/\.xlsx$/, '.xls')));

    // A PATH with node alone: no soffice, no libreoffice.
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    expect(readdirSync(bin)).toEqual(['node']);
    const noLibreOffice = bin;

    const sameNames = (text: string) => text.replaceAll(xlsDir, SAMPLE).replaceAll('.xlsx', '.xls');
    const validateXlsx = chitieu(process.env.PATH ?? '', ['validate', ...xlsxFiles]);
    const validateXls = chitieu(noLibreOffice, ['validate', ...xlsFiles]);
    expect(validateXls.stderr).toBe('');
    expect(validateXls.code).toBe(validateXlsx.code);
    expect(validateXls.stdout).toContain('51-529-21289-thi-tran-di-lang.xls: đọc 2.026 dòng = 2.026 hợp lệ + 0 bị loại');
    expect(sameNames(validateXls.stdout)).toBe(sameNames(validateXlsx.stdout));

    const out = (name: string) => join(dir, name);
    const computeXlsx = chitieu(process.env.PATH ?? '', ['compute', '--period', '2025', '--out', out('xlsx.json'), ...xlsxFiles]);
    const computeXls = chitieu(noLibreOffice, ['compute', '--period', '2025', '--out', out('xls.json'), ...xlsFiles]);
    expect(computeXls.code).toBe(0);
    expect(computeXlsx.code).toBe(0);
    expect(sameNames(computeXls.stdout).replace('xls.json', 'xlsx.json')).toBe(sameNames(computeXlsx.stdout));
    const figures = (file: string) => sameNames(readFileSync(file, 'utf8'));
    expect(figures(out('xls.json'))).toBe(figures(out('xlsx.json')));
    expect(figures(out('xls.json'))).toContain('"TE-');
  }, 600_000);
});
