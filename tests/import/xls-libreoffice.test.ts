/**
 * Real .xls files, written by LibreOffice in the test (when `soffice` is installed): read by
 * our BIFF reader, cell by cell, against LibreOffice's own .xlsx conversion of the same .xls
 * read by the .xlsx reader, and against the workbook they were made from.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RawValue } from '../../src/import/cells.js';
import { importFiles } from '../../src/import/index.js';
import { bundledProfiles } from '../../src/import/profiles.js';
import { inspectOle } from '../../src/import/ole.js';
import { readXlsxWorkbook } from '../../src/import/readers/xlsx.js';
import { parseXlsFile } from '../../src/import/readers/xls-workbook.js';
import type { CellNote } from '../../src/import/readers/types.js';
import { findSoffice } from '../../src/import/xls.js';
import { childRecords } from '../../src/model/record-columns.js';
import { unreadableRefusal } from '../helpers/errors.js';
import { CHILD_HEADERS, childRow, tempDir, utc } from '../helpers/workbooks.js';

const soffice = await findSoffice();
const dir = tempDir('chitieu-xls-lo-');

interface SheetCells {
  readonly name: string;
  readonly state: string;
  /** "row,column" → value, blank cells left out. */
  readonly cells: Record<string, RawValue>;
}

async function cellsOf(path: string): Promise<{ sheets: SheetCells[]; notes: CellNote[] }> {
  const sheets: SheetCells[] = [];
  const notes: CellNote[] = [];
  for await (const sheet of readXlsxWorkbook(path)) {
    const cells: Record<string, RawValue> = {};
    for await (const row of sheet.rows(notes)) {
      row.cells.forEach((value, index) => {
        if (value !== null) cells[`${row.number},${index + 1}`] = value;
      });
    }
    sheets.push({ name: sheet.name, state: sheet.state, cells });
  }
  return { sheets, notes };
}

/**
 * LibreOffice keeps the cached results of an .xlsx it did not compute and writes a text result
 * to .xls as 0: its profile is told to recalculate every file it loads, as Excel would have.
 */
const RECALCULATE_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function convert(format: 'xls' | 'xlsx', outdir: string, sources: readonly string[]): void {
  mkdirSync(join(dir, 'lo-profile', 'user'), { recursive: true });
  writeFileSync(join(dir, 'lo-profile', 'user', 'registrymodifications.xcu'), RECALCULATE_ON_LOAD);
  execFileSync(soffice!, ['--headless', `-env:UserInstallation=${pathToFileURL(join(dir, 'lo-profile')).href}`, '--convert-to', format, '--outdir', outdir, ...sources], {
    stdio: 'ignore',
    timeout: 180_000,
  });
}

/** 12,000 characters of Vietnamese (UTF-16 in the .xls): more than one 8,224-byte record holds, so it continues. */
const LONG_TEXT = 'Thôn Đắk Rờ Ông, xã Sơn Hà; '.repeat(430).slice(0, 12_000);

async function sourceWorkbook(path: string, date1904: boolean): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.properties.date1904 = date1904;
  const children = workbook.addWorksheet('TreEm');
  const rows = [
    CHILD_HEADERS,
    childRow(),
    childRow({ 'Mã trẻ em': 'TE002', 'Số định danh cá nhân': '000123456789', 'Họ và tên': 'Trương Thị Hạnh', 'Ngày sinh': utc(2019, 2, 28), 'Mã xã': '09552', 'Mã tỉnh': '01', 'Mã huyện': null, 'Giới tính': 'Nữ' }),
    childRow({ 'Mã trẻ em': 'TE003', 'Họ và tên': 'Hồ Văn Ngữ', 'Ngày sinh': utc(2010, 12, 31), 'Dân tộc': 'Ê Đê', 'Thôn/Tổ dân phố': LONG_TEXT }),
  ];
  rows.forEach((cells, index) => {
    const row = children.getRow(index + 1);
    cells.forEach((value, column) => {
      if (value === null) return;
      const cell = row.getCell(column + 1);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      // Codes kept as text, as an official types them with a leading apostrophe or a Text column.
      if (typeof value === 'string' && /^\d+$/.test(value)) cell.numFmt = '@';
    });
    row.commit();
  });
  // STT as formulas with cached values; a text result; a boolean; an error; numbers of every shape.
  children.getCell('A2').value = { formula: '1', result: 1 };
  children.getCell('A3').value = { formula: 'A2+1', result: 2 };
  children.getCell('A4').value = { formula: 'A3+1', result: 3 };
  const other = workbook.addWorksheet('SoLieu');
  other.getCell('A1').value = 'Dân số';
  other.getCell('B1').value = 12.345;
  other.getCell('C1').value = 1234567;
  other.getCell('D1').value = -0.5;
  other.getCell('E1').value = 123456789012;
  other.getCell('A2').value = { formula: 'CONCATENATE("Xã ","Sơn Hà")', result: 'Xã Sơn Hà' };
  other.getCell('B2').value = { formula: '1=1', result: true };
  other.getCell('C2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
  other.getCell('D2').value = false;
  other.getCell('E2').value = { formula: 'DATE(2024,2,29)', result: utc(2024, 2, 29) };
  other.getCell('E2').numFmt = 'dd/mm/yyyy';
  other.getCell('A3').value = '01234567890123456789';
  other.getCell('A3').numFmt = '@';
  const hidden = workbook.addWorksheet('An', { state: 'hidden' });
  hidden.getCell('A1').value = 'Trang ẩn';
  hidden.getCell('B2').value = utc(2025, 7, 1);
  hidden.getCell('B2').numFmt = 'dd/mm/yyyy';
  await workbook.xlsx.writeFile(path);
}

/** A Basic macro in the test's LibreOffice profile: saves a workbook as .xls with a password to open. */
const SAVE_LOCKED = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub SaveLocked(source As String, target As String, password As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(source), &quot;_blank&quot;, 0, load())
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = &quot;FilterName&quot;
  store(0).Value = &quot;MS Excel 97&quot;
  store(1).Name = &quot;Password&quot;
  store(1).Value = password
  doc.storeToURL(ConvertToURL(target), store())
  doc.close(True)
End Sub
</script:module>
`;

/** After a first conversion has made the profile (and its Standard Basic library). */
function saveLocked(source: string, target: string): void {
  writeFileSync(join(dir, 'lo-profile', 'user', 'basic', 'Standard', 'Module1.xba'), SAVE_LOCKED);
  execFileSync(soffice!, ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(join(dir, 'lo-profile')).href}`, `macro:///Standard.Module1.SaveLocked("${source}","${target}","matkhau")`], {
    stdio: 'ignore',
    timeout: 180_000,
  });
}

describe.skipIf(!soffice)('.xls written by LibreOffice', () => {
  const sources = [join(dir, 'xa-1900.xlsx'), join(dir, 'xa-1904.xlsx')];
  const xlsDir = join(dir, 'xls');
  const backDir = join(dir, 'back');
  const xls = (name: string) => join(xlsDir, `${name}.xls`);
  const back = (name: string) => join(backDir, `${name}.xlsx`);
  let prepared: Promise<void> | undefined;
  const prepare = () => {
    prepared ??= (async () => {
      await sourceWorkbook(sources[0]!, false);
      await sourceWorkbook(sources[1]!, true);
      convert('xls', xlsDir, sources);
      convert('xlsx', backDir, [xls('xa-1900'), xls('xa-1904')]);
      saveLocked(sources[0]!, join(dir, 'co-mat-khau.xls'));
    })();
    return prepared;
  };

  for (const name of ['xa-1900', 'xa-1904']) {
    it(`${name}: every cell as LibreOffice's .xlsx of the same .xls, and the values written`, async () => {
      await prepare();
      const workbook = await parseXlsFile(xls(name));
      expect(workbook.version).toBe(8);
      expect(workbook.date1904).toBe(name === 'xa-1904');
      const fromXls = await cellsOf(xls(name));
      const fromXlsx = await cellsOf(back(name));
      // One known difference, LibreOffice's: it has no boolean type and writes the result of
      // "=1=1" to .xlsx as the number 1, where the .xls holds a boolean (and Excel writes t="b").
      expect(fromXlsx.sheets[1]!.cells['2,2']).toBe(1);
      fromXlsx.sheets[1]!.cells['2,2'] = true;
      expect(fromXls.sheets).toEqual(fromXlsx.sheets);
      expect(fromXls.notes).toEqual(fromXlsx.notes);

      const [children, numbers, hidden] = fromXls.sheets;
      expect(fromXls.sheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
        ['TreEm', 'visible'],
        ['SoLieu', 'visible'],
        ['An', 'hidden'],
      ]);
      expect(children!.cells).toMatchObject({
        '1,2': 'Mã trẻ em',
        '2,1': 1,
        '4,1': 3,
        '2,5': utc(2015, 5, 3),
        '3,3': '000123456789',
        '3,4': 'Trương Thị Hạnh',
        '3,5': utc(2019, 2, 28),
        '3,10': '09552',
        '4,4': 'Hồ Văn Ngữ',
        '4,5': utc(2010, 12, 31),
        '4,11': LONG_TEXT,
      });
      expect(numbers!.cells).toEqual({
        '1,1': 'Dân số',
        '1,2': 12.345,
        '1,3': 1234567,
        '1,4': -0.5,
        '1,5': 123456789012,
        '2,1': 'Xã Sơn Hà',
        '2,2': true,
        '2,4': false,
        '2,5': utc(2024, 2, 29),
        '3,1': '01234567890123456789',
      });
      expect(fromXls.notes).toEqual([{ row: 2, column: 3, kind: 'cell_error' }]);
      expect(hidden!.cells).toEqual({ '1,1': 'Trang ẩn', '2,2': utc(2025, 7, 1) });
    }, 180_000);
  }

  it('imports the same records from the .xls as from the .xlsx it was made from', async () => {
    await prepare();
    const options = { threads: 1, sheets: { candidates: bundledProfiles(), ignoreSheets: ['SoLieu'] } };
    const fromXls = await importFiles([xls('xa-1904')], options);
    const fromXlsx = await importFiles([sources[1]!], options);
    const records = (result: typeof fromXls) =>
      childRecords(result.dataset.children).map((child) => [child.childId, child.personalId, child.fullName, child.dateOfBirth, child.provinceCode, child.communeCode, child.village]);
    expect(records(fromXls)).toEqual(records(fromXlsx));
    expect(records(fromXls).map((child) => child.slice(0, 4))).toEqual([
      ['TE001', '051215001234', 'Đinh Văn A', '2015-05-03'],
      ['TE002', '000123456789', 'Trương Thị Hạnh', '2019-02-28'],
    ]);
    // TE003 is rejected from both, for the same reasons.
    const reasons = (result: typeof fromXls) => result.rejected.map((row) => [row.source.row, row.issues.map((issue) => issue.kind)]);
    expect(reasons(fromXls)).toEqual(reasons(fromXlsx));
    expect(reasons(fromXls).map(([row]) => row)).toEqual([4]);
    expect(fromXls.files[0]).toMatchObject({ read: fromXlsx.files[0]!.read, accepted: fromXlsx.files[0]!.accepted, rejected: fromXlsx.files[0]!.rejected });
    expect(fromXls.files[0]!.skippedSheets).toEqual(fromXlsx.files[0]!.skippedSheets);
  }, 180_000);

  it('refuses a password-protected .xls in one line, saying to remove the password', async () => {
    await prepare();
    const locked = join(dir, 'co-mat-khau.xls');
    expect(existsSync(locked)).toBe(true);
    expect((await inspectOle(locked)).kind).toBe('encrypted-xls');
    const error = await unreadableRefusal(importFiles([locked], { threads: 1 }));
    expect(error.text.vi).toContain('"co-mat-khau.xls"');
    expect(error.text.vi).toContain('có đặt mật khẩu');
    // The reader itself, asked directly, says the same: FILEPASS, not damage.
    const direct = await unreadableRefusal(parseXlsFile(locked));
    expect(direct.text.vi).toContain('có đặt mật khẩu');
  }, 180_000);
});
