import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeIndicators, loadCatalogue, parsePeriod } from '../../src/engine/index.js';
import { importFiles } from '../../src/import/index.js';
import type { IndicatorResult } from '../../src/model/results.js';
import { CHILD_HEADERS, EVENT_HEADERS, childRow, eventRow, tempDir, utc, writeWorkbook, type Cell } from '../helpers/workbooks.js';
import { loadAdminUnits } from '../../src/units/index.js';

/**
 * "A column that is absent from the data means no data for the indicators that need it"
 * (indicator-rules.md): a file without "Nhóm HCĐB" or "Hình thức hỗ trợ, can thiệp" must give
 * noData for the indicators built on them, never 0, while the others are computed.
 */
describe('columns absent from the files', () => {
  const dir = tempDir();
  const period = parsePeriod('2025-H1');
  const catalogue = loadCatalogue();
  const totalOf = (results: readonly IndicatorResult[], indicator: string, unit: string) =>
    results.find((row) => row.indicator === indicator && row.unit === unit && Object.keys(row.breakdown).length === 0);

  it('gives noData for the indicators that need them and figures for the rest', async () => {
    const childHeaders = CHILD_HEADERS.filter((header) => header !== 'Nhóm HCĐB' && header !== 'Nhóm nguy cơ');
    const keep = (row: Cell[]) => row.filter((_, index) => CHILD_HEADERS[index] !== 'Nhóm HCĐB' && CHILD_HEADERS[index] !== 'Nhóm nguy cơ');
    const eventHeaders = EVENT_HEADERS.filter((header) => !['Hình thức hỗ trợ, can thiệp', 'Xử lý', 'Số tiền phạt'].includes(header));
    const keepEvent = (row: Cell[]) => row.filter((_, index) => eventHeaders.includes(EVENT_HEADERS[index]!));
    const path = await writeWorkbook(join(dir, 'thieu-cot.xlsx'), [
      {
        name: 'TreEm',
        rows: [
          childHeaders,
          keep(childRow({ 'Mã trẻ em': 'A1', 'Số định danh cá nhân': null })),
          keep(childRow({ 'Mã trẻ em': 'A2', 'Số định danh cá nhân': null, 'Giới tính': 'Nữ' })),
        ],
      },
      {
        name: 'SuViec',
        rows: [
          eventHeaders,
          keepEvent(eventRow({ 'Mã trẻ em': 'A1', 'Loại sự việc': 'Xâm hại', 'Hình thức xâm hại': 'Bạo lực', 'Môi trường xâm hại': 'Gia đình', 'Nguyên nhân TNTT': null, 'Hậu quả': null, 'Ngày xảy ra': utc(2025, 2, 3) })),
        ],
      },
    ]);
    const imported = await importFiles([path]);
    expect(imported.rejected).toEqual([]);
    const { result } = computeIndicators({ units: loadAdminUnits(), dataset: imported.dataset, period, catalogue, level: 'district' });
    // Population: 2 children (born 2015, both under 16 at 30/06/2025) → TE-0101 = 2, at commune and district.
    expect(totalOf(result.results, 'TE-0101', '21289')).toMatchObject({ numerator: 2, value: 2 });
    expect(totalOf(result.results, 'TE-0101', '529')).toMatchObject({ numerator: 2, value: 2 });
    // 1 abused child out of 2 → XH-0101 = 1 / 2 × 100,000 = 50,000 per 100,000.
    expect(totalOf(result.results, 'XH-0101', '21289')).toMatchObject({ numerator: 1, denominator: 2, value: 50_000 });
    // No "Nhóm HCĐB" column: how many children are in special circumstances is unknown.
    for (const indicator of ['TE-0301', 'TE-0302', 'TE-0303', 'XH-0103', 'XH-0201', 'XH-0202']) {
      for (const unit of ['21289', '529']) {
        expect(totalOf(result.results, indicator, unit), `${indicator} ${unit}`).toMatchObject({ noData: true, numerator: null, value: null });
      }
    }
  });

  it('computes the same indicators when the columns are there but blank', async () => {
    const path = await writeWorkbook(join(dir, 'du-cot.xlsx'), [
      { name: 'TreEm', rows: [CHILD_HEADERS, childRow({ 'Mã trẻ em': 'B1', 'Số định danh cá nhân': null })] },
      {
        name: 'SuViec',
        rows: [EVENT_HEADERS, eventRow({ 'Mã trẻ em': 'B1', 'Loại sự việc': 'Xâm hại', 'Hình thức xâm hại': 'Bạo lực', 'Môi trường xâm hại': 'Gia đình', 'Nguyên nhân TNTT': null, 'Hậu quả': null })],
      },
    ]);
    const imported = await importFiles([path]);
    const { result } = computeIndicators({ units: loadAdminUnits(), dataset: imported.dataset, period, catalogue, level: 'district' });
    // 0 of 1 children in special circumstances; 0 of the 1 abused child supported.
    expect(totalOf(result.results, 'TE-0301', '21289')).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
    expect(totalOf(result.results, 'XH-0103', '21289')).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
    expect(totalOf(result.results, 'XH-0103', '21289')?.noData).toBeUndefined();
  });
});
