/**
 * Broken and odd content inside readable workbooks: rich-text inline strings, formulas without
 * cached values, merged two-row headers, hidden rows, text dates, mixed Unicode forms, ages over
 * 16, events before birth, letters split across zip chunks. Every row is read and accounted for,
 * with a warning where something was changed.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childRecords } from '../../src/model/record-columns.js';
import { computeIndicators, loadCatalogue, parsePeriod } from '../../src/engine/index.js';
import { importFiles } from '../../src/import/index.js';
import { columnLetter } from '../../src/import/readers/notes.js';
import { CHILD_HEADERS, EVENT_HEADERS, childRow, eventRow, tempDir, utc, writeWorkbook, type Cell } from '../helpers/workbooks.js';
import { replaceInZip } from '../helpers/zips.js';
import { figure } from '../engine/fixtures.js';
import { loadAdminUnits } from '../../src/units/index.js';

const dir = tempDir('chitieu-content-');
const file = (name: string) => join(dir, name);
const read = (path: string) => importFiles([path], { threads: 1 });

// ---------------------------------------------------------------- hand-written sheet XML

type CellSpec =
  | string
  | number
  | null
  | { readonly rich: readonly string[]; readonly phonetic?: string }
  | { readonly attributes: string; readonly inner: string };

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function cellXml(ref: string, spec: CellSpec): string {
  if (spec === null) return '';
  if (typeof spec === 'number') return `<c r="${ref}"><v>${spec}</v></c>`;
  if (typeof spec === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(spec)}</t></is></c>`;
  if ('rich' in spec) {
    const runs = spec.rich
      .map((run, index) => `<r><rPr>${index % 2 ? '<b/>' : ''}<sz val="12"/><rFont val="Times New Roman"/><family val="1"/></rPr><t xml:space="preserve">${run}</t></r>`)
      .join('');
    const phonetic = spec.phonetic ? `<rPh sb="0" eb="2"><t>${spec.phonetic}</t></rPh><phoneticPr fontId="1" type="noConversion"/>` : '';
    return `<c r="${ref}" t="inlineStr"><is>${runs}${phonetic}</is></c>`;
  }
  return `<c r="${ref}"${spec.attributes}>${spec.inner}</c>`;
}

function sheetXml(rows: readonly (readonly CellSpec[])[]): string {
  const body = rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((cell, c) => cellXml(`${columnLetter(c + 1)}${r + 1}`, cell)).join('')}</row>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

/** A workbook written by exceljs whose first sheet is then replaced by hand-written XML. */
async function craftedWorkbook(name: string, sheet: string, rows: readonly (readonly CellSpec[])[]): Promise<string> {
  const path = await writeWorkbook(file(name), [{ name: sheet, rows: [['placeholder']] }]);
  await replaceInZip(path, 'xl/worksheets/sheet1.xml', sheetXml(rows));
  return path;
}

const MINIMAL = ['Mã trẻ em', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã tỉnh', 'Mã xã', 'Dân tộc'];

describe('rich-text inline strings', () => {
  it('reads every run of a cell, not only the last one', async () => {
    const path = await craftedWorkbook('rich.xlsx', 'TreEm', [
      MINIMAL,
      // Mã xã "09" + "552" must read "09552", not "552"; the name whole, with an entity and a phonetic guide dropped.
      ['R1', { rich: ['Nguy&#7877;n ', 'Văn ', 'An'], phonetic: 'ナ' }, '05/06/2012', { rich: ['N', 'ữ'] }, '01', { rich: ['09', '552'] }, { rich: ['Tày'] }],
      ['R2', 'Lò Thị Mai', '05/06/2013', 'Nam', { rich: ['0', '1'] }, '09552', 'Thái & Kinh'],
    ]);
    const result = await read(path);
    expect(result.rejected).toEqual([]);
    expect(childRecords(result.dataset.children).map((child) => [child.childId, child.fullName, child.sex, child.provinceCode, child.communeCode, child.ethnicity])).toEqual([
      ['R1', 'Nguyễn Văn An', 'NU', '01', '09552', 'Tày'],
      ['R2', 'Lò Thị Mai', 'NAM', '01', '09552', 'Thái & Kinh'],
    ]);
  });
});

describe('formulas', () => {
  it('uses a cached value, and reads a formula without one as blank with a warning', async () => {
    const path = await craftedWorkbook('formulas.xlsx', 'TreEm', [
      [...MINIMAL, 'Thôn/Tổ dân phố'],
      // Mã xã: a text formula with its cached result; Dân tộc: no cached value; Thôn: an error.
      ['F1', 'Hồ Thị B', '01/01/2020', 'Nữ', '51', { attributes: ' t="str"', inner: '<f>"21"&amp;"289"</f><v>21289</v>' }, { attributes: '', inner: '<f>VLOOKUP(A2,Sheet2!A:B,2,0)</f>' }, { attributes: ' t="e"', inner: '<f>1/0</f><v>#DIV/0!</v>' }],
      ['F2', 'Hồ Văn C', { attributes: '', inner: '<f>DATE(2019,3,4)</f><v>43528</v>' }, 'Nam', '51', '21289', 'Kinh', 'Thôn 2'],
    ]);
    const result = await read(path);
    expect(result.rejected).toEqual([]);
    expect(childRecords(result.dataset.children).map((child) => [child.childId, child.communeCode, child.ethnicity ?? null, child.village ?? null, child.dateOfBirth])).toEqual([
      ['F1', '21289', null, null, '2020-01-01'],
      // 43528 (no date format: a plain number) is the serial of 4 March 2019.
      ['F2', '21289', 'Kinh', 'Thôn 2', '2019-03-04'],
    ]);
    const warnings = result.warnings.map((warning) => [warning.kind, warning.source.row]);
    expect(warnings).toEqual(expect.arrayContaining([['formula_without_result', 2], ['cell_error', 2]]));
  });

  it('rejects a required value that is a formula without a cached value, and says why in a warning', async () => {
    const path = await craftedWorkbook('formula-required.xlsx', 'TreEm', [
      MINIMAL,
      ['F3', 'Hồ Thị D', '01/01/2020', 'Nữ', '51', { attributes: '', inner: '<f>B9</f>' }, 'Kinh'],
    ]);
    const result = await read(path);
    expect(result.rejected.map((row) => row.issues.map((issue) => [issue.column, issue.kind]))).toEqual([[['Mã xã', 'missing_value']]]);
    expect(result.warnings.map((warning) => warning.kind)).toContain('formula_without_result');
  });
});

describe('headers', () => {
  it('finds a two-row header with merged cells (a group title over columns, headers merged down) and a column-number row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('TreEm');
    sheet.addRow(['DANH SÁCH TRẺ EM XÃ SƠN HẠ']);
    sheet.mergeCells('A1:I1');
    sheet.addRow(['STT', 'Mã trẻ em', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Địa chỉ', null, null, 'Tình trạng']);
    sheet.addRow([null, null, null, null, null, 'Mã tỉnh', 'Mã huyện', 'Mã xã', null]);
    for (const column of ['A', 'B', 'C', 'D', 'E', 'I']) sheet.mergeCells(`${column}2:${column}3`);
    sheet.mergeCells('F2:H2');
    sheet.addRow(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)']);
    sheet.addRow([1, 'M1', 'Phạm Văn E', utc(2014, 2, 3), 'Nam', '51', '529', '21289', 'Đang quản lý']);
    sheet.getCell('D5').numFmt = 'dd/mm/yyyy';
    sheet.addRow([2, 'M2', 'Phạm Thị G', '04/05/2016', 'Nữ', 51, 529, 21292, null]);
    const path = file('merged-header.xlsx');
    await workbook.xlsx.writeFile(path);

    const result = await read(path);
    expect(result.rejected).toEqual([]);
    const account = result.files[0]!.sheets[0]!;
    expect([account.headerRow, account.read, account.accepted]).toEqual([4, 2, 2]);
    expect(childRecords(result.dataset.children).map((child) => [child.childId, child.dateOfBirth, child.provinceCode, child.districtCode, child.communeCode, child.source.row])).toEqual([
      ['M1', '2014-02-03', '51', '529', '21289', 5],
      ['M2', '2016-05-04', '51', '529', '21292', 6],
    ]);
  });

  it('reads a second header row whose first row has fewer than 3 known headers', async () => {
    const path = await writeWorkbook(file('split-header.xlsx'), [
      {
        name: 'Sheet1',
        rows: [
          ['Mã trẻ em', 'Họ và tên', 'Thông tin cá nhân', null, null, null],
          [null, null, 'Ngày sinh', 'Giới tính', 'Mã tỉnh', 'Mã xã'],
          ['S1', 'Đỗ Thị H', '01/02/2017', 'Nữ', '51', '21289'],
        ],
      },
    ]);
    const result = await read(path);
    expect(result.files[0]!.sheets[0]).toMatchObject({ kind: 'children', headerRow: 2, read: 1, accepted: 1 });
  });

  it('reads a workbook with a header and no data rows: 0 read, no error', async () => {
    const path = await writeWorkbook(file('empty-sheet.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS] }]);
    const result = await read(path);
    expect(result.files[0]).toMatchObject({ read: 0, accepted: 0, rejected: 0 });
    expect(childRecords(result.dataset.children)).toEqual([]);
  });
});

describe('rows and values', () => {
  it('reads hidden rows like any other', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('TreEm');
    sheet.addRow(CHILD_HEADERS);
    sheet.addRow(childRow({ 'Mã trẻ em': 'V1', 'Ngày sinh': '03/05/2015' }));
    sheet.addRow(childRow({ 'Mã trẻ em': 'H1', 'Số định danh cá nhân': null, 'Ngày sinh': '03/05/2015' })).hidden = true;
    const path = file('hidden-rows.xlsx');
    await workbook.xlsx.writeFile(path);
    const result = await read(path);
    expect(childRecords(result.dataset.children).map((child) => child.childId)).toEqual(['V1', 'H1']);
  });

  it('reads serial numbers stored as text and two-digit years as 20yy', async () => {
    const path = await writeWorkbook(file('text-dates.xlsx'), [
      {
        name: 'TreEm',
        rows: [
          CHILD_HEADERS,
          childRow({ 'Mã trẻ em': 'D1', 'Số định danh cá nhân': null, 'Ngày sinh': '42127', 'Ngày trợ giúp': '45658' }),
          childRow({ 'Mã trẻ em': 'D2', 'Số định danh cá nhân': null, 'Ngày sinh': '3/5/15', 'Ngày trợ giúp': '01-02-25' }),
        ],
      },
    ]);
    const result = await read(path);
    expect(result.rejected).toEqual([]);
    expect(childRecords(result.dataset.children).map((child) => [child.childId, child.dateOfBirth, child.supportDate])).toEqual([
      ['D1', '2015-05-03', '2025-01-01'],
      ['D2', '2015-05-03', '2025-02-01'],
    ]);
  });

  it('reads NFC and NFD forms of the same label in one column as one value', async () => {
    const path = await writeWorkbook(file('nfc-nfd.xlsx'), [
      {
        name: 'TreEm',
        rows: [
          CHILD_HEADERS,
          childRow({ 'Mã trẻ em': 'U1', 'Số định danh cá nhân': null, 'Giới tính': 'Nữ', 'Dân tộc': 'Mường', 'Tình trạng đi học': 'Tiểu học' }),
          childRow({ 'Mã trẻ em': 'U2', 'Số định danh cá nhân': null, 'Giới tính': 'Nữ'.normalize('NFD'), 'Dân tộc': 'Mường'.normalize('NFD'), 'Tình trạng đi học': 'Tiểu học'.normalize('NFD') }),
        ],
      },
    ]);
    const result = await read(path);
    expect(result.rejected).toEqual([]);
    const [u1, u2] = childRecords(result.dataset.children);
    expect([u1!.sex, u1!.ethnicity, u1!.schoolStatus]).toEqual(['NU', 'Mường', 'TIEU_HOC']);
    expect([u2!.sex, u2!.ethnicity, u2!.schoolStatus]).toEqual([u1!.sex, u1!.ethnicity, u1!.schoolStatus]);
    expect(u2!.ethnicity).toHaveLength('Mường'.length);
  });

  it('rejects an event row whose own birth date is after the event date', async () => {
    const path = await writeWorkbook(file('event-before-birth.xlsx'), [
      {
        name: 'SuViec',
        rows: [EVENT_HEADERS, eventRow({ 'Mã vụ việc': 'B1', 'Mã trẻ em': 'KHONG_CO', 'Giới tính': 'Nam', 'Ngày sinh': utc(2025, 6, 1), 'Ngày xảy ra': utc(2025, 3, 10) })],
      },
    ]);
    const result = await read(path);
    expect(result.rejected.map((row) => row.issues.map((issue) => [issue.column, issue.kind]))).toEqual([[['Ngày xảy ra', 'event_before_birth']]]);
    expect(result.files[0]).toMatchObject({ read: 1, accepted: 0, rejected: 1 });
  });

  it('keeps a 17-year-old in TreEm, and TE-0101 (children under 16) does not count them', async () => {
    const path = await writeWorkbook(file('over-16.xlsx'), [
      {
        name: 'TreEm',
        rows: [
          CHILD_HEADERS,
          childRow({ 'Mã trẻ em': 'A10', 'Số định danh cá nhân': null, 'Ngày sinh': utc(2015, 1, 1) }),
          // 17 on 30 June 2025, the last day of 2025-H1.
          childRow({ 'Mã trẻ em': 'A17', 'Số định danh cá nhân': null, 'Ngày sinh': utc(2008, 1, 1) }),
        ],
      },
    ]);
    const imported = await read(path);
    expect(imported.rejected).toEqual([]);
    expect(childRecords(imported.dataset.children).map((child) => child.childId)).toEqual(['A10', 'A17']);
    const { result } = computeIndicators({ units: loadAdminUnits(), dataset: imported.dataset, period: parsePeriod('2025-H1'), catalogue: loadCatalogue() });
    // Of the 2 children in commune 21289, only A10 (10 years old) is under 16: 1.
    expect(figure(result.results, 'TE-0101', '21289').value).toBe(1);
  });
});

describe('letters split across zip chunks', () => {
  it('reads every Vietnamese name of a large workbook whole (no "\\uFFFD")', async () => {
    const syllables = ['Nguyễn', 'Trương', 'Thị', 'Hạnh', 'Đặng', 'Văn', 'Mường', 'Hưởng', 'Ngọc', 'Ánh'];
    const rows: Cell[][] = [CHILD_HEADERS];
    for (let i = 0; i < 6000; i += 1) {
      const name = `${syllables[i % 10]} ${syllables[Math.floor(i / 10) % 10]} ${syllables[Math.floor(i / 100) % 10]} ${i}`;
      rows.push(childRow({ 'Mã trẻ em': `Z${i}`, 'Số định danh cá nhân': null, 'Họ và tên': name }));
    }
    const path = await writeWorkbook(file('many-names.xlsx'), [{ name: 'TreEm', rows }]);
    const result = await read(path);
    expect(result.files[0]).toMatchObject({ read: 6000, accepted: 6000 });
    const broken = childRecords(result.dataset.children).filter((child) => child.fullName.includes('\uFFFD'));
    expect(broken.map((child) => child.fullName)).toEqual([]);
    expect(childRecords(result.dataset.children)[1234]!.fullName).toBe('Đặng Hạnh Thị 1234');
  }, 60_000);
});
