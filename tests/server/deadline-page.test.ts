/**
 * The page an official can trust on deadline day (#18 items 2, 3, 5, 7; #19's form date), in a
 * real browser, by the labels: defaults taken from the data, the report form following the unit,
 * counts beside rates, the results downloaded and read back as next year's baseline file.
 *
 * The sample (sample-data/quang-ngai-2026/README.md): events up to 30/06/2026, the five new
 * communes of the former Sơn Hà district, all in Tỉnh Quảng Ngãi (51) after the reform.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, openPageSession, type PageSession, screenshotBoth } from '../helpers/browser.js';
import { ComputeResult } from '../../src/model/results.js';
import { communeAnnexes, demoSetup, districtReport } from '../../src/pipeline/demo.js';
import { zipEntries, paragraphs } from '../report/read-back.js';

const ROOT = join(import.meta.dirname, '../..');
const DISTRICT = readdirSync(join(ROOT, 'sample-data')).filter((name) => name.endsWith('.xlsx')).sort().map((name) => join(ROOT, 'sample-data', name));
const work = mkdtempSync(join(tmpdir(), 'chitieu-deadline-'));
/** CHITIEU_SHOTS=DIR keeps the screenshots of every step there (both window sizes). */
const SHOTS = process.env.CHITIEU_SHOTS ?? work;
let session: PageSession;
let page: Page;

const shot = (name: string) => screenshotBoth(page, SHOTS, name);

const field = (label: string) => page.getByLabel(label, { exact: true });

async function compute(): Promise<void> {
  await page.getByRole('button', { name: 'Tính chỉ tiêu', exact: true }).click();
  await page.locator('#results').waitFor({ state: 'visible', timeout: 120_000 });
}

describe.skipIf(!existsSync(CHROMIUM))('the page on deadline day', () => {
  beforeAll(async () => {
    session = await openPageSession({ tempRoot: work });
    page = await session.openTab();
  });

  afterAll(async () => {
    await session?.close();
    if (!process.env.CHITIEU_SHOTS) rmSync(work, { recursive: true, force: true });
  });

  it("the sample is today's 2026 set, with the period, unit, plan and form taken from it", async () => {
    await page.getByRole('button', { name: 'Dùng dữ liệu mẫu (tỉnh Quảng Ngãi, 2026)' }).click();
    await page.locator('#data-view').waitFor({ state: 'visible', timeout: 120_000 });
    // The records reach June 2026: the first half of 2026, not the nine months or 2025.
    await expect.poll(() => field('Kỳ báo cáo').inputValue()).toBe('2026-H1');
    // Five new communes of one province after the reform: the province.
    await expect.poll(() => field('Đơn vị').inputValue()).toBe('51');
    // The sample's own plan, as the demo uses it.
    expect(await field('Chỉ tiêu kế hoạch').inputValue()).toBe('plan:chi-tieu-mau-2026.yaml');
    // The province's form, from settings/tinh-quang-ngai-2026.yaml.
    await expect.poll(() => page.getByLabel('Cơ quan ban hành (mỗi dòng một dòng)').inputValue()).toBe('ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI');
    expect(await page.locator('#form-note').innerText()).toContain('tinh-quang-ngai-2026.yaml');
    expect(await page.locator('#form-warning').isHidden()).toBe(true);
    await page.locator('#ky-don-vi').scrollIntoViewIfNeeded();
    await shot('1-sample-defaults');
  });

  it('a unit without its own plan of the year gets none ("Không đánh giá"), and the form follows the unit', async () => {
    await field('Đơn vị').selectOption('21292');
    // The sample plan was chosen for the sample: it stays until the person changes it.
    expect(await field('Chỉ tiêu kế hoạch').inputValue()).toBe('plan:chi-tieu-mau-2026.yaml');
    // No settings file for Xã Sơn Hạ: the issuing body is written from its name.
    await expect.poll(() => page.getByLabel('Cơ quan ban hành (mỗi dòng một dòng)').inputValue()).toBe('ỦY BAN NHÂN DÂN\nXÃ SƠN HẠ');
    expect(await page.locator('#form-note').innerText()).toContain('chưa có tệp thiết lập');
    // Xã Sơn Hà has its file (settings/xa-son-ha-2026.yaml).
    await field('Đơn vị').selectOption('21289');
    await expect.poll(() => page.getByLabel('Cơ quan ban hành (mỗi dòng một dòng)').inputValue()).toBe('ỦY BAN NHÂN DÂN\nXÃ SƠN HÀ');
    expect(await field('Họ tên người ký').inputValue()).toBe('Đinh Văn Hùng');
    // What was typed for a unit comes back with it.
    await field('Họ tên người ký').fill('Nguyễn Thị Lan');
    await field('Đơn vị').selectOption('51');
    await expect.poll(() => page.getByLabel('Cơ quan ban hành (mỗi dòng một dòng)').inputValue()).toBe('ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI');
    await field('Đơn vị').selectOption('21289');
    await expect.poll(() => field('Họ tên người ký').inputValue()).toBe('Nguyễn Thị Lan');
    await field('Đơn vị').selectOption('51');
    await expect.poll(() => page.getByLabel('Cơ quan ban hành (mỗi dòng một dòng)').inputValue()).toBe('ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI');
  });

  it('shows counts beside rates, in the table and the targets', async () => {
    await page.getByLabel('Cùng kỳ năm trước', { exact: true }).selectOption('records');
    await compute();
    const row = await page.locator('#figures tr[data-indicator="TE-0304"]').innerText();
    // A rate per 100,000 children with its count: "… (N em)".
    expect(row).toMatch(/\d+,\d \(\d+ em\)/);
    // Its change is never called "điểm".
    expect(row).not.toContain('điểm');
    const percent = await page.locator('#figures tr[data-indicator="TE-0302"]').innerText();
    expect(percent).toMatch(/\d+,\d \([\d.]+ em\)/);
    const targets = await page.locator('#targets-view').innerText();
    expect(targets).toMatch(/kỳ này \d+ em/);
    for (const status of await page.locator('#targets-view .status').allInnerTexts()) expect(['đạt', 'chưa đạt', 'chưa đủ dữ liệu', 'không phát sinh']).toContain(status);
    await page.locator('#ket-qua').scrollIntoViewIfNeeded();
    await shot('2-results-counts');
    // In English: the counts' word and the change's scale too.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    const english = await page.locator('#figures tr[data-indicator="TE-0304"]').innerText();
    expect(english).toMatch(/\d+\.\d \(\d+ children\)/);
    expect(english).toMatch(/per 100,000/);
    // TE-0306: 1 child drowned of 19,809 → 1 / 19,809 × 100,000 = 5.0; last year 2 of 19,741 → 10.1 (one child, two children).
    expect(await page.locator('#targets-view').innerText()).toContain('this period 1 child (5.0), same period last year 2 children (10.1)');
    await shot('2-results-counts-en');
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
  });

  it('downloads the results as compute --out writes them (XLSX and JSON), a 0 → 0 reduction target "không phát sinh"', async () => {
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải kết quả (XLSX)', exact: true }).click()]);
    expect(xlsx.suggestedFilename()).toBe('ket-qua-51-2026-H1.xlsx');
    const xlsxPath = join(work, xlsx.suggestedFilename());
    await xlsx.saveAs(xlsxPath);
    expect(Object.keys(await zipEntries(readFileSync(xlsxPath)))).toContain('xl/workbook.xml');
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải kết quả (JSON)', exact: true }).click()]);
    const jsonPath = join(work, json.suggestedFilename());
    await json.saveAs(jsonPath);
    const result = ComputeResult.parse(JSON.parse(readFileSync(jsonPath, 'utf8')));
    expect(result.period).toEqual({ id: '2026-H1', from: '2026-01-01', to: '2026-06-30' });
    expect(result.results.some((row) => row.unit === '51' && row.indicator === 'TE-0101')).toBe(true);
    // Xã Sơn Hạ (21292): no child died of an injury in 2025-H1 nor in 2026-H1: 0 → 0 is "không phát sinh", not "đạt".
    const zero = result.targets.filter((target) => target.unit === '21292' && ['TE-0305', 'TE-0306'].includes(target.indicator));
    expect(zero.map((target) => [target.indicator, target.current, target.baseline, target.status])).toEqual([
      ['TE-0305', 0, 0, 'not_occurred'],
      ['TE-0306', 0, 0, 'not_occurred'],
    ]);
  });

  it('a report date typed before the period ends is blamed on the form field; a wrong issuing body is warned about', async () => {
    await page.getByLabel('Ngày báo cáo').fill('2026-05-01');
    await page.getByRole('button', { name: 'Tạo báo cáo', exact: true }).click();
    const error = page.locator('#report-error');
    await error.waitFor({ state: 'visible', timeout: 60_000 });
    const message = await error.innerText();
    expect(message).toContain('Ô "Ngày báo cáo" của mẫu báo cáo: 01/05/2026 trước ngày cuối kỳ 30/06/2026');
    expect(message).not.toContain('Tệp thiết lập');
    await page.getByLabel('Cơ quan ban hành (mỗi dòng một dòng)').fill('ỦY BAN NHÂN DÂN\nHUYỆN SƠN HÀ');
    const warning = page.locator('#form-warning');
    await warning.waitFor({ state: 'visible' });
    expect(await warning.innerText()).toContain('Tỉnh Quảng Ngãi');
    await page.locator('#bao-cao').scrollIntoViewIfNeeded();
    await shot('3-form-warning');
  });

  it("makes the province's report with the province's heading", async () => {
    await page.getByLabel('Cơ quan ban hành (mỗi dòng một dòng)').fill('ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI');
    expect(await page.locator('#form-warning').isHidden()).toBe(true);
    await page.getByLabel('Ngày báo cáo').fill('2026-07-06');
    await page.getByRole('button', { name: 'Tạo báo cáo', exact: true }).click();
    await page.locator('#report-links').waitFor({ state: 'visible', timeout: 180_000 });
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải báo cáo (DOCX)', exact: true }).click()]);
    const path = join(work, docx.suggestedFilename());
    await docx.saveAs(path);
    const text = paragraphs((await zipEntries(readFileSync(path)))['word/document.xml']!).join('\n');
    expect(text).toContain('TỈNH QUẢNG NGÃI');
    expect(text).not.toContain('HUYỆN SƠN HÀ');
  });

  it("the district set: 2025-H1 and Huyện Sơn Hà by default, no plan; last year's JSON from the page is its baseline file", async () => {
    await page.locator('#du-lieu').scrollIntoViewIfNeeded();
    // Another set: the sample's files are cleared first (a new file joins the tab's set).
    await page.getByRole('button', { name: 'Xóa dữ liệu', exact: true }).click();
    await page.getByRole('button', { name: 'Xóa', exact: true }).click();
    await page.locator('#notice:not([hidden])').waitFor();
    await field('Tệp dữ liệu').setInputFiles(DISTRICT);
    await page.locator('#data-view').waitFor({ state: 'visible', timeout: 120_000 });
    await expect.poll(() => field('Kỳ báo cáo').inputValue()).toBe('2025-H1');
    await expect.poll(() => field('Đơn vị').inputValue()).toBe('529');
    // Phú La's 2025 plan (Hà Nội) is not Sơn Hà's: no plan preselected.
    expect(await field('Chỉ tiêu kế hoạch').inputValue()).toBe('none');
    await expect.poll(() => page.getByLabel('Cơ quan ban hành (mỗi dòng một dòng)').inputValue()).toBe('ỦY BAN NHÂN DÂN\nHUYỆN SƠN HÀ');
    // Last year first: 2024-H1, downloaded as JSON from the page.
    await field('Kỳ báo cáo').selectOption('2024-H1');
    await expect.poll(() => field('Đơn vị').locator('option[value="529"]').count()).toBe(1);
    await field('Đơn vị').selectOption('529');
    await page.getByLabel('Cùng kỳ năm trước', { exact: true }).selectOption('none');
    await compute();
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải kết quả (JSON)', exact: true }).click()]);
    const lastYear = join(work, 'ket-qua-2024-H1.json');
    await json.saveAs(lastYear);
    const lastYearResult = ComputeResult.parse(JSON.parse(readFileSync(lastYear, 'utf8')));
    // This year with that file as the baseline: the same figures as from the records.
    await field('Kỳ báo cáo').selectOption('2025-H1');
    await expect.poll(() => field('Đơn vị').locator('option[value="529"]').count()).toBe(1);
    await page.getByLabel('tệp kết quả năm trước (.json)').setInputFiles(lastYear);
    await expect.poll(() => page.getByLabel('Cùng kỳ năm trước', { exact: true }).inputValue()).toBe('file');
    await compute();
    const rowText = (code: string) => page.locator(`#figures tr[data-indicator="${code}"]`).innerText();
    const fromFile = await Promise.all(['TE-0101', 'TE-0304', 'TE-0305'].map(rowText));
    expect(await page.locator('#results-caption').innerText()).toContain('so với 6 tháng đầu năm 2024');
    const te0101 = lastYearResult.results.find((row) => row.indicator === 'TE-0101' && row.unit === '529' && Object.keys(row.breakdown).length === 0)!;
    expect(await page.locator('#figures tr[data-indicator="TE-0101"] td').nth(2).innerText()).toBe(te0101.value!.toLocaleString('vi-VN'));
    // The same figures as last year's computed from the records (those the records can give again).
    await page.getByLabel('Cùng kỳ năm trước', { exact: true }).selectOption('records');
    await compute();
    expect(await Promise.all(['TE-0101', 'TE-0304', 'TE-0305'].map(rowText))).toEqual(fromFile);
    // TE-0304 with its count: 67 injured children of 19.741 (TE-0101) → 67 / 19.741 × 100.000 = 339,4;
    // its change per 100,000, never "điểm".
    expect(fromFile[1]).toContain('339,4 (67 em)\t405,9 (81 em)\t−66,5 trên 100.000');
    await shot('4-baseline-file');
  });

  it('Tổng hợp: proposes the district the annexes belong to and makes its report with the same form, narrative and small-count option', async () => {
    const setup = demoSetup();
    const annexes = await communeAnnexes(await districtReport(DISTRICT, setup), setup);
    const paths = annexes.map((annex) => {
      const path = join(work, `phu-luc-${annex.unit.code}-2025-H1.xlsx`);
      writeFileSync(path, annex.xlsx);
      return path;
    });
    await page.getByLabel('Tệp phụ lục của đơn vị cấp dưới').setInputFiles(paths);
    await page.locator('#aggregate-form').waitFor({ state: 'visible', timeout: 60_000 });
    // The communes' district, not the province above it.
    expect(await page.getByLabel('Huyện/tỉnh tổng hợp').inputValue()).toBe('529');
    await expect.poll(() => page.getByLabel('Cơ quan ban hành (mỗi dòng một dòng)').inputValue()).toBe('ỦY BAN NHÂN DÂN\nHUYỆN SƠN HÀ');
    await field('Họ tên người ký').fill('Phạm Văn Tổng');
    await page.evaluate("document.getElementById('narrative-box').open = true");
    await page.getByLabel('IV.1. Mục tiêu chung', { exact: true }).fill('Rà soát danh sách trẻ em của 14 xã trước ngày 15/7.');
    await page.getByLabel('Báo cáo để công bố: ẩn số nhỏ của xã (xâm hại, tai nạn, tử vong) dưới K').check();
    await page.getByRole('button', { name: 'Tổng hợp', exact: true }).click();
    await page.locator('#aggregate-view').waitFor({ state: 'visible', timeout: 120_000 });
    expect(await page.locator('#aggregate-summary').innerText()).toBe(`Đã cộng ${annexes.length} phụ lục vào Huyện Sơn Hà.`);
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải báo cáo tổng hợp (DOCX)' }).click()]);
    const path = join(work, docx.suggestedFilename());
    await docx.saveAs(path);
    const text = paragraphs((await zipEntries(readFileSync(path)))['word/document.xml']!).join('\n');
    expect(text).toContain('HUYỆN SƠN HÀ');
    expect(text).toContain('Phạm Văn Tổng');
    expect(text).toContain('Rà soát danh sách trẻ em của 14 xã trước ngày 15/7.');
    await page.locator('#tong-hop').scrollIntoViewIfNeeded();
    await shot('8-aggregate');
  });
});
