/**
 * The 1 July 2025 reform: codes read at each row's own date, results on the units valid at R,
 * old communes carried through the crosswalk (whole merges exact, splits approximate).
 *
 * Year 2025: W = 2025-01-01..2025-12-31, R = 2025-12-31, units after the reform (commune → province).
 *   Children, in a list of the new codes (K4's 21548 Đặc khu Lý Sơn exists only in the new list,
 *   so the file's vintage is the new one): K1 05587 Bình Yên (19), K2 21289 Xã Sơn Hà (51),
 *   K3 09552 Kiến Hưng (01), K4 21548 Lý Sơn (51).
 *   EV1 K1 05578 2025-03-01: old Thanh Định, merged whole into Bình Yên 05587 → exact
 *   EV2 K3 09552 2025-05-01: old Phú La, split; Kiến Hưng took its code → 09552, approximate
 *   EV3 K2 21301 2025-06-30: old Sơn Bao, merged whole into Xã Sơn Hà 21289
 *   EV4 K2 21289 2025-08-01: new Xã Sơn Hà (same child, after the reform: counted once)
 *   EV5 K1 05578 2025-09-01: 05578 is not in the new list → row error
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { TARGETS_DIR, computeIndicators, explainFigure, loadCatalogue, loadTargets, parsePeriod } from '../../src/engine/index.js';
import { ExitCode, UserError } from '../../src/messages/index.js';
import { child, dataset, event, figure, ndv } from './fixtures.js';
import { loadAdminUnits } from '../../src/units/index.js';

const catalogue = loadCatalogue();
const year = parsePeriod('2025');

const children = [
  child('K1', { provinceCode: '19', communeCode: '05587', sex: 'NU' }),
  child('K2', { provinceCode: '51', communeCode: '21289' }),
  child('K3', { provinceCode: '01', communeCode: '09552' }),
  child('K4', { provinceCode: '51', communeCode: '21548' }),
];
const events = [
  event('EV1', 'K1', { communeCode: '05578', eventDate: '2025-03-01', outcome: 'TU_VONG', injuryCause: 'DUOI_NUOC' }),
  event('EV2', 'K3', { communeCode: '09552', eventDate: '2025-05-01', outcome: 'THUONG_TICH', injuryCause: 'NGA' }),
  event('EV3', 'K2', { communeCode: '21301', eventDate: '2025-06-30', outcome: 'THUONG_TICH', injuryCause: 'NGA' }),
  event('EV4', 'K2', { communeCode: '21289', eventDate: '2025-08-01', outcome: 'THUONG_TICH', injuryCause: 'BONG' }),
  event('EV5', 'K1', { communeCode: '05578', eventDate: '2025-09-01', outcome: 'THUONG_TICH', injuryCause: 'NGA' }),
];

describe('a year spanning 1 July 2025, reported on the new units', () => {
  const output = computeIndicators({ units: loadAdminUnits(), dataset: dataset({ children, events }), period: year, catalogue });
  const results = output.result.results;

  it('reports communes and provinces, no districts', () => {
    expect(new Set(results.map((row) => row.level))).toEqual(new Set(['commune', 'province']));
    const units = [...new Set(results.filter((row) => row.indicator === 'TE-0101').map((row) => row.unit))];
    expect(units).toEqual(['05587', '09552', '21289', '21548', '01', '19', '51']);
  });
  it('carries a whole merge exactly: old Thanh Định 05578 → Bình Yên 05587', () => {
    const row = figure(results, 'TE-0305', '05587');
    expect(ndv(row)).toEqual([1, 1, 100_000]);
    expect(row.approximate).toBeUndefined();
    expect(figure(results, 'TE-0306', '19').numerator).toBe(1);
  });
  it('flags every figure a split commune touches: old Phú La 09552 → Kiến Hưng 09552', () => {
    expect(figure(results, 'TE-0304', '09552')).toMatchObject({ numerator: 1, denominator: 1, approximate: true });
    expect(figure(results, 'TE-0304', '09552', { cause: 'NGA' }).approximate).toBe(true);
    expect(figure(results, 'TE-0304', '01').approximate).toBe(true);
    // Figures the old row does not touch stay exact.
    expect(figure(results, 'TE-0101', '09552').approximate).toBeUndefined();
    expect(figure(results, 'TE-0305', '09552').approximate).toBeUndefined();
  });
  it('counts a child with events before and after the reform once', () => {
    // EV3 (old Sơn Bao 21301 → 21289) and EV4 (new 21289): K2 once; causes NGA and BONG each.
    expect(ndv(figure(results, 'TE-0304', '21289'))).toEqual([1, 1, 100_000]);
    expect(figure(results, 'TE-0304', '21289', { cause: 'NGA' }).numerator).toBe(1);
    expect(figure(results, 'TE-0304', '21289', { cause: 'BONG' }).numerator).toBe(1);
  });
  it('rejects a row whose code is unknown at its own date, without throwing', () => {
    expect(output.rejected).toHaveLength(1);
    const [rejected] = output.rejected;
    expect(rejected!.recordKind).toBe('events');
    expect(rejected!.source).toEqual(events[4]!.source);
    expect(rejected!.issues[0]).toMatchObject({ kind: 'unknown_unit', column: 'Mã xã', value: '05578' });
    expect(rejected!.issues[0]!.message.vi).toContain('01/09/2025');
    expect(rejected!.values['Mã vụ việc']).toBe('EV5');
    // The rejected event is not counted: K1 has EV1 only (1 child, cause DUOI_NUOC, no NGA row).
    expect(figure(results, 'TE-0304', '05587').numerator).toBe(1);
    expect(results.some((row) => row.indicator === 'TE-0304' && row.unit === '05587' && row.breakdown.cause === 'NGA')).toBe(false);
  });
});

describe('a baseline from the records across the reform', () => {
  it('places last year\'s events (old codes) on this year\'s units', () => {
    const plan = loadTargets(join(TARGETS_DIR, 'ke-hoach-003-phu-la-2025.yaml'), catalogue);
    // 2024: two drownings in old Thanh Định 05578; 2025: one in Bình Yên 05587 (EV1, old code, March).
    const lastYear = [
      event('B1', 'Z1', { communeCode: '05578', eventDate: '2024-04-01', outcome: 'TU_VONG', injuryCause: 'DUOI_NUOC', sex: 'NAM', dateOfBirth: '2014-01-01' }),
      event('B2', 'Z2', { communeCode: '05578', eventDate: '2024-09-01', outcome: 'TU_VONG', injuryCause: 'DUOI_NUOC', sex: 'NAM', dateOfBirth: '2014-01-01' }),
    ];
    const output = computeIndicators({ units: loadAdminUnits(), dataset: dataset({ children, events: [...events, ...lastYear] }), period: year, catalogue, targets: [plan], baseline: 'records' });
    expect(output.baselineResult?.period.id).toBe('2024');
    expect(ndv(figure(output.baselineResult!.results, 'TE-0306', '05587'))).toEqual([2, 1, 200_000]);
    // 1 ≤ 0.9 × 2 = 1.8: met.
    const drowning = output.result.targets.find((target) => target.indicator === 'TE-0306' && target.unit === '05587');
    expect(drowning).toMatchObject({ status: 'met', current: 1, baseline: 2 });
  });
});

describe('children codes and --codes-as-of', () => {
  const oldCodes = [child('P1', { provinceCode: '19', communeCode: '05578' })];

  it('an old code in a file of old codes is carried over without --codes-as-of', () => {
    const output = computeIndicators({ units: loadAdminUnits(), dataset: dataset({ children: oldCodes }), period: year, catalogue });
    expect(output.rejected).toEqual([]);
    expect(ndv(figure(output.result.results, 'TE-0101', '05587'))).toEqual([1, null, 1]);
  });
  it('--codes-as-of after the reform reads an old code in the new list: a row error', () => {
    const output = computeIndicators({ units: loadAdminUnits(), dataset: dataset({ children: oldCodes }), period: year, catalogue, codesAsOf: '2025-12-31' });
    expect(output.rejected.map((row) => row.issues[0]!.kind)).toEqual(['unknown_unit']);
    expect(output.rejected[0]!.issues[0]!.message.en).toContain('--codes-as-of');
  });
  it('--codes-as-of before the reform reads it in the old list and carries it over', () => {
    const output = computeIndicators({ units: loadAdminUnits(), dataset: dataset({ children: oldCodes }), period: year, catalogue, codesAsOf: '2025-06-30' });
    expect(output.rejected).toEqual([]);
    expect(ndv(figure(output.result.results, 'TE-0101', '05587'))).toEqual([1, null, 1]);
  });
  it('new codes cannot be put on the old units of a period before the reform', () => {
    expect(() => computeIndicators({ units: loadAdminUnits(), dataset: dataset({ children }), period: parsePeriod('2025-H1'), catalogue, codesAsOf: '2025-07-01' })).toThrow(UserError);
  });
});

describe('a period before the reform', () => {
  it('ignores an event after R that only the new list knows (outside W), rejects an unknown code', () => {
    const output = computeIndicators({
      units: loadAdminUnits(),
      dataset: dataset({
        children: [child('Q1')],
        events: [
          event('LS1', 'Q1', { communeCode: '21548', eventDate: '2025-08-01' }), // Đặc khu Lý Sơn, new
          event('BAD', 'Q1', { communeCode: '99999', eventDate: '2025-08-01' }),
        ],
      }),
      period: parsePeriod('2025-H1'),
      catalogue,
    });
    expect(output.rejected.map((row) => row.values['Mã vụ việc'])).toEqual(['BAD']);
    expect(figure(output.result.results, 'TE-0304', '21289').numerator).toBe(0);
  });
});

describe('--level', () => {
  const data = dataset({ children: [child('L1')] });
  it('district after the reform is a usage error, not an empty table', () => {
    let caught: unknown;
    try {
      computeIndicators({ units: loadAdminUnits(), dataset: data, period: year, catalogue, level: 'district' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).exitCode).toBe(ExitCode.usage);
    expect((caught as UserError).text.vi).toContain('cấp huyện');
  });
  it('limits the levels reported', () => {
    const H1 = parsePeriod('2025-H1');
    const levels = (level: 'commune' | 'district' | 'province') =>
      new Set(computeIndicators({ units: loadAdminUnits(), dataset: data, period: H1, catalogue, level }).result.results.map((row) => row.level));
    expect(levels('commune')).toEqual(new Set(['commune']));
    expect(levels('district')).toEqual(new Set(['commune', 'district']));
    expect(levels('province')).toEqual(new Set(['commune', 'district', 'province']));
  });
  it('explain refuses a district unit after the reform', () => {
    expect(() => explainFigure({ units: loadAdminUnits(), dataset: data, period: year, catalogue, indicator: 'TE-0101', unit: '529' })).toThrow(UserError);
  });
});
