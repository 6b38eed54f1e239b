/**
 * Roll-up: commune → district → province, each level recomputed from the records below it.
 *
 * 2025-H1 (R = 2025-06-30). Province 51: district 529 (communes 21289, 21292) and district 534
 * (commune 21439). P(R): 21289 = 4 children (R1..R4), 21292 = 1 (R5), 21439 = 5 (R6..R10).
 * Abuse case V1 has rows for R1 in 21289 and R5 in 21292 (one case, two communes);
 * R1 is also abused in 21439 (case V2) and injured in 21292 (case V3).
 *
 *   XH-0101 children: 21289 {R1} 1/4, 21292 {R5} 1/1, 21439 {R1} 1/5
 *           529 {R1, R5} 2/5, 534 {R1} 1/5, 51 {R1, R5} 2/10 (R1 once, not three times)
 *   XH-0102 cases:    21289 {V1}, 21292 {V1}, 21439 {V2}; 529 {V1} = 1; 51 {V1, V2} = 2
 *   The average of the commune rates (25000, 100000, 20000) would be 48333; the province is
 *   2/10 × 100000 = 20000.
 */
import { describe, expect, it } from 'vitest';
import { computeIndicators, loadCatalogue, parsePeriod } from '../../src/engine/index.js';
import { child, dataset, event, figure, ndv } from './fixtures.js';
import { loadAdminUnits } from '../../src/units/index.js';

const children = [
  ...['R1', 'R2', 'R3', 'R4'].map((id) => child(id)),
  child('R5', { communeCode: '21292' }),
  ...['R6', 'R7', 'R8', 'R9', 'R10'].map((id) => child(id, { communeCode: '21439', sex: 'NU' })),
];
const abuse = { eventType: 'XAM_HAI' } as const;
const events = [
  event('V1', 'R1', { ...abuse, abuseForms: ['BAO_LUC'], eventDate: '2025-02-01' }),
  event('V1', 'R5', { ...abuse, abuseForms: ['BAO_LUC'], communeCode: '21292', eventDate: '2025-02-01' }),
  event('V2', 'R1', { ...abuse, abuseForms: ['BOC_LOT'], communeCode: '21439', eventDate: '2025-04-01' }),
  event('V3', 'R1', { communeCode: '21292', eventDate: '2025-05-01', injuryCause: 'NGA' }),
];

describe('roll-up', () => {
  const results = computeIndicators({ units: loadAdminUnits(), dataset: dataset({ children, events }), period: parsePeriod('2025-H1'), catalogue: loadCatalogue() }).result.results;
  const at = (indicator: string, unit: string, breakdown = {}) => ndv(figure(results, indicator, unit, breakdown));

  it('counts distinct children once per unit at every level', () => {
    expect(at('XH-0101', '21289')).toEqual([1, 4, 25_000]);
    expect(at('XH-0101', '21292')).toEqual([1, 1, 100_000]);
    expect(at('XH-0101', '21439')).toEqual([1, 5, 20_000]);
    expect(at('XH-0101', '529')).toEqual([2, 5, 40_000]);
    expect(at('XH-0101', '534')).toEqual([1, 5, 20_000]);
    expect(at('XH-0101', '51')).toEqual([2, 10, 20_000]);
  });
  it('counts a case with rows in two communes once above them', () => {
    expect(at('XH-0102', '21289')).toEqual([1, null, 1]);
    expect(at('XH-0102', '21292')).toEqual([1, null, 1]);
    expect(at('XH-0102', '529')).toEqual([1, null, 1]);
    expect(at('XH-0102', '51')).toEqual([2, null, 2]);
  });
  it('counts a child once in each breakdown value it has, and once in the total', () => {
    // R1: BAO_LUC (V1) and BOC_LOT (V2); R5: BAO_LUC. Province: BAO_LUC 2, BOC_LOT 1, total 2.
    expect(at('XH-0101', '51', { form: 'BAO_LUC' })).toEqual([2, 10, 20_000]);
    expect(at('XH-0101', '51', { form: 'BOC_LOT' })).toEqual([1, 10, 10_000]);
  });
  it('recomputes ratios from the unit\'s own numerator and denominator', () => {
    // Sex: all abused children are boys; P(R) boys in 51 = R1..R5 → 2/5.
    expect(at('XH-0101', '51', { sex: 'NAM' })).toEqual([2, 5, 40_000]);
    expect(at('XH-0101', '51', { sex: 'NU' })).toEqual([0, 5, 0]);
    // TE-0304: R1 injured in 21292 → 21292 1/1, 529 1/5, 51 1/10.
    expect(at('TE-0304', '21292')).toEqual([1, 1, 100_000]);
    expect(at('TE-0304', '529')).toEqual([1, 5, 20_000]);
    expect(at('TE-0304', '51')).toEqual([1, 10, 10_000]);
  });
});
