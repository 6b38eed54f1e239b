/**
 * Small-count protection (`--suppress K`): which cells read "<K", which second cell is hidden
 * ("x") so that a total does not give a small one away, the note, the text, Biểu 05, and an
 * annex without DuLieu that `aggregate` refuses.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ExitCode, UserError, render } from '../../src/messages/index.js';
import { readAnnex } from '../../src/import/annex.js';
import { reportModel } from '../../src/report/index.js';
import { createReport } from '../../src/output/report.js';
import { formatCell } from '../../src/report/table-layout.js';
import type { Cell, Column, ReportTable, Row, TablePart } from '../../src/report/table-model.js';
import { suppressTables, suppressionNote } from '../../src/report/suppress.js';
import { runCli } from '../helpers/cli.js';
import { COMMUNES, communeInput, districtInput } from './fixtures.js';
import { paragraphs, tableRows, zipEntries } from './read-back.js';

const K = 3;
const NOTE_3 = 'Số liệu từ 1 đến 2 được thay bằng <3 để bảo vệ thông tin cá nhân của trẻ em; số liệu ghi "x" được ẩn để không tính ngược ra được các số đó từ số tổng, tỷ lệ hoặc tỷ suất.';

// A hand-built Biểu 03 part: abused children (XH-0101) of three communes and their district,
// with boys and girls, and the rate per 100.000 computed from the total.
const UNITS = ['21289', '21292', '21295'] as const;
const COLUMNS: Column[] = [
  { key: 'te', header: 'Tổng số', format: 'count', width: 1 },
  { key: 'te-nam', header: 'Nam', group: 'Giới tính', format: 'count', width: 1 },
  { key: 'te-nu', header: 'Nữ', group: 'Giới tính', format: 'count', width: 1 },
  { key: 'te-ts', header: 'Tỷ suất', format: 'rate', width: 1, dependsOn: ['te'] },
];

function cell(unit: string, key: string, value: number): Cell {
  const breakdown = key === 'te-nam' ? { sex: 'NAM' } : key === 'te-nu' ? { sex: 'NU' } : {};
  return { value, source: { indicator: 'XH-0101', unit, breakdown, field: key === 'te-ts' ? 'value' : 'count' } };
}

/** Rows [te, nam, nu] per commune, then the district's own row. */
function table(communes: readonly (readonly [number, number, number])[], district: readonly [number, number, number]): ReportTable {
  const row = (unit: string, label: string, total: boolean, [te, nam, nu]: readonly [number, number, number], i: number): Row => ({
    stt: total ? '' : String(i + 1),
    label,
    total,
    cells: { te: cell(unit, 'te', te), 'te-nam': cell(unit, 'te-nam', nam), 'te-nu': cell(unit, 'te-nu', nu), 'te-ts': cell(unit, 'te-ts', te * 50) },
  });
  const rows = [...communes.map((values, i) => row(UNITS[i]!, `Xã ${i + 1}`, false, values, i)), row('529', 'Toàn huyện', true, district, 0)];
  const part: TablePart = { labelHeader: 'Đơn vị', columns: COLUMNS, rows, sums: { rows: [{ total: 'te', members: ['te-nam', 'te-nu'] }], columns: true } };
  return { id: 'bieu-03', number: 'Biểu 03', sheetName: 'Bieu03', title: 'T', subtitle: '', unitNote: '', parts: [part], notes: ['Ghi chú có sẵn.'], landscape: true, protect: true };
}

/** The table as it reads: one line per row, "label: te nam nu rate". */
function shown(t: ReportTable): string[] {
  const part = t.parts[0]!;
  return part.rows.map((row) => `${row.label}: ${part.columns.map((c) => formatCell(row.cells[c.key]?.value ?? null, c.format)).join(' ')}`);
}

describe('suppressTables on a hand-built table (K = 3)', () => {
  it('shows 1 and 2 of a commune as "<3", hides the smallest other cell of the row and of the column, keeps 0', () => {
    // Xã 1 has 1 boy: "<3". Its row total (5) would give it away with the girls (4): the girls are hidden.
    // Column "Nam": the district's 4 would give it away from Xã 2's 3: hidden (the only other non-zero).
    // Column "Nữ": Xã 1's girls are now hidden, the district's 8 would give them away: Xã 2's 4 is hidden.
    // Xã 2's row then has two hidden cells, and every sum has 0 or at least 2: done.
    const { tables, hidden } = suppressTables([table([[5, 1, 4], [7, 3, 4], [0, 0, 0]], [12, 4, 8])], K);
    expect(shown(tables[0]!)).toEqual(['Xã 1: 5 <3 x 250,0', 'Xã 2: 7 x x 350,0', 'Xã 3: 0 0 0 0,0', 'Toàn huyện: 12 4 8 600,0']);
    expect(tables[0]!.parts[0]!.rows[0]!.cells['te-nam']).toMatchObject({ value: '<3', suppressed: 'small' });
    expect(tables[0]!.parts[0]!.rows[0]!.cells['te-nu']).toMatchObject({ value: 'x', suppressed: 'complementary' });
    expect(tables[0]!.notes).toEqual(['Ghi chú có sẵn.', NOTE_3]);
    expect(hidden.get('current|XH-0101|21289|sex=NAM|count')).toBe('small');
    expect(hidden.get('current|XH-0101|21292|sex=NU|count')).toBe('complementary');
    // The suppressed figure is gone from the model, not only from the display.
    expect(JSON.stringify(tables[0]!.parts[0]!.rows[0]!.cells['te-nam'])).not.toContain('"value":1');
  });

  it('picks the smallest non-zero cell, the first one in table order when two are equal', () => {
    // Xã 2 has 2 children, both girls: "<3" twice (its row sum has two hidden cells: safe).
    // Column "Tổng số": Xã 1 and Xã 3 both have 6, Xã 1 comes first: hidden. Column "Nữ": the
    // same between their 3 girls. Xã 1's row then has two hidden cells; its boys stay.
    const { tables } = suppressTables([table([[6, 3, 3], [2, 0, 2], [6, 3, 3]], [14, 6, 8])], K);
    expect(shown(tables[0]!)).toEqual(['Xã 1: x 3 x x', 'Xã 2: <3 0 <3 x', 'Xã 3: 6 3 3 300,0', 'Toàn huyện: 14 6 8 700,0']);
  });

  it('hides the district total (and what follows from it) when a single commune has the cases', () => {
    // Only Xã 1 has abused children (2): every other commune is 0, so the district's 2 would
    // say it; the total is hidden, with its rate.
    const { tables } = suppressTables([table([[2, 0, 2], [0, 0, 0], [0, 0, 0]], [2, 0, 2])], K);
    expect(shown(tables[0]!)).toEqual(['Xã 1: <3 0 <3 x', 'Xã 2: 0 0 0 0,0', 'Xã 3: 0 0 0 0,0', 'Toàn huyện: x 0 x x']);
  });

  it('leaves a table with no count from 1 to K−1 as it was, without the note', () => {
    const before = table([[5, 3, 2], [7, 3, 4], [0, 0, 0]], [12, 6, 6]);
    const { tables } = suppressTables([before], 2);
    expect(shown(tables[0]!)).toEqual(shown(before));
    expect(tables[0]!.notes).toEqual(['Ghi chú có sẵn.']);
    expect(suppressionNote(2, false)).toBe('Số liệu bằng 1 được thay bằng <2 để bảo vệ thông tin cá nhân của trẻ em.');
  });
});

describe('a district report with --suppress 3 (fixtures: huyện Sơn Hà)', () => {
  // Abuse 2025-H1 in the fixtures: Di Lăng 2 children (boy 1, girl 1; 2 cases, one fined), Sơn Hạ
  // 1 boy; injuries: Di Lăng 3, Sơn Hạ 1, Sơn Thành 1 (died), Sơn Nham 1; deaths Di Lăng 1, Sơn Thành 1.
  const model = reportModel(districtInput(), { suppress: K });
  const part = (id: string, i = 0) => model.tables.find((t) => t.id === id)!.parts[i]!;
  const line = (p: TablePart, label: string) => {
    const row = p.rows.find((r) => r.label === label)!;
    return Object.fromEntries(p.columns.map((c) => [c.key, formatCell(row.cells[c.key]?.value ?? null, c.format)]));
  };

  it('Biểu 03: communes\' 1 and 2 read "<3"; the district keeps what does not reveal them', () => {
    const b03 = part('bieu-03');
    expect(line(b03, 'Thị trấn Di Lăng')).toMatchObject({ vu: '<3', te: '<3', 'te-nam': '<3', 'te-nu': '<3', 'te-ts': 'x', ht: '<3', 'ht-tl': 'x', xp: '<3', tien: 'x' });
    expect(line(b03, 'Xã Sơn Hạ')).toMatchObject({ vu: '<3', te: '<3', 'te-nam': '<3', 'te-nu': '0', 'te-ts': 'x' });
    expect(line(b03, 'Xã Sơn Thành')).toMatchObject({ te: '0', 'te-nam': '0' });
    // Girls: only Di Lăng has one, so the district's girls are hidden, and then its boys (row sum).
    // Sanctions: only Di Lăng has a fined case, so the district's cases and fines are hidden too.
    expect(line(b03, 'Toàn huyện')).toMatchObject({ vu: '3', te: '3', 'te-nam': 'x', 'te-nu': 'x', 'te-ts': '54,7', xp: 'x', tien: 'x' });
    expect(model.tables.find((t) => t.id === 'bieu-03')!.notes.at(-1)).toBe(NOTE_3);
  });

  it('Biểu 04: the same rules; 3 injured children of Di Lăng stay a number', () => {
    const b04 = part('bieu-04');
    expect(line(b04, 'Thị trấn Di Lăng')).toMatchObject({ tn: '3', 'tn-nam': '<3', 'tn-nu': '<3', 'tn-ts': '162,2', tv: '<3', 'tv-ts': 'x', dn: '<3' });
    expect(line(b04, 'Xã Sơn Nham')).toMatchObject({ tn: '<3', 'tn-ts': 'x', tv: '0' });
    expect(line(b04, 'Toàn huyện')).toMatchObject({ tn: '6', tv: '2', dn: '2' });
  });

  it('the text states no hidden figure', () => {
    const text = Object.values(model.context.text).flat().join('\n');
    // The district's boys and girls among abused children are hidden in Biểu 03: not stated.
    expect(text).toContain('Có 3 trẻ em bị xâm hại, tăng 2 em (200,0%) so với cùng kỳ năm 2024.');
    expect(text).not.toMatch(/trẻ em bị xâm hại \(nam/);
    expect(text).toContain('Số vụ xâm hại trẻ em bị xử phạt vi phạm hành chính: một số vụ.');
    expect(text).not.toContain('15.000.000');
    expect(text).toContain('Tỷ lệ trẻ em bị xâm hại được hỗ trợ, can thiệp: không nêu số liệu để bảo vệ thông tin cá nhân của trẻ em.');
  });

  it('without --suppress, every figure is shown', () => {
    const plain = reportModel(districtInput());
    const row = plain.tables.find((t) => t.id === 'bieu-03')!.parts[0]!.rows[0]!;
    expect(row.cells.te).toMatchObject({ value: 2 });
    expect(Object.values(plain.context.text).flat().join('\n')).toContain('15.000.000 đồng');
  });
});

describe('a commune report with --suppress 3', () => {
  const model = reportModel(communeInput(COMMUNES[0]!), { suppress: K });

  it('hides the commune\'s small counts in every part of Biểu 03/04 and in Biểu 05, this year and last', () => {
    const b03 = model.tables.find((t) => t.id === 'bieu-03')!;
    const byForm = b03.parts[1]!;
    const total = byForm.rows.find((r) => r.total)!;
    expect(total.cells.so).toMatchObject({ value: '<3', suppressed: 'small' });
    const b05 = model.tables.find((t) => t.id === 'bieu-05')!.parts[0]!;
    const deaths = b05.rows.find((r) => r.label === 'Số trẻ em tử vong do tai nạn thương tích')!;
    // 1 death now, 3 last year: "<3" and 3, and no difference (it would give the 1 away).
    expect([deaths.cells.nay!.value, deaths.cells.truoc!.value, deaths.cells.tang!.value, deaths.cells.tyle!.value]).toEqual(['<3', 3, 'x', 'x']);
    const children = b05.rows.find((r) => r.label === 'Tổng số trẻ em')!;
    expect(children.cells.nay!.value).toBe(1850);
  });

  it('writes "dưới 3" in the text and no comparison that would give a small count away', () => {
    const t = model.context.text;
    const text = [...t.issues, ...t.intervention, ...t.injuries, ...t.comparison, ...t.shortcomings];
    expect(text).toContain('Có dưới 3 trẻ em bị xâm hại.');
    expect(text).toContain('Trong kỳ có dưới 3 vụ xâm hại trẻ em.');
    expect(text.join('\n')).toContain('Có dưới 3 trẻ em tử vong do tai nạn thương tích; đạt chỉ tiêu');
    expect(text).toContain('- Số trẻ em tử vong do tai nạn thương tích: dưới 3 em.');
    expect([...t.issues, ...t.intervention, ...t.injuries].join('\n')).not.toMatch(/(^|[^\d.,])[12] (em|vụ|trẻ em)(?![\p{L}])/mu);
  });
});

describe('the files of a suppressed report', () => {
  it('show "<3" and the note in the DOCX and the XLSX; the annex has no DuLieu and aggregate refuses it', async () => {
    const files = await createReport(districtInput(), { suppress: K, settings: { numberPattern: '{number}/BC-UBND', fontSize: 14, reportDate: '2025-07-07' } });
    const doc = (await zipEntries(files.docx))['word/document.xml']!;
    const rows = tableRows(doc);
    const diLang = rows.filter((row) => row[1] === 'Thị trấn Di Lăng');
    // Biểu 01, 02, 03, 04 each have a row for Di Lăng; Biểu 03's: STT, name, then vu, te, nam, nữ, rate…
    expect(diLang[2]!.slice(2, 7)).toEqual(['<3', '<3', '<3', '<3', 'x']);
    expect(paragraphs(doc)).toContain(`- ${NOTE_3}`);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(files.xlsx as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Bieu01', 'Bieu02', 'Bieu02b', 'Bieu03', 'Bieu03b', 'Bieu04', 'Bieu04b', 'Bieu05', 'DuLieuXa', 'ThongTin']);
    const sheet = workbook.getWorksheet('Bieu03')!;
    let at = 0;
    sheet.eachRow((row, n) => {
      if (at === 0 && row.getCell(2).value === 'Thị trấn Di Lăng') at = n;
    });
    expect([3, 4, 5, 6, 7].map((c) => sheet.getCell(at, c).value)).toEqual(['<3', '<3', '<3', '<3', 'x']);
    expect(sheet.getCell(at, 3).type).toBe(ExcelJS.ValueType.String);
    let note = false;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === `- ${NOTE_3}`) note = true;
    });
    expect(note).toBe(true);
    const info = new Map<unknown, unknown>();
    workbook.getWorksheet('ThongTin')!.eachRow((row) => info.set(row.getCell(1).value, row.getCell(3).value));
    expect(info.get('suppress')).toBe('3');

    const dir = mkdtempSync(join(tmpdir(), 'chitieu-suppress-'));
    const path = join(dir, 'cong-bo.xlsx');
    writeFileSync(path, files.xlsx);
    const error = await readAnnex(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(ExitCode.unreadableInput);
    expect(render((error as UserError).text, 'vi')).toContain('đã ẩn số liệu nhỏ (--suppress)');
  });
});

describe('--suppress on the command line', () => {
  it('takes a whole number K from 2 (exit 1 otherwise, before reading anything)', async () => {
    for (const bad of ['1', '0', 'abc', '2.5', '-3']) {
      const ran = await runCli('report', 'khong-co.xlsx', '--period', '2025-H1', '--unit', '529', '--suppress', bad);
      expect(ran.code, bad).toBe(1);
    }
  });
});
