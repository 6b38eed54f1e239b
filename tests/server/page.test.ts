/**
 * The page in a real browser (Debian's chromium driven by playwright-core; nothing is
 * downloaded): the sample data from upload to the downloaded report, by the names people and
 * scripts rely on, and a broken file's one-line message. The annex's figures must equal
 * `chitieu compute --out result.json`'s.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchBrowser } from '../helpers/browser.js';
import { ComputeResult, type IndicatorResult } from '../../src/model/results.js';
import { breakdownId } from '../../src/report/result-index.js';
import { communeAnnexes, demoSetup, districtReport } from '../../src/pipeline/demo.js';
import { readAnnex } from '../../src/import/annex.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { runCli } from '../helpers/cli.js';
import { zipEntries, paragraphs } from '../report/read-back.js';

const ROOT = join(import.meta.dirname, '../..');
const SAMPLES = join(ROOT, 'sample-data');
const samples = readdirSync(SAMPLES).filter((name) => name.endsWith('.xlsx')).sort().map((name) => join(SAMPLES, name));
const work = mkdtempSync(join(tmpdir(), 'chitieu-page-'));
// CHITIEU_SCREENSHOT=1 refreshes the README's picture from this run.
const SCREENSHOT = process.env.CHITIEU_SCREENSHOT ? join(ROOT, 'docs', 'trang-web.png') : undefined;

// A fresh profile each run: no cache, no cookies, no extensions.
const profile = mkdtempSync(join(tmpdir(), 'chitieu-chromium-'));
let server: RunningServer;

async function optionValues(select: Locator): Promise<(string | null)[]> {
  return Promise.all((await select.locator('option').all()).map((option) => option.getAttribute('value')));
}
let context: BrowserContext;
let page: Page;

describe.skipIf(!existsSync(CHROMIUM))('chitieu serve in a browser', () => {
  beforeAll(async () => {
    server = await startServer();
    context = await launchBrowser(profile, { width: 1366, height: 768 });
    page = await context.newPage();
    await page.goto(server.url);
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  it('opens in Vietnamese, with the token gone from the address bar', async () => {
    expect(page.url()).not.toContain('token=');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await expect(page.getByLabel('Tệp dữ liệu', { exact: true }).count()).resolves.toBe(1);
    await page.screenshot({ path: join(work, 'start.png') });
  });

  it('reads the sample data and shows the accounting per file and sheet', async () => {
    await page.getByLabel('Tệp dữ liệu', { exact: true }).setInputFiles(samples);
    await page.locator('#data-view').waitFor({ state: 'visible', timeout: 120_000 });
    const totals = await page.locator('#data-totals').innerText();
    // sample-data/README.md: 22.298 rows read, 9 of them rejected by planted errors.
    expect(totals).toBe('14 tệp: đọc 22.298 dòng = 22.289 hợp lệ + 9 bị loại.');
    const accounting = await page.locator('#accounting').innerText();
    expect(accounting).toContain('51-529-21289-thi-tran-di-lang.xlsx');
    expect(accounting).toContain('trang "TreEm" (trẻ em)');
    expect(await page.locator('#errors').innerText()).toContain('trùng trẻ em');
    // Rejected rows as on the terminal: no full name, no personal ID number.
    const rejected = await page.locator('#rejected').textContent();
    expect(rejected).toMatch(/› dòng \d+ ›/);
    expect(rejected).not.toMatch(/\b\d{12}\b/);
    const errors = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải tệp lỗi (XLSX)', exact: true }).click()]);
    expect(errors[0].suggestedFilename()).toBe('tep-loi.xlsx');
  });

  it('computes the district, explains a figure with the personal-data notice, and shows target statuses in words', async () => {
    const period = page.getByLabel('Kỳ báo cáo', { exact: true });
    const periods = await optionValues(period);
    expect(periods).toEqual(expect.arrayContaining(['2025-H1', '2025-9M', '2025', '2025-Q1']));
    await period.selectOption('2025-H1');
    const unit = page.getByLabel('Đơn vị', { exact: true });
    await expect.poll(() => unit.locator('option[value="529"]').count()).toBe(1);
    const units = await optionValues(unit);
    expect(units).toEqual(expect.arrayContaining(['51', '529', '21289']));
    await unit.selectOption('529');
    // No plan is evaluated unasked (Phú La's plan is not Sơn Hà's): chosen here to see the statuses.
    await page.getByLabel('Chỉ tiêu kế hoạch', { exact: true }).selectOption('plan:ke-hoach-003-phu-la-2025.yaml');
    await page.getByLabel('Cùng kỳ năm trước').selectOption('records');
    await page.getByRole('button', { name: 'Tính chỉ tiêu', exact: true }).click();
    await page.locator('#results').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.locator('#results-caption').innerText()).toContain('Huyện Sơn Hà · 6 tháng đầu năm 2025 (2025-H1)');
    const statuses = await page.locator('#targets-view .status').allInnerTexts();
    expect(statuses.length).toBeGreaterThan(0);
    for (const status of statuses) expect(['đạt', 'chưa đạt', 'chưa đủ dữ liệu', 'không phát sinh']).toContain(status);
    const te0101 = page.locator('#figures tr[data-indicator="TE-0101"]');
    await te0101.locator('button.figure').click();
    const explain = page.locator('#explain');
    await explain.waitFor({ state: 'visible' });
    const text = await explain.innerText();
    expect(text).toContain('TE-0101 Dân số trẻ em');
    expect(text).toContain('Tử số');
    expect(text).toContain('dữ liệu cá nhân');
    expect(text).toMatch(/Mã trẻ em \([\d.]+\)/);
    await page.locator('#ket-qua').scrollIntoViewIfNeeded();
    await page.locator('#ket-qua').screenshot({ path: join(work, 'results.png') });
  });

  it('makes the report; the DOCX opens and the XLSX annex carries the figures compute writes', async () => {
    await page.getByLabel('Địa danh').fill('Sơn Hà');
    await page.getByRole('button', { name: 'Tạo báo cáo', exact: true }).click();
    await page.locator('#report-links').waitFor({ state: 'visible', timeout: 120_000 });
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải báo cáo (DOCX)', exact: true }).click()]);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải phụ lục (XLSX)', exact: true }).click()]);
    expect(docx.suggestedFilename()).toBe('bao-cao-529-2025-H1.docx');
    expect(xlsx.suggestedFilename()).toBe('bao-cao-529-2025-H1.xlsx');
    const docxPath = join(work, docx.suggestedFilename());
    const xlsxPath = join(work, xlsx.suggestedFilename());
    await docx.saveAs(docxPath);
    await xlsx.saveAs(xlsxPath);

    const text = paragraphs((await zipEntries(readFileSync(docxPath)))['word/document.xml']!).join('\n');
    expect(text).toContain('6 tháng đầu năm 2025');
    expect(text).toContain('Sơn Hà, ngày');

    const json = join(work, 'ket-qua.json');
    const cli = await runCli('compute', ...samples, '--period', '2025-H1', '--level', 'district', '--out', json);
    expect(cli.code).toBe(0);
    const computed = ComputeResult.parse(JSON.parse(readFileSync(json, 'utf8')));
    const key = (row: IndicatorResult) => `${row.indicator}|${row.unit}|${breakdownId(row.breakdown)}`;
    const byKey = new Map(computed.results.map((row) => [key(row), row]));
    const annex = await readAnnex(xlsxPath);
    expect(annex.info.unitCode).toBe('529');
    expect(annex.rows.length).toBeGreaterThan(100);
    for (const row of annex.rows) {
      const expected = byKey.get(key(row));
      expect(expected, key(row)).toBeDefined();
      expect([row.numerator, row.denominator, row.noData === true], key(row)).toEqual([expected!.numerator, expected!.denominator, expected!.noData === true]);
      if (row.value === null || expected!.value === null) expect(row.value).toBe(expected!.value);
      else expect(row.value).toBeCloseTo(expected!.value, 9);
    }
    await page.locator('#bao-cao').screenshot({ path: join(work, 'report.png') });
  });

  it('switches to English and back', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByLabel('Reporting period', { exact: true }).count()).toBe(1);
    expect(await page.locator('#data-totals').innerText()).toBe('14 file(s): read 22,298 rows = 22,289 accepted + 9 rejected.');
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  });

  it("a broken file shows its one-line message; \"Xóa dữ liệu\" deletes the uploads", async () => {
    await page.locator('#du-lieu').scrollIntoViewIfNeeded();
    const broken = join(work, 'hỏng.xlsx');
    writeFileSync(broken, 'đây không phải là một tệp Excel');
    await page.getByLabel('Tệp dữ liệu', { exact: true }).setInputFiles(broken);
    // The file joins the files already read: it is listed with its reason, and the others are still read.
    const listed = page.locator('#file-list li.unreadable');
    await listed.waitFor({ state: 'visible', timeout: 60_000 });
    const message = await listed.locator('.error-text').innerText();
    expect(message).toContain('hỏng.xlsx');
    expect(message.split('\n')).toHaveLength(1);
    await page.screenshot({ path: join(work, 'broken.png') });
    await page.getByRole('button', { name: 'Xóa dữ liệu', exact: true }).click();
    // It asks once.
    await page.getByRole('dialog').getByRole('button', { name: 'Xóa', exact: true }).click();
    await page.locator('#notice').waitFor({ state: 'visible' });
    // The tab's folder is emptied (each tab has its own: tab-…).
    const tabs = readdirSync(server.dir).filter((name) => name !== 'owner.pid');
    expect(tabs).toHaveLength(1);
    expect(readdirSync(join(server.dir, tabs[0]!))).toEqual([]);
  });

  it('sums the annexes the communes sent up and names the commune that has not sent one', async () => {
    const setup = demoSetup();
    const district = await districtReport(samples, setup);
    const annexes = await communeAnnexes(district, setup);
    const [missing, ...sent] = annexes;
    const paths = sent.map((annex) => {
      const path = join(work, `phu-luc-${annex.unit.code}-2025-H1.xlsx`);
      writeFileSync(path, annex.xlsx);
      return path;
    });
    await page.getByLabel('Tệp phụ lục của đơn vị cấp dưới').setInputFiles(paths);
    await page.locator('#aggregate-form').waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByLabel('Huyện/tỉnh tổng hợp').selectOption('529');
    await page.getByLabel('Kỳ của các phụ lục').selectOption('2025-H1');
    await page.getByRole('button', { name: 'Tổng hợp', exact: true }).click();
    await page.locator('#aggregate-view').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.locator('#aggregate-summary').innerText()).toBe(`Đã cộng ${sent.length} phụ lục vào Huyện Sơn Hà.`);
    expect(await page.locator('#aggregate-missing').innerText()).toContain(`${missing!.unit.fullName} (${missing!.unit.code})`);
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải báo cáo tổng hợp (DOCX)' }).click()]);
    expect(docx.suggestedFilename()).toBe('bao-cao-529-2025-H1-tong-hop.docx');
    await page.locator('#tong-hop').screenshot({ path: join(work, 'aggregate.png') });
  });

  it('leaves a picture of the page for the README', async () => {
    await page.reload();
    await page.getByRole('button', { name: 'Dùng dữ liệu mẫu (tỉnh Quảng Ngãi, 2026)' }).click();
    await page.locator('#data-view').waitFor({ state: 'visible', timeout: 120_000 });
    // Today's sample opens on its own period and unit (tests/server/deadline-page.test.ts).
    await expect.poll(() => page.getByLabel('Đơn vị', { exact: true }).inputValue()).toBe('51');
    await page.getByRole('button', { name: 'Tính chỉ tiêu', exact: true }).click();
    await page.locator('#results').waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('#figures tr[data-indicator="TE-0305"] button.figure').click();
    await page.locator('#explain').waitFor({ state: 'visible' });
    await page.locator('#ket-qua').evaluate((section) => section.scrollIntoView({ block: 'start' }));
    const file = join(work, 'trang-web.png');
    await page.screenshot({ path: file });
    if (SCREENSHOT) {
      mkdirSync(join(ROOT, 'docs'), { recursive: true });
      copyFileSync(file, SCREENSHOT);
    }
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
  });
});
