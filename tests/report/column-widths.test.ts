import { describe, expect, it } from 'vitest';
import { columnWidths } from '../../src/output/docx/column-widths.js';
import { textWidth } from '../../src/report/fonts.js';
import type { Column, Row, TablePart } from '../../src/report/table-model.js';

const PADDING = 114;
/** Half-points: 10 pt, the size of a 15-column table. */
const SIZE = 20;
/** A landscape A4 page between the Decree 30 margins. */
const LANDSCAPE = 14287;

const count = (key: string, header: string, group?: string): Column => ({ key, header, format: 'count', width: 1, ...(group ? { group } : {}) });

function part(columns: Column[], labels: string[], labelHeader = 'Đơn vị'): TablePart {
  const rows: Row[] = labels.map((label, i) => ({ stt: String(i + 1), label, total: false, cells: Object.fromEntries(columns.map((c) => [c.key, { value: 1234 }])) }));
  return { labelHeader, columns, rows };
}

/** Twips of a bold header word at 10 pt, as the DOCX builder measures it. */
const bold = (word: string) => textWidth(word, 10, 'bold') * 20;

describe('column widths of a DOCX annex table', () => {
  it('widens a column to its longest header word, taking the width from columns with room', () => {
    // Biểu 03 b: 13 columns, "Trường học" under "Chia theo môi trường xảy ra".
    const settings = ['Gia đình', 'Trường học', 'Cộng đồng', 'Môi trường mạng', 'Cơ sở chăm sóc', 'Khác'].map((h, i) => count(`mt${i}`, h, 'Chia theo môi trường xảy ra'));
    const columns = [count('so', 'Số trẻ em'), count('nam', 'Nam', 'Chia theo giới tính'), count('nu', 'Nữ', 'Chia theo giới tính'), ...['0-2 tuổi', '3-5 tuổi', '6-10 tuổi', '11-15 tuổi'].map((h, i) => count(`t${i}`, h, 'Chia theo nhóm tuổi')), ...settings];
    const widths = columnWidths(part(columns, ['Bạo lực', 'Xâm hại tình dục'], 'Hình thức xâm hại'), LANDSCAPE, SIZE, PADDING);
    expect(widths).toHaveLength(15);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(LANDSCAPE);
    const school = widths[2 + 8]!;
    expect(school - PADDING).toBeGreaterThanOrEqual(bold('Trường'));
    for (const [i, header] of ['Gia đình', 'Trường học', 'Cộng đồng', 'Môi trường mạng', 'Cơ sở chăm sóc'].entries()) {
      const longest = Math.max(...header.split(' ').map(bold));
      expect(widths[9 + i]! - PADDING, header).toBeGreaterThanOrEqual(longest);
    }
  });

  it('gives a tall header fewer lines when the label column has room, keeping every label on its line', () => {
    // Biểu 01's last two groups: "Được đăng ký khai sinh" takes four lines at an equal share.
    const columns = [
      count('te', 'Tổng số trẻ em'),
      count('u5', 'Tổng số', 'Trẻ em dưới 5 tuổi'),
      count('ks', 'Được đăng ký khai sinh', 'Trẻ em dưới 5 tuổi'),
      { ...count('ks-tl', 'Tỷ lệ (%)', 'Trẻ em dưới 5 tuổi'), format: 'percent' as const },
    ];
    const labels = ['Thị trấn Di Lăng', 'Xã Sơn Thượng'];
    // By weight the column gets 812 twips: "Được / đăng ký / khai sinh", three lines.
    const total = 6000;
    const widths = columnWidths(part(columns, labels), total, SIZE, PADDING);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(total);
    // Two lines at most: "Được đăng" on the first.
    expect(widths[4]! - PADDING).toBeGreaterThanOrEqual(bold('Được') + bold(' ') + bold('đăng'));
    const label = widths[1]! - PADDING;
    for (const text of labels) expect(label).toBeGreaterThanOrEqual(textWidth(text, 10) * 20);
  });

  it('shares a page too narrow for the words in proportion to what they need', () => {
    const columns = Array.from({ length: 12 }, (_, i) => count(`c${i}`, 'Trườngtrường'));
    const widths = columnWidths(part(columns, ['Xã Sơn Hạ']), 3000, SIZE, PADDING);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(3000);
    // Equal needs, equal widths (the last column takes what rounding leaves).
    expect(new Set(widths.slice(2, -1)).size).toBe(1);
    expect(widths[widths.length - 1]! - widths[2]!).toBeLessThan(widths.length);
  });
});
