/**
 * Completeness: a district report made of 2 of its 14 communes says so, counted where its
 * figures start and under every annex table, listed once in the annex (Biểu 06: code, name,
 * file expected), in ThongTin, in the JSON and on the terminal; --strict refuses it (exit 3).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ComputeResult } from '../../src/model/results.js';
import { buildSampleSet } from '../../src/sample/build.js';
import { writeSampleSet } from '../../src/sample/write.js';
import { loadAdminUnits } from '../../src/units/index.js';
import { runCli } from '../helpers/cli.js';
import { paragraphs, tableRows, zipEntries } from './read-back.js';

const dir = mkdtempSync(join(tmpdir(), 'chitieu-completeness-'));
const samples = join(dir, 'sample-data');
let files: string[] = [];

beforeAll(async () => {
  // The generator writes the first communes of huyện Sơn Hà (529), which has 14.
  await writeSampleSet(samples, buildSampleSet(loadAdminUnits(), { seed: 7, communes: 2 }));
  files = readdirSync(samples).filter((name) => name.endsWith('.xlsx')).sort().map((name) => join(samples, name));
});

const MISSING = ['Xã Sơn Thành', 'Xã Sơn Nham', 'Xã Sơn Bao', 'Xã Sơn Linh', 'Xã Sơn Giang', 'Xã Sơn Trung', 'Xã Sơn Thượng', 'Xã Sơn Cao', 'Xã Sơn Hải', 'Xã Sơn Thủy', 'Xã Sơn Kỳ', 'Xã Sơn Ba'];
const MISSING_CODES = ['21295', '21298', '21301', '21304', '21307', '21310', '21313', '21316', '21319', '21322', '21325', '21328'];
/** Where the figures start: the 14 communes, the 2 with data and the 12 without, counted; the list is the annex's Biểu 06. */
const SENTENCE = 'Toàn huyện có 14 xã, thị trấn; số liệu tổng hợp từ 2/14 đơn vị; chưa có số liệu của 12/14 đơn vị: xem Phụ lục, Biểu\u00a006.';
/** Under every annex table: the count, never the names. */
const NOTE = 'Số liệu chỉ gồm 2/14 xã, thị trấn đã có số liệu; danh sách 12 xã, thị trấn chưa có số liệu: Phụ lục, Biểu\u00a006.';

/** The rows of the annex's list of communes without data (Biểu 06): STT, name, code, file expected. */
function missingList(rows: readonly string[][]): string[][] {
  const at = rows.findIndex((row) => row[1] === 'Tên đơn vị');
  return rows.slice(at + 2).filter((row) => /^\d+$/.test(row[0] ?? '') && row.length === 4);
}

describe('a district report on 2 of its 14 communes', () => {
  it('says which communes are missing: terminal, DOCX, every annex table, ThongTin', async () => {
    expect(files).toHaveLength(2);
    const out = join(dir, 'report');
    const ran = await runCli('report', ...files, '--period', '2025-H1', '--unit', '529', '--out', out);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toContain(`Huyện Sơn Hà: số liệu từ 2/14 xã; chưa có số liệu của 12 xã: ${MISSING.join(', ')}.`);

    const xml = (await zipEntries(readFileSync(join(out, 'bao-cao-529-2025-H1.docx'))))['word/document.xml']!;
    const text = paragraphs(xml);
    const sentence = text.indexOf(SENTENCE);
    expect(sentence).toBeGreaterThan(0);
    // Where the figures start: before the first figure of section I.1.
    const firstFigure = text.findIndex((line) => line.startsWith('Tổng số trẻ em dưới 16 tuổi'));
    expect(firstFigure).toBeGreaterThan(sentence);
    // Under each of the five annex tables (Biểu 05 in III.1, Biểu 01–04 in the annex): the count.
    expect(text.filter((line) => line === `- ${NOTE}`)).toHaveLength(5);
    // The names are never strung together in a sentence or a note: only Biểu 06 lists them, one row each.
    expect(text.some((line) => line.includes('Xã Sơn Thành, Xã Sơn Nham'))).toBe(false);
    expect(text).toContain('Biểu 06');
    expect(text).toContain('CÁC XÃ, THỊ TRẤN CHƯA CÓ SỐ\u00a0LIỆU');
    const list = missingList(tableRows(xml));
    expect(list.map((row) => row[1])).toEqual(MISSING);
    expect(list.map((row) => row[2])).toEqual(MISSING_CODES);
    // Recomputed from the children's lists: what each commune still has to send.
    expect(new Set(list.map((row) => row[3]))).toEqual(new Set(['Danh sách trẻ em, sự việc (TreEm, SuViec)']));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'bao-cao-529-2025-H1.xlsx'));
    const cellsOf = (sheet: ExcelJS.Worksheet) => {
      const cells: string[] = [];
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
      return cells;
    };
    for (const sheet of workbook.worksheets.filter((s) => /^Bieu0[1-5]$/.test(s.name))) expect(cellsOf(sheet).some((cell) => cell.includes(NOTE))).toBe(true);
    // The annex workbook carries the list too, as its own sheet.
    const listSheet = cellsOf(workbook.getWorksheet('Bieu06')!);
    for (const [i, name] of MISSING.entries()) {
      expect(listSheet).toContain(name);
      expect(listSheet).toContain(MISSING_CODES[i]);
    }
    const info = new Map<string, string>();
    workbook.getWorksheet('ThongTin')!.eachRow((row) => info.set(String(row.getCell(1).value), String(row.getCell(3).value)));
    expect(info.get('communes')).toBe('14');
    expect(info.get('communesWithData')).toBe('21289, 21292');
    expect(info.get('communesMissing')).toContain('Xã Sơn Thành (21295), Xã Sơn Nham (21298)');
  });

  it('is refused under --strict with exit 3, writing nothing', async () => {
    const out = join(dir, 'strict');
    const ran = await runCli('report', ...files, '--period', '2025-H1', '--unit', '529', '--out', out, '--strict');
    expect(ran.code).toBe(3);
    expect(ran.stderr).toContain('--strict: Huyện Sơn Hà mới có số liệu của 2/14 xã');
    expect(() => readdirSync(out)).toThrow();
  });

  it('is carried per unit in the JSON of compute, which prints it and exits 3 under --strict', async () => {
    const file = join(dir, 'ket-qua.json');
    const ran = await runCli('compute', ...files, '--period', '2025-H1', '--level', 'district', '--out', file, '--strict');
    expect(ran.code).toBe(3);
    expect(ran.stderr).toContain('Huyện Sơn Hà (529): số liệu từ 2/14 xã; chưa có số liệu của 12 xã: Xã Sơn Thành');
    const result = ComputeResult.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(result.coverage).toEqual([
      { unit: '529', level: 'district', communes: 14, reporting: ['21289', '21292'], missing: ['21295', '21298', '21301', '21304', '21307', '21310', '21313', '21316', '21319', '21322', '21325', '21328'] },
    ]);
  });

  it('survives aggregate: the district summed from the 2 commune annexes says the same', async () => {
    const annexes: string[] = [];
    for (const [i, code] of ['21289', '21292'].entries()) {
      const out = join(dir, `xa-${code}`);
      const ran = await runCli('report', files[i]!, '--period', '2025-H1', '--unit', code, '--out', out);
      expect(ran.code).toBe(0);
      annexes.push(join(out, `bao-cao-${code}-2025-H1.xlsx`));
    }
    const out = join(dir, 'tong-hop');
    expect((await runCli('aggregate', ...annexes, '--period', '2025-H1', '--unit', '529', '--strict')).code).toBe(3);
    const ran = await runCli('aggregate', ...annexes, '--period', '2025-H1', '--unit', '529', '--out', out);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('Huyện Sơn Hà: số liệu từ 2/14 xã; chưa có số liệu của 12 xã');
    const xml = (await zipEntries(readFileSync(join(out, 'bao-cao-529-2025-H1.docx'))))['word/document.xml']!;
    const text = paragraphs(xml);
    expect(text).toContain(SENTENCE);
    // Summed from annexes: what each commune still has to send is its annex, as `chitieu report` names it.
    const list = missingList(tableRows(xml));
    expect(list.map((row) => row[2])).toEqual(MISSING_CODES);
    expect(list[0]![3]).toBe('Phụ lục số liệu bao-cao-21295-2025-H1.xlsx');
    // The summed report's notes agree: its total row is a sum, so no "counted once" next to "counted twice".
    expect(text.some((line) => line.includes('mỗi trẻ em chỉ tính một lần'))).toBe(false);
    expect(text.some((line) => line.includes('được tính hai lần'))).toBe(true);
  });
});
