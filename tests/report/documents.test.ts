/**
 * What a receiving office would mark in a report (issue #19, item 1), read back from the DOCX:
 * a title never leaves one word on its last line, notes name the rows of their tables, period
 * labels are capitalised one way, a figure that cannot be computed is said once, the date line
 * never prints a year the report date cannot have, "từ đủ" is gone.
 */
import { describe, expect, it } from 'vitest';
import type { IndicatorResult } from '../../src/model/results.js';
import { createReport } from '../../src/output/report.js';
import { keepLastWordsTogether } from '../../src/report/format-vi.js';
import { reportModel } from '../../src/report/index.js';
import type { ReportInput } from '../../src/report/model.js';
import { ReportSettingsFile } from '../../src/report/settings.js';
import { COMMUNES, DISTRICT, communeInput, districtInput } from './fixtures.js';
import { paragraphs, tableRows, zipEntries } from './read-back.js';

async function documentOf(input: ReportInput): Promise<{ text: string[]; rows: string[][] }> {
  const files = await createReport(input);
  const xml = (await zipEntries(files.docx))['word/document.xml']!;
  return { text: paragraphs(xml), rows: tableRows(xml) };
}

/** A result row of the district with no breakdown. */
function districtRow(indicator: string, numerator: number, denominator: number, value: number | null): IndicatorResult {
  return { indicator, unit: DISTRICT.code, level: 'district', breakdown: {}, numerator, denominator, value };
}

describe('titles', () => {
  it('join their last two words with a no-break space', () => {
    expect(keepLastWordsTogether('SO SÁNH VỚI CÙNG KỲ NĂM 2024 VÀ KẾT QUẢ THỰC HIỆN CHỈ TIÊU')).toBe('SO SÁNH VỚI CÙNG KỲ NĂM 2024 VÀ KẾT QUẢ THỰC HIỆN CHỈ\u00a0TIÊU');
    expect(keepLastWordsTogether('Biểu đồ 1. Trẻ em  ')).toBe('Biểu đồ 1. Trẻ\u00a0em');
    expect(keepLastWordsTogether('MỘT')).toBe('MỘT');
  });

  it('Biểu 05 in the DOCX: "CHỈ TIÊU" stays together, and so does every table title', async () => {
    const { text } = await documentOf(districtInput());
    expect(text).toContain('SO SÁNH VỚI CÙNG KỲ NĂM 2024 VÀ KẾT QUẢ THỰC HIỆN CHỈ\u00a0TIÊU');
    const at = text.indexOf('Biểu 05');
    expect(text[at + 1]).toMatch(/\S\u00a0\S+$/);
    for (const number of ['Biểu 01', 'Biểu 02', 'Biểu 03', 'Biểu 04']) expect(text[text.indexOf(number) + 1]).toMatch(/ \S+\u00a0\S+$/);
  });
});

describe('notes match the rows of their tables', () => {
  it('the note on "Toàn huyện" says it is the row of part a), where the tables with a part b) have "Tổng (không trùng)"', async () => {
    const { text } = await documentOf(districtInput());
    const notes = text.filter((line) => line.startsWith('- Dòng "Toàn huyện"'));
    // Biểu 01 has one part (no letter); Biểu 02, 03, 04 have a) by unit and b) by group, form, cause.
    expect(notes).toEqual([
      '- Dòng "Toàn huyện" là số liệu của cả huyện, mỗi trẻ em chỉ tính một lần; có thể nhỏ hơn tổng các dòng trên khi một trẻ em có số liệu ở hai đơn vị.',
      ...Array.from({ length: 3 }, () => '- Dòng "Toàn huyện" ở phần a) là số liệu của cả huyện, mỗi trẻ em chỉ tính một lần; có thể nhỏ hơn tổng các dòng trên khi một trẻ em có số liệu ở hai đơn vị.'),
    ]);
    // The model agrees: every table whose note names "Toàn huyện" has a part a) with that row.
    for (const table of reportModel(districtInput()).tables) {
      const note = table.notes.find((line) => line.startsWith('Dòng "Toàn huyện"'));
      if (note === undefined) continue;
      const part = table.parts.find((p) => p.rows.some((row) => row.label === 'Toàn huyện'))!;
      expect(part, table.id).toBeDefined();
      if (table.parts.length > 1) expect(note).toContain(`ở phần ${part.heading!.split(' ')[0]}`);
    }
  });
});

describe('period labels', () => {
  it('Biểu 05 heads its columns "6 tháng đầu năm 2025" and "Cùng kỳ năm 2024", as the charts\' legends', async () => {
    const { rows } = await documentOf(districtInput());
    // The second header row, under the groups "Kết quả" and "So sánh".
    const header = rows[rows.findIndex((row) => row.includes('Đơn vị tính')) + 1]!;
    expect(header).toEqual(expect.arrayContaining(['6 tháng đầu năm 2025', 'Cùng kỳ năm 2024']));
    expect(header).not.toContain('cùng kỳ năm 2024');
  });
});

describe('a rate that cannot be computed', () => {
  it('is said once: "không tính được (không có trẻ sinh ra trong kỳ)", without "(0 trường hợp/0 trẻ …)"', async () => {
    const input = districtInput();
    // No births in the period: TE-0201 0/0; TE-0202 has 1 death of a child under 5 and still no births.
    const results = [...input.result.results, districtRow('TE-0201', 0, 0, null), districtRow('TE-0202', 1, 0, null)];
    const { text } = await documentOf({ ...input, result: { ...input.result, results } });
    expect(text).toContain('Tỷ suất chết của trẻ em dưới 1 tuổi: không tính được (không có trẻ sinh ra trong kỳ).');
    expect(text).toContain('Tỷ suất chết của trẻ em dưới 5 tuổi: không tính được (không có trẻ sinh ra trong kỳ; có 1 trường hợp tử vong).');
    expect(text.some((line) => line.includes('trẻ sinh ra trong kỳ) ('))).toBe(false);
  });

  it('with births, the rate and its two counts: 2 deaths of 400 births = 5,0‰', async () => {
    const input = districtInput();
    const results = [...input.result.results, districtRow('TE-0201', 2, 400, (2 / 400) * 1000)];
    const { text } = await documentOf({ ...input, result: { ...input.result, results } });
    expect(text).toContain('Tỷ suất chết của trẻ em dưới 1 tuổi: 5,0‰ (2 trường hợp/400 trẻ sinh ra trong kỳ).');
  });
});

describe('the date line', () => {
  const secondHalf = (input: ReportInput): ReportInput => ({ ...input, result: { ...input.result, period: { id: '2025-H2', from: '2025-07-01', to: '2025-12-31' } } });

  it('after a period ending on 31 December leaves the year blank when no report date is set (a date before 31/12/2025 is refused)', async () => {
    const { baseline: _baseline, ...input } = districtInput();
    const { text } = await documentOf(secondHalf(input));
    expect(text).toContain('Sơn Hà, ngày      tháng      năm       ');
    expect(text.some((line) => /^Sơn Hà, ngày .*2025/.test(line))).toBe(false);
  });

  it('after 30 June prints the period\'s year, and a set report date as it is', async () => {
    const { text } = await documentOf(districtInput());
    expect(text).toContain('Sơn Hà, ngày      tháng      năm 2025');
    const files = await createReport(secondHalf(districtInput()), { settings: ReportSettingsFile.parse({ reportDate: '2026-01-08' }) });
    expect(paragraphs((await zipEntries(files.docx))['word/document.xml']!)).toContain('Sơn Hà, ngày 08 tháng 01 năm 2026');
  });
});

describe('I.1 of a commune', () => {
  it('gives its own facts in one sentence: "Toàn thị trấn có dân số 11.850 người; 9 thôn, tổ dân phố."', async () => {
    const { text } = await documentOf(communeInput(COMMUNES[0]!));
    expect(text).toContain('Toàn thị trấn có dân số 11.850 người; 9 thôn, tổ dân phố.');
  });
});

describe('a report with every commune', () => {
  it('says "số liệu tổng hợp từ 4/4 đơn vị" (never "từ đủ") and has no list of missing communes', async () => {
    const completeness = { communes: 4, reporting: COMMUNES.map((c) => c.code), missing: [], word: 'xã, thị trấn' };
    const { text } = await documentOf(districtInput({ completeness }));
    expect(text).toContain('Toàn huyện có 4 xã, thị trấn; số liệu tổng hợp từ 4/4 đơn vị; dân số 34.180 người; 34 thôn, tổ dân phố.');
    expect(text.some((line) => line.includes('từ đủ'))).toBe(false);
    expect(text.some((line) => line.includes('CHƯA CÓ SỐ'))).toBe(false);
  });
});
