import { describe, expect, it } from 'vitest';
import { REFORM_DATE, eraAt } from '../../src/units/index.js';

describe('eraAt', () => {
  it('switches to the post-reform list on 1 July 2025', () => {
    expect(REFORM_DATE).toBe('2025-07-01');
    expect(eraAt('2025-06-30')).toBe('pre');
    expect(eraAt('2025-07-01')).toBe('post');
    expect(eraAt('2025-07-02')).toBe('post');
  });

  it('compares across years and months, not as numbers', () => {
    expect(eraAt('2024-12-31')).toBe('pre');
    expect(eraAt('1999-07-01')).toBe('pre');
    expect(eraAt('2026-01-01')).toBe('post');
  });

  it('rejects a date that is not YYYY-MM-DD instead of guessing an era', () => {
    expect(() => eraAt('01/07/2025')).toThrow(RangeError);
    expect(() => eraAt('2025-7-1')).toThrow(RangeError);
    expect(() => eraAt('2025-07-01T00:00:00Z')).toThrow(RangeError);
    expect(() => eraAt('')).toThrow(RangeError);
  });
});
