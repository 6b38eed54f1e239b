/**
 * The page across the 2025 reform (issue #16): the sample's child lists, in the old codes, computed
 * for 2025-9M at the province give the same children as at the district before the reform
 * (19,443, not 6,920), with no --codes-as-of; the data panel says what was converted; a village
 * map can be uploaded.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { CHROMIUM, launchBrowser } from '../helpers/browser.js';

const SAMPLES = join(import.meta.dirname, '../../sample-data');
const samples = readdirSync(SAMPLES).filter((name) => /^51-529-.*\.xlsx$/.test(name)).sort().map((name) => join(SAMPLES, name));
const work = mkdtempSync(join(tmpdir(), 'chitieu-reform-page-'));
const profile = mkdtempSync(join(tmpdir(), 'chitieu-chromium-'));
const SHOTS = process.env.CHITIEU_SHOTS;
let server: RunningServer;
let context: BrowserContext;
let page: Page;

describe.skipIf(!existsSync(CHROMIUM))('the page across the reform', () => {
  beforeAll(async () => {
    server = await startServer();
    context = await launchBrowser(profile, { width: 1366, height: 900 });
    page = await context.newPage();
    await page.goto(server.url);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  it('2025-9M at the province: TE-0101 = 19.443, and the data panel says what was converted', async () => {
    await page.getByLabel('Tệp dữ liệu', { exact: true }).setInputFiles(samples);
    await page.locator('#data-view').waitFor({ state: 'visible', timeout: 120_000 });
    await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption('2025-9M');
    const unit = page.getByLabel('Đơn vị', { exact: true });
    await expect.poll(() => unit.locator('option[value="51"]').count(), { timeout: 30_000 }).toBe(1);
    await unit.selectOption('51');
    await page.getByRole('button', { name: 'Tính chỉ tiêu', exact: true }).click();
    await page.locator('#results').waitFor({ state: 'visible', timeout: 120_000 });
    const te0101 = await page.locator('#figures tr[data-indicator="TE-0101"]').innerText();
    expect(te0101).toContain('19.443');
    // Only the 9 rows the importer rejected: no child was lost while being placed.
    expect(await page.locator('#data-totals').innerText()).toBe('14 tệp: đọc 22.298 dòng = 22.289 hợp lệ + 9 bị loại.');
    expect(await page.locator('#accounting').innerText()).toMatch(/mã xã theo danh mục trước 01\/07\/2025: [\d.]+ trẻ quy đổi sang xã mới/);
    expect(await page.locator('#results-placement').isHidden()).toBe(true);
    if (SHOTS) {
      await page.locator('#data-view').screenshot({ path: join(SHOTS, 'data.png') });
      await page.locator('#ket-qua').screenshot({ path: join(SHOTS, 'results.png') });
    }
  }, 240_000);

  it('takes a village map upload, and refuses a bad one in words', async () => {
    const good = join(work, 'ban-do.csv');
    writeFileSync(good, 'Mã xã cũ,Thôn/Tổ dân phố,Mã xã mới\n09552,Tổ dân phố 7,09886\n');
    await page.locator('#village-map-file').setInputFiles(good);
    await expect.poll(() => page.locator('#village-map-status').innerText()).toBe('Đã nạp bản đồ thôn: 1 thôn của 1 xã cũ; dùng từ lần tính tiếp theo.');
    const bad = join(work, 'sai.csv');
    writeFileSync(bad, 'Mã xã cũ,Thôn/Tổ dân phố,Mã xã mới\n09552,Tổ dân phố 7,21289\n');
    await page.locator('#village-map-file').setInputFiles(bad);
    await expect.poll(() => page.locator('#compute-error').innerText()).toContain('dòng 2');
    if (SHOTS) await page.locator('#compute-form').screenshot({ path: join(SHOTS, 'village-map.png') });
  }, 60_000);
});
