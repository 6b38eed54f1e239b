/**
 * Making a report tells what it is doing (#18 item 9: "Đang tạo báo cáo… biểu đồ 2/3"): the text,
 * each chart drawn (counted over the charts that are drawn, not those left out), the DOCX put
 * together, the annex, in that order.
 */
import { describe, expect, it } from 'vitest';
import { createReport, type ReportStep } from '../../src/output/report.js';
import { reportModel } from '../../src/report/index.js';
import { districtInput } from './fixtures.js';

describe('report steps', () => {
  it('tells text, chart 1/n … n/n, document, annex, in order', async () => {
    const steps: ReportStep[] = [];
    await createReport(districtInput(), {}, (step) => steps.push(step));
    // The charts the district's model draws: those with something to draw.
    const drawn = reportModel(districtInput()).charts.filter((chart) => chart.empty === undefined).length;
    expect(drawn).toBeGreaterThan(1);
    expect(steps).toEqual([
      { step: 'text' },
      ...Array.from({ length: drawn }, (_, index) => ({ step: 'chart', done: index + 1, total: drawn })),
      { step: 'document' },
      { step: 'annex' },
    ]);
  });
});
