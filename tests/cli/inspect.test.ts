/**
 * `chitieu inspect`: what the importer sees, as text and as JSON, with every cell as read.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CHILD_HEADERS, childRow, tempDir, writeWorkbook } from '../helpers/workbooks.js';
import { buildZip, zipEntries } from '../helpers/zips.js';

const dir = tempDir('chitieu-inspect-');
const file = (name: string) => join(dir, name);

async function workbook(): Promise<string> {
  return writeWorkbook(file('xa.xlsx'), [
    { name: 'Danh sách', rows: [['DANH SÁCH TRẺ EM'], [], ['Mã trẻ em', 'Họ và tên', 'Ngày sinh', 'Ghi chú', 'Giới tính', 'Mã tỉnh', 'Mã xã'], ['TE1', 'Đinh Văn A', new Date(Date.UTC(2015, 4, 3)), 'mới', 'Nam', '51', '21289'], [], ['TE2', 'Lò Thị B', null, null, 'Nữ', 51, 21289]] },
    { name: 'SuViec', rows: [['Mã vụ việc', 'Mã trẻ em', 'Mã xã', 'Loại sự việc', 'Ngày xảy ra']] },
    { name: 'Danh mục', rows: [['Nam', true, 3]], state: 'hidden' },
  ]);
}

describe('chitieu inspect', () => {
  it('prints per sheet its name, state, kind and why, header row, column mapping and rows', async () => {
    const run = await runCli('inspect', await workbook());
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('xa.xlsx');
    expect(lines).toContain('  Trang "Danh sách" (hiện): trẻ em (theo dòng tiêu đề), dòng tiêu đề 3; 2 dòng có dữ liệu');
    expect(lines).toContain('    A   "Mã trẻ em" → Mã trẻ em');
    expect(lines).toContain('    D   "Ghi chú" → bỏ qua');
    expect(lines).toContain('  Trang "SuViec" (hiện): sự việc (theo tên trang), dòng tiêu đề 1; 0 dòng có dữ liệu');
    expect(lines).toContain('  Trang "Danh mục" (ẩn): bỏ qua: trang ẩn; 1 dòng có dữ liệu');
    const english = await runCli('--lang', 'en', 'inspect', file('xa.xlsx'));
    expect(english.stdout).toContain('Sheet "Danh sách" (visible): children (by its headers), header row 3; 2 row(s) with data');
    expect(english.stdout).toContain('"Ghi chú" → ignored');
  });

  it("names each column by the contract's Vietnamese header, as validate does, never by an internal key", async () => {
    const path = await writeWorkbook(file('bi-danh.xlsx'), [
      { name: 'Trẻ em', rows: [['Mã TE', 'Họ tên', 'NS', 'GT', 'Mã TP', 'Mã xã/phường'], ['TE1', 'Đinh Văn A', '03/05/2015', 'Nam', '51', '21289']] },
    ]);
    for (const lang of ['vi', 'en']) {
      const run = await runCli('--lang', lang, 'inspect', path);
      expect(run.code).toBe(0);
      const lines = run.stdout.split('\n');
      // Each alias is shown with the contract header it stands for (docs/data-contract.md).
      expect(lines).toContain('    A   "Mã TE" → Mã trẻ em');
      expect(lines).toContain('    B   "Họ tên" → Họ và tên');
      expect(lines).toContain('    C   "NS" → Ngày sinh');
      expect(lines).toContain('    D   "GT" → Giới tính');
      expect(lines).toContain('    E   "Mã TP" → Mã tỉnh');
      expect(lines).toContain('    F   "Mã xã/phường" → Mã xã');
      expect(run.stdout).not.toMatch(/→ (childId|fullName|dateOfBirth|sex|provinceCode|communeCode)\b/);
    }
  });

  it('prints the JSON shape of the contract, with every non-empty cell as read under --cells', async () => {
    const path = await workbook();
    const plain = JSON.parse((await runCli('inspect', path, '--json')).stdout) as Record<string, unknown>;
    expect(plain).toEqual({
      file: 'xa.xlsx',
      sheets: [
        {
          name: 'Danh sách',
          state: 'visible',
          kind: 'children',
          headerRow: 3,
          columns: [
            { header: 'Mã trẻ em', key: 'childId' },
            { header: 'Họ và tên', key: 'fullName' },
            { header: 'Ngày sinh', key: 'dateOfBirth' },
            { header: 'Ghi chú', key: null },
            { header: 'Giới tính', key: 'sex' },
            { header: 'Mã tỉnh', key: 'provinceCode' },
            { header: 'Mã xã', key: 'communeCode' },
          ],
          rows: 2,
        },
        {
          name: 'SuViec',
          state: 'visible',
          kind: 'events',
          headerRow: 1,
          columns: [
            { header: 'Mã vụ việc', key: 'caseId' },
            { header: 'Mã trẻ em', key: 'childId' },
            { header: 'Mã xã', key: 'communeCode' },
            { header: 'Loại sự việc', key: 'eventType' },
            { header: 'Ngày xảy ra', key: 'eventDate' },
          ],
          rows: 0,
        },
        { name: 'Danh mục', state: 'hidden', kind: null, headerRow: null, columns: [], rows: 1 },
      ],
    });
    const withCells = JSON.parse((await runCli('inspect', path, '--json', '--cells')).stdout) as { sheets: { cells: unknown[] }[] };
    expect(withCells.sheets[0]!.cells.slice(0, 2)).toEqual([
      { r: 1, c: 1, v: 'DANH SÁCH TRẺ EM' },
      { r: 3, c: 1, v: 'Mã trẻ em' },
    ]);
    expect(withCells.sheets[0]!.cells).toContainEqual({ r: 4, c: 3, v: { date: '2015-05-03T00:00:00' } });
    expect(withCells.sheets[0]!.cells).toContainEqual({ r: 6, c: 7, v: 21289 });
    expect(withCells.sheets[2]!.cells).toEqual([
      { r: 1, c: 1, v: 'Nam' },
      { r: 1, c: 2, v: true },
      { r: 1, c: 3, v: 3 },
    ]);
  });

  it('shows error cells as read, and gives an array for several files', async () => {
    const entries = await zipEntries(await writeWorkbook(file('errors-source.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow()] }]));
    const withError = entries.map((entry) =>
      entry.name === 'xl/worksheets/sheet1.xml'
        ? { ...entry, data: Buffer.from(entry.data.toString('utf8').replace('</row></sheetData>', '<c r="Z2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row></sheetData>')) }
        : entry,
    );
    writeFileSync(file('errors.xlsx'), buildZip(withError));
    const run = await runCli('inspect', file('errors.xlsx'), file('xa.xlsx'), '--json', '--cells');
    const files = JSON.parse(run.stdout) as { file: string; sheets: { cells: unknown[] }[] }[];
    expect(files.map((entry) => entry.file)).toEqual(['errors.xlsx', 'xa.xlsx']);
    expect(files[0]!.sheets[0]!.cells).toContainEqual({ r: 2, c: 26, v: { error: '#DIV/0!' } });
  });

  it('names a file it cannot read in one line, exit 2', async () => {
    writeFileSync(file('broken.xlsx'), 'not a workbook');
    const run = await runCli('inspect', file('broken.xlsx'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"broken.xlsx"');
    expect(run.stderr.split('\n')).toHaveLength(1);
  });
});
