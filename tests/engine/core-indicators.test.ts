/**
 * The v1 core indicators on one small data set, every figure worked out by hand.
 *
 * Period 2025-H1: W = 2025-01-01..2025-06-30, R = 2025-06-30 (units before the reform).
 * Communes 21289 (Thị trấn Di Lăng) and 21292 (Xã Sơn Hạ) of district 529 (Sơn Hà), province 51;
 * commune 05578 (Thanh Định) of district 167 (Định Hóa), province 19.
 *
 * Children (age in completed years at R):
 *   21289  C01 NU  2021-03-10 age 4 (3-5)   registered, insured, HCDB04 active, supported 2025-02-01
 *          C02 NAM 2023-08-20 age 1 (0-2)   not registered, not insured
 *          C03 NAM 2020-07-01 age 4 (3-5)   HCDB01+HCDB04 from 2025-07-15 (not active at R), at risk
 *          C04 NU  2012-05-05 age 13 (11-15) HCDB09+HCDB11 2024-01-01..2025-12-31 (active), supported 2024-12-31 (outside W)
 *          C05 NAM 2009-06-30 age 16        not in P(R) (16 on R itself)
 *          C06 NU  2018-01-01               moved away 2025-03-01: not in P(R)
 *          C07 NAM 2016-02-29 age 9 (6-10)  moves away 2025-08-01 (after R): in P(R); at risk
 *          C08 NU  2025-07-05               born after R: not in P(R)
 *   21292  C09 NAM 2019-11-11 age 5 (3-5)   registered, not insured
 *          C10 NU  2014-04-04 age 11 (11-15) HCDB04 2025-01-10..2025-06-30 (ends on R: not active)
 *   05578  C11 NU  2024-12-01 age 0 (0-2)
 *
 *   P(R): 21289 = {C01, C02, C03, C04, C07} = 5 (NAM 3, NU 2; 0-2: 1, 3-5: 2, 6-10: 1, 11-15: 1)
 *         21292 = {C09, C10} = 2 (NAM 1, NU 1; 3-5: 1, 11-15: 1)
 *         529 = 7, 51 = 7; 05578 = 167 = 19 = 1
 *
 * Events in W (age at the event date):
 *   E1 V01 C02 21289 TNTT NGA        THUONG_TICH 2025-03-10 age 1
 *   E2 V02 C07 21289 TNTT DUOI_NUOC  TU_VONG     2025-05-20 age 9
 *   E3 V03 C07 21292 TNTT GIAO_THONG THUONG_TICH 2025-02-02 age 8  (same child, other commune)
 *   E4 V04 X01 21292 TNTT DUOI_NUOC  TU_VONG     2025-04-04 (not in TreEm: NU, born 2011-01-01, age 14)
 *   E5 V05 X02 21292 TNTT (no cause) THUONG_TICH 2025-06-01 (not in TreEm, no sex, no birth date)
 *   E6 V06 C05 21289 TNTT NGA        THUONG_TICH 2025-01-15 age 15 (not in P(R), still counts)
 *   A1 V10 C04 21289 XAM_HAI BAO_LUC+XAM_HAI_TINH_DUC GIA_DINH  2025-03-03 age 12, intervention, XU_PHAT_HC 5.000.000
 *   A2 V10 C01 21289 XAM_HAI BAO_LUC                  GIA_DINH  2025-03-03 age 3, no intervention, XU_PHAT_HC 7.000.000
 *   A3 V11 C04 21289 XAM_HAI BOC_LOT                  CONG_DONG 2025-05-05 age 13, KHOI_TO
 *   A4 V12 C09 21292 XAM_HAI (no form)                (no setting) 2025-06-15 age 5, intervention, XU_PHAT_HC 2.000.000
 * Outside W: E7 (C04, 2024-12-20) and A6 (C10, 2025-07-02).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { computeIndicators, loadCatalogue, parsePeriod } from '../../src/engine/index.js';
import { ComputeResult, type IndicatorResult } from '../../src/model/results.js';
import { childRecords, eventRecords } from '../../src/model/record-columns.js';
import { child, dataset, event, figure, ndv } from './fixtures.js';
import { loadAdminUnits } from '../../src/units/index.js';

const coreData = dataset({
  children: [
    child('C01', { sex: 'NU', dateOfBirth: '2021-03-10', specialGroups: ['HCDB04'], supportDate: '2025-02-01' }),
    child('C02', { sex: 'NAM', dateOfBirth: '2023-08-20', birthRegistered: false, hasHealthInsurance: false }),
    child('C03', { sex: 'NAM', dateOfBirth: '2020-07-01', specialGroups: ['HCDB01', 'HCDB04'], specialSince: '2025-07-15', riskGroups: ['NC_HO_NGHEO'] }),
    child('C04', {
      sex: 'NU',
      dateOfBirth: '2012-05-05',
      specialGroups: ['HCDB09', 'HCDB11'],
      specialSince: '2024-01-01',
      specialUntil: '2025-12-31',
      supportDate: '2024-12-31',
    }),
    child('C05', { sex: 'NAM', dateOfBirth: '2009-06-30' }),
    child('C06', { sex: 'NU', dateOfBirth: '2018-01-01', status: 'MOVED', statusDate: '2025-03-01' }),
    child('C07', { sex: 'NAM', dateOfBirth: '2016-02-29', status: 'MOVED', statusDate: '2025-08-01', riskGroups: ['NC_DI_CU'] }),
    child('C08', { sex: 'NU', dateOfBirth: '2025-07-05' }),
    child('C09', { sex: 'NAM', dateOfBirth: '2019-11-11', communeCode: '21292', hasHealthInsurance: false }),
    child('C10', { sex: 'NU', dateOfBirth: '2014-04-04', communeCode: '21292', specialGroups: ['HCDB04'], specialSince: '2025-01-10', specialUntil: '2025-06-30' }),
    child('C11', { sex: 'NU', dateOfBirth: '2024-12-01', provinceCode: '19', communeCode: '05578' }),
  ],
  events: [
    event('V01', 'C02', { eventDate: '2025-03-10', injuryCause: 'NGA', outcome: 'THUONG_TICH' }),
    event('V02', 'C07', { eventDate: '2025-05-20', injuryCause: 'DUOI_NUOC', outcome: 'TU_VONG' }),
    event('V03', 'C07', { eventDate: '2025-02-02', communeCode: '21292', injuryCause: 'GIAO_THONG', outcome: 'THUONG_TICH' }),
    event('V04', 'X01', { eventDate: '2025-04-04', communeCode: '21292', sex: 'NU', dateOfBirth: '2011-01-01', injuryCause: 'DUOI_NUOC', outcome: 'TU_VONG' }),
    event('V05', 'X02', { eventDate: '2025-06-01', communeCode: '21292', outcome: 'THUONG_TICH' }),
    event('V06', 'C05', { eventDate: '2025-01-15', injuryCause: 'NGA', outcome: 'THUONG_TICH' }),
    event('V07', 'C04', { eventDate: '2024-12-20', injuryCause: 'NGA', outcome: 'TU_VONG' }),
    event('V10', 'C04', {
      eventType: 'XAM_HAI',
      eventDate: '2025-03-03',
      abuseForms: ['BAO_LUC', 'XAM_HAI_TINH_DUC'],
      abuseSetting: 'GIA_DINH',
      interventions: ['TU_VAN_TAM_LY'],
      handling: 'XU_PHAT_HC',
      fineAmount: 5_000_000,
    }),
    event('V10', 'C01', {
      eventType: 'XAM_HAI',
      eventDate: '2025-03-03',
      abuseForms: ['BAO_LUC'],
      abuseSetting: 'GIA_DINH',
      handling: 'XU_PHAT_HC',
      fineAmount: 7_000_000,
    }),
    event('V11', 'C04', { eventType: 'XAM_HAI', eventDate: '2025-05-05', abuseForms: ['BOC_LOT'], abuseSetting: 'CONG_DONG', handling: 'KHOI_TO' }),
    event('V12', 'C09', {
      eventType: 'XAM_HAI',
      eventDate: '2025-06-15',
      communeCode: '21292',
      interventions: ['KET_NOI_DICH_VU'],
      handling: 'XU_PHAT_HC',
      fineAmount: 2_000_000,
    }),
    event('V13', 'C10', { eventType: 'XAM_HAI', eventDate: '2025-07-02', communeCode: '21292', abuseForms: ['BAO_LUC'] }),
  ],
});

let results: IndicatorResult[];
const at = (indicator: string, unit: string, breakdown: Parameters<typeof figure>[3] = {}) => ndv(figure(results, indicator, unit, breakdown));

beforeAll(() => {
  const output = computeIndicators({ units: loadAdminUnits(), dataset: coreData, period: parsePeriod('2025-H1'), catalogue: loadCatalogue() });
  expect(output.rejected).toEqual([]);
  results = output.result.results;
});

describe('the output shape', () => {
  it('is a valid ComputeResult with rows for every unit that has input rows, at three levels', () => {
    const output = computeIndicators({ units: loadAdminUnits(), dataset: coreData, period: parsePeriod('2025-H1'), catalogue: loadCatalogue() });
    expect(ComputeResult.safeParse(output.result).success).toBe(true);
    expect(output.result.period).toEqual({ id: '2025-H1', from: '2025-01-01', to: '2025-06-30' });
    const units = [...new Set(results.filter((row) => row.indicator === 'TE-0101').map((row) => `${row.level}:${row.unit}`))];
    expect(units).toEqual(['commune:05578', 'commune:21289', 'commune:21292', 'district:167', 'district:529', 'province:19', 'province:51']);
  });
});

describe('TE-0101 Dân số trẻ em', () => {
  it('counts P(R): under 16 at R, born by R, not moved or dead by R', () => {
    // 21289: C01, C02, C03, C04, C07 (C05 is 16, C06 moved before R, C08 born after R).
    expect(at('TE-0101', '21289')).toEqual([5, null, 5]);
    expect(at('TE-0101', '21292')).toEqual([2, null, 2]);
    expect(at('TE-0101', '529')).toEqual([7, null, 7]);
    expect(at('TE-0101', '51')).toEqual([7, null, 7]);
    expect(at('TE-0101', '19')).toEqual([1, null, 1]);
  });
  it('by sex and age group at R', () => {
    // NAM: C02, C03, C07; NU: C01, C04.
    expect(at('TE-0101', '21289', { sex: 'NAM' })).toEqual([3, null, 3]);
    expect(at('TE-0101', '21289', { sex: 'NU' })).toEqual([2, null, 2]);
    // 0-2: C02; 3-5: C01, C03; 6-10: C07 (born 29 Feb 2016, 9 at R); 11-15: C04.
    expect(at('TE-0101', '21289', { ageGroup: '0-2' })).toEqual([1, null, 1]);
    expect(at('TE-0101', '21289', { ageGroup: '3-5' })).toEqual([2, null, 2]);
    expect(at('TE-0101', '21289', { ageGroup: '6-10' })).toEqual([1, null, 1]);
    expect(at('TE-0101', '21289', { ageGroup: '11-15' })).toEqual([1, null, 1]);
    // Sex and age rows exist even when zero: 05578 has no boy and no child aged 3-5.
    expect(at('TE-0101', '05578', { sex: 'NAM' })).toEqual([0, null, 0]);
    expect(at('TE-0101', '05578', { ageGroup: '3-5' })).toEqual([0, null, 0]);
  });
});

describe('TE-0104 khai sinh, TE-0105 BHYT', () => {
  it('TE-0104: under-5s registered ÷ under-5s × 100', () => {
    // 21289 under 5: C01 (4), C02 (1), C03 (4: born 1 July, not yet 5 on 30 June); registered C01, C03 → 2/3.
    expect(at('TE-0104', '21289')).toEqual([2, 3, (2 / 3) * 100]);
    // Boys: C02, C03 → 1/2; girls: C01 → 1/1.
    expect(at('TE-0104', '21289', { sex: 'NAM' })).toEqual([1, 2, 50]);
    expect(at('TE-0104', '21289', { sex: 'NU' })).toEqual([1, 1, 100]);
    // 21292 has no child under 5 (C09 is 5): 0/0 → null, never 0.
    expect(at('TE-0104', '21292')).toEqual([0, 0, null]);
    expect(at('TE-0104', '529')).toEqual([2, 3, (2 / 3) * 100]);
    expect(at('TE-0104', '05578')).toEqual([1, 1, 100]);
  });
  it('TE-0105: under-6s insured ÷ under-6s × 100', () => {
    // 21289 under 6: C01, C02, C03; insured C01, C03 → 2/3. 21292: C09 (5), not insured → 0/1.
    expect(at('TE-0105', '21289')).toEqual([2, 3, (2 / 3) * 100]);
    expect(at('TE-0105', '21292')).toEqual([0, 1, 0]);
    // 529: 2/4 = 50 (recomputed, not the average of 66.7 and 0).
    expect(at('TE-0105', '529')).toEqual([2, 4, 50]);
  });
});

describe('TE-0301..0303 special circumstances', () => {
  it('TE-0301: at least one group active at R ÷ P(R)', () => {
    // Active at R: C01 (no dates), C04 (until 2025-12-31 > R). Not: C03 (from 2025-07-15), C10 (until = R).
    expect(at('TE-0301', '21289')).toEqual([2, 5, 40]);
    expect(at('TE-0301', '21292')).toEqual([0, 2, 0]);
    expect(at('TE-0301', '529')).toEqual([2, 7, (2 / 7) * 100]);
  });
  it('TE-0301 by group: a child counts in each of its groups; the denominator stays the total', () => {
    expect(at('TE-0301', '21289', { group: 'HCDB04' })).toEqual([1, 5, 20]);
    expect(at('TE-0301', '21289', { group: 'HCDB09' })).toEqual([1, 5, 20]);
    expect(at('TE-0301', '21289', { group: 'HCDB11' })).toEqual([1, 5, 20]);
    // HCDB01 is C03's, not active: no row (group rows only when they occur).
    expect(results.some((row) => row.indicator === 'TE-0301' && row.breakdown.group === 'HCDB01')).toBe(false);
    const groups = results.filter((row) => row.indicator === 'TE-0301' && row.unit === '21289' && Object.keys(row.breakdown).join() === 'group');
    expect(groups.map((row) => row.breakdown.group)).toEqual(['HCDB04', 'HCDB09', 'HCDB11']);
  });
  it('TE-0301 by sex and age group restricts the denominator (girls ÷ girls)', () => {
    expect(at('TE-0301', '21289', { sex: 'NU' })).toEqual([2, 2, 100]);
    expect(at('TE-0301', '21289', { sex: 'NAM' })).toEqual([0, 3, 0]);
    expect(at('TE-0301', '21289', { ageGroup: '3-5' })).toEqual([1, 2, 50]);
    expect(at('TE-0301', '21289', { ageGroup: '11-15' })).toEqual([1, 1, 100]);
    expect(at('TE-0301', '21289', { ageGroup: '0-2' })).toEqual([0, 1, 0]);
    // group × sex: the denominator is restricted by sex only.
    expect(at('TE-0301', '21289', { group: 'HCDB04', sex: 'NU' })).toEqual([1, 2, 50]);
    expect(at('TE-0301', '21289', { group: 'HCDB04', sex: 'NAM' })).toEqual([0, 3, 0]);
  });
  it('TE-0302: TE-0301 children supported inside W', () => {
    // C01 supported 2025-02-01 (in W); C04 on 2024-12-31 (before W) → 1/2.
    expect(at('TE-0302', '21289')).toEqual([1, 2, 50]);
    expect(at('TE-0302', '21289', { sex: 'NU' })).toEqual([1, 2, 50]);
    expect(at('TE-0302', '21289', { sex: 'NAM' })).toEqual([0, 0, null]);
    expect(at('TE-0302', '21292')).toEqual([0, 0, null]);
  });
  it('TE-0303: at risk and not in TE-0301', () => {
    // C03 (risk, groups not active yet) and C07 (risk) → 2/5; both boys → 2/3.
    expect(at('TE-0303', '21289')).toEqual([2, 5, 40]);
    expect(at('TE-0303', '21289', { sex: 'NAM' })).toEqual([2, 3, (2 / 3) * 100]);
    expect(at('TE-0303', '21289', { sex: 'NU' })).toEqual([0, 2, 0]);
  });
});

describe('TE-0304..0306 injuries', () => {
  it('TE-0304: distinct children with an injury in W, per 100,000 P(R)', () => {
    // 21289: C02 (E1), C07 (E2), C05 (E6: 15 on the event date) → 3/5.
    expect(at('TE-0304', '21289')).toEqual([3, 5, 60_000]);
    // 21292: C07 (E3), X01, X02 → 3/2.
    expect(at('TE-0304', '21292')).toEqual([3, 2, 150_000]);
    // 529: C02, C05, C07 (once, though in both communes), X01, X02 → 5/7; not (60000+150000)/2.
    expect(at('TE-0304', '529')).toEqual([5, 7, (5 / 7) * 100_000]);
  });
  it('TE-0304 by cause keeps the total denominator', () => {
    expect(at('TE-0304', '21289', { cause: 'NGA' })).toEqual([2, 5, 40_000]);
    expect(at('TE-0304', '21289', { cause: 'DUOI_NUOC' })).toEqual([1, 5, 20_000]);
    // A blank cause is KHONG_RO, last in code-list order.
    const causes = results.filter((row) => row.indicator === 'TE-0304' && row.unit === '529' && Object.keys(row.breakdown).join() === 'cause');
    expect(causes.map((row) => [row.breakdown.cause, row.numerator])).toEqual([
      ['GIAO_THONG', 1],
      ['DUOI_NUOC', 2],
      ['NGA', 2],
      ['KHONG_RO', 1],
    ]);
  });
  it('TE-0304 by sex: TreEm wins, the event row when the child is not in TreEm, KHONG_RO when blank', () => {
    expect(at('TE-0304', '21289', { sex: 'NAM' })).toEqual([3, 3, 100_000]);
    expect(at('TE-0304', '21289', { sex: 'NU' })).toEqual([0, 2, 0]);
    // 529: NAM C02, C05, C07 → 3/4; NU X01 → 1/3; KHONG_RO X02 → 1/0 → null.
    expect(at('TE-0304', '529', { sex: 'NAM' })).toEqual([3, 4, 75_000]);
    expect(at('TE-0304', '529', { sex: 'NU' })).toEqual([1, 3, (1 / 3) * 100_000]);
    expect(at('TE-0304', '529', { sex: 'KHONG_RO' })).toEqual([1, 0, null]);
  });
  it('TE-0304 by age group at the event date; denominator P(R) of that age group', () => {
    // 21289: C02 1 (0-2), C07 9 (6-10), C05 15 (11-15); P(R) 0-2: 1, 6-10: 1, 11-15: 1, 3-5: 2.
    expect(at('TE-0304', '21289', { ageGroup: '0-2' })).toEqual([1, 1, 100_000]);
    expect(at('TE-0304', '21289', { ageGroup: '3-5' })).toEqual([0, 2, 0]);
    expect(at('TE-0304', '21289', { ageGroup: '11-15' })).toEqual([1, 1, 100_000]);
    // 21292: C07 8 (6-10) with no child of 6-10 in P(R): null; X02 has no birth date: KHONG_RO.
    expect(at('TE-0304', '21292', { ageGroup: '6-10' })).toEqual([1, 0, null]);
    expect(at('TE-0304', '21292', { ageGroup: 'KHONG_RO' })).toEqual([1, 0, null]);
  });
  it('TE-0304 by cause × sex', () => {
    expect(at('TE-0304', '21289', { cause: 'NGA', sex: 'NAM' })).toEqual([2, 3, (2 / 3) * 100_000]);
    expect(at('TE-0304', '21289', { cause: 'NGA', sex: 'NU' })).toEqual([0, 2, 0]);
  });
  it('TE-0305 deaths from injuries and TE-0306 drownings', () => {
    // 21289: C07 (E2); E7 (C04, TU_VONG) is before W. 21292: X01. 529: 2.
    expect(at('TE-0305', '21289')).toEqual([1, 5, 20_000]);
    expect(at('TE-0305', '21292')).toEqual([1, 2, 50_000]);
    expect(at('TE-0305', '529')).toEqual([2, 7, (2 / 7) * 100_000]);
    expect(at('TE-0305', '529', { cause: 'DUOI_NUOC' })).toEqual([2, 7, (2 / 7) * 100_000]);
    expect(at('TE-0306', '529')).toEqual([2, 7, (2 / 7) * 100_000]);
    expect(at('TE-0306', '529', { sex: 'NU' })).toEqual([1, 3, (1 / 3) * 100_000]);
    expect(at('TE-0306', '05578')).toEqual([0, 1, 0]);
  });
});

describe('XH-0101..0202 abuse and its handling', () => {
  it('XH-0101: distinct abused children per 100,000', () => {
    // 21289: C04 (A1, A3) once, C01 (A2) → 2/5; 21292: C09 → 1/2; 529: 3/7. A6 is after W.
    expect(at('XH-0101', '21289')).toEqual([2, 5, 40_000]);
    expect(at('XH-0101', '21292')).toEqual([1, 2, 50_000]);
    expect(at('XH-0101', '529')).toEqual([3, 7, (3 / 7) * 100_000]);
  });
  it('XH-0101 by form, setting, sex and age group', () => {
    // Forms: BAO_LUC C04+C01 = 2, XAM_HAI_TINH_DUC C04, BOC_LOT C04; denominator stays 5.
    expect(at('XH-0101', '21289', { form: 'BAO_LUC' })).toEqual([2, 5, 40_000]);
    expect(at('XH-0101', '21289', { form: 'BOC_LOT' })).toEqual([1, 5, 20_000]);
    expect(at('XH-0101', '21289', { form: 'XAM_HAI_TINH_DUC' })).toEqual([1, 5, 20_000]);
    expect(at('XH-0101', '21289', { setting: 'GIA_DINH' })).toEqual([2, 5, 40_000]);
    expect(at('XH-0101', '21289', { setting: 'CONG_DONG' })).toEqual([1, 5, 20_000]);
    // A4 has no form and no setting: KHONG_RO.
    expect(at('XH-0101', '21292', { form: 'KHONG_RO' })).toEqual([1, 2, 50_000]);
    expect(at('XH-0101', '21292', { setting: 'KHONG_RO' })).toEqual([1, 2, 50_000]);
    expect(at('XH-0101', '21289', { sex: 'NU' })).toEqual([2, 2, 100_000]);
    // C01 is 3 at A2 (3-5), C04 12 and 13 (11-15).
    expect(at('XH-0101', '21289', { ageGroup: '3-5' })).toEqual([1, 2, 50_000]);
    expect(at('XH-0101', '21289', { ageGroup: '11-15' })).toEqual([1, 1, 100_000]);
    expect(at('XH-0101', '21289', { form: 'BAO_LUC', sex: 'NU' })).toEqual([2, 2, 100_000]);
    // Forms sort in code-list order: BAO_LUC, BOC_LOT, XAM_HAI_TINH_DUC.
    const forms = results.filter((row) => row.indicator === 'XH-0101' && row.unit === '21289' && Object.keys(row.breakdown).join() === 'form');
    expect(forms.map((row) => row.breakdown.form)).toEqual(['BAO_LUC', 'BOC_LOT', 'XAM_HAI_TINH_DUC']);
  });
  it('XH-0102: distinct cases', () => {
    // 21289: V10 (two children), V11 → 2; 21292: V12 → 1; 529: 3.
    expect(at('XH-0102', '21289')).toEqual([2, null, 2]);
    expect(at('XH-0102', '21292')).toEqual([1, null, 1]);
    expect(at('XH-0102', '529')).toEqual([3, null, 3]);
  });
  it('XH-0103: abused children with an intervention on one of their W events', () => {
    // 21289: C04 (A1 has one) of C04, C01 → 1/2; 21292: C09 → 1/1; 529: 2/3.
    expect(at('XH-0103', '21289')).toEqual([1, 2, 50]);
    expect(at('XH-0103', '21289', { sex: 'NU' })).toEqual([1, 2, 50]);
    expect(at('XH-0103', '21289', { sex: 'NAM' })).toEqual([0, 0, null]);
    expect(at('XH-0103', '21292')).toEqual([1, 1, 100]);
    expect(at('XH-0103', '529')).toEqual([2, 3, (2 / 3) * 100]);
  });
  it('XH-0201 sanctioned cases and XH-0202 fines, one amount per case (the largest)', () => {
    expect(at('XH-0201', '21289')).toEqual([1, null, 1]);
    expect(at('XH-0201', '529')).toEqual([2, null, 2]);
    // V10: max(5.000.000, 7.000.000) = 7.000.000; V12: 2.000.000; 529: 9.000.000.
    expect(at('XH-0202', '21289')).toEqual([7_000_000, null, 7_000_000]);
    expect(at('XH-0202', '21292')).toEqual([2_000_000, null, 2_000_000]);
    expect(at('XH-0202', '529')).toEqual([9_000_000, null, 9_000_000]);
    expect(at('XH-0202', '05578')).toEqual([0, null, 0]);
  });
});

describe('order', () => {
  it('rows come by indicator, level, unit, then total and breakdowns', () => {
    const keys = results.map((row) => `${row.indicator}|${['commune', 'district', 'province'].indexOf(row.level)}|${row.unit}`);
    const sorted = [...keys].sort();
    expect(keys).toEqual(sorted);
    const first = results.filter((row) => row.indicator === 'TE-0101' && row.unit === '21289');
    expect(first.map((row) => row.breakdown)).toEqual([
      {},
      { sex: 'NAM' },
      { sex: 'NU' },
      { ageGroup: '0-2' },
      { ageGroup: '3-5' },
      { ageGroup: '6-10' },
      { ageGroup: '11-15' },
    ]);
  });
  it('does not depend on the order of the input rows', () => {
    const reversed = dataset({ children: childRecords(coreData.children).reverse(), events: eventRecords(coreData.events).reverse() });
    const again = computeIndicators({ units: loadAdminUnits(), dataset: reversed, period: parsePeriod('2025-H1'), catalogue: loadCatalogue() });
    expect(again.result.results).toEqual(results);
  });
});
