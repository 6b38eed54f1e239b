import { describe, expect, it } from 'vitest';
import { loadAdminUnits } from '../../src/units/index.js';

const units = loadAdminUnits();
const preCommunes = units.provinces('pre').flatMap((p) => units.childrenOf('commune', p.code, 'pre'));

describe('crosswalk: a whole merge is exact', () => {
  it('Xã Thanh Định 05578 (Huyện Định Hóa 167, Thái Nguyên 19) → Xã Bình Yên 05587', () => {
    expect(units.commune('05578', 'pre')).toMatchObject({ name: 'Xã Thanh Định', districtCode: '167', provinceCode: '19' });
    expect(units.crosswalk('05578')).toEqual({ code: '05587', approximate: false });
    expect(units.commune('05587', 'post')).toMatchObject({ name: 'Xã Bình Yên', provinceCode: '19' });
    // Res. 1683/NQ-UBTVQH15 cl. 5: Thanh Định + Trung Lương + Định Biên + Bình Yên.
    expect(units.formedFrom('05587')).toEqual([
      { code: '05575', name: 'Xã Định Biên', whole: true },
      { code: '05578', name: 'Xã Thanh Định', whole: true },
      { code: '05584', name: 'Xã Trung Lương', whole: true },
      { code: '05587', name: 'Xã Bình Yên', whole: true },
    ]);
  });

  it('Huyện Định Hóa: 22 communes became 8, all whole', () => {
    const old = units.childrenOf('district', '167', 'pre');
    expect(old).toHaveLength(22);
    const targets = old.map((c) => units.crosswalk(c.code));
    expect(targets.every((t) => t?.approximate === false)).toBe(true);
    expect([...new Set(targets.map((t) => t?.code))].sort()).toEqual(
      ['05542', '05551', '05563', '05569', '05581', '05587', '05602', '05605'],
    );
  });

  it('Thị xã Đức Phổ: 15 communes became 5, all whole', () => {
    const old = units.childrenOf('district', '534', 'pre');
    expect(old).toHaveLength(15);
    const targets = old.map((c) => units.crosswalk(c.code));
    expect(targets.every((t) => t?.approximate === false)).toBe(true);
    expect([...new Set(targets.map((t) => t?.code))].sort()).toEqual(['21439', '21451', '21457', '21472', '21478']);
  });
});

describe('crosswalk: Huyện Sơn Hà (51/529)', () => {
  // Whole-commune merges inside the old district (Res. 1677/NQ-UBTVQH15); e.g. Xã Sơn Hà 21289 =
  // Thị trấn Di Lăng + Sơn Bao + Sơn Thượng.
  const expected: [string, string, string][] = [
    ['21289', 'Thị trấn Di Lăng', '21289'],
    ['21292', 'Xã Sơn Hạ', '21292'],
    ['21295', 'Xã Sơn Thành', '21292'],
    ['21298', 'Xã Sơn Nham', '21292'],
    ['21301', 'Xã Sơn Bao', '21289'],
    ['21304', 'Xã Sơn Linh', '21307'],
    ['21307', 'Xã Sơn Giang', '21307'],
    ['21310', 'Xã Sơn Trung', '21319'],
    ['21313', 'Xã Sơn Thượng', '21289'],
    ['21316', 'Xã Sơn Cao', '21307'],
    ['21319', 'Xã Sơn Hải', '21319'],
    ['21322', 'Xã Sơn Thủy', '21319'],
    ['21325', 'Xã Sơn Kỳ', '21325'],
    ['21328', 'Xã Sơn Ba', '21325'],
  ];

  it('has its 14 pre-reform communes', () => {
    expect(units.district('529')).toMatchObject({ name: 'Huyện Sơn Hà', provinceCode: '51' });
    expect(units.childrenOf('district', '529', 'pre').map((c) => [c.code, c.name])).toEqual(expected.map(([c, n]) => [c, n]));
  });

  it('maps them whole onto the 5 post-reform communes', () => {
    for (const [oldCode, , newCode] of expected) {
      expect(units.crosswalk(oldCode), oldCode).toEqual({ code: newCode, approximate: false });
    }
    expect(
      ['21289', '21292', '21307', '21319', '21325'].map((c) => units.commune(c, 'post')?.name.normalize('NFC')),
    ).toEqual(['Xã Sơn Hà', 'Xã Sơn Hạ', 'Xã Sơn Linh', 'Xã Sơn Thuỷ', 'Xã Sơn Kỳ']);
    expect(units.formedFrom('21289').map((e) => e.code)).toEqual(['21289', '21301', '21313']);
  });
});

describe('crosswalk: a split commune is approximate', () => {
  it('Phường Phú La 09552 was split; Phường Kiến Hưng took over its code', () => {
    expect(units.crosswalk('09552')).toEqual({ code: '09552', approximate: true });
    // Res. 1656/NQ-UBTVQH15 cl. 44 and 47: parts went to Dương Nội (09886) and Kiến Hưng (09552).
    expect(units.formedFrom('09552')).toContainEqual({ code: '09552', name: 'Phường Phú La', whole: false });
    expect(units.formedFrom('09886')).toContainEqual({ code: '09552', name: 'Phường Phú La', whole: false });
  });

  it('a split commune whose code no new commune took goes to the first new commune listing it', () => {
    // Phường Hà Cầu 09556 is listed by Kiến Hưng 09552 and by Hà Đông 09556 (its own code).
    expect(units.crosswalk('09556')).toEqual({ code: '09556', approximate: true });
    // Phường Quang Trung 09538: no new commune has code 09538.
    expect(units.commune('09538', 'post')).toBeUndefined();
    const listing = units.provinces('post')
      .flatMap((p) => units.childrenOf('province', p.code, 'post'))
      .filter((n) => units.formedFrom(n.code).some((e) => e.code === '09538'))
      .map((n) => n.code);
    expect(listing.length).toBeGreaterThan(1);
    expect(units.crosswalk('09538')).toEqual({ code: listing[0], approximate: true });
  });
});

describe('crosswalk over the whole country', () => {
  it('carries every pre-reform commune to an existing post-reform commune', () => {
    const lost = preCommunes.filter((c) => {
      const target = units.crosswalk(c.code);
      return target === undefined || units.commune(target.code, 'post') === undefined;
    });
    expect(lost).toEqual([]);
  });

  it('is approximate exactly for the 460 old communes that feed more than one new commune', () => {
    const feeds = new Map<string, number>();
    for (const p of units.provinces('post')) {
      for (const n of units.childrenOf('province', p.code, 'post')) {
        for (const e of units.formedFrom(n.code)) feeds.set(e.code, (feeds.get(e.code) ?? 0) + 1);
      }
    }
    expect(feeds.size).toBe(10_035);
    const split = preCommunes.filter((c) => (feeds.get(c.code) ?? 0) > 1).map((c) => c.code);
    expect(split).toHaveLength(460);
    expect(preCommunes.filter((c) => units.crosswalk(c.code)?.approximate).map((c) => c.code)).toEqual(split);
  });

  it('agrees with formedFrom: each old commune is listed by the commune it is carried to', () => {
    const disagreeing = preCommunes.filter((c) => {
      const target = units.crosswalk(c.code);
      const listed = units.formedFrom(target?.code ?? '').find((e) => e.code === c.code);
      return listed === undefined || listed.whole !== (target?.approximate === false);
    });
    expect(disagreeing).toEqual([]);
  });

  it('lists only communes of the pre-reform list in formedFrom', () => {
    // The merges file also names 3-digit island districts and communes dissolved before the
    // pre-reform list's cut-off (07732 Xã Nham Sơn in Phường Bắc Giang 07210).
    expect(units.formedFrom('11948')).toEqual([]); // Đặc khu Bạch Long Vĩ, from Huyện Bạch Long Vĩ 318
    expect(units.formedFrom('07210').map((e) => e.code)).not.toContain('07732');
    expect(units.crosswalk('07732')).toBeUndefined();
  });
});

describe('errata of the post-reform list (data/admin-units/README.md)', () => {
  it('Xã Ba Chẽ has the official code 06970, not 06978', () => {
    expect(units.commune('06970', 'post')).toMatchObject({ name: 'Xã Ba Chẽ', provinceCode: '22' });
    expect(units.commune('06978', 'post')).toBeUndefined();
    expect(units.commune('06970', 'pre')?.name).toBe('Thị trấn Ba Chẽ');
    expect(units.crosswalk('06970')).toEqual({ code: '06970', approximate: false });
    expect(units.formedFrom('06970').map((e) => e.code)).toContain('06970');
  });

  it('Xã Ia Mơ has the official code 23737, not its old code 23938', () => {
    expect(units.commune('23737', 'post')).toMatchObject({ name: 'Xã Ia Mơ', provinceCode: '52' });
    expect(units.commune('23938', 'post')).toBeUndefined();
    expect(units.commune('23938', 'pre')?.name).toBe('Xã Ia Mơ');
    expect(units.commune('23737', 'pre')?.name).toBe('Xã Ia Mơ Nông'); // the code meant another commune before
    expect(units.crosswalk('23938')).toEqual({ code: '23737', approximate: false });
    expect(units.formedFrom('23737')).toEqual([{ code: '23938', name: 'Xã Ia Mơ', whole: true }]);
  });
});

describe('provinceCrosswalk', () => {
  it('maps the 63 old provinces onto the 34 new ones', () => {
    const targets = units.provinces('pre').map((p) => units.provinceCrosswalk(p.code));
    expect(targets.every((t) => t?.approximate === false)).toBe(true);
    expect(new Set(targets.map((t) => t?.code)).size).toBe(34);
    expect(units.provinceCrosswalk('15')?.code).toBe('15'); // Yên Bái → Lào Cai (15)
    expect(units.provinceCrosswalk('10')?.code).toBe('15'); // Lào Cai (10) → Lào Cai (15)
    expect(units.provinceCrosswalk('62')?.code).toBe('51'); // Kon Tum → Quảng Ngãi
    expect(units.provinceCrosswalk('60')?.code).toBe('68'); // Bình Thuận → Lâm Đồng
    expect(units.provinceCrosswalk('77')?.code).toBe('79'); // Bà Rịa-Vũng Tàu → HCMC
  });
});
