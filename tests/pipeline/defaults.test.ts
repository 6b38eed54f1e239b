/**
 * What the page proposes after reading (#18 item 2, src/pipeline/defaults.ts), worked by hand.
 *
 * Period: the latest H1 or year whose last month the records reach.
 *   reach 2025-06-28 → June 2025 reached → 2025-H1 (not 2024: the bug of the issue)
 *   reach 2025-05-31 → June not reached, December 2024 reached → 2024
 *   reach 2025-09-15 → 2025-H1 (nine months and quarters are never proposed)
 *   reach 2025-12-01 → 2025;  reach 2026-01-10 → 2025
 * The records reach the earliest of what each kind reaches: child lists to 30/06/2025 and events
 * to 29/12/2025 reach 30/06/2025 (the population after June is unknown).
 */
import { describe, expect, it } from 'vitest';
import { child, dataset, event, facts } from '../engine/fixtures.js';
import { commonParent, commonUnit, defaultPeriodId, defaultPlanId, defaultSettingsFor, issuingBodyNames, latestRecordDate, planFits, SETTINGS_DIR, settingsForUnit } from '../../src/pipeline/defaults.js';
import { loadAdminUnits } from '../../src/units/index.js';

const units = loadAdminUnits();
const H1_2025 = { id: '2025-H1', from: '2025-01-01', to: '2025-06-30' };
const Y2025 = { id: '2025', from: '2025-01-01', to: '2025-12-31' };
const H1_2026 = { id: '2026-H1', from: '2026-01-01', to: '2026-06-30' };
const noPresets = (periodId: string) => (periodId === '2026-H1' ? '2026-06-30' : undefined);

describe('the period proposed', () => {
  it.each([
    ['2025-06-28', '2025-H1'],
    ['2025-06-30', '2025-H1'],
    ['2025-05-31', '2024'],
    ['2025-09-15', '2025-H1'],
    ['2025-12-01', '2025'],
    ['2026-01-10', '2025'],
  ])('records reaching %s → %s', (latest, period) => {
    expect(defaultPeriodId(latest)).toBe(period);
  });
  it('proposes none without any date', () => {
    expect(defaultPeriodId(undefined)).toBeUndefined();
  });
  it('takes the earliest of what the child lists and the events reach', () => {
    const data = dataset({
      children: [child('T1', { dateOfBirth: '2025-06-30' }), child('T2', { dateOfBirth: '2019-02-02' })],
      events: [event('S1', 'T1', { eventDate: '2025-12-29' })],
    });
    expect(latestRecordDate(data, '2026-12-06', noPresets)).toBe('2025-06-30');
    expect(defaultPeriodId(latestRecordDate(data, '2026-12-06', noPresets))).toBe('2025-H1');
  });
  it('ignores a date after today (a typing slip) and reads commune facts by their period', () => {
    const data = dataset({
      children: [child('T1', { dateOfBirth: '2026-05-20' }), child('T2', { dateOfBirth: '2031-01-01' })],
      events: [event('S1', 'T1', { eventDate: '2026-06-02' })],
      communeFacts: [facts('21289', '2026-H1')],
    });
    // children 2026-05-20 (2031 is after today), events 2026-06-02, facts 2026-06-30 → 2026-05-20
    expect(latestRecordDate(data, '2026-12-06', noPresets)).toBe('2026-05-20');
    expect(defaultPeriodId('2026-05-20')).toBe('2025');
  });
});

describe('the unit proposed', () => {
  it("is the district for one district's communes before the reform", () => {
    expect(commonUnit(['21289', '21292', '21328'], units, '2025-06-30')).toMatchObject({ code: '529', level: 'district' });
  });
  it('is the commune itself for one commune', () => {
    expect(commonUnit(['21292'], units, '2025-06-30')).toMatchObject({ code: '21292', level: 'commune' });
    expect(commonUnit(['21289'], units, '2026-06-30')).toMatchObject({ code: '21289', level: 'commune', name: 'Xã Sơn Hà' });
  });
  it('is the province for several new communes after it (no districts)', () => {
    expect(commonUnit(['21289', '21292', '21319'], units, '2026-06-30')).toMatchObject({ code: '51', level: 'province' });
  });
  it('is nothing for no commune, and the lowest shared parent of chains', () => {
    expect(commonUnit([], units, '2026-06-30')).toBeUndefined();
    const district = { code: '529', name: 'Huyện Sơn Hà', level: 'district' as const };
    const province = { code: '51', name: 'Tỉnh Quảng Ngãi', level: 'province' as const };
    expect(commonParent([[district, province], [district, province]])).toEqual(district);
    expect(commonParent([[district, province], [{ code: '530', name: 'Huyện Sơn Tây', level: 'district' }, province]])).toEqual(province);
  });
});

describe('the plan proposed', () => {
  const phuLa = { plan: 'Kế hoạch thực hiện công tác trẻ em năm 2025 của UBND phường Phú La', issuedBy: 'Ủy ban nhân dân phường Phú La, quận Hà Đông, Hà Nội' };
  it("is the unit's own plan of the period's year only", () => {
    expect(planFits(phuLa, { name: 'Phường Phú La' }, H1_2025)).toBe(true);
    expect(planFits(phuLa, { name: 'Phường Phú La' }, H1_2026)).toBe(false);
    expect(planFits(phuLa, { name: 'Huyện Sơn Hà' }, H1_2025)).toBe(false);
  });
  it('is none unless exactly one plan fits', () => {
    const plans = [{ id: 'plan:phu-la', plan: phuLa }];
    expect(defaultPlanId(plans, { name: 'Huyện Sơn Hà' }, H1_2025)).toBe('none');
    expect(defaultPlanId(plans, { name: 'Phường Phú La' }, H1_2025)).toBe('plan:phu-la');
  });
});

describe("the unit's report form", () => {
  const district = { code: '529', fullName: 'Huyện Sơn Hà', level: 'district' as const };
  const province = { code: '51', fullName: 'Tỉnh Quảng Ngãi', level: 'province' as const };
  it('comes from the settings file whose issuing body names the unit', () => {
    const found = settingsForUnit([SETTINGS_DIR], district, H1_2025);
    expect(found?.file).toBe('huyen-son-ha.yaml');
    expect(found?.settings.reportDate).toBe('2025-07-05');
    expect(settingsForUnit([SETTINGS_DIR], province, H1_2026)?.file).toBe('tinh-quang-ngai-2026.yaml');
  });
  it("drops a report date before the period's end (the form would be refused with it)", () => {
    const found = settingsForUnit([SETTINGS_DIR], district, Y2025);
    expect(found?.file).toBe('huyen-son-ha.yaml');
    expect(found?.settings.reportDate).toBeUndefined();
  });
  it("is written from the unit's name when it has no file", () => {
    const commune = { code: '21292', fullName: 'Xã Sơn Hạ', level: 'commune' as const };
    expect(settingsForUnit([SETTINGS_DIR], commune, H1_2026)).toBeUndefined();
    const form = defaultSettingsFor(commune, H1_2026, 'Tỉnh Quảng Ngãi');
    expect(form.issuingBody).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ SƠN HẠ']);
    expect(form.addressees).toEqual(['UBND tỉnh Quảng Ngãi (qua Sở Y tế)']);
  });
  it('knows an issuing body that names another unit', () => {
    expect(issuingBodyNames(['ỦY BAN NHÂN DÂN', 'HUYỆN SƠN HÀ'], province)).toBe(false);
    expect(issuingBodyNames(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI'], province)).toBe(true);
    // A department writing under the province's committee names the province too.
    expect(issuingBodyNames(['UBND TỈNH QUẢNG NGÃI', 'SỞ Y TẾ'], province)).toBe(true);
    expect(issuingBodyNames(['SỞ Y TẾ'], province)).toBe(false);
  });
});
