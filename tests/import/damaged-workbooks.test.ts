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
import { inspectFile } from '../../src/import/inspect.js';
import { childRecords } from '../../src/model/record-columns.js';
import { buildCompound, label, numberCell as biffNumber, record, u16, workbookStream, xf } from '../helpers/biff.js';
import { runCli } from '../helpers/cli.js';
import { unreadableRefusal } from '../helpers/errors.js';
import { CHILD_HEADERS, childRow, tempDir, utc, writeWorkbook } from '../helpers/workbooks.js';
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
  ];
  it('refuses a cell past XFD or a row past 1,048,576 by Excel\'s limits (excel-limits.ts, issue #23)', async () => {
    const wide = await unreadableRefusal(read(await sheetWithRows('ref-XFE2.xlsx', header + row(2, text('A2', 'TE002') + text('XFE2', 'x')))));
    expect(wide.text.en).toContain('has a cell in column 16,385 (row 2)');
    const long = await unreadableRefusal(read(await sheetWithRows('row-1048577.xlsx', header + '<row r="1048577"/>')));
    expect(long.text.en).toContain('has row 1,048,577');
  });

  for (const [what, rowsXml, ref] of rowCases) {
    it(`refuses ${what}, naming the sheet and the row`, async () => {
      const error = await unreadableRefusal(read(await sheetWithRows(`row-${ref}-${what.length}.xlsx`, header + rowsXml)));
      expect(error.text.vi).toContain('trang "TreEm"');
      expect(error.text.vi).toContain(`dòng "${ref}"`);
    });
  }
});

// ---------------------------------------------------------------- dates and numbers (defects 7, 13)

/**
 * A workbook whose TreEm sheet is the given rows, with the date style exceljs wrote for a date
 * cell (its `s` index is read back), and optionally the 1904 date system.
 */
async function sheetWithDateStyle(name: string, rows: (dateStyle: string) => string, date1904 = false): Promise<string> {
  const path = await writeWorkbook(file(name), [{ name: 'TreEm', rows: [[utc(2015, 5, 3)]] }]);
  const entries = await zipEntries(path);
  const original = entries.find((entry) => entry.name === 'xl/worksheets/sheet1.xml')!.data.toString('utf8');
  const style = /<c r="A1" s="(\d+)"/.exec(original)![1]!;
  await replaceInZip(
    path,
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${header}${rows(style)}</sheetData></worksheet>`,
  );
  if (date1904) {
    const workbook = entries.find((entry) => entry.name === 'xl/workbook.xml')!.data.toString('utf8');
    const marked = workbook.includes('<workbookPr') ? workbook.replace('<workbookPr', '<workbookPr date1904="1"') : workbook.replace('<sheets>', '<workbookPr date1904="1"/><sheets>');
    expect(marked).toContain('date1904="1"');
    await replaceInZip(path, 'xl/workbook.xml', marked);
  }
  return path;
}

const numberCell = (ref: string, value: string, style?: string) => `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${value}</v></c>`;
const childWith = (n: number, birth: string, commune = text(`F${n}`, '21289')) =>
  row(n, text(`A${n}`, `TE00${n}`) + text(`B${n}`, 'Đinh Văn A') + birth + text(`D${n}`, 'Nam') + text(`E${n}`, '51') + commune);

describe('date serials and numbers', () => {
  it('reads a plain number in a date column with the workbook\'s 1904 epoch, as a formatted one', async () => {
    // 3 May 2015 is serial 42127 in the 1900 system (days since 30 Dec 1899) and 42127 − 1462 = 40665 in the 1904 system.
    expect((Date.UTC(2015, 4, 3) - Date.UTC(1899, 11, 30)) / 86_400_000).toBe(42127);
    const path = await sheetWithDateStyle(
      'system-1904.xlsx',
      (style) => childWith(2, numberCell('C2', '40665')) + childWith(3, numberCell('C3', '40665', style)),
      true,
    );
    const result = await read(path);
    // Read with the 1900 epoch, 40665 would be 2 May 2011: four years older.
    expect(childRecords(result.dataset.children).map((child) => [child.childId, child.dateOfBirth])).toEqual([
      ['TE002', '2015-05-03'],
      ['TE003', '2015-05-03'],
    ]);
  });

  it('rejects the row of a date-formatted serial beyond 9999 (Excel shows ####), not the workbook', async () => {
    const path = await sheetWithDateStyle('far-date.xlsx', (style) => childWith(2, numberCell('C2', '3000000', style)) + childWith(3, numberCell('C3', '42127', style)));
    const result = await read(path);
    expect(childRecords(result.dataset.children).map((child) => [child.childId, child.dateOfBirth])).toEqual([['TE003', '2015-05-03']]);
    expect(result.rejected.map((rejected) => [rejected.source.row, rejected.issues.map((issue) => issue.kind)])).toEqual([[2, ['invalid_date']]]);
  });

  it('rejects hexadecimal and exotic numbers in a code column (0x15CA is not commune 05578)', async () => {
    const path = await sheetWithRows(
      'exotic.xlsx',
      header +
        childWith(2, text('C2', '03/05/2015'), numberCell('F2', '0x15CA')) +
        childWith(3, text('C3', '03/05/2015'), numberCell('F3', '1e3')) +
        childWith(4, text('C4', '03/05/2015'), numberCell('F4', 'Infinity')) +
        childWith(5, text('C5', '03/05/2015'), numberCell('F5', '21289')),
    );
    const result = await read(path);
    expect(childRecords(result.dataset.children).map((child) => [child.childId, child.communeCode])).toEqual([['TE005', '21289']]);
    expect(result.rejected.map((rejected) => [rejected.source.row, rejected.values['Mã xã'], rejected.issues.map((issue) => issue.kind)])).toEqual([
      [2, '0x15CA', ['invalid_code']],
      [3, '1e3', ['invalid_code']],
      [4, 'Infinity', ['invalid_code']],
    ]);
  });

  it('inspect --cells shows a date cell holding NaN, INF or a serial past any calendar, without a trace', async () => {
    const path = await sheetWithDateStyle(
      'nan-date.xlsx',
      (style) => childWith(2, numberCell('C2', 'NaN', style)) + childWith(3, numberCell('C3', 'INF', style)) + childWith(4, numberCell('C4', '1e308', style)) + childWith(5, numberCell('C5', '-5', style)),
    );
    const inspected = await inspectFile(path, true);
    expect(inspected.json.sheets[0]!.cells!.filter((cell) => cell.c === 3 && cell.r > 1).map((cell) => cell.v)).toEqual(['NaN', 'INF', 1e308, -5]);
    const ran = await runCli('inspect', path, '--cells');
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe('');
    const result = await read(path);
    expect(result.rejected.map((rejected) => rejected.issues.map((issue) => issue.kind))).toEqual([['invalid_date'], ['invalid_date'], ['invalid_date'], ['invalid_date']]);
  });
});

// ---------------------------------------------------------------- sheet names on a terminal (defect 8)

describe('sheet names', () => {
  it('reach the terminal with their control characters shown, never as escape sequences', async () => {
    // Also a header and a value with ESC in them: data reaches the terminal only made visible.
    const escHeader = row(1, HEADERS.map((name, index) => text(`${'ABCDEF'[index]}1`, name)).join('') + text('G1', 'Ghi chú&#27;[2J'));
    const escRow = row(3, goodCells(3).replace('>51<', '>5&#27;[31m1<') + text('F3', '21289'));
    const path = await sheetWithRows('escape.xlsx', escHeader + goodRow(2) + escRow);
    const workbook = (await zipEntries(path)).find((entry) => entry.name === 'xl/workbook.xml')!.data.toString('utf8');
    // ESC [2J clears the screen; ESC [31m turns it red.
    await replaceInZip(path, 'xl/workbook.xml', workbook.replace('name="TreEm"', 'name="TreEm&#27;[2J&#27;[31m"'));
    const ran = await runCli('validate', path);
    const printed = ran.stdout + ran.stderr;
    expect(printed).toContain('TreEm\\u001B[2J\\u001B[31m');
    expect(printed).toContain('Ghi chú␛[2J');
    expect(printed).toContain('5␛[31m1');
    expect(printed).not.toContain('\u001b');
  });
});

describe('date serials in a legacy .xls', () => {
  it('reads a plain number in a date column of a 1904 .xls with that epoch too', async () => {
    // DATEMODE 1: the 1904 system. 40665 + 1462 = 42127 = 3 May 2015 (as for the .xlsx above).
    const cells = HEADERS.map((name, column) => label(0, column, name));
    const values = ['TE002', 'Đinh Văn A', null, 'Nam', '51', '21289'].map((value, column) => (value === null ? biffNumber(1, column, 40665) : label(1, column, value)));
    const stream = workbookStream(8, [record(0x0022, u16(1)), xf(0)], [{ name: 'TreEm', records: [...cells, ...values] }]);
    writeFileSync(file('mac-1904.xls'), buildCompound([{ name: 'Workbook', data: stream }]).bytes);
    const result = await read(file('mac-1904.xls'));
    expect(childRecords(result.dataset.children).map((child) => [child.childId, child.dateOfBirth])).toEqual([['TE002', '2015-05-03']]);
  });
});
