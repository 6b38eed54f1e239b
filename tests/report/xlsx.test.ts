import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorResult } from '../../src/model/results.js';
import { readAnnex } from '../../src/import/annex.js';
import type { Annex } from '../../src/model/annex-contract.js';

type AnnexRow = Annex['rows'][number];
import { createReport, type ReportFiles } from '../../src/output/report.js';
import { ANNEX_FORMAT, DATA_COLUMNS } from '../../src/model/annex-contract.js';
import { districtInput } from './fixtures.js';
import { zipEntries } from './read-back.js';

const dir = mkdtempSync(join(tmpdir(), 'chitieu-xlsx-'));

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function findRow(sheet: ExcelJS.Worksheet, label: string, from = 1): number {
  for (let r = from; r <= sheet.rowCount; r++) if (sheet.getCell(r, 2).value === label) return r;
  throw new Error(`no row ${label}`);
}

describe('the annex workbook', () => {
  let files: ReportFiles;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    const input = districtInput({
      sources: [
        { file: '21289.xlsx', read: 1850, accepted: 1850, rejected: 0, sha256: 'a'.repeat(64) },
        { file: '=HYPERLINK("http://x","bấm").xlsx', read: 10, accepted: 9, rejected: 1 },
      ],
    });
    files = await createReport(input, { settings: { numberPattern: '{number}/BC-UBND', fontSize: 14, reportDate: '2025-07-07' } });
    workbook = await load(files.xlsx);
  });

  it('has one sheet per Biểu and the machine-readable sheets', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Bieu01', 'Bieu02', 'Bieu02b', 'Bieu03', 'Bieu03b', 'Bieu04', 'Bieu04b', 'Bieu05', 'DuLieu', 'DuLieuXa', 'ThongTin']);
  });

  it('draws Biểu 01 with merged two-level headers, units as rows and the unit as total', () => {
    const sheet = workbook.getWorksheet('Bieu01')!;
    expect(sheet.getCell('A2').value).toBe('Biểu 01. DÂN SỐ TRẺ EM');
    const header = findRow(sheet, 'Đơn vị');
    // STT and Đơn vị span the two header rows; "Chia theo giới tính" spans Nam and Nữ.
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining([`A${header}:A${header + 1}`, `B${header}:B${header + 1}`, `C${header}:C${header + 1}`, `D${header}:E${header}`]));
    expect(sheet.getCell(header, 4).value).toBe('Chia theo giới tính');
    expect(sheet.getCell(header + 1, 4).value).toBe('Nam');
    expect(sheet.getCell(header + 2, 1).value).toBe('A');
    const rows = ['Thị trấn Di Lăng', 'Xã Sơn Hạ', 'Xã Sơn Thành', 'Xã Sơn Nham', 'Toàn huyện'].map((label) => findRow(sheet, label));
    expect(rows).toEqual([header + 3, header + 4, header + 5, header + 6, header + 7]);
    const total = sheet.getRow(rows[4]!);
    // 1.850 + 1.220 + 980 + 1.430 children.
    expect(total.getCell(3).value).toBe(5480);
    expect(total.getCell(3).numFmt).toBe('[$-42A]#,##0');
    expect(total.getCell(3).font?.bold).toBe(true);
    expect(total.getCell(3).font?.name).toBe('Times New Roman');
  });

  it('writes ratio columns as formulas with their computed results', () => {
    const sheet = workbook.getWorksheet('Bieu01')!;
    const row = findRow(sheet, 'Toàn huyện');
    const cell = sheet.getCell(row, 12); // Trẻ em dưới 5 tuổi: Tỷ lệ (%), column 10 → L
    const value = cell.value as ExcelJS.CellFormulaValue;
    expect(value.formula).toBe(`K${row}/J${row}*100`);
    const te0104 = files.model.rows.find((r) => r.indicator === 'TE-0104' && r.unit === '529' && Object.keys(r.breakdown).length === 0)!;
    expect(value.result).toBeCloseTo(te0104.value!, 10);
    expect(cell.numFmt).toBe('[$-42A]#,##0.0');
    const b05 = workbook.getWorksheet('Bieu05')!;
    const deaths = findRow(b05, 'Số trẻ em tử vong do tai nạn thương tích');
    // 2 now, 5 last year: −3, −60 %.
    expect(b05.getCell(deaths, 3).value).toBe('em');
    expect(b05.getCell(deaths, 4).value).toBe(2);
    expect(b05.getCell(deaths, 5).value).toBe(5);
    expect(b05.getCell(deaths, 6).value).toEqual({ formula: `D${deaths}-E${deaths}`, result: -3 });
    expect((b05.getCell(deaths, 7).value as ExcelJS.CellFormulaValue).result).toBeCloseTo(-60, 10);
    expect(b05.getCell(deaths, 9).value).toBe('Đạt');
  });

  it('formats every figure of the Biểu sheets as Vietnamese writes it, and keeps it a number', async () => {
    let figures = 0;
    for (const sheet of workbook.worksheets.filter((s) => s.name.startsWith('Bieu'))) {
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          const value = cell.value;
          const result = typeof value === 'object' && value !== null && 'formula' in value ? value.result : value;
          if (typeof result !== 'number') return;
          // Not a text that reads like a number: a number, with the Vietnamese locale tag (LCID 042A) in its format.
          expect(cell.type === ExcelJS.ValueType.Number || cell.type === ExcelJS.ValueType.Formula, `${sheet.name}!${cell.address}`).toBe(true);
          expect(['[$-42A]#,##0', '[$-42A]#,##0.0'], `${sheet.name}!${cell.address}`).toContain(cell.numFmt);
          figures++;
        });
      });
    }
    expect(figures).toBeGreaterThan(300);
    // The styles part: every number format of the workbook is tagged, none left in the viewer's locale.
    const styles = (await zipEntries(files.xlsx))['xl/styles.xml']!;
    const codes = [...styles.matchAll(/<numFmt [^>]*formatCode="([^"]*)"/g)].map((m) => m[1]!.replace(/&quot;/g, '"'));
    expect(codes).toEqual(expect.arrayContaining(['[$-42A]#,##0', '[$-42A]#,##0.0']));
    expect(codes.filter((code) => code.includes('#,##0') && !code.startsWith('[$-42A]'))).toEqual([]);
  });

  it('shows "–" for missing figures', () => {
    const sheet = workbook.getWorksheet('Bieu03')!;
    const row = findRow(sheet, 'Xã Sơn Thành');
    // No abused child in Sơn Thành: the share of abused children helped has nothing to divide by.
    expect(sheet.getCell(row, 13).value).toBe('–');
  });

  it('is set up for printing: A4 fitted to the width, landscape where wide, frozen headers', () => {
    for (const name of ['Bieu01', 'Bieu02', 'Bieu02b', 'Bieu03', 'Bieu03b', 'Bieu04', 'Bieu04b', 'Bieu05']) {
      const sheet = workbook.getWorksheet(name)!;
      expect(sheet.pageSetup.paperSize).toBe(9);
      // Biểu 02 (ten columns, four by group in part b) fits a portrait page; the others are wide.
      expect(sheet.pageSetup.orientation).toBe(name.startsWith('Bieu02') ? 'portrait' : 'landscape');
      expect(sheet.pageSetup.fitToPage).toBe(true);
      expect(sheet.pageSetup.fitToWidth).toBe(1);
      expect(sheet.pageSetup.fitToHeight).toBe(0);
      const view = sheet.views[0] as ExcelJS.WorksheetViewFrozen;
      expect(view.state).toBe('frozen');
      expect(view.xSplit).toBe(2);
      expect(view.ySplit).toBeGreaterThan(4);
    }
  });

  it('keeps text from input as text, never as a formula', () => {
    const sheet = workbook.getWorksheet('ThongTin')!;
    let found: ExcelJS.Cell | undefined;
    sheet.eachRow((row) => {
      if (String(row.getCell(2).value).startsWith('=HYPERLINK')) found = row.getCell(2);
    });
    expect(found).toBeDefined();
    expect(found!.type).toBe(ExcelJS.ValueType.String);
    expect(found!.numFmt).toBe('@');
    expect(found!.value).toBe('=HYPERLINK("http://x","bấm").xlsx');
  });

  it('has a DuLieu sheet that reads back to the same result rows', async () => {
    const sheet = workbook.getWorksheet('DuLieu')!;
    expect(sheet.getRow(2).values).toEqual([undefined, ...DATA_COLUMNS]);
    const path = join(dir, 'annex.xlsx');
    writeFileSync(path, files.xlsx);
    const annex = await readAnnex(path);
    expect(annex.info).toMatchObject({ unitCode: '529', unitName: 'Huyện Sơn Hà', level: 'district', period: { id: '2025-H1', from: '2025-01-01', to: '2025-06-30' }, baseline: { id: '2024-H1' } });
    expect(annex.info.subUnits).toEqual(['21289', '21292', '21295', '21298']);
    const strip = ({ factor: _factor, ...row }: AnnexRow): IndicatorResult => row;
    expect(annex.rows.map(strip)).toEqual(files.model.rows);
    expect(annex.baselineRows.map(strip)).toEqual(files.model.baselineRows);
    expect(annex.rows.find((r) => r.indicator === 'TE-0304')!.factor).toBe(100000);
    expect(annex.rows.find((r) => r.indicator === 'TE-0403')).toMatchObject({ noData: true, numerator: null });
    expect(annex.facts).toHaveLength(4);
    expect(annex.facts[0]).toMatchObject({ communeCode: '21289', periodId: '2025-H1', population: 11850, childFriendly: true, budget: 85_000_000 });
    expect(annex.facts[2]).not.toHaveProperty('budget');
    expect(annex.sources).toEqual([
      { file: '21289.xlsx', read: 1850, accepted: 1850, rejected: 0, sha256: 'a'.repeat(64) },
      { file: '=HYPERLINK("http://x","bấm").xlsx', read: 10, accepted: 9, rejected: 1 },
    ]);
  });

  it('has a ThongTin sheet with the period, unit, versions and format', () => {
    const sheet = workbook.getWorksheet('ThongTin')!;
    const values = new Map<string, unknown>();
    sheet.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(3).value));
    expect(values.get('format')).toBe(ANNEX_FORMAT);
    expect(values.get('periodId')).toBe('2025-H1');
    expect(values.get('baselineId')).toBe('2024-H1');
    expect(values.get('unitCode')).toBe('529');
    expect(values.get('toolVersion')).toBe('0.1.0');
    expect(values.get('catalogueVersion')).toBe('test-1');
    expect(values.get('reportDate')).toBe('2025-07-07');
    expect(workbook.created.toISOString()).toBe('2025-07-07T00:00:00.000Z');
  });
});

describe('approximate figures', () => {
  it('are shown in italics with a note (a commune split by the 2025 reform)', async () => {
    const input = districtInput();
    const results = input.result.results.map((row) =>
      row.indicator === 'TE-0101' && row.unit === '529' && Object.keys(row.breakdown).length === 0 ? { ...row, approximate: true as const } : row,
    );
    const files = await createReport({ ...input, result: { ...input.result, results } });
    const workbook = await load(files.xlsx);
    const sheet = workbook.getWorksheet('Bieu01')!;
    const row = findRow(sheet, 'Toàn huyện');
    expect(sheet.getCell(row, 3).font?.italic).toBe(true);
    expect(sheet.getCell(row, 4).font?.italic).toBeFalsy();
    let note = false;
    sheet.eachRow((r) => {
      if (String(r.getCell(1).value).includes('Số in nghiêng là số gần đúng')) note = true;
    });
    expect(note).toBe(true);
    const data = workbook.getWorksheet('DuLieu')!;
    const approximate = DATA_COLUMNS.indexOf('approximate') + 1;
    let flagged = 0;
    data.eachRow((r) => {
      if (r.getCell(approximate).value === true) flagged++;
    });
    expect(flagged).toBe(1);
  });
});
