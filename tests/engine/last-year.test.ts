/**
 * Honest comparisons: an indicator whose last year today's records cannot give (TE-0302: the
 * support date keeps only the latest support) has no baseline from `--baseline records`, so
 * its targets that need one are insufficient_data and the report says "không có số liệu cùng
 * kỳ"; last year's result file still gives one.
 *
 * Records: child S1 in special circumstances (HCDB04) since 2020, supported in March 2024 and
 * again in March 2025; the record keeps only 2025-03-01. H1 2025: 1/1 supported = 100%.
 * Rebuilt H1 2024 from the same record: 0/1 = 0% (the 2024 support is gone), which would read
 * "tăng 100 điểm phần trăm": the engine must not give that figure.
 */
import { describe, expect, it } from 'vitest';
import { computeIndicators, loadCatalogue, parsePeriod } from '../../src/engine/index.js';
import { lastYearNotes } from '../../src/indicators/index.js';
import type { TargetPlan } from '../../src/indicators/schema.js';
import type { ComputeResult } from '../../src/model/results.js';
import { buildReportModel } from '../../src/report/model.js';
import { resolveSettings } from '../../src/report/settings.js';
import { child, dataset, figure } from './fixtures.js';
import { loadAdminUnits } from '../../src/units/index.js';

const catalogue = loadCatalogue();
const H1 = parsePeriod('2025-H1');
const data = dataset({ children: [child('S1', { specialGroups: ['HCDB04'], specialSince: '2020-01-01', supportDate: '2025-03-01' })] });

// A reduction target on TE-0302 needs last year's count.
const plan: TargetPlan = {
  plan: 'Kế hoạch thử',
  file: 'test.yaml',
  targets: [{ plan: 'Kế hoạch thử', file: 'test.yaml', label: 'Không giảm số trẻ em được trợ giúp', indicator: 'TE-0302', rule: 'reduction', percent: 0, overrides: [] }],
};

describe('TE-0302 against last year', () => {
  it('says in the catalogue that its last year cannot be rebuilt from the records', () => {
    const definition = catalogue.get('TE-0302')!;
    expect(definition.lastYearFromRecords).toBe(false);
    expect(definition.lastYearNote).toContain('chỉ lưu lần trợ giúp gần nhất');
    expect(catalogue.get('TE-0301')!.lastYearFromRecords).toBe(true);
  });

  it('has no baseline from --baseline records, and its targets are insufficient_data', () => {
    const output = computeIndicators({ units: loadAdminUnits(), dataset: data, period: H1, catalogue, targets: [plan], baseline: 'records' });
    expect(figure(output.result.results, 'TE-0302', '21289').value).toBe(100);
    expect(output.baselineResult!.results.some((row) => row.indicator === 'TE-0302')).toBe(false);
    // Other indicators keep theirs: S1 was in P(R) last year too.
    expect(figure(output.baselineResult!.results, 'TE-0301', '21289').numerator).toBe(1);
    const status = output.result.targets.find((target) => target.unit === '21289')!;
    expect(status).toMatchObject({ status: 'insufficient_data', current: 1, baseline: null });
  });

  it("is compared when last year's result file is given", () => {
    const lastYear: ComputeResult = {
      period: { id: '2024-H1', from: '2024-01-01', to: '2024-06-30' },
      results: [{ indicator: 'TE-0302', unit: '21289', level: 'commune', breakdown: {}, numerator: 1, denominator: 1, value: 100 }],
      targets: [],
    };
    const output = computeIndicators({ units: loadAdminUnits(), dataset: data, period: H1, catalogue, targets: [plan], baseline: lastYear });
    // 1 now, 1 last year, reduction by 0%: 100·1 ≤ 100·1 → met.
    expect(output.result.targets.find((target) => target.unit === '21289')).toMatchObject({ status: 'met', current: 1, baseline: 1 });
  });

  it('reads "không có số liệu cùng kỳ" in the report, never a change in points', () => {
    const output = computeIndicators({ units: loadAdminUnits(), dataset: data, period: H1, catalogue, baseline: 'records', level: 'commune' });
    const unit = { code: '21289', fullName: 'Thị trấn Di Lăng', level: 'commune' as const };
    const model = buildReportModel(
      { result: output.result, baseline: output.baselineResult!, unit, subUnits: [], toolVersion: 't', origin: 'compute', lastYearNotes: lastYearNotes(catalogue) },
      resolveSettings(undefined, unit, H1.to),
      {},
    );
    const support = model.context.text.support.find((line) => line.startsWith('Tỷ lệ trẻ em có hoàn cảnh đặc biệt được trợ giúp'))!;
    expect(support).toContain('đạt 100,0% (1/1 em), không có số liệu cùng kỳ năm 2024 (dữ liệu chỉ lưu lần trợ giúp gần nhất của mỗi trẻ em)');
    expect(support).not.toContain('điểm phần trăm');
    const comparison = model.context.text.comparison.find((line) => line.includes('được trợ giúp'))!;
    expect(comparison).toContain('không có số liệu cùng kỳ năm 2024');
    const bieu05 = model.tables.find((table) => table.id === 'bieu-05')!;
    const row = bieu05.parts[0]!.rows.find((r) => r.label.startsWith('Tỷ lệ trẻ em có hoàn cảnh đặc biệt được trợ giúp'))!;
    expect([row.cells.truoc!.value, row.cells.tang!.value]).toEqual([null, null]);
    expect(bieu05.notes.some((note) => note.startsWith('Tỷ lệ trẻ em có hoàn cảnh đặc biệt được trợ giúp: không có số liệu cùng kỳ năm 2024'))).toBe(true);
  });
});
