/**
 * Every child placed in today's unit, whatever the vintage of its file's codes (indicator-rules.md,
 * "Which administrative unit a row belongs to"; docs/ma-xa-sau-sap-xep.md). Period 2025, so
 * R = 2025-12-31 and the units are those from 1 July 2025, unless a test says otherwise.
 *
 * Codes used (bundled lists and crosswalk):
 *   21295 Sơn Thành, 21298 Sơn Nham: old only, went whole into 21292 Xã Sơn Hạ.
 *   21301 Sơn Bao: old only, went whole into 21289 Xã Sơn Hà.
 *   21289: old Thị trấn Di Lăng, went whole into the new 21289 Xã Sơn Hà: one meaning.
 *   21548 Đặc khu Lý Sơn: new only.
 *   09552: old Phường Phú La (Quận Hà Đông), split between 09552 Phường Kiến Hưng (which took
 *     its code) and 09886 Phường Dương Nội: two meanings.
 *   23710: old Xã A Dơk (went whole into 23869 Xã Ia Dơk), new Xã Ia Băng: two meanings.
 */
import { describe, expect, it } from 'vitest';
import { computeIndicators, loadCatalogue, parsePeriod } from '../../src/engine/index.js';
import type { Child } from '../../src/model/records.js';
import { loadAdminUnits } from '../../src/units/index.js';
import { buildVillageMap } from '../../src/units/village-map.js';
import { child, dataset, figure } from './fixtures.js';

const catalogue = loadCatalogue();
const units = loadAdminUnits();
const year = parsePeriod('2025');

let row = 1;
/** A child in file `file`, sheet TreEm. */
const listed = (file: string, id: string, fields: Partial<Child>): Child => child(id, { ...fields, source: { file, sheet: 'TreEm', row: ++row } });

const run = (children: readonly Child[], options: { codesAsOf?: string; period?: string; villageMap?: ReturnType<typeof buildVillageMap>['map'] } = {}) =>
  computeIndicators({
    units,
    dataset: dataset({ children }),
    period: options.period ? parsePeriod(options.period) : year,
    catalogue,
    ...(options.codesAsOf ? { codesAsOf: options.codesAsOf } : {}),
    ...(options.villageMap ? { villageMap: options.villageMap } : {}),
  });

const count = (output: ReturnType<typeof run>, unit: string) => figure(output.result.results, 'TE-0101', unit).numerator;

describe('a file of old codes (whole merges)', () => {
  // 21295 is valid only before the reform: the file is of the old vintage, and its 21289 means Di Lăng.
  const children = [
    listed('cu.xlsx', 'C1', { communeCode: '21295' }),
    listed('cu.xlsx', 'C2', { communeCode: '21298' }),
    listed('cu.xlsx', 'C3', { communeCode: '21301' }),
    listed('cu.xlsx', 'C4', { communeCode: '21289' }),
  ];
  const output = run(children);

  it('carries every child exactly to the new commune its old one became', () => {
    expect(output.rejected).toEqual([]);
    // Sơn Hạ 21292 = C1 + C2 = 2; Sơn Hà 21289 = C3 + C4 = 2; province 51 = 4.
    expect(count(output, '21292')).toBe(2);
    expect(count(output, '21289')).toBe(2);
    expect(count(output, '51')).toBe(4);
    expect(figure(output.result.results, 'TE-0101', '51').approximate).toBeUndefined();
  });
  it('says how many children were converted', () => {
    // All 4 were read in the old list and carried over; none approximate, none unplaced.
    expect(output.result.placement).toEqual({ converted: 4, approximate: 0, byVillage: 0, unplaced: [] });
    expect(output.placement.sheets).toEqual([{ file: 'cu.xlsx', sheet: 'TreEm', vintage: 'pre', placed: 4, converted: 4, approximate: 0, byVillage: 0, rejected: 0 }]);
  });
});

describe('a split commune', () => {
  // Mã huyện 268 (Quận Hà Đông) says the file is of the old codes: 09552 is Phú La.
  const children = [
    listed('phu-la.xlsx', 'S1', { provinceCode: '01', districtCode: '268', communeCode: '09552', village: 'Tổ dân phố 1' }),
    listed('phu-la.xlsx', 'S2', { provinceCode: '01', districtCode: '268', communeCode: '09552', village: 'Tổ dân phố 7' }),
  ];

  it('without a village map: both children to Kiến Hưng (took the code), flagged approximate', () => {
    const output = run(children);
    expect(output.rejected).toEqual([]);
    expect(figure(output.result.results, 'TE-0101', '09552')).toMatchObject({ numerator: 2, approximate: true });
    expect(figure(output.result.results, 'TE-0101', '01').approximate).toBe(true);
    expect(output.result.placement).toMatchObject({ converted: 2, approximate: 2, byVillage: 0 });
  });

  it('with a village map: the mapped village exactly, the other still approximate', () => {
    const { map, faults } = buildVillageMap([{ oldCommune: '09552', village: 'tổ  dân phố 7', newCommune: '09886', line: 2 }], units);
    expect(faults).toEqual([]);
    const output = run(children, { villageMap: map });
    // S2 → Dương Nội 09886, exact; S1 (not in the map) → Kiến Hưng 09552, approximate.
    expect(figure(output.result.results, 'TE-0101', '09886')).toMatchObject({ numerator: 1 });
    expect(figure(output.result.results, 'TE-0101', '09886').approximate).toBeUndefined();
    expect(figure(output.result.results, 'TE-0101', '09552')).toMatchObject({ numerator: 1, approximate: true });
    expect(output.result.placement).toMatchObject({ converted: 2, approximate: 1, byVillage: 1 });
  });

  it('with every village mapped: exact everywhere', () => {
    const { map } = buildVillageMap(
      [
        { oldCommune: '09552', village: 'Tổ dân phố 1', newCommune: '09552', line: 2 },
        { oldCommune: '09552', village: 'Tổ dân phố 7', newCommune: '09886', line: 3 },
      ],
      units,
    );
    const output = run(children, { villageMap: map });
    expect(figure(output.result.results, 'TE-0101', '09552').approximate).toBeUndefined();
    expect(figure(output.result.results, 'TE-0101', '01')).toMatchObject({ numerator: 2 });
    expect(figure(output.result.results, 'TE-0101', '01').approximate).toBeUndefined();
  });
});

describe('a reused code', () => {
  it('in a file of old codes means the old commune: A Dơk → Ia Dơk 23869, not Ia Băng 23710', () => {
    const output = run([listed('a-dok.xlsx', 'R1', { provinceCode: '64', districtCode: '626', communeCode: '23710' })]);
    expect(output.rejected).toEqual([]);
    expect(count(output, '23869')).toBe(1);
    expect(output.result.results.some((r) => r.unit === '23710')).toBe(false);
  });
  it('in a file of new codes (21548 is new only) means the new commune: Ia Băng 23710', () => {
    const output = run([
      listed('moi.xlsx', 'R2', { provinceCode: '52', communeCode: '23710' }),
      listed('moi.xlsx', 'R3', { provinceCode: '51', communeCode: '21548' }),
    ]);
    expect(output.rejected).toEqual([]);
    expect(count(output, '23710')).toBe(1);
    expect(count(output, '21548')).toBe(1);
    expect(output.result.placement).toBeUndefined();
  });
});

describe('a file whose vintage cannot be told', () => {
  // A mixed file: 21295 only old, 21548 only new; 09552 has two meanings, 21289 one.
  const mixed = [
    listed('tron.xlsx', 'M1', { communeCode: '21295' }),
    listed('tron.xlsx', 'M2', { communeCode: '21548' }),
    listed('tron.xlsx', 'M3', { provinceCode: '01', communeCode: '09552' }),
    listed('tron.xlsx', 'M4', { communeCode: '21289' }),
  ];

  it('a mixed file: codes of one list read in it, a code of two meanings rejected naming both', () => {
    const output = run(mixed);
    // Placed: M1 → 21292, M2 → 21548, M4 → 21289 (3); rejected: M3 (1).
    expect(count(output, '21292')).toBe(1);
    expect(count(output, '21548')).toBe(1);
    expect(count(output, '21289')).toBe(1);
    expect(output.rejected).toHaveLength(1);
    const issue = output.rejected[0]!.issues[0]!;
    expect(issue).toMatchObject({ kind: 'ambiguous_unit', column: 'Mã xã', value: '09552' });
    expect(issue.message.vi).toContain('Phường Phú La');
    expect(issue.message.vi).toContain('Phường Kiến Hưng');
    expect(issue.message.vi).toContain('--codes-as-of');
    expect(output.rejected[0]!.values['Mã trẻ em']).toBe('M3');
    // M1 converted; M3 unplaced, named by its old meaning.
    expect(output.result.placement).toEqual({ converted: 1, approximate: 0, byVillage: 0, unplaced: [{ code: '09552', name: 'Phường Phú La', children: 1 }] });
    expect(output.placement.sheets[0]).toMatchObject({ vintage: 'mixed', placed: 3, rejected: 1 });
  });

  it('a file of reused codes only: one meaning placed, two meanings rejected', () => {
    const output = run([listed('khong-ro.xlsx', 'U1', { provinceCode: '01', communeCode: '09552' }), listed('khong-ro.xlsx', 'U2', { communeCode: '21289' })]);
    expect(output.rejected.map((r) => r.values['Mã trẻ em'])).toEqual(['U1']);
    expect(count(output, '21289')).toBe(1);
  });

  it('a sheet without evidence takes its file\'s: 09552 in a second sheet of an old-codes file is Phú La', () => {
    const output = run([
      listed('hai-trang.xlsx', 'T1', { communeCode: '21295' }),
      child('T2', { provinceCode: '01', communeCode: '09552', source: { file: 'hai-trang.xlsx', sheet: 'TreEm2', row: 2 } }),
    ]);
    expect(output.rejected).toEqual([]);
    expect(figure(output.result.results, 'TE-0101', '09552')).toMatchObject({ numerator: 1, approximate: true });
  });

  it('before the reform, the old list holds R\'s units: read in it, nothing rejected', () => {
    const output = run([listed('khong-ro.xlsx', 'U1', { provinceCode: '01', communeCode: '09552' })], { period: '2025-H1' });
    expect(output.rejected).toEqual([]);
    expect(count(output, '09552')).toBe(1);
    expect(count(output, '268')).toBe(1);
  });
});

describe('--codes-as-of forces the vintage', () => {
  const children = [listed('khong-ro.xlsx', 'F1', { provinceCode: '01', communeCode: '09552' }), listed('khong-ro.xlsx', 'F2', { provinceCode: '52', communeCode: '23710' })];

  it('before the reform: 09552 is Phú La (→ Kiến Hưng, approximate), 23710 A Dơk (→ Ia Dơk 23869)', () => {
    const output = run(children, { codesAsOf: '2025-06-30' });
    expect(output.rejected).toEqual([]);
    expect(figure(output.result.results, 'TE-0101', '09552')).toMatchObject({ numerator: 1, approximate: true });
    expect(count(output, '23869')).toBe(1);
    expect(output.result.placement).toMatchObject({ converted: 2, approximate: 1 });
  });
  it('from the reform: 09552 is Kiến Hưng, 23710 Ia Băng, both exact', () => {
    const output = run(children, { codesAsOf: '2025-07-01' });
    expect(output.rejected).toEqual([]);
    expect(figure(output.result.results, 'TE-0101', '09552').approximate).toBeUndefined();
    expect(count(output, '23710')).toBe(1);
    expect(output.result.placement).toBeUndefined();
  });
  it('a file of new codes in a period before the reform: each child a row error, not a silent loss', () => {
    const output = run([listed('moi.xlsx', 'N1', { provinceCode: '51', communeCode: '21548' }), listed('moi.xlsx', 'N2', { communeCode: '21289' })], { period: '2025-H1' });
    expect(output.rejected.map((r) => r.issues[0]!.kind)).toEqual(['new_code_before_reform', 'new_code_before_reform']);
  });
});

describe('a province code of the old list only', () => {
  it('says the file is of the old codes: 23710 in province 64 (old Gia Lai) is A Dơk → Ia Dơk 23869', () => {
    // No Mã huyện, 23710 is in both lists; Mã tỉnh 64 exists only before the reform (today's Gia Lai is 52).
    const output = run([listed('gia-lai-cu.xlsx', 'G1', { provinceCode: '64', communeCode: '23710' })]);
    expect(output.rejected).toEqual([]);
    expect(count(output, '23869')).toBe(1);
  });
});
