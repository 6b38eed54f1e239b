/**
 * A report is dated on or after the last day of its period: settings that date it earlier are
 * refused (exit 4, naming both dates), by the report stage and by `chitieu report` before it
 * reads any data.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportModel } from '../../src/report/index.js';
import { runCli } from '../helpers/cli.js';
import { userError } from '../helpers/errors.js';
import { districtInput } from './fixtures.js';

const SETTINGS = { numberPattern: '{number}/BC-UBND', fontSize: 14 as const };

describe('the report date against the period', () => {
  it('refuses a report dated before the period ends (2025-H1 ends 30/06/2025)', () => {
    const error = userError(() => reportModel(districtInput(), { settings: { ...SETTINGS, reportDate: '2025-06-20' } }));
    expect(error.exitCode).toBe(4);
    expect(error.text.vi).toContain('ngày báo cáo (reportDate) 20/06/2025 trước ngày cuối kỳ 30/06/2025');
    expect(error.text.en).toContain('20/06/2025 is before the period\'s last day 30/06/2025');
  });

  it('takes the last day itself and any later day', () => {
    for (const reportDate of ['2025-06-30', '2025-07-05']) {
      expect(reportModel(districtInput(), { settings: { ...SETTINGS, reportDate } }).settings.reportDate).toBe(reportDate);
    }
  });

  it('stops `chitieu report` with exit 4 naming the settings file, before any data is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-date-'));
    const settings = join(dir, 'som.yaml');
    writeFileSync(settings, 'reportDate: 20/06/2025\n');
    const ran = await runCli('report', join(dir, 'khong-co.xlsx'), '--period', '2025-H1', '--unit', '529', '--settings', settings, '--out', dir);
    expect(ran.code).toBe(4);
    expect(ran.stderr).toContain(`Tệp thiết lập báo cáo ${settings}: ngày báo cáo (reportDate) 20/06/2025 trước ngày cuối kỳ 30/06/2025`);
  });
});
