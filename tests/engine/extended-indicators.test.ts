/**
 * The extended (modelled) set and "no data": figures worked out by hand.
 *
 * Period 2025-H1 (W = 2025-01-01..2025-06-30, R = 2025-06-30); communes 21289 and 21292 of
 * district 529 (Sơn Hà).
 *
 * 21289, births and deaths:
 *   B1 NAM born 2025-02-10, B2 NAM born 2025-03-01, B3 NU born 2025-04-01 died 2025-05-01 (age 0),
 *   B4 NU born 2024-12-31 (before W), D1 NAM born 2022-01-01 died 2025-02-01 (age 3),
 *   D2 NU born 2015-01-01 died 2025-03-01 (age 10), D3 NAM born 2024-06-01 died 2024-12-01 (before W).
 *   Births in W: B1, B2 (boys), B3 (girl). Deaths in W: B3 (0), D1 (3), D2 (10).
 * 21292, school (age at R, months at R):
 *   S1 NU 2023-01-15 (2 y, 29 m) NHA_TRE        S2 NAM 2025-04-01 (2 m) CHUA_DI_HOC
 *   S3 NAM 2022-06-30 (3 y, 36 m) MAU_GIAO      S4 NU 2021-01-01 (4 y) blank
 *   S5 NAM 2020-01-01 (5 y) MAU_GIAO            S6 NU 2012-01-01 (13 y) BO_HOC
 *   S7 NAM 2017-01-01 (8 y) TIEU_HOC
 * ThongTinXa 2025-H1: 21289 Dân số 3000, 10 thôn (4 with facilities), playground, child-friendly,
 *   1 child consulted; 21292 Dân số 2000, 5 thôn (5), no playground, not child-friendly, 2 consulted.
 */
import { describe, expect, it } from 'vitest';
import { computeIndicators, loadCatalogue, parsePeriod } from '../../src/engine/index.js';
import type { Dataset } from '../../src/model/record-columns.js';
import { child, dataset, event, facts, figure, ndv } from './fixtures.js';
import { loadAdminUnits } from '../../src/units/index.js';

const catalogue = loadCatalogue();
const H1 = parsePeriod('2025-H1');

const births = [
  child('B1', { sex: 'NAM', dateOfBirth: '2025-02-10' }),
  child('B2', { sex: 'NAM', dateOfBirth: '2025-03-01' }),
  child('B3', { sex: 'NU', dateOfBirth: '2025-04-01', status: 'DEAD', statusDate: '2025-05-01' }),
  child('B4', { sex: 'NU', dateOfBirth: '2024-12-31' }),
  child('D1', { sex: 'NAM', dateOfBirth: '2022-01-01', status: 'DEAD', statusDate: '2025-02-01' }),
  child('D2', { sex: 'NU', dateOfBirth: '2015-01-01', status: 'DEAD', statusDate: '2025-03-01' }),
  child('D3', { sex: 'NAM', dateOfBirth: '2024-06-01', status: 'DEAD', statusDate: '2024-12-01' }),
];
const school = [
  child('S1', { sex: 'NU', dateOfBirth: '2023-01-15', schoolStatus: 'NHA_TRE' }),
  child('S2', { sex: 'NAM', dateOfBirth: '2025-04-01', schoolStatus: 'CHUA_DI_HOC' }),
  child('S3', { sex: 'NAM', dateOfBirth: '2022-06-30', schoolStatus: 'MAU_GIAO' }),
  child('S4', { sex: 'NU', dateOfBirth: '2021-01-01' }),
  child('S5', { sex: 'NAM', dateOfBirth: '2020-01-01', schoolStatus: 'MAU_GIAO' }),
  child('S6', { sex: 'NU', dateOfBirth: '2012-01-01', schoolStatus: 'BO_HOC' }),
  child('S7', { sex: 'NAM', dateOfBirth: '2017-01-01', schoolStatus: 'TIEU_HOC' }),
].map((record) => ({ ...record, communeCode: '21292' }));
const communeFacts = [
  facts('21289', '2025-H1', { population: 3000, villages: 10, villagesWithFacilities: 4, hasPlayground: true, childFriendly: true, childrenConsulted: 1 }),
  facts('21292', '2025-H1', { population: 2000, villages: 5, villagesWithFacilities: 5, hasPlayground: false, childFriendly: false, childrenConsulted: 2 }),
  facts('21289', '2024-H2', { population: 9999 }),
];

function run(data: Dataset) {
  return computeIndicators({ units: loadAdminUnits(), dataset: data, period: H1, catalogue });
}

describe('extended indicators', () => {
  const output = run(dataset({ children: [...births, ...school], communeFacts }));
  const at = (indicator: string, unit: string, breakdown = {}) => ndv(figure(output.result.results, indicator, unit, breakdown));

  it('are flagged as modelled in the catalogue', () => {
    for (const code of ['TE-0102', 'TE-0103', 'TE-0201', 'TE-0202', 'TE-0401', 'TE-0402', 'TE-0403', 'TE-0310', 'TE-0501', 'TE-0502', 'TE-0601']) {
      expect(catalogue.get(code)?.modelled, code).toBe(true);
    }
    for (const code of ['TE-0101', 'TE-0104', 'TE-0301', 'TE-0306', 'XH-0101', 'XH-0202']) expect(catalogue.get(code)?.modelled, code).toBe(false);
  });
  it('TE-0102 boys born per 100 girls born', () => {
    // Births in W: B1, B2 boys, B3 girl (B4 born before W) → 2/1 × 100.
    expect(at('TE-0102', '21289')).toEqual([2, 1, 200]);
    // 21292 has one birth in W (S2, a boy) and no girl: 1/0 → null.
    expect(at('TE-0102', '21292')).toEqual([1, 0, null]);
    expect(at('TE-0102', '529')).toEqual([3, 1, 300]);
  });
  it('TE-0103 births per 1,000 population of ThongTinXa', () => {
    // 21289: 3 / 3000 × 1000 = 1; 21292: S2 → 1 / 2000 × 1000 = 0.5; 529: 4 / 5000 × 1000 = 0.8.
    expect(at('TE-0103', '21289')).toEqual([3, 3000, 1]);
    expect(at('TE-0103', '21292')).toEqual([1, 2000, 0.5]);
    expect(at('TE-0103', '529')).toEqual([4, 5000, 0.8]);
  });
  it('TE-0201 and TE-0202 deaths under 1 and under 5 per 1,000 births', () => {
    // Under 1 at death: B3 → 1/3 × 1000; under 5: B3, D1 → 2/3 × 1000; D2 (10) and D3 (before W) not.
    expect(at('TE-0201', '21289')).toEqual([1, 3, (1 / 3) * 1000]);
    expect(at('TE-0201', '21289', { sex: 'NU' })).toEqual([1, 1, 1000]);
    expect(at('TE-0201', '21289', { sex: 'NAM' })).toEqual([0, 2, 0]);
    expect(at('TE-0202', '21289')).toEqual([2, 3, (2 / 3) * 1000]);
  });
  it('TE-0401 crèche 3–36 months, TE-0402 kindergarten 3–5 years, TE-0403 dropouts', () => {
    // 21292, 3–36 months: S1 (29), S3 (36; S2 is 2 months) → NHA_TRE S1 → 1/2.
    expect(at('TE-0401', '21292')).toEqual([1, 2, 50]);
    // 21289, 3–36 months: B1 (4), B2 (3), B4 (6: born 31 Dec, June has no 31st so its last day completes the month) → 0/3; 529: 1/5.
    expect(at('TE-0401', '21289')).toEqual([0, 3, 0]);
    expect(at('TE-0401', '529')).toEqual([1, 5, 20]);
    // 3–5 years: S3, S4 (blank = not MAU_GIAO), S5 → 2/3.
    expect(at('TE-0402', '21292')).toEqual([2, 3, (2 / 3) * 100]);
    expect(at('TE-0402', '21292', { sex: 'NAM' })).toEqual([2, 2, 100]);
    expect(at('TE-0403', '21292')).toEqual([1, null, 1]);
  });
  it('TE-0310 and TE-0502 count communes; TE-0501 sums villages', () => {
    expect(at('TE-0310', '21289')).toEqual([1, 1, 100]);
    expect(at('TE-0310', '21292')).toEqual([0, 1, 0]);
    expect(at('TE-0310', '529')).toEqual([1, 2, 50]);
    expect(at('TE-0502', '529')).toEqual([1, 2, 50]);
    // 529: (4 + 5) / (10 + 5) = 60, not the average of 40 and 100.
    expect(at('TE-0501', '21289')).toEqual([4, 10, 40]);
    expect(at('TE-0501', '529')).toEqual([9, 15, 60]);
  });
  it('TE-0601 children consulted ÷ P(R) aged 7–15', () => {
    // 21292: 2 / (S6, S7) → 100; 21289: 1 / nobody aged 7–15 (D2 died) → null; 529: 3/2 → 150.
    expect(at('TE-0601', '21292')).toEqual([2, 2, 100]);
    expect(at('TE-0601', '21289')).toEqual([1, 0, null]);
    expect(at('TE-0601', '529')).toEqual([3, 2, 150]);
  });
  it('uses the commune facts of the period only (the 2024-H2 row of 21289 is left aside)', () => {
    expect(output.warnings).toEqual([]);
    expect(figure(output.result.results, 'TE-0103', '21289').denominator).toBe(3000);
  });
});

describe('no data is never 0', () => {
  it('a TreEm column absent from a commune\'s file: noData there and above, with null numbers', () => {
    const withoutColumn = [child('N1', { communeCode: '21292', birthRegistered: null, dateOfBirth: '2022-01-01' })];
    const output = run(dataset({ children: [child('Y1', { dateOfBirth: '2022-01-01' }), ...withoutColumn] }));
    const results = output.result.results;
    expect(figure(results, 'TE-0104', '21289')).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
    expect(figure(results, 'TE-0104', '21292')).toEqual({
      indicator: 'TE-0104',
      unit: '21292',
      level: 'commune',
      breakdown: {},
      numerator: null,
      denominator: null,
      value: null,
      noData: true,
    });
    expect(figure(results, 'TE-0104', '529').noData).toBe(true);
    expect(figure(results, 'TE-0104', '529', { sex: 'NU' }).noData).toBe(true);
    // Other indicators of the same commune are unaffected.
    expect(figure(results, 'TE-0105', '21292')).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
  });
  it('no TreEm at all: children figures are noData, event counts are not', () => {
    const output = run(dataset({ events: [event('V1', 'X', { eventDate: '2025-02-01' })] }));
    const results = output.result.results;
    expect(figure(results, 'TE-0101', '21289').noData).toBe(true);
    expect(figure(results, 'TE-0304', '21289').noData).toBe(true);
    expect(figure(results, 'XH-0102', '21289')).toMatchObject({ numerator: 0, value: 0 });
  });
  it('no ThongTinXa: commune-fact indicators are noData', () => {
    const output = run(dataset({ children: births }));
    for (const code of ['TE-0103', 'TE-0310', 'TE-0501', 'TE-0502', 'TE-0601']) {
      expect(figure(output.result.results, code, '21289').noData, code).toBe(true);
    }
  });
  it('Tình trạng đi học absent: TE-0401..0403 are noData', () => {
    const output = run(dataset({ children: [child('Z1', { dateOfBirth: '2021-01-01', schoolStatus: null })] }));
    for (const code of ['TE-0401', 'TE-0402', 'TE-0403']) expect(figure(output.result.results, code, '21289').noData, code).toBe(true);
  });
  it('facts and records covering different communes: a mixed ratio is noData where facts are missing', () => {
    // Children in both communes, ThongTinXa for 21289 only.
    const output = run(dataset({ children: [...births, ...school], communeFacts: [communeFacts[0]!] }));
    const results = output.result.results;
    expect(ndv(figure(results, 'TE-0103', '21289'))).toEqual([3, 3000, 1]);
    expect(figure(results, 'TE-0103', '21292').noData).toBe(true);
    expect(figure(results, 'TE-0103', '529').noData).toBe(true);
    // A ratio of two facts covers the communes that reported: 529 = 21289's 4/10.
    expect(ndv(figure(results, 'TE-0501', '529'))).toEqual([4, 10, 40]);
    expect(figure(results, 'TE-0501', '21292').noData).toBe(true);
  });
  it('a summed fact missing from one row: noData for that commune and above', () => {
    const partial = [communeFacts[0]!, facts('21292', '2025-H1', { villages: 5 })];
    const results = run(dataset({ children: births, communeFacts: partial })).result.results;
    expect(figure(results, 'TE-0501', '21292').noData).toBe(true);
    expect(figure(results, 'TE-0501', '529').noData).toBe(true);
    expect(ndv(figure(results, 'TE-0501', '21289'))).toEqual([4, 10, 40]);
  });
});
