import { describe, expect, it } from 'vitest';
import { SPECIAL_GROUPS, ABUSE_FORMS, SEX } from '../../src/model/codes.js';
import { parseCode, parseDate, parseEnum, parseList, parseNumber, parseYesNo } from '../../src/import/cells.js';
import { foldHeader } from '../../src/import/text.js';

const value = <T>(parsed: { ok: true; value: T } | { ok: false }) => (parsed.ok ? parsed.value : 'ERROR');

describe('codes keep their leading zeros', () => {
  it('pads numeric cells and digit text to the code length', () => {
    expect(value(parseCode(9552, 5))).toBe('09552');
    expect(value(parseCode('9552', 5))).toBe('09552');
    expect(value(parseCode(' 21289 ', 5))).toBe('21289');
    expect(value(parseCode(1, 2))).toBe('01');
  });
  it('rejects codes that are too long or not digits', () => {
    expect(parseCode('123456', 5).ok).toBe(false);
    expect(parseCode('2128A', 5).ok).toBe(false);
    expect(parseCode(21.5, 5).ok).toBe(false);
  });
});

describe('dates are calendar dates, day first', () => {
  it('reads date cells at UTC midnight without shifting the day', () => {
    expect(value(parseDate(new Date(Date.UTC(2025, 0, 1))))).toBe('2025-01-01');
  });
  it.each([
    ['03/05/2015', '2015-05-03'],
    ['3/5/2015', '2015-05-03'],
    ['03-05-2015', '2015-05-03'],
    ['2015-05-03', '2015-05-03'],
    ['03.05.2015', '2015-05-03'],
    ['03/05/15', '2015-05-03'],
  ])('reads text %s as %s', (text, iso) => {
    expect(value(parseDate(text))).toBe(iso);
  });
  it('reads Excel serial numbers, also stored as text', () => {
    // 45658 = 2025-01-01 (days since 1899-12-30)
    expect(value(parseDate(45658))).toBe('2025-01-01');
    expect(value(parseDate('45658'))).toBe('2025-01-01');
  });
  it('rejects impossible dates', () => {
    expect(parseDate('31/02/2025').ok).toBe(false);
    expect(parseDate('13/13/2020').ok).toBe(false);
    expect(parseDate('hôm qua').ok).toBe(false);
    expect(parseDate('12').ok).toBe(false);
  });
});

describe('yes/no', () => {
  it.each([
    ['Có', true], ['có', true], ['x', true], ['1', true], ['C', true], ['Yes', true],
    ['Không', false], ['0', false], ['K', false], ['No', false], [null, false], ['', false],
  ])('%s → %s', (text, expected) => {
    expect(value(parseYesNo(text))).toBe(expected);
  });
  it('rejects anything else', () => {
    expect(parseYesNo('có lẽ').ok).toBe(false);
  });
});

describe('code lists', () => {
  it('reads sex as codes, labels and numbers', () => {
    expect(['Nam', 'nữ', '1', '2', 'M', 'F', 'NU'].map((text) => value(parseEnum(text, SEX)))).toEqual(['NAM', 'NU', 'NAM', 'NU', 'NAM', 'NU', 'NU']);
  });
  it('accepts a label without diacritics only when it is unambiguous', () => {
    expect(value(parseEnum('Nu', SEX))).toBe('NU');
  });
  it('matches the special-circumstance letters exactly: đ is not d', () => {
    expect(value(parseList('d', SPECIAL_GROUPS))).toEqual(['HCDB04']);
    expect(value(parseList('đ', SPECIAL_GROUPS))).toEqual(['HCDB05']);
    expect(value(parseList('D; Đ', SPECIAL_GROUPS))).toEqual(['HCDB04', 'HCDB05']);
  });
  it('matches a label holding a comma whole before splitting', () => {
    expect(value(parseList('Bỏ rơi, bỏ mặc', ABUSE_FORMS))).toEqual(['BO_ROI_BO_MAC']);
    expect(value(parseList('Bạo lực, Bỏ rơi, bỏ mặc; XAM_HAI_TINH_DUC', ABUSE_FORMS))).toEqual(['BAO_LUC', 'XAM_HAI_TINH_DUC', 'BO_ROI_BO_MAC']);
  });
  it('accepts codes, labels and NFD text', () => {
    const nfd = 'Trẻ em khuyết tật'.normalize('NFD');
    expect(value(parseList(`HCDB01, ${nfd}`, SPECIAL_GROUPS))).toEqual(['HCDB01', 'HCDB04']);
  });
  it('names the value it does not know', () => {
    const parsed = parseList('d; bay', SPECIAL_GROUPS);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message.vi).toContain('"bay"');
  });
});

describe('numbers with Vietnamese separators', () => {
  it.each([
    ['1.500.000', 1_500_000],
    ['1.500.000,5', 1_500_000.5],
    ['2500000', 2_500_000],
    ['12,5', 12.5],
    ['1,500,000', 1_500_000],
    [750000, 750_000],
  ])('%s → %s', (text, expected) => {
    expect(value(parseNumber(text))).toBe(expected);
  });
});

describe('header folding', () => {
  it('ignores case, diacritics, đ/Đ, punctuation and spacing', () => {
    expect(foldHeader('NGÀY SINH')).toBe('ngay sinh');
    expect(foldHeader('Ngay  sinh')).toBe('ngay sinh');
    expect(foldHeader('Nhóm HCĐB')).toBe('nhom hcdb');
    expect(foldHeader('Ngày, tháng, năm sinh')).toBe('ngay thang nam sinh');
    expect(foldHeader('Ngày sinh'.normalize('NFD'))).toBe('ngay sinh');
  });
});
