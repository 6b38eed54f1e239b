/**
 * #18 items 6 and 9 in a real browser: the report form and narrative kept in the browser per
 * unit and period (a reload in the middle of filling the form loses nothing, the results come
 * back too), downloaded and uploaded as the YAML files the command line takes, the last
 * period's narrative carried to the next; progress lines, the explanation beside its figure,
 * "Xóa dữ liệu" asking once, stale notices cleared, and English for every fixed text.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNarrative, loadSettingsFile } from '../../src/pipeline/report.js';
import { CHROMIUM, openPageSession, type PageSession } from '../helpers/browser.js';
import { screenshots } from '../helpers/screenshots.js';

const ROOT = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'chitieu-work-'));
const shot = screenshots('work');
let session: PageSession;
let page: Page;

const signer = () => page.getByLabel('Họ tên người ký', { exact: true });
const opening = () => page.locator('#n-mo-dau');

/** The district set of before the reform (sample-data/*.xlsx); the sample button reads today's 2026 set. */
const DISTRICT = readdirSync(join(ROOT, 'sample-data')).filter((name) => name.endsWith('.xlsx')).sort().map((name) => join(ROOT, 'sample-data', name));

async function readDistrict(): Promise<void> {
  await page.getByLabel('Tệp dữ liệu', { exact: true }).setInputFiles(DISTRICT);
  await page.locator('#data-totals').waitFor();
}

async function computeSample(period: string): Promise<void> {
  await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption(period);
  await expect.poll(() => page.getByLabel('Đơn vị', { exact: true }).locator('option[value="529"]').count()).toBe(1);
  await page.getByLabel('Đơn vị', { exact: true }).selectOption('529');
  // No plan is evaluated unasked (#18): Phú La's plan, chosen to see target statuses.
  await page.getByLabel('Chỉ tiêu kế hoạch', { exact: true }).selectOption('plan:ke-hoach-003-phu-la-2025.yaml');
  await page.getByRole('button', { name: 'Tính chỉ tiêu' }).click();
  await page.locator('#results-caption').filter({ hasText: `(${period})` }).waitFor();
}

async function download(button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = join(work, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

describe.skipIf(!existsSync(CHROMIUM))('work kept, progress and place', () => {
  beforeAll(async () => {
    session = await openPageSession();
    page = await session.openTab();
    await readDistrict();
  });

  afterAll(async () => {
    await session?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('labels the opening sentence without its key ("mo-dau." was shown)', async () => {
    await page.locator('#narrative-box summary').click();
    const label = await page.locator('label[for="n-mo-dau"]').innerText();
    expect(label).toBe('Câu mở đầu: căn cứ (kế hoạch, văn bản chỉ đạo của cấp trên)');
    expect(await page.locator('label[for="n-II.1"]').innerText()).toMatch(/^II\.1\. Công tác tham mưu/);
  });

  it('keeps the form, the narrative and the results through a reload in the middle of filling the form', async () => {
    await computeSample('2025-H1');
    const figure = await page.locator('#figures tr[data-indicator="TE-0101"] button.figure').innerText();
    await signer().fill('Nguyễn Văn Bình');
    await opening().fill('Thực hiện Kế hoạch số 45/KH-UBND ngày 20/02/2025 của UBND huyện Sơn Hà.');
    await shot(page, 'form-filled', page.locator('#bao-cao'));
    await page.reload();
    await page.locator('#figures tr[data-indicator="TE-0101"]').waitFor();
    expect(await signer().inputValue()).toBe('Nguyễn Văn Bình');
    expect(await opening().inputValue()).toBe('Thực hiện Kế hoạch số 45/KH-UBND ngày 20/02/2025 của UBND huyện Sơn Hà.');
    expect(await page.locator('#figures tr[data-indicator="TE-0101"] button.figure').innerText()).toBe(figure);
    expect(await page.getByLabel('Kỳ báo cáo', { exact: true }).inputValue()).toBe('2025-H1');
    expect(await page.getByLabel('Đơn vị', { exact: true }).inputValue()).toBe('529');
    await expect(page.locator('#form-saved').innerText()).resolves.toMatch(/Huyện Sơn Hà, kỳ 2025-H1/);
    await shot(page, 'after-reload', page.locator('#bao-cao'));
  });

  it('downloads the form as the settings and narrative files the command line takes, and reads them back', async () => {
    const settings = loadSettingsFile(await download('Tải thiết lập (.yaml)'));
    expect(settings.signer?.name).toBe('Nguyễn Văn Bình');
    // The district's own settings (settings/huyen-son-ha.yaml) were filled in when its unit was chosen.
    expect(settings.issuingBody).toEqual(['ỦY BAN NHÂN DÂN', 'HUYỆN SƠN HÀ']);
    const narrativeFile = await download('Tải nội dung (.yaml)');
    expect(loadNarrative(narrativeFile)).toEqual({ 'mo-dau': ['Thực hiện Kế hoạch số 45/KH-UBND ngày 20/02/2025 của UBND huyện Sơn Hà.'] });
    // Uploading the sample narrative fills its sections.
    await page.getByLabel('Điền nội dung từ tệp (.yaml)').setInputFiles(join(ROOT, 'settings', 'noi-dung-mau.yaml'));
    await expect.poll(() => page.locator('#n-III\\.3').inputValue()).toMatch(/^- Nguyên nhân khách quan/);
    expect(await opening().inputValue()).toMatch(/^Thực hiện Kế hoạch số 45\/KH-UBND ngày 20\/02\/2025 của Ủy ban nhân dân huyện Sơn Hà/);
    expect(readFileSync(narrativeFile, 'utf8')).toContain('mo-dau: |');
  });

  it('starts the next period with an empty narrative and carries the last one on request', async () => {
    await computeSample('2025-Q1');
    expect(await opening().inputValue()).toBe('');
    expect(await signer().inputValue()).toBe('Nguyễn Văn Bình');
    await page.getByRole('button', { name: 'Lấy nội dung của kỳ 2025-H1' }).click();
    expect(await opening().inputValue()).toMatch(/^Thực hiện Kế hoạch số 45/);
    await shot(page, 'narrative-carried', page.locator('#narrative-box'));
    // Back to the first period: its own narrative, as typed.
    await computeSample('2025-H1');
    expect(await page.locator('#n-III\\.3').inputValue()).toMatch(/^- Nguyên nhân khách quan/);
  });

  it('says what a report is doing while it is made, and lists the report when done', async () => {
    await page.getByRole('button', { name: 'Tạo báo cáo' }).click();
    await page.locator('#report-status').filter({ hasText: /^Đang tạo báo cáo/ }).waitFor();
    await shot(page, 'report-progress', page.locator('#report-form .actions'));
    await page.locator('#report-links:not([hidden])').waitFor({ timeout: 60_000 });
    expect(await page.locator('#report-status').isHidden()).toBe(true);
  });

  it('opens the explanation under the figure clicked, and "Đóng" returns there', async () => {
    const button = page.locator('#figures tr[data-indicator="TE-0304"] button.figure');
    await button.click();
    await page.locator('#explain h3').first().waitFor();
    // The explanation is the row right under the figure's row.
    const next = await page.locator('#figures tr[data-indicator="TE-0304"] + tr.explain-row #explain').count();
    expect(next).toBe(1);
    const [figureTop, explainTop] = await Promise.all([button.boundingBox(), page.locator('#explain').boundingBox()]);
    expect(explainTop!.y - figureTop!.y).toBeLessThan(80);
    await shot(page, 'explanation-beside', page.locator('#figures tr[data-indicator="TE-0304"]'));
    await page.locator('#explain').getByRole('button', { name: 'Đóng' }).click();
    expect(await page.locator('tr.explain-row').count()).toBe(0);
    expect(await page.evaluate('document.activeElement?.closest("tr")?.dataset.indicator')).toBe('TE-0304');
  });

  it('asks once before "Xóa dữ liệu"; cancelling keeps everything, and the notice goes when new data comes', async () => {
    await page.getByRole('button', { name: 'Xóa dữ liệu' }).click();
    await expect(page.getByRole('dialog').isVisible()).resolves.toBe(true);
    await shot(page, 'clear-asks', page.locator('header'));
    await page.getByRole('button', { name: 'Hủy', exact: true }).click();
    expect(await page.locator('#figures tr[data-indicator="TE-0101"]').count()).toBe(1);
    await page.getByRole('button', { name: 'Xóa dữ liệu' }).click();
    await page.getByRole('button', { name: 'Xóa', exact: true }).click();
    await page.locator('#notice:not([hidden])').waitFor();
    expect(await page.locator('#results').isHidden()).toBe(true);
    // The form typed stays in the browser.
    expect(await signer().inputValue()).toBe('Nguyễn Văn Bình');
    await readDistrict();
    expect(await page.locator('#notice').isHidden()).toBe(true);
  });

  it('translates the progress line, the charts and the targets in English; the data keeps its names', async () => {
    await computeSample('2025-H1');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(page.locator('#progress-text').innerText()).resolves.toMatch(/^Read 14 file\(s\), /);
    await page.locator('#charts figure').first().waitFor();
    expect(await page.locator('#charts h3').innerText()).toBe('Charts (as in the report)');
    // "Drawing chart 2 of 3…" goes once the last picture is in.
    await expect.poll(() => page.locator('#charts img').evaluateAll((images) => images.every((image) => (image as unknown as { complete: boolean }).complete))).toBe(true);
    await expect.poll(() => page.locator('#charts p.working').isHidden()).toBe(true);
    await expect(page.locator('#charts figcaption strong').first().innerText()).resolves.toMatch(/^Chart 1\. /);
    const statuses = await page.locator('#targets-view .status').allInnerTexts();
    expect(statuses.length).toBeGreaterThan(0);
    for (const status of statuses) expect(['met', 'not met', 'not enough data', 'none occurred']).toContain(status);
    expect(await page.locator('label[for="n-mo-dau"]').innerText()).toMatch(/^Opening sentence/);
    // The unit's own name stays as the data spells it.
    await expect(page.locator('#results-caption').innerText()).resolves.toMatch(/^Huyện Sơn Hà · /);
    await shot(page, 'english-results', page.locator('#ket-qua'));
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
  });
});
