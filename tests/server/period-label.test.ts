import { describe, expect, it } from 'vitest';
import { parsePeriod, parsePeriodPresets } from '../../src/engine/index.js';
import { periodLabel } from '../../src/server/views.js';

const presets = parsePeriodPresets({ periods: { 'cutoff-6m': { label: 'Kỳ 6 tháng', labelEn: 'Six-month cut-off', from: '15/12', to: '14/5' } } }, 'periods.yaml');

describe('the page names a period from its kind', () => {
  it('calendar periods in Vietnamese and English', () => {
    expect(periodLabel(parsePeriod('2025-H2'), presets)).toEqual({ vi: '6 tháng cuối năm 2025', en: 'second half of 2025' });
    expect(periodLabel(parsePeriod('2025-9M'), presets)).toEqual({ vi: '9 tháng đầu năm 2025', en: 'first nine months of 2025' });
    expect(periodLabel(parsePeriod('2025-Q3'), presets)).toEqual({ vi: 'Quý III năm 2025', en: 'Q3 2025' });
    expect(periodLabel(parsePeriod('2025'), presets)).toEqual({ vi: 'Năm 2025', en: 'year 2025' });
  });
  it('a named window by its preset label and dates (15/12/2024 – 14/05/2025); a custom one by its dates', () => {
    expect(periodLabel(parsePeriod('2025-cutoff-6m', presets), presets)).toEqual({
      vi: 'Kỳ 6 tháng 2025 (15/12/2024 – 14/05/2025)',
      en: 'Six-month cut-off 2025 (15/12/2024 – 14/05/2025)',
    });
    expect(periodLabel(parsePeriod('2025-02-01..2025-03-15'), presets)).toEqual({ vi: '01/02/2025 – 15/03/2025', en: '01/02/2025 – 15/03/2025' });
  });
});
