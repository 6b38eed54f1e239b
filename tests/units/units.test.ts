import { describe, expect, it } from 'vitest';
import { loadAdminUnits } from '../../src/units/index.js';
import type { AdminUnit, Era } from '../../src/units/index.js';

const units = loadAdminUnits();

const allProvinces = (era: Era): AdminUnit[] => units.provinces(era);

describe('loadAdminUnits', () => {
  it('is loaded once and shared', () => {
    expect(loadAdminUnits()).toBe(units);
  });

  it('has 63 provinces, 696 districts and 10,035 communes before the reform', () => {
    const provinces = allProvinces('pre');
    expect(provinces).toHaveLength(63);
    const districts = provinces.flatMap((p) => units.childrenOf('province', p.code, 'pre'));
    expect(districts).toHaveLength(696);
    expect(districts.every((d) => d.level === 'district' && d.era === 'pre')).toBe(true);
    const communes = provinces.flatMap((p) => units.childrenOf('commune', p.code, 'pre'));
    expect(communes).toHaveLength(10_035);
    expect(new Set(communes.map((c) => c.code)).size).toBe(10_035);
    // Same communes reached through the districts.
    expect(districts.flatMap((d) => units.childrenOf('district', d.code, 'pre'))).toHaveLength(10_035);
    // README type breakdown: 7,692 xã, 1,726 phường, 617 thị trấn.
    const prefix = (p: string): number => communes.filter((c) => c.name.startsWith(p)).length;
    expect([prefix('Xã '), prefix('Phường '), prefix('Thị trấn ')]).toEqual([7692, 1726, 617]);
  });

  it('has 34 provinces and 3,321 communes from the reform, and no districts', () => {
    const provinces = allProvinces('post');
    expect(provinces).toHaveLength(34);
    const communes = provinces.flatMap((p) => units.childrenOf('province', p.code, 'post'));
    expect(communes).toHaveLength(3321);
    expect(communes.every((c) => c.level === 'commune' && c.era === 'post' && c.districtCode === undefined)).toBe(true);
    expect(communes.filter((c) => c.name.startsWith('Đặc khu ')).length).toBe(13);
    expect(units.unit('district', '529', 'post')).toBeUndefined();
    expect(units.childrenOf('district', '529', 'post')).toEqual([]);
    expect(units.childrenOf('district', '51', 'post')).toEqual([]);
  });

  it('keeps full NFC names with their type prefix', () => {
    expect(units.commune('21289', 'post')?.name).toBe('Xã Sơn Hà');
    expect(units.district('529')?.name).toBe('Huyện Sơn Hà');
    expect(units.province('51', 'post')?.name).toBe('Tỉnh Quảng Ngãi');
    const names = allProvinces('pre').flatMap((p) => [p, ...units.childrenOf('province', p.code, 'pre'), ...units.childrenOf('commune', p.code, 'pre')]);
    expect(names.every((u) => u.name === u.name.normalize('NFC') && u.name.trim() === u.name)).toBe(true);
  });
});

describe('codes are read in an era', () => {
  it('09552 was Phường Phú La (Hà Đông, Hà Nội) and is now Phường Kiến Hưng', () => {
    expect(units.commune('09552', 'pre')).toEqual({
      code: '09552', name: 'Phường Phú La', level: 'commune', era: 'pre', provinceCode: '01', districtCode: '268',
    });
    expect(units.commune('09552', 'post')).toEqual({
      code: '09552', name: 'Phường Kiến Hưng', level: 'commune', era: 'post', provinceCode: '01',
    });
    expect(units.unit('commune', '09552', 'post')?.name).toBe('Phường Kiến Hưng');
    expect(units.district('268')?.name).toBe('Quận Hà Đông');
  });

  it('09556 was Phường Hà Cầu and is now Phường Hà Đông', () => {
    expect(units.commune('09556', 'pre')?.name).toBe('Phường Hà Cầu');
    expect(units.commune('09556', 'post')?.name).toBe('Phường Hà Đông');
  });

  it('province 15 was Yên Bái and is now Lào Cai; 10 (Lào Cai) no longer exists', () => {
    expect(units.province('15', 'pre')?.name).toBe('Tỉnh Yên Bái');
    expect(units.province('15', 'post')?.name).toBe('Tỉnh Lào Cai');
    expect(units.unit('province', '10', 'pre')?.name).toBe('Tỉnh Lào Cai');
    expect(units.province('10', 'post')).toBeUndefined();
  });

  it('knows a commune code in either era', () => {
    expect(units.communeExistsInAnyEra('09552')).toBe(true);
    expect(units.communeExistsInAnyEra('05578')).toBe(true); // pre only (Thanh Định)
    expect(units.commune('05578', 'post')).toBeUndefined();
    expect(units.communeExistsInAnyEra('06970')).toBe(true); // Ba Chẽ, both eras
    expect(units.communeExistsInAnyEra('99999')).toBe(false);
    expect(units.communeExistsInAnyEra('06978')).toBe(false); // erratum, in neither list once corrected
  });

  it('answers undefined or [] for unknown codes', () => {
    for (const era of ['pre', 'post'] as const) {
      expect(units.commune('99999', era)).toBeUndefined();
      expect(units.commune('9552', era)).toBeUndefined();
      expect(units.commune(' 09552', era)).toBeUndefined();
      expect(units.province('00', era)).toBeUndefined();
      expect(units.province('1', era)).toBeUndefined();
      expect(units.parentsOf('99999', era)).toBeUndefined();
      expect(units.childrenOf('province', '00', era)).toEqual([]);
      expect(units.childrenOf('commune', '09552', era)).toEqual([]);
    }
    expect(units.district('999')).toBeUndefined();
    expect(units.unit('district', '09552', 'pre')).toBeUndefined();
    expect(units.childrenOf('district', '999', 'pre')).toEqual([]);
    expect(units.crosswalk('99999')).toBeUndefined();
    expect(units.crosswalk('')).toBeUndefined();
    expect(units.formedFrom('99999')).toEqual([]);
    expect(units.provinceCrosswalk('00')).toBeUndefined();
  });
});

describe('childrenOf', () => {
  const codes = (list: AdminUnit[]): string[] => list.map((u) => u.code);

  it('gives the 15 wards of Quận Hà Đông (268) sorted by code', () => {
    const wards = units.childrenOf('district', '268', 'pre');
    expect(wards).toHaveLength(15);
    expect(codes(wards)).toEqual([...codes(wards)].sort());
    expect(codes(wards)).toContain('09552');
    expect(codes(units.childrenOf('commune', '268', 'pre'))).toEqual(codes(wards));
  });

  it('gives districts of a pre-reform province for level province or district', () => {
    const districts = units.childrenOf('province', '51', 'pre');
    expect(districts.every((d) => d.level === 'district' && d.provinceCode === '51')).toBe(true);
    expect(codes(districts)).toContain('529');
    expect(codes(districts)).toContain('534');
    expect(codes(units.childrenOf('district', '51', 'pre'))).toEqual(codes(districts));
    expect(codes(districts)).toEqual([...codes(districts)].sort());
  });

  it('gives communes of a province in either era for level commune', () => {
    const pre = units.childrenOf('commune', '60', 'pre'); // Bình Thuận: 121 communes
    expect(pre).toHaveLength(121);
    expect(units.childrenOf('province', '60', 'pre')).toHaveLength(10);
    expect(units.childrenOf('province', '60', 'post')).toEqual([]); // merged into Lâm Đồng
    const post = units.childrenOf('commune', '51', 'post');
    expect(post).toHaveLength(96);
    expect(codes(units.childrenOf('province', '51', 'post'))).toEqual(codes(post));
  });

  it('returns a copy the caller may change', () => {
    const first = units.childrenOf('district', '529', 'pre');
    first.length = 0;
    expect(units.childrenOf('district', '529', 'pre')).toHaveLength(14);
  });

  it('gives no communes for the five island districts without a commune level', () => {
    for (const code of ['318', '471', '498', '536', '755']) {
      expect(units.district(code)?.name).toMatch(/^Huyện /);
      expect(units.childrenOf('district', code, 'pre')).toEqual([]);
    }
  });
});

describe('parentsOf', () => {
  it('gives province and district before the reform', () => {
    const parents = units.parentsOf('05578', 'pre');
    expect(parents?.province.name).toBe('Tỉnh Thái Nguyên');
    expect(parents?.district?.code).toBe('167');
    expect(parents?.district?.name).toBe('Huyện Định Hóa');
  });

  it('gives only the province from the reform', () => {
    const parents = units.parentsOf('05587', 'post');
    expect(parents).toEqual({ province: units.province('19', 'post') });
    expect(parents && 'district' in parents).toBe(false);
    expect(units.parentsOf('21289', 'post')?.province.name).toBe('Tỉnh Quảng Ngãi');
  });
});
