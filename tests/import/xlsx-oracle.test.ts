/**
 * The xlsx reader held against others, cell by cell: exceljs's full (non-streaming) load of
 * workbooks exceljs wrote (the sample data included), and files LibreOffice wrote from a CSV
 * and from an OpenDocument spreadsheet made here.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CellNote } from '../../src/import/readers/types.js';
import { readXlsxWorkbook } from '../../src/import/readers/xlsx.js';
import { findSoffice } from '../../src/import/xls.js';
import { plainCell } from '../../src/io/excel-cell.js';
import { tempDir, utc } from '../helpers/workbooks.js';

const dir = tempDir('chitieu-oracle-');
const file = (name: string) => join(dir, name);
const soffice = await findSoffice();

type Cells = Map<string, unknown>;

const comparable = (value: unknown) => (value instanceof Date ? `date ${value.toISOString()}` : value);

/** Every non-empty cell our reader gives, by sheet name then "row:column". */
async function ourCells(path: string): Promise<Map<string, { state: string; cells: Cells }>> {
  const sheets = new Map<string, { state: string; cells: Cells }>();
  for await (const sheet of readXlsxWorkbook(path)) {
    const cells: Cells = new Map();
    const notes: CellNote[] = [];
    for await (const row of sheet.rows(notes)) {
      row.cells.forEach((value, index) => {
        if (value !== null) cells.set(`${row.number}:${index + 1}`, comparable(value));
      });
    }
    sheets.set(sheet.name, { state: sheet.state, cells });
  }
  return sheets;
}

/** The same from exceljs's full load; a merged range's other cells repeat its value there, not in the file. */
async function exceljsCells(path: string): Promise<Map<string, { state: string; cells: Cells }>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const sheets = new Map<string, { state: string; cells: Cells }>();
  for (const worksheet of workbook.worksheets) {
    const cells: Cells = new Map();
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        if (cell.isMerged && cell.master !== cell) return;
        const value = plainCell(cell.value);
        if (value !== null) cells.set(`${rowNumber}:${column}`, comparable(value));
      });
    });
    sheets.set(worksheet.name, { state: worksheet.state, cells });
  }
  return sheets;
}

async function expectSameAsExceljs(path: string): Promise<number> {
  const ours = await ourCells(path);
  const theirs = await exceljsCells(path);
  expect([...ours.keys()]).toEqual([...theirs.keys()]);
  let compared = 0;
  for (const [name, sheet] of theirs) {
    const mine = ours.get(name)!;
    expect(mine.state, name).toBe(sheet.state);
    expect(Object.fromEntries(mine.cells), name).toEqual(Object.fromEntries(sheet.cells));
    compared += sheet.cells.size;
  }
  return compared;
}

describe('against exceljs', () => {
  it('reads what exceljs reads, cell by cell, in a workbook of every kind of value', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Giá trị');
    sheet.addRow(['Trương Thị Hạnh', 'Nguyễn Văn Ánh', '05578', 'a & b <c>', ' lề ']);
    sheet.addRow([0, -1.25, 1e21, 123456789012, 3.14159]);
    sheet.addRow([true, false, utc(2015, 5, 3), new Date(Date.UTC(2024, 1, 29, 13, 45, 30)), utc(1900, 3, 1)]);
    sheet.getCell('C3').numFmt = 'dd/mm/yyyy';
    sheet.getCell('D3').numFmt = 'dd/mm/yyyy hh:mm:ss';
    sheet.getCell('E3').numFmt = 'yyyy-mm-dd';
    sheet.addRow([
      { richText: [{ text: 'Đinh ' }, { font: { bold: true }, text: 'Văn' }, { text: ' A' }] },
      { formula: 'A2+B2', result: -1.25 },
      { formula: 'A1&"!"', result: 'Trương Thị Hạnh!' },
      { text: 'trang', hyperlink: 'https://example.invalid/' },
      { formula: 'C3+1', result: utc(2015, 5, 4) },
    ]);
    sheet.getCell('E4').numFmt = 'dd/mm/yyyy';
    sheet.mergeCells('A6:C6');
    sheet.getCell('A6').value = 'Gộp ô';
    sheet.getCell('H9').value = 'xa';
    const hidden = workbook.addWorksheet('Danh mục', { state: 'hidden' });
    hidden.addRow(['Nam', 'Nữ']);
    const veryHidden = workbook.addWorksheet('Cũ', { state: 'veryHidden' });
    veryHidden.addRow([1]);
    await workbook.xlsx.writeFile(file('values.xlsx'));
    expect(await expectSameAsExceljs(file('values.xlsx'))).toBeGreaterThan(20);
  });

  it('reads the sample data exactly as exceljs does', async () => {
    for (const name of ['51-529-21289-thi-tran-di-lang.xlsx', '51-529-21292-xa-son-ha.xlsx']) {
      expect(await expectSameAsExceljs(join('sample-data', name)), name).toBeGreaterThan(1000);
    }
  }, 120_000);
});

function convert(input: string, filter: string[] = []): string {
  execFileSync(
    soffice!,
    ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, ...filter, '--convert-to', 'xlsx', '--outdir', join(dir, 'lo'), input],
    { stdio: 'ignore', timeout: 170_000 },
  );
  return join(dir, 'lo', input.split('/').pop()!.replace(/\.\w+$/, '.xlsx'));
}

/** A small OpenDocument spreadsheet: mimetype first and stored, a manifest, the content. */
async function writeOds(path: string, tables: string): Promise<string> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
  zip.file(
    'META-INF/manifest.xml',
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">' +
      '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
      '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
  );
  zip.file(
    'content.xml',
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.2">' +
      '<office:automatic-styles><style:style style:name="hide" style:family="table"><style:table-properties table:display="false"/></style:style>' +
      '<number:date-style style:name="D1"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>' +
      '<number:boolean-style style:name="B1"><number:boolean/></number:boolean-style>' +
      '<style:style style:name="date" style:family="table-cell" style:data-style-name="D1"/><style:style style:name="yesno" style:family="table-cell" style:data-style-name="B1"/>' +
      '</office:automatic-styles>' +
      `<office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`,
  );
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', mimeType: 'application/vnd.oasis.opendocument.spreadsheet' }));
  return path;
}

describe.skipIf(!soffice)('against LibreOffice', () => {
  it('reads an xlsx LibreOffice wrote from a CSV, cell by cell', async () => {
    writeFileSync(
      file('tre-em.csv'),
      'Mã trẻ em,Họ và tên,Ngày sinh,Số,Có\nTE001,Trương Thị Hạnh,2015-05-03,12.5,TRUE\nTE002,"Lò, Văn ""Mai""",2016-02-29,-3,FALSE\n',
    );
    // Comma, double quote, UTF-8 (76), from line 1.
    const path = convert(file('tre-em.csv'), ['--infilter=CSV:44,34,76,1']);
    await expectSameAsExceljs(path);
    const sheets = [...(await ourCells(path)).values()];
    expect(sheets).toHaveLength(1);
    const cells = sheets[0]!.cells;
    expect(cells.get('2:2')).toBe('Trương Thị Hạnh');
    expect(cells.get('3:2')).toBe('Lò, Văn "Mai"');
    expect(cells.get('2:3')).toBe(comparable(utc(2015, 5, 3)));
    expect(cells.get('3:3')).toBe(comparable(utc(2016, 2, 29)));
    expect([cells.get('2:4'), cells.get('3:4'), cells.get('2:5'), cells.get('3:5')]).toEqual([12.5, -3, true, false]);
  }, 180_000);

  it('reads an xlsx LibreOffice wrote from an OpenDocument spreadsheet, cell by cell, with a hidden sheet', async () => {
    const cell = (type: string, attributes: string, text: string) => `<table:table-cell office:value-type="${type}" ${attributes}><text:p>${text}</text:p></table:table-cell>`;
    const tables =
      '<table:table table:name="TreEm"><table:table-row>' +
      cell('string', '', 'Nguyễn <text:span>Văn</text:span> Ánh') +
      cell('float', 'office:value="41000.5"', '41000.5') +
      cell('date', 'office:date-value="2024-02-29" table:style-name="date"', '29/02/2024') +
      cell('boolean', 'office:boolean-value="true" table:style-name="yesno"', 'TRUE') +
      cell('percentage', 'office:value="0.25"', '25%') +
      '</table:table-row><table:table-row><table:table-cell table:number-columns-repeated="2"/>' +
      cell('string', '', 'a &amp; b') +
      '</table:table-row></table:table>' +
      '<table:table table:name="Danh mục" table:style-name="hide"><table:table-row>' +
      cell('string', '', 'Nam') +
      '</table:table-row></table:table>';
    const path = convert(await writeOds(file('bang-tinh.ods'), tables));
    await expectSameAsExceljs(path);
    const sheets = await ourCells(path);
    expect([...sheets.entries()].map(([name, sheet]) => [name, sheet.state])).toEqual([
      ['TreEm', 'visible'],
      ['Danh mục', 'hidden'],
    ]);
    const cells = sheets.get('TreEm')!.cells;
    expect([cells.get('1:1'), cells.get('1:2'), cells.get('1:3'), cells.get('1:4'), cells.get('1:5'), cells.get('2:3')]).toEqual([
      'Nguyễn Văn Ánh',
      41000.5,
      comparable(utc(2024, 2, 29)),
      true,
      0.25,
      'a & b',
    ]);
  }, 180_000);
});
