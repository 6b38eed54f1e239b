/**
 * The national level (VN, "Toàn quốc") on top of the hierarchy of the period's end, recomputed
 * from the records like every other level.
 *
 * 2026-H1 (R = 2026-06-30), codes of the list from 1 July 2025. Two provinces:
 *   Hà Nội (01): commune 00004 N1 (boy), N2 (girl); commune 00008 N3 (boy).
 *   Quảng Ngãi (51): commune 21025 N4 (boy), N5 (girl), N6 (girl).
 * N1 is abused twice: case V1 in 00004 and case V2 in 21025 (one child, two provinces).
 * N4 is injured in 21025 (case V3).
 *
 *   TE-0101: 01 = 3, 51 = 3, VN = 3 + 3 = 6 (boys N1 N3 N4 = 3, girls N2 N5 N6 = 3)
 *   XH-0101 per 100,000 children: 01 {N1} 1/3 × 100000 = 33333.3; 51 {N1} 1/3; VN {N1} 1/6 ×
 *           100000 = 16666.7 (N1 once, not 2/6: the ratio is recomputed, not summed)
 *   XH-0102 cases: 01 {V1} 1, 51 {V2} 1, VN {V1, V2} 2
 *   TE-0304 injured per 100,000: 51 {N4} 1/3, VN {N4} 1/6
 */
import { describe, expect, it } from 'vitest';
import { computeIndicators, loadCatalogue, parsePeriod } from '../../src/engine/index.js';
import { UserError } from '../../src/messages/index.js';
import { loadAdminUnits } from '../../src/units/index.js';
import { child, dataset, event, figure, ndv } from './fixtures.js';

const units = loadAdminUnits();
const catalogue = loadCatalogue();
const abuse = { eventType: 'XAM_HAI', abuseForms: ['BAO_LUC'] };
const records = dataset({
  children: [
    child('N1', { provinceCode: '01', communeCode: '00004' }),
    child('N2', { provinceCode: '01', communeCode: '00004', sex: 'NU' }),
    child('N3', { provinceCode: '01', communeCode: '00008' }),
    child('N4', { communeCode: '21025' }),
    child('N5', { communeCode: '21025', sex: 'NU' }),
    child('N6', { communeCode: '21025', sex: 'NU' }),
  ],
  events: [
    event('V1', 'N1', { ...abuse, communeCode: '00004', eventDate: '2026-02-01' }),
    event('V2', 'N1', { ...abuse, communeCode: '21025', eventDate: '2026-03-01' }),
    event('V3', 'N4', { communeCode: '21025', eventDate: '2026-04-01', injuryCause: 'NGA' }),
  ],
});

describe('national level', () => {
  const { result } = computeIndicators({ units, dataset: records, period: parsePeriod('2026-H1'), catalogue, level: 'national' });
  const at = (indicator: string, unit: string, breakdown = {}) => ndv(figure(result.results, indicator, unit, breakdown));

  it('reports commune, province and the nation after the reform, and no district', () => {
    expect([...new Set(result.results.map((row) => row.level))]).toEqual(['commune', 'province', 'national']);
    expect([...new Set(result.results.filter((row) => row.level === 'national').map((row) => row.unit))]).toEqual(['VN']);
    expect([...new Set(result.results.filter((row) => row.level === 'province').map((row) => row.unit))]).toEqual(['01', '51']);
  });

  it('adds the provinces\' children up to the nation', () => {
    expect(at('TE-0101', '01')).toEqual([3, null, 3]);
    expect(at('TE-0101', '51')).toEqual([3, null, 3]);
    expect(at('TE-0101', 'VN')).toEqual([6, null, 6]);
    expect(at('TE-0101', 'VN', { sex: 'NAM' })).toEqual([3, null, 3]);
    expect(at('TE-0101', 'VN', { sex: 'NU' })).toEqual([3, null, 3]);
  });

  it('recomputes ratios at the nation from its own counts, a child abused in two provinces once', () => {
    expect(at('XH-0101', '01')[0]).toBe(1);
    expect(at('XH-0101', '51')[0]).toBe(1);
    const [numerator, denominator, value] = at('XH-0101', 'VN');
    expect([numerator, denominator]).toEqual([1, 6]);
    expect(value).toBeCloseTo((1 / 6) * 100_000, 6);
    expect(at('XH-0102', 'VN')).toEqual([2, null, 2]);
    const injured = at('TE-0304', 'VN');
    expect(injured.slice(0, 2)).toEqual([1, 6]);
    expect(injured[2]).toBeCloseTo((1 / 6) * 100_000, 6);
  });

  it('measures the nation\'s coverage against every commune of today\'s list', () => {
    const nation = result.coverage?.find((entry) => entry.level === 'national');
    expect(nation).toMatchObject({ unit: 'VN', communes: 3321, reporting: ['00004', '00008', '21025'] });
    expect(nation?.missing).toHaveLength(3321 - 3);
  });

  it('stops at the province unless the nation is asked for', () => {
    const province = computeIndicators({ units, dataset: records, period: parsePeriod('2026-H1'), catalogue }).result;
    expect(province.results.some((row) => row.level === 'national')).toBe(false);
    expect(province.coverage?.map((entry) => entry.unit)).toEqual(['01', '51']);
  });

  it('refuses the district level after the reform, naming the levels there are', () => {
    let error: unknown;
    try {
      computeIndicators({ units, dataset: records, period: parsePeriod('2026-H1'), catalogue, level: 'district' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).text.vi).toBe(
      'Không có cấp huyện trong danh mục đơn vị hành chính tại ngày cuối kỳ 2026-06-30: dùng --level commune, --level province, --level national.',
    );
  });

  it('puts the nation above the districts before the reform', () => {
    // 2025-H1: 21289 (district 529, province 51) and 00001 (district 001, province 01), one child each.
    const before = dataset({ children: [child('P1'), child('P2', { provinceCode: '01', communeCode: '00001' })] });
    const { result: pre } = computeIndicators({ units, dataset: before, period: parsePeriod('2025-H1'), catalogue, level: 'national' });
    expect([...new Set(pre.results.map((row) => row.level))]).toEqual(['commune', 'district', 'province', 'national']);
    expect(ndv(figure(pre.results, 'TE-0101', '529'))).toEqual([1, null, 1]);
    expect(ndv(figure(pre.results, 'TE-0101', 'VN'))).toEqual([2, null, 2]);
  });
});
