/**
 * Columns the importer does not read (issue 21): their text is not decoded while the rows
 * stream past, yet a rejected row shows every cell in the error workbook, and a row's
 * emptiness and totals test see those cells as before.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/import/index.js';
import { readXlsxSheets } from '../../src/import/readers/xlsx.js';
import { UNREAD_TEXT } from '../../src/import/readers/types.js';
import { columnLetter } from '../../src/import/readers/notes.js';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeWorkbook } from '../helpers/workbooks.js';
import { replaceInZip } from '../helpers/zips.js';

const dir = tempDir('chitieu-unread-');

/** Cells as openpyxl writes them: inline strings, letters beyond ASCII as character references. */
const cell = (ref: string, raw: string) => `<c r="${ref}" t="inlineStr"><is><t>${raw}</t></is></c>`;
const HEADER = ['Mã trẻ em', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã tỉnh', 'Mã xã', 'Dân tộc', 'Ghi chú', 'Địa chỉ cũ'];
const ROWS = 3_000;
/** Rows (0-based data index) with a sex the contract does not know: rejected. */
const REJECTED = [499, 999, 1499, 1999, 2499, 2999];
/** A data row whose unread column says "Tổng cộng": a totals row, skipped as before. */
const TOTALS = 2_600;

async function openpyxlWorkbook(): Promise<string> {
  const rows = [`<row r="1">${HEADER.map((header, c) => cell(`${columnLetter(c + 1)}1`, header)).join('')}</row>`];
  for (let i = 0; i < ROWS; i += 1) {
    const r = i + 2;
    const values = [
      `R${i}`,
      `Tr&#7847;n V&#259;n ${i}`,
      '05/06/2012',
      REJECTED.includes(i) ? 'X' : 'Nam',
      '01',
      '09552',
      'Kinh',
      i === TOTALS ? 'T&#7893;ng c&#7897;ng' : `Nh&#7853;n x&#233;t ${i}`,
      `Th&#244;n ${i % 12} &amp; x&#243;m`,
    ];
    rows.push(`<row r="${r}">${values.map((value, c) => cell(`${columnLetter(c + 1)}${r}`, value)).join('')}</row>`);
  }
  const path = await writeWorkbook(join(dir, 'openpyxl.xlsx'), [{ name: 'TreEm', rows: [['placeholder']] }]);
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  await replaceInZip(path, 'xl/worksheets/sheet1.xml', xml);
  return path;
}

const note = (i: number) => `Nhận xét ${i}`;
const address = (i: number) => `Thôn ${i % 12} & xóm`;

/** The same rows as exceljs writes them (and Excel): every text a shared string. */
async function sharedStringsWorkbook(): Promise<string> {
  const rows: (string | null)[][] = [HEADER];
  for (let i = 0; i < ROWS; i += 1) {
    rows.push([`R${i}`, `Trần Văn ${i}`, '05/06/2012', REJECTED.includes(i) ? 'X' : 'Nam', '01', '09552', 'Kinh', i === TOTALS ? 'Tổng cộng' : note(i), address(i)]);
  }
  return writeWorkbook(join(dir, 'shared.xlsx'), [{ name: 'TreEm', rows }]);
}

/**
 * `putOff`: at least this many of the 6,000 unread cells are left undecoded. Inline strings:
 * both columns, but the first chunk's rows. Shared strings: the notes (each its own string);
 * an address is one of 12 strings, decoded in the first rows and then handed on as it is.
 */
const PRODUCERS = [
  { producer: 'openpyxl (inline strings)', make: openpyxlWorkbook, putOff: 4_000 },
  { producer: 'exceljs (shared strings)', make: sharedStringsWorkbook, putOff: 2_000 },
];

describe.each(PRODUCERS)('columns not read, as $producer writes them', ({ make, putOff: atLeast }) => {
  it('are decoded only when asked, after the importer said which columns it reads', async () => {
    const path = await make();
    let putOff = 0;
    let decoded = 0;
    for await (const sheet of readXlsxSheets(path)) {
      let first = true;
      for await (const batch of sheet.batches) {
        for (const row of batch) {
          if (row.number === 1) continue;
          const i = row.number - 2;
          // Read columns always hold their text.
          expect(row.cells[1]).toBe(`Trần Văn ${i}`);
          // A cell is put off, or read as before (one cut by the chunk's end is read the general way).
          const expected = [i === TOTALS ? 'Tổng cộng' : note(i), address(i)];
          [7, 8].forEach((index, at) => {
            if (row.cells[index] === UNREAD_TEXT) {
              putOff += 1;
              expect(row.unread!.text(index)).toBe(expected[at]);
            } else {
              decoded += 1;
              expect(row.cells[index]).toBe(expected[at]);
            }
          });
        }
        // As the importer does once it knows the sheet's layout: columns A–G read.
        if (first) sheet.readColumns!([0, 1, 2, 3, 4, 5, 6]);
        first = false;
      }
    }
    // The first chunk's rows were scanned before the importer spoke; most of the rest were put off
    // (but the totals label, which the row's totals test must see).
    expect(decoded).toBeGreaterThan(0);
    expect(putOff).toBeGreaterThan(atLeast);
    expect(putOff + decoded).toBe(2 * ROWS);
  });

  it("still reach the error workbook for a rejected row, and a totals label in one still skips its row", async () => {
    const path = await make();
    const result = await importFiles([path], { threads: 1 });
    expect(result.rejected.map((row) => row.source.row)).toEqual(REJECTED.map((i) => i + 2));
    for (const [at, row] of result.rejected.entries()) {
      const i = REJECTED[at]!;
      expect(row.values['Ghi chú']).toBe(note(i));
      expect(row.values['Địa chỉ cũ']).toBe(address(i));
      expect(row.values['Giới tính']).toBe('X');
    }
    const sheet = result.files[0]!.sheets[0]!;
    // 3,000 data rows: one totals row skipped, six rejected, the rest accepted.
    expect(sheet.totalsSkipped).toBe(1);
    expect([sheet.read, sheet.rejected, sheet.accepted]).toEqual([2_999, 6, 2_993]);
  });

  it('are in the error workbook `validate --out` writes, read back', async () => {
    const path = await make();
    const out = join(dir, 'loi.xlsx');
    const ran = await runCli('validate', path, '--out', out);
    expect(ran.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('Trẻ em bị loại')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (name: string) => header.indexOf(name) + 1;
    expect(column('Ghi chú')).toBeGreaterThan(0);
    // The six rows the importer rejects (an unknown sex) show their unread cells. (`validate` also
    // rejects the others while placing them, 09552 having a meaning in each list of communes: those
    // rows are shown from their records, which keep the contract's columns only.)
    const shown: unknown[][] = [];
    for (let r = 2; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      if (row.getCell(column('Giới tính')).value !== 'X') continue;
      shown.push([row.getCell(column('Dòng')).value, row.getCell(column('Ghi chú')).value, row.getCell(column('Địa chỉ cũ')).value]);
    }
    expect(shown).toEqual(REJECTED.map((i) => [i + 2, note(i), address(i)]));
  });
});
