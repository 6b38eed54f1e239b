import { describe, expect, it } from 'vitest';
import {
  buildAdminUnits,
  correctPostList,
  createAdminUnits,
  indexCrosswalk,
  indexPost,
  indexPre,
  POST_LIST_CODE_ERRATA,
} from '../../src/units/build.js';
import { mergesFileSchema, postUnitsFileSchema, preUnitsFileSchema } from '../../src/units/schema.js';
import type { MergesFile, PostUnitsFile, PreUnitsFile } from '../../src/units/schema.js';

// A tiny country: province 01 with district 001 (communes 00001..00004) and an island district
// 002 without communes; after the reform, province 01 with communes 00001 and 00003.
const pre: PreUnitsFile = [
  {
    Code: '01',
    FullName: 'Tỉnh Một',
    District: [
      {
        Code: '001',
        FullName: 'Huyện Một',
        ProvinceCode: '01',
        Ward: [
          { Code: '00004', FullName: 'Xã Bốn', DistrictCode: '001' },
          { Code: '00001', FullName: 'Xã Mo\u0323\u0302t', DistrictCode: '001' }, // decomposed (NFD) "Một"
          { Code: '00002', FullName: 'Xã Hai', DistrictCode: '001' },
          { Code: '00003', FullName: 'Xã Ba', DistrictCode: '001' },
        ],
      },
      { Code: '002', FullName: 'Huyện Đảo', ProvinceCode: '01', Ward: null },
    ],
  },
];
const post: PostUnitsFile = [
  {
    Code: '01',
    FullName: 'Tỉnh Một',
    Wards: [
      { Code: '00001', FullName: 'Xã Mới Một', ProvinceCode: '01' },
      { Code: '00003', FullName: 'Xã Mới Ba', ProvinceCode: '01' },
    ],
  },
];
const merges: MergesFile = {
  data: [
    {
      level1_id: '01',
      merges: [{ old_id: '01', type: 'full' }],
      level2s: [
        {
          level2_id: '00001',
          merges: [
            { old_id: '00001', type: 'full' },
            { old_id: '00002', type: 'partial' }, // 00002 split: no new commune took its code
            { old_id: '00004', type: 'partial' }, // 00004 only listed once, but flagged partial
            { old_id: '002', type: 'full' }, // island district: not a commune
          ],
        },
        {
          level2_id: '00003',
          merges: [
            { old_id: '00002', type: 'partial' },
            { old_id: '00003', type: 'full' },
          ],
        },
      ],
    },
  ],
};

describe('crosswalk rule (fixture)', () => {
  const units = buildAdminUnits(pre, post, merges);

  it('a whole merge is exact', () => {
    expect(units.crosswalk('00001')).toEqual({ code: '00001', approximate: false });
    expect(units.crosswalk('00003')).toEqual({ code: '00003', approximate: false });
  });

  it('a split commune whose code no new commune took goes to the first new commune listing it', () => {
    expect(units.crosswalk('00002')).toEqual({ code: '00001', approximate: true });
  });

  it('a commune listed once but flagged partial is approximate', () => {
    expect(units.crosswalk('00004')).toEqual({ code: '00001', approximate: true });
  });

  it('a split commune goes to the new commune that took over its code, even when listed later', () => {
    const heirLater: MergesFile = {
      data: [{
        level1_id: '01',
        merges: [{ old_id: '01', type: 'full' }],
        level2s: [
          { level2_id: '00001', merges: [{ old_id: '00001', type: 'full' }, { old_id: '00003', type: 'partial' }] },
          { level2_id: '00003', merges: [{ old_id: '00003', type: 'partial' }] },
        ],
      }],
    };
    expect(buildAdminUnits(pre, post, heirLater).crosswalk('00003')).toEqual({ code: '00003', approximate: true });
  });

  it('formedFrom names old communes from the pre-reform list and skips non-communes', () => {
    expect(units.formedFrom('00001')).toEqual([
      { code: '00001', name: 'Xã Một', whole: true },
      { code: '00002', name: 'Xã Hai', whole: false },
      { code: '00004', name: 'Xã Bốn', whole: false },
    ]);
  });

  it('applies NFC to names', () => {
    const name = units.commune('00001', 'pre')?.name;
    expect(name).toBe('Xã Một'.normalize('NFC'));
    expect(name).not.toBe('Xã Mo\u0323\u0302t');
  });

  it('sorts children by code and gives none for an island district', () => {
    expect(units.childrenOf('district', '001', 'pre').map((c) => c.code)).toEqual(['00001', '00002', '00003', '00004']);
    expect(units.childrenOf('district', '002', 'pre')).toEqual([]);
    expect(units.district('002')?.name).toBe('Huyện Đảo');
  });

  it('maps provinces', () => {
    expect(units.provinceCrosswalk('01')).toEqual({ code: '01', approximate: false });
  });
});

describe('errata correction', () => {
  const withErrata: PostUnitsFile = [
    {
      Code: '22',
      FullName: 'Tỉnh Quảng Ninh',
      Wards: [
        { Code: '06958', FullName: 'Xã Lương Minh', ProvinceCode: '22' },
        { Code: '06978', FullName: 'Xã Ba Chẽ', ProvinceCode: '22' },
      ],
    },
    { Code: '52', FullName: 'Tỉnh Gia Lai', Wards: [{ Code: '23938', FullName: 'Xã Ia Mơ', ProvinceCode: '52' }] },
  ];

  it('lists the two README errata', () => {
    expect([...POST_LIST_CODE_ERRATA]).toEqual([['06978', '06970'], ['23938', '23737']]);
  });

  it('replaces the listed codes by the official ones and leaves the rest', () => {
    const corrected = correctPostList(withErrata);
    expect(corrected.flatMap((p) => p.Wards.map((w) => `${w.Code} ${w.FullName}`))).toEqual([
      '06958 Xã Lương Minh',
      '06970 Xã Ba Chẽ',
      '23737 Xã Ia Mơ',
    ]);
    expect(withErrata[0]?.Wards[1]?.Code).toBe('06978'); // input untouched
  });

  it('is a no-op once upstream has fixed a code', () => {
    const fixed: PostUnitsFile = [
      { Code: '22', FullName: 'Tỉnh Quảng Ninh', Wards: [{ Code: '06970', FullName: 'Xã Ba Chẽ', ProvinceCode: '22' }] },
    ];
    expect(correctPostList(fixed)).toEqual(fixed);
    expect(indexPost(withErrata).communes.get('23737')?.name).toBe('Xã Ia Mơ');
  });
});

describe('bad bundled data is refused', () => {
  it('the schemas reject files of another shape', () => {
    expect(preUnitsFileSchema.safeParse([{ Code: '01', FullName: 'x', District: [{ Code: '001' }] }]).success).toBe(false);
    expect(preUnitsFileSchema.safeParse({ Code: '01' }).success).toBe(false);
    expect(postUnitsFileSchema.safeParse([{ Code: 1, FullName: 'x', Wards: [] }]).success).toBe(false);
    expect(mergesFileSchema.safeParse({ data: [{ level1_id: '01', merges: [{ old_id: '01', type: 'half' }], level2s: [] }] }).success).toBe(false);
    expect(mergesFileSchema.safeParse({ stats: {} }).success).toBe(false);
  });

  it('the indexes reject malformed codes, wrong parents, duplicates and empty names', () => {
    const ward = (code: string, districtCode = '001', name = 'Xã A') => ({ Code: code, FullName: name, DistrictCode: districtCode });
    const oneDistrict = (wards: ReturnType<typeof ward>[]): PreUnitsFile => [
      { Code: '01', FullName: 'Tỉnh A', District: [{ Code: '001', FullName: 'Huyện A', ProvinceCode: '01', Ward: wards }] },
    ];
    expect(() => indexPre(oneDistrict([ward('0001')]))).toThrow(/malformed commune code/);
    expect(() => indexPre(oneDistrict([ward('00001', '002')]))).toThrow(/listed under district 001/);
    expect(() => indexPre(oneDistrict([ward('00001'), ward('00001')]))).toThrow(/duplicate pre commune code 00001/);
    expect(() => indexPre(oneDistrict([ward('00001', '001', ' ')]))).toThrow(/has no name/);
    expect(() => indexPost([{ Code: '1', FullName: 'Tỉnh A', Wards: [] }])).toThrow(/malformed province code/);
    expect(() => indexPost([{ Code: '01', FullName: 'Tỉnh A', Wards: [{ Code: '00001', FullName: 'Xã A', ProvinceCode: '02' }] }])).toThrow(
      /listed under province 01/,
    );
  });

  it('the crosswalk refuses new communes missing from the post-reform list', () => {
    const unknownNew: MergesFile = {
      data: [{ level1_id: '01', merges: [], level2s: [{ level2_id: '00009', merges: [{ old_id: '00001', type: 'full' }] }] }],
    };
    expect(() => indexCrosswalk(unknownNew, indexPre(pre), indexPost(post))).toThrow(/commune 00009, not in the post-reform list/);
  });
});

describe('parts are built only when a query needs them', () => {
  it('does not build the crosswalk for lookups in one era', () => {
    const built: string[] = [];
    const preIndex = indexPre(pre);
    const postIndex = indexPost(post);
    const units = createAdminUnits({
      pre: () => (built.push('pre'), preIndex),
      post: () => (built.push('post'), postIndex),
      crosswalk: () => (built.push('crosswalk'), indexCrosswalk(merges, preIndex, postIndex)),
    });
    expect(units.commune('00001', 'post')?.name).toBe('Xã Mới Một');
    expect(built).toEqual(['post']);
    expect(units.communeExistsInAnyEra('00001')).toBe(true);
    expect(built).not.toContain('pre');
    expect(units.crosswalk('00002')?.code).toBe('00001');
    expect(built).toContain('crosswalk');
  });
});
