/**
 * Workbooks damaged on disk or by their producer (issue #22): a zip entry whose bytes no longer
 * match its CRC-32, cell references that are malformed, outside the grid or repeated. Each is
 * refused with one line naming the file (and the sheet and cell), never read into wrong cells.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { importFiles } from '../../src/import/index.js';
import { childRecords } from '../../src/model/record-columns.js';
import { unreadableRefusal } from '../helpers/errors.js';
import { CHILD_HEADERS, childRow, tempDir, writeWorkbook } from '../helpers/workbooks.js';
import { buildZip, replaceInZip, zipEntries } from '../helpers/zips.js';

const dir = tempDir('chitieu-damaged-');
const file = (name: string) => join(dir, name);
const read = (path: string) => importFiles([path], { threads: 1 });

describe('zip CRC-32', () => {
  it('refuses a sheet whose bytes were changed on disk (its CRC-32 no longer matches)', async () => {
    const source = await writeWorkbook(file('crc-base.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow({ 'Mã xã': '21289' })] }]);
    const entries = await zipEntries(source);
    // exceljs keeps text in the shared strings: the commune code is there.
    const sheet = entries.find((entry) => entry.data.toString('utf8').includes('>21289<'))!;
    const original = crc32(sheet.data);
    // One commune code changed, the directory's checksum left as it was: what a bad disk or a hand edit does.
    const changed = Buffer.from(sheet.data.toString('utf8').replace('21289', '21292'), 'utf8');
    expect(changed.equals(sheet.data)).toBe(false);
    writeFileSync(
      file('crc.xlsx'),
      buildZip(entries.map((entry) => (entry === sheet ? { name: entry.name, data: changed, crc: original } : entry))),
    );
    // Control: the same bytes with their true checksum are read.
    writeFileSync(file('crc-ok.xlsx'), buildZip(entries.map((entry) => (entry === sheet ? { name: entry.name, data: changed } : entry))));
    const sound = await read(file('crc-ok.xlsx'));
    expect(childRecords(sound.dataset.children).map((child) => child.communeCode)).toEqual(['21292']);

    const error = await unreadableRefusal(read(file('crc.xlsx')));
    expect(error.text.vi).toContain('"crc.xlsx"');
    expect(error.text.vi).toContain('CRC-32');
    expect(error.text.en).toContain(sheet.name);
  });
});

/** A workbook whose TreEm sheet is the given rows of hand-written `<row>` XML. */
async function sheetWithRows(name: string, rowsXml: string): Promise<string> {
  const path = await writeWorkbook(file(name), [{ name: 'TreEm', rows: [['placeholder']] }]);
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowsXml}</sheetData></worksheet>`;
  await replaceInZip(path, 'xl/worksheets/sheet1.xml', xml);
  return path;
}

const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
const row = (n: number, cells: string) => `<row r="${n}">${cells}</row>`;
const HEADERS = ['Mã trẻ em', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã tỉnh', 'Mã xã'];
const header = row(1, HEADERS.map((name, index) => text(`${'ABCDEF'[index]}1`, name)).join(''));
const goodCells = (n: number) => text(`A${n}`, `TE00${n}`) + text(`B${n}`, 'Đinh Văn A') + text(`C${n}`, '03/05/2015') + text(`D${n}`, 'Nam') + text(`E${n}`, '51');
const goodRow = (n: number) => row(n, goodCells(n) + text(`F${n}`, '21289'));

describe('cell references', () => {
  it('reads a sheet whose references are sound (the control)', async () => {
    const result = await read(await sheetWithRows('sound.xlsx', header + goodRow(2) + goodRow(3)));
    expect(childRecords(result.dataset.children).map((child) => child.childId)).toEqual(['TE002', 'TE003']);
  });

  const cases: [string, string, string][] = [
    // A second F2 would silently replace Mã xã.
    ['a second cell with the same reference', row(2, goodCells(2) + text('F2', '21289') + text('F2', '99999')), 'F2'],
    ['a cell going back in its row', row(2, goodCells(2) + text('F2', '21289') + text('A2', 'TE009')), 'A2'],
    ['r="F0"', row(2, text('A2', 'TE002') + text('F0', '21289')), 'F0'],
    ['r="A0"', row(2, text('A0', 'TE002')), 'A0'],
    ['a negative row in a cell reference', row(2, text('A-2', 'TE002')), 'A-2'],
    ['a column beyond XFD', row(2, text('A2', 'TE002') + text('XFE2', 'x')), 'XFE2'],
    ['a row beyond 1048576', row(2, text('A1048577', 'TE002')), 'A1048577'],
    ['a cell naming another row than its own', row(2, text('A2', 'TE002') + text('B7', '03/05/2015')), 'B7'],
  ];
  for (const [what, rowXml, ref] of cases) {
    it(`refuses ${what}, naming the sheet and the cell`, async () => {
      const error = await unreadableRefusal(read(await sheetWithRows(`ref-${ref}.xlsx`, header + rowXml)));
      expect(error.text.vi).toContain('trang "TreEm"');
      expect(error.text.vi).toContain(`ô "${ref}"`);
      expect(error.text.en).toContain(`cell "${ref}"`);
    });
  }

  const rowCases: [string, string, string][] = [
    ['a row repeated', goodRow(2) + goodRow(2), '2'],
    ['a row going backwards', goodRow(3) + goodRow(2), '2'],
    ['row 0', row(0, ''), '0'],
    ['a negative row', '<row r="-3"></row>', '-3'],
    ['a row beyond 1048576', '<row r="1048577"/>', '1048577'],
  ];
  for (const [what, rowsXml, ref] of rowCases) {
    it(`refuses ${what}, naming the sheet and the row`, async () => {
      const error = await unreadableRefusal(read(await sheetWithRows(`row-${ref}-${what.length}.xlsx`, header + rowsXml)));
      expect(error.text.vi).toContain('trang "TreEm"');
      expect(error.text.vi).toContain(`dòng "${ref}"`);
    });
  }
});
