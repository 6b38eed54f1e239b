/**
 * An annex that prints: read back from the XLSX, every Biểu sheet is A4 fitted to the page
 * width and repeats its own header rows; part a and part b of a table are separate sheets,
 * each with its own header; the sheets for programs (DuLieu, DuLieuXa, ThongTin) come after
 * them and print nothing (tests/report/annex-formats.test.ts); sheet names are cut at words.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { resultWorkbookBytes } from '../../src/output/results-xlsx.js';
import { loadCatalogue } from '../../src/engine/index.js';
import { sheetName } from '../../src/io/xlsx-output.js';
import { createReport } from '../../src/output/report.js';
import { districtInput } from './fixtures.js';

let workbook: ExcelJS.Workbook;

const load = async (bytes: Buffer): Promise<ExcelJS.Workbook> => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
};

/** The text of a sheet's row, cell by cell. */
const rowText = (sheet: ExcelJS.Worksheet, row: number) => Array.from({ length: sheet.columnCount }, (_, i) => String(sheet.getCell(row, i + 1).value ?? ''));

beforeAll(async () => {
  const files = await createReport(districtInput(), { settings: { numberPattern: '{number}/BC-UBND', fontSize: 14, reportDate: '2025-07-07' } });
  workbook = await load(files.xlsx);
});

describe('the annex as printed', () => {
  it('repeats on every page the header rows of its own part, on every Biểu sheet', () => {
    const biểu = workbook.worksheets.filter((sheet) => sheet.name.startsWith('Bieu'));
    expect(biểu.map((sheet) => sheet.name)).toEqual(['Bieu01', 'Bieu02', 'Bieu02b', 'Bieu03', 'Bieu03b', 'Bieu04', 'Bieu04b', 'Bieu05']);
    for (const sheet of biểu) {
      expect(sheet.pageSetup.paperSize, sheet.name).toBe(9);
      expect(sheet.pageSetup.fitToPage, sheet.name).toBe(true);
      expect([sheet.pageSetup.fitToWidth, sheet.pageSetup.fitToHeight], sheet.name).toEqual([1, 0]);
      const titles = /^\$?(\d+):\$?(\d+)$/.exec(sheet.pageSetup.printTitlesRow ?? '');
      expect(titles, sheet.name).not.toBeNull();
      const [first, last] = [Number(titles![1]), Number(titles![2])];
      // From the row that starts with STT down to the row of column numbers (A, B, 1, 2, …).
      expect(rowText(sheet, first)[0], sheet.name).toBe('STT');
      expect(rowText(sheet, last).slice(0, 3), sheet.name).toEqual(['A', 'B', '1']);
    }
  });

  it('prints part b of Biểu 02 under its own header, on its own sheet', () => {
    const a = workbook.getWorksheet('Bieu02')!;
    const b = workbook.getWorksheet('Bieu02b')!;
    const header = (sheet: ExcelJS.Worksheet) => rowText(sheet, Number(/^\$?(\d+)/.exec(sheet.pageSetup.printTitlesRow!)![1]));
    expect(header(a)[1]).toBe('Đơn vị');
    expect(header(b)[1]).toBe('Nhóm hoàn cảnh đặc biệt');
    const bText = b.getSheetValues().flat().map(String);
    expect(bText.some((text) => text.startsWith('b) Theo nhóm hoàn cảnh đặc biệt'))).toBe(true);
    expect(bText).toContain('Biểu 02. TRẺ EM CÓ HOÀN CẢNH ĐẶC BIỆT (tiếp theo)');
    expect(bText.some((text) => text === 'Xã Sơn Thành')).toBe(false);
  });

  it('keeps DuLieu, DuLieuXa and ThongTin for aggregate after the Biểu sheets, out of the print', () => {
    for (const name of ['DuLieu', 'DuLieuXa', 'ThongTin']) {
      const sheet = workbook.getWorksheet(name)!;
      expect(sheet.state, name).toBe('visible');
      expect(sheet.pageSetup.printArea, name).toBe('XFD1048576:XFD1048576');
      expect(sheet.rowCount, name).toBeGreaterThan(1);
    }
    expect(workbook.worksheets.slice(0, -3).every((sheet) => sheet.name.startsWith('Bieu'))).toBe(true);
  });
});

describe('sheet names', () => {
  it('are cut at a word boundary within 31 characters, and stay unique', () => {
    const used = new Set<string>();
    expect(sheetName('I.02 Sức khỏe, dinh dưỡng trẻ em', used)).toBe('I.02 Sức khỏe, dinh dưỡng trẻ');
    expect(sheetName('I.02 Sức khỏe, dinh dưỡng trẻ em', used)).toBe('I.02 Sức khỏe, dinh dưỡng trẻ 2');
    expect(sheetName('II.01 Xâm hại: trẻ em/nhóm?', used)).toBe('II.01 Xâm hại trẻ em nhóm');
  });

  it('of compute --out x.xlsx end at whole words', async () => {
    const catalogue = loadCatalogue();
    const input = districtInput();
    const book = await load(await resultWorkbookBytes(input.result, catalogue, (_level, code) => code, 'vi'));
    const names = book.worksheets.map((sheet) => sheet.name);
    expect(names).toContain('I.02 Sức khỏe, dinh dưỡng trẻ');
    const words = new Set(catalogue.indicators.flatMap((definition) => `${definition.appendix}.${definition.group} ${definition.groupName}`.split(/\s+/)));
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      for (const word of name.split(' ')) if (!/^\d+$/.test(word)) expect(words.has(word) || ['Thông', 'tin', 'Chỉ', 'tiêu', 'kế', 'hoạch'].includes(word), `${name}: ${word}`).toBe(true);
    }
    expect(book.getWorksheet('I.02 Sức khỏe, dinh dưỡng trẻ')!.pageSetup.printTitlesRow).toMatch(/1:\$?2$/);
  });
});
