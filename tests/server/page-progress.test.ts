/**
 * #18 item 9 in a real browser: a large file shows its rows as they are read ("Đang đọc tệp
 * lon.csv: 120.000 dòng…", not 0 until the whole file is done), and "Tạo báo cáo" says which
 * step it is at ("biểu đồ 2/3", "phụ lục"), not only the seconds gone by.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, openPageSession, type PageSession } from '../helpers/browser.js';
import { screenshots } from '../helpers/screenshots.js';
import { writeChildCsv } from '../helpers/workbooks.js';

const ROOT = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'chitieu-progress-'));
const shot = screenshots('progress');
let session: PageSession;
let page: Page;

/** The district set of before the reform (sample-data/*.xlsx). */
const DISTRICT = readdirSync(join(ROOT, 'sample-data')).filter((name) => name.endsWith('.xlsx')).sort().map((name) => join(ROOT, 'sample-data', name));

/** Every text a line of the page shows while `action` runs (a MutationObserver keeps each one). */
async function textsShownBy(selector: string, action: () => Promise<void>): Promise<string[]> {
  // A script as text: the tests are compiled without the browser's types.
  await page.evaluate(`(() => {
    const seen = [];
    window.seenTexts = seen;
    const node = document.querySelector(${JSON.stringify(selector)});
    new MutationObserver(() => seen.push(node.textContent ?? '')).observe(node, { childList: true, characterData: true, subtree: true });
  })()`);
  await action();
  const seen: unknown = await page.evaluate('window.seenTexts');
  return Array.isArray(seen) ? seen.map(String) : [];
}

describe.skipIf(!existsSync(CHROMIUM))('progress while reading and while making a report', () => {
  beforeAll(async () => {
    session = await openPageSession();
    page = await session.openTab();
  });

  afterAll(async () => {
    await session?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('counts the rows of a large file as they are read', async () => {
    const big = join(work, 'lon.csv');
    writeChildCsv(big, 400_000);
    let shotTaken = false;
    const seen = await textsShownBy('#progress-text', async () => {
      await page.getByLabel('Tệp dữ liệu', { exact: true }).setInputFiles(big);
      const reading = page.locator('#progress-text').filter({ hasText: /^Đang đọc tệp lon\.csv: [\d.]+ dòng…/ });
      await reading.waitFor({ timeout: 60_000 });
      // The file's line in the list says it too.
      expect(await page.locator('#file-list li').filter({ hasText: 'lon.csv' }).innerText()).toMatch(/đang đọc: [\d.]+ dòng…/);
      await shot(page, 'reading-large-file', page.locator('#du-lieu'));
      shotTaken = true;
      await page.locator('#data-totals').waitFor({ timeout: 120_000 });
    });
    expect(shotTaken).toBe(true);
    // The file's rows while it is read: numbers grouped the Vietnamese way, rising, never past the 400.000 rows it holds.
    const counts = seen.flatMap((text) => {
      const match = /^Đang đọc tệp lon\.csv: ([\d.]+) dòng…/.exec(text);
      return match ? [Number(match[1]!.replaceAll('.', ''))] : [];
    });
    expect(counts.length).toBeGreaterThan(0);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(Math.max(...counts)).toBeLessThan(400_000);
    expect(await page.locator('#data-totals').innerText()).toBe('1 tệp: đọc 400.000 dòng = 400.000 hợp lệ + 0 bị loại.');
  }, 240_000);

  it('says which step a report is at: its charts one by one, then the document and the annex', async () => {
    // A tab of its own (its own workspace): the district set.
    page = await session.openTab();
    await page.getByLabel('Tệp dữ liệu', { exact: true }).setInputFiles(DISTRICT);
    await page.locator('#data-totals').waitFor({ timeout: 120_000 });
    await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption('2025-H1');
    await expect.poll(() => page.getByLabel('Đơn vị', { exact: true }).locator('option[value="529"]').count()).toBe(1);
    await page.getByLabel('Đơn vị', { exact: true }).selectOption('529');
    await page.getByRole('button', { name: 'Tính chỉ tiêu' }).click();
    await page.locator('#results-caption').filter({ hasText: '(2025-H1)' }).waitFor({ timeout: 120_000 });
    let shotTaken = false;
    const seen = await textsShownBy('#report-status', async () => {
      await page.getByRole('button', { name: 'Tạo báo cáo' }).click();
      // A district's report takes about a second: its status may be hidden again before it is looked at (its texts are in `seen`).
      await page.locator('#report-status').filter({ hasText: /^Đang tạo báo cáo… / }).waitFor({ state: 'attached' });
      await shot(page, 'report-step', page.locator('#report-form .actions'));
      shotTaken = true;
      await page.locator('#report-links:not([hidden])').waitFor({ timeout: 120_000 });
    });
    expect(shotTaken).toBe(true);
    const steps = seen.filter((text) => text.startsWith('Đang tạo báo cáo… ') && !/^Đang tạo báo cáo… \d+ giây$/.test(text));
    // Each step named as the person reads it; charts counted "2/3", never past their total.
    expect(steps.length).toBeGreaterThan(0);
    for (const text of steps) expect(text).toMatch(/^Đang tạo báo cáo… (nội dung|biểu đồ (\d+)\/(\d+)|ghép văn bản \(\.docx\)|phụ lục \(\.xlsx\)) · \d+ giây$/);
    for (const match of steps.flatMap((text) => [.../biểu đồ (\d+)\/(\d+)/.exec(text) ?? []].slice(1))) expect(Number(match)).toBeGreaterThan(0);
    expect(await page.locator('#report-status').isHidden()).toBe(true);
  }, 300_000);
});
