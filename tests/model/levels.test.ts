/**
 * The hierarchy by date (model/levels.ts), checked against the bundled lists: 63 provinces with
 * districts before 1 July 2025, 34 provinces of communes from then, the nation on top of both.
 */
import { describe, expect, it } from 'vitest';
import { Level, communesUnder, findUnit, isUnder, levelBelow, levelOfCode, levelsAt, unitsAbove, unitsBelow } from '../../src/model/levels.js';
import { loadAdminUnits } from '../../src/units/index.js';

const units = loadAdminUnits();
const BEFORE = '2025-06-30';
const AFTER = '2025-07-01';
const codes = (list: readonly { code: string }[]) => list.map((unit) => unit.code);

describe('the hierarchy by date', () => {
  it('has districts before the reform and none from its first day', () => {
    expect(levelsAt(BEFORE)).toEqual(['commune', 'district', 'province', 'national']);
    expect(levelsAt(AFTER)).toEqual(['commune', 'province', 'national']);
    expect(levelBelow('province', BEFORE)).toBe('district');
    expect(levelBelow('province', AFTER)).toBe('commune');
    expect(levelBelow('commune', AFTER)).toBeUndefined();
  });

  it('tells a level by its code, and refuses other codes', () => {
    expect(['21289', '529', '51', 'VN'].map(levelOfCode)).toEqual(['commune', 'district', 'province', 'national']);
    expect(['5', '1234', 'vn', 'VNM', ''].map(levelOfCode)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(Level.safeParse('national').success).toBe(true);
    expect(Level.safeParse('region').success).toBe(false);
  });

  it('finds the nation and a district only where it exists', () => {
    expect(findUnit(units, 'VN', AFTER)).toEqual({ code: 'VN', name: 'Toàn quốc', level: 'national' });
    expect(findUnit(units, '529', BEFORE)).toEqual({ code: '529', name: 'Huyện Sơn Hà', level: 'district' });
    expect(findUnit(units, '529', AFTER)).toBeUndefined();
  });

  it('puts the provinces of the date under the nation, and a province\'s communes directly under it after the reform', () => {
    const after = unitsBelow(units, { code: 'VN', level: 'national' }, AFTER);
    expect(after).toHaveLength(34);
    expect(after[0]).toEqual({ code: '01', name: 'Thành phố Hà Nội', level: 'province' });
    expect(unitsBelow(units, { code: 'VN', level: 'national' }, BEFORE)).toHaveLength(63);
    const quangNgai = unitsBelow(units, { code: '51', level: 'province' }, AFTER);
    expect(quangNgai).toHaveLength(96);
    expect(new Set(quangNgai.map((unit) => unit.level))).toEqual(new Set(['commune']));
    // Before: 13 districts, towns and the city (Lý Sơn 536 among them, an island district without communes).
    expect(codes(unitsBelow(units, { code: '51', level: 'province' }, BEFORE))).toContain('536');
    expect(communesUnder(units, { code: 'VN', level: 'national' }, AFTER)).toHaveLength(3321);
  });

  it('finds the units above a unit and what lies under what', () => {
    expect(codes(unitsAbove(units, { code: '21289', level: 'commune' }, BEFORE))).toEqual(['529', '51', 'VN']);
    expect(codes(unitsAbove(units, { code: '21025', level: 'commune' }, AFTER))).toEqual(['51', 'VN']);
    expect(codes(unitsAbove(units, { code: '51', level: 'province' }, AFTER))).toEqual(['VN']);
    expect(isUnder(units, { code: 'VN', level: 'national' }, '51', AFTER)).toBe(true);
    expect(isUnder(units, { code: '51', level: 'province' }, '21289', BEFORE)).toBe(true);
    expect(isUnder(units, { code: '51', level: 'province' }, '00004', AFTER)).toBe(false);
    expect(isUnder(units, { code: '51', level: 'province' }, 'VN', AFTER)).toBe(false);
  });
});
