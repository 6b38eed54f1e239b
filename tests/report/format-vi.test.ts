import { describe, expect, it } from 'vitest';
import {
  countChange,
  countSentence,
  formatDate,
  formatDateWords,
  formatMoney,
  formatNumber,
  formatPercent,
  formatRate,
  pointChange,
  ratioSentence,
  roundTo,
  targetClause,
} from '../../src/report/format-vi.js';
import { periodOfRef } from '../../src/model/period.js';
import { periodWording } from '../../src/report/period-label.js';

describe('numbers', () => {
  it('groups thousands with "." and writes decimals with ","', () => {
    expect(formatNumber(1234)).toBe('1.234');
    expect(formatNumber(1234567.891)).toBe('1.234.568');
    expect(formatNumber(1234567.891, 1)).toBe('1.234.567,9');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(-1500)).toBe('-1.500');
  });

  it('shows "–" for a figure that does not exist', () => {
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(undefined)).toBe('–');
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatPercent(null)).toBe('–');
    expect(formatMoney(null)).toBe('–');
  });

  it('rounds half away from zero without float surprises', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(12.25, 1)).toBe(12.3);
    expect(roundTo(-12.25, 1)).toBe(-12.3);
    // 2/3 × 100 = 66.666…
    expect(formatPercent((2 / 3) * 100)).toBe('66,7%');
  });

  it('writes percentages, rates and money', () => {
    expect(formatPercent(12.5)).toBe('12,5%');
    expect(formatPercent(100)).toBe('100,0%');
    // 3 children among 5.480: 3 / 5480 × 100000 = 54,744…
    expect(formatRate((3 / 5480) * 100000)).toBe('54,7');
    expect(formatMoney(15_000_000)).toBe('15.000.000 đồng');
  });
});

describe('dates', () => {
  it('writes dd/mm/yyyy', () => {
    expect(formatDate('2025-06-05')).toBe('05/06/2025');
    expect(formatDate('2025-12-31')).toBe('31/12/2025');
  });

  it('writes dates in words, padding days below 10 and the months 01 and 02 (Decree 30)', () => {
    expect(formatDateWords('2025-06-15')).toBe('ngày 15 tháng 6 năm 2025');
    expect(formatDateWords('2025-06-05')).toBe('ngày 05 tháng 6 năm 2025');
    expect(formatDateWords('2026-01-09')).toBe('ngày 09 tháng 01 năm 2026');
    expect(formatDateWords('2026-02-20')).toBe('ngày 20 tháng 02 năm 2026');
    expect(formatDateWords('2025-11-30')).toBe('ngày 30 tháng 11 năm 2025');
  });

  it('refuses what is not an ISO date', () => {
    expect(() => formatDate('15/06/2025')).toThrow(RangeError);
  });
});

describe('comparison sentences', () => {
  const base = { subject: 'trẻ em tử vong do tai nạn thương tích', unitWord: 'em', baselineLabel: 'cùng kỳ năm 2024' };

  it('says a decrease with its number and percentage, and the target status', () => {
    // 3 now, 5 last year: −2, 2/5 = 40,0%.
    const text = countSentence({
      ...base,
      current: 3,
      baseline: 5,
      targets: [{ label: 'Giảm ít nhất 10% số trẻ em tử vong do tai nạn, thương tích so với cùng kỳ', status: 'met' }],
    });
    expect(text).toBe(
      'có 3 trẻ em tử vong do tai nạn thương tích, giảm 2 em (40,0%) so với cùng kỳ năm 2024; đạt chỉ tiêu giảm ít nhất 10% số trẻ em tử vong do tai nạn, thương tích so với cùng kỳ',
    );
  });

  it('says an increase', () => {
    // 5 now, 4 last year: +1, 1/4 = 25,0%.
    expect(countSentence({ ...base, current: 5, baseline: 4 })).toBe('có 5 trẻ em tử vong do tai nạn thương tích, tăng 1 em (25,0%) so với cùng kỳ năm 2024');
  });

  it('says "bằng" when nothing changed, and nothing both years', () => {
    expect(countChange(2, 2, 'em', 'cùng kỳ năm 2024')).toBe(', bằng cùng kỳ năm 2024');
    expect(countSentence({ ...base, current: 0, baseline: 0 })).toBe(
      'không có trẻ em tử vong do tai nạn thương tích, cùng kỳ năm 2024 cũng không có trường hợp nào',
    );
  });

  it('writes a change from a zero baseline in number, never as a percentage', () => {
    expect(countChange(3, 0, 'vụ', 'cùng kỳ năm 2024')).toBe(', tăng từ 0 lên 3 vụ so với cùng kỳ năm 2024');
    expect(countSentence({ ...base, current: 12, baseline: 0 })).toBe('có 12 trẻ em tử vong do tai nạn thương tích, tăng từ 0 lên 12 em so với cùng kỳ năm 2024');
  });

  it('never takes a missing baseline for zero', () => {
    expect(countSentence({ ...base, current: 3, baseline: undefined })).toBe(
      'có 3 trẻ em tử vong do tai nạn thương tích, chưa có số liệu cùng kỳ năm 2024 để so sánh',
    );
    // Asked for, but last year has no figure: "không có", with the catalogue's reason when given.
    expect(countSentence({ ...base, current: 3, baseline: null })).toBe('có 3 trẻ em tử vong do tai nạn thương tích, không có số liệu cùng kỳ năm 2024 để so sánh');
    expect(pointChange(94.8, null, 'cùng kỳ năm 2024', 'ngày trợ giúp chỉ lưu lần gần nhất')).toBe(', không có số liệu cùng kỳ năm 2024 (ngày trợ giúp chỉ lưu lần gần nhất)');
  });

  it('names the three target statuses', () => {
    expect(targetClause({ label: '100% trẻ em bị xâm hại được can thiệp.', status: 'not_met' })).toBe('chưa đạt chỉ tiêu 100% trẻ em bị xâm hại được can thiệp');
    expect(targetClause({ label: 'Giảm số trẻ em tử vong do đuối nước', status: 'insufficient_data' })).toBe(
      'chưa đủ số liệu để đánh giá chỉ tiêu giảm số trẻ em tử vong do đuối nước',
    );
    expect(targetClause({ label: 'X', status: 'met', note: 'không có trẻ em thuộc diện' })).toBe('đạt chỉ tiêu x (không có trẻ em thuộc diện)');
    // 0 last year and 0 now: nothing to reduce, neither met nor missed (#18).
    expect(targetClause({ label: 'Giảm số trẻ em tử vong do đuối nước', status: 'not_occurred' })).toBe('không phát sinh nên không đánh giá chỉ tiêu giảm số trẻ em tử vong do đuối nước');
  });

  it('compares percentages in percentage points', () => {
    // 1.230/1.249 = 98,48…% → 98,5%; last year 97,3%: +1,2 points.
    const text = ratioSentence({
      subject: 'tỷ lệ trẻ em dưới 5 tuổi được đăng ký khai sinh',
      value: (1230 / 1249) * 100,
      numerator: 1230,
      denominator: 1249,
      unitWord: 'em',
      baseline: 97.3,
      baselineLabel: 'cùng kỳ năm 2024',
    });
    expect(text).toBe('tỷ lệ trẻ em dưới 5 tuổi được đăng ký khai sinh đạt 98,5% (1.230/1.249 em), tăng 1,2 điểm phần trăm so với cùng kỳ năm 2024');
    expect(pointChange(90, 90.04, 'năm 2024')).toBe(', bằng năm 2024');
  });

  it('says when nobody is in the denominator', () => {
    const text = ratioSentence({ subject: 'tỷ lệ trẻ em bị xâm hại được hỗ trợ', value: null, numerator: 0, denominator: 0, unitWord: 'em', baseline: undefined, baselineLabel: 'x' });
    expect(text).toBe('tỷ lệ trẻ em bị xâm hại được hỗ trợ: không có trẻ em thuộc diện');
  });
});

describe('period wording', () => {
  it('names six-month, annual and other periods', () => {
    expect(periodWording(periodOfRef({ id: '2025-H1', from: '2025-01-01', to: '2025-06-30' }))).toMatchObject({
      label: '6 tháng đầu năm 2025',
      nextLabel: '6 tháng cuối năm 2025',
      baselineLabel: 'cùng kỳ năm 2024',
    });
    expect(periodWording(periodOfRef({ id: '2025', from: '2025-01-01', to: '2025-12-31' }))).toMatchObject({
      kind: 'year',
      label: 'năm 2025',
      nextLabel: 'năm 2026',
      baselineLabel: 'năm 2024',
    });
    expect(periodWording(periodOfRef({ id: '2025-Q4', from: '2025-10-01', to: '2025-12-31' })).nextLabel).toBe('quý I năm 2026');
    expect(periodWording(periodOfRef({ id: '2024-12-15..2025-06-14', from: '2024-12-15', to: '2025-06-14' })).label).toBe(
      'từ ngày 15/12/2024 đến ngày 14/06/2025',
    );
  });
});
