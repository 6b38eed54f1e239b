/** "Kính gửi" when the settings do not name it: by level and by the period's end (reality-2026.md, reporting chain). */
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_ADDRESSEE, ReportSettingsFile, resolveSettings } from '../../src/report/settings.js';
import type { UnitName } from '../../src/report/unit-name.js';

const commune: UnitName = { code: '21289', fullName: 'Xã Sơn Hà', level: 'commune' };
const province: UnitName = { code: '51', fullName: 'Tỉnh Quảng Ngãi', level: 'province' };
const district: UnitName = { code: '529', fullName: 'Huyện Sơn Hà', level: 'district' };

describe('default addressees', () => {
  it('sends a commune\'s report after the reform to the province through Sở Y tế', () => {
    expect(resolveSettings(undefined, commune, '2026-06-30', 'Tỉnh Quảng Ngãi').addressees).toEqual(['UBND tỉnh Quảng Ngãi (qua Sở Y tế)']);
    // The first period ending on the reform's day already has no district above the commune.
    expect(resolveSettings(undefined, commune, '2025-07-01', 'Thành phố Huế').addressees).toEqual(['UBND thành phố Huế (qua Sở Y tế)']);
  });

  it('sends a province\'s report to the Ministry of Health', () => {
    expect(resolveSettings(undefined, province, '2026-06-30').addressees).toEqual(['Bộ Y tế (Cục Bà mẹ và Trẻ em)']);
  });

  it('leaves the placeholder where the body is the office\'s to name: a district, a commune before the reform, an unknown province', () => {
    expect(resolveSettings(undefined, district, '2025-06-30', 'Tỉnh Quảng Ngãi').addressees).toEqual([PLACEHOLDER_ADDRESSEE]);
    expect(resolveSettings(undefined, commune, '2025-06-30', 'Tỉnh Quảng Ngãi').addressees).toEqual([PLACEHOLDER_ADDRESSEE]);
    expect(resolveSettings(undefined, commune, '2026-06-30').addressees).toEqual([PLACEHOLDER_ADDRESSEE]);
    // The Ministry's own national report goes where the Ministry says.
    expect(resolveSettings(undefined, { code: 'VN', fullName: 'Toàn quốc', level: 'national' }, '2026-06-30').addressees).toEqual([PLACEHOLDER_ADDRESSEE]);
  });

  it('keeps the addressees the settings give', () => {
    const given = ReportSettingsFile.parse({ addressees: ['Sở Y tế tỉnh Quảng Ngãi'] });
    expect(resolveSettings(given, province, '2026-06-30').addressees).toEqual(['Sở Y tế tỉnh Quảng Ngãi']);
  });
});
