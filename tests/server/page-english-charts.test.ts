/**
 * #18 item 9: in English the charts on the page are English too: captions, notes, "Source" lines,
 * and the pictures' titles, axis titles, legend words, period names and numbers. The documents
 * stay Vietnamese (Decree 30): the Vietnamese page and the DOCX draw the same charts as before;
 * the data's own names (units, plan targets) stay as they are.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, openPageSession, type PageSession } from '../helpers/browser.js';
import { screenshots } from '../helpers/screenshots.js';

const ROOT = join(import.meta.dirname, '../..');
const shot = screenshots('english-charts');
let session: PageSession;
let page: Page;

const DISTRICT = readdirSync(join(ROOT, 'sample-data')).filter((name) => name.endsWith('.xlsx')).sort().map((name) => join(ROOT, 'sample-data', name));

/** Fixed Vietnamese words of a chart that an English page must not show (unit and target names aside). */
const VIETNAMESE_FIXED = /Biểu đồ|Nguồn|Thể hiện|Không có số liệu|Số trẻ em|Bị tai nạn|Tử vong|Mức so sánh|Chưa đạt|Kết quả|Chỉ tiêu|tháng đầu năm|Cùng kỳ|hoàn cảnh đặc biệt/;

/** The texts an SVG the page shows draws, asked for as the page asks for it. */
async function svgTexts(src: string): Promise<string> {
  const svg: unknown = await page.evaluate(`fetch(${JSON.stringify(src)}).then((response) => response.text())`);
  return [...String(svg).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]!).join(' | ');
}

describe.skipIf(!existsSync(CHROMIUM))('charts in English', () => {
  beforeAll(async () => {
    session = await openPageSession();
    page = await session.openTab();
    await page.getByLabel('Tệp dữ liệu', { exact: true }).setInputFiles(DISTRICT);
    await page.locator('#data-totals').waitFor({ timeout: 120_000 });
    await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption('2025-H1');
    await page.getByLabel('Đơn vị', { exact: true }).locator('option[value="529"]').waitFor({ state: 'attached' });
    await page.getByLabel('Đơn vị', { exact: true }).selectOption('529');
    await page.getByLabel('Chỉ tiêu kế hoạch', { exact: true }).selectOption('plan:ke-hoach-003-phu-la-2025.yaml');
    await page.getByLabel('Cùng kỳ năm trước', { exact: true }).selectOption('records');
    await page.getByRole('button', { name: 'Tính chỉ tiêu' }).click();
    await page.locator('#results-caption').filter({ hasText: '(2025-H1)' }).waitFor({ timeout: 120_000 });
  }, 240_000);

  afterAll(async () => {
    await session?.close();
  });

  const allDrawn = () => page.locator('#charts img').evaluateAll((images) => images.every((image) => (image as unknown as { complete: boolean }).complete));

  it('in Vietnamese: the document\'s captions, notes and source lines, and Vietnamese pictures', async () => {
    await page.locator('#charts figure').first().waitFor();
    await expect.poll(allDrawn).toBe(true);
    const captions = await page.locator('#charts figcaption strong').allInnerTexts();
    expect(captions[0]).toBe('Biểu đồ 1. Trẻ em có hoàn cảnh đặc biệt theo đơn vị');
    expect(await page.locator('#charts figcaption .source').first().innerText()).toBe('Nguồn: Dữ liệu trẻ em do các xã cập nhật, tính theo Thông tư 13/2021/TT-BLĐTBXH, kỳ 6 tháng đầu năm 2025.');
    const src = await page.locator('#charts figure[data-chart="bieu-do-01"] img').getAttribute('src');
    expect(src).toContain('lang=vi');
    expect(await svgTexts(src!)).toContain('Số trẻ em có hoàn cảnh đặc biệt (em)');
  });

  it('in English: every fixed text of the charts and of the targets box, the units\' names kept', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.locator('#charts figure').first().waitFor();
    await expect.poll(allDrawn).toBe(true);
    const captions = await page.locator('#charts figcaption strong').allInnerTexts();
    expect(captions).toContain('Chart 1. Children in special circumstances by unit');
    expect(captions.some((caption) => caption.startsWith('Chart 2. Children injured or killed in accidents, by cause'))).toBe(true);
    const sources = await page.locator('#charts figcaption .source').allInnerTexts();
    expect(sources[0]).toBe('Source: child records kept by the communes, computed under Circular 13/2021/TT-BLĐTBXH, first half of 2025.');
    // The chart against last year names both periods.
    expect(sources.some((source) => source.endsWith('first half of 2025 and first half of 2024.'))).toBe(true);
    for (const text of [...captions, ...sources, ...(await page.locator('#charts figcaption .detail').allInnerTexts())]) expect(text).not.toMatch(VIETNAMESE_FIXED);
    // The pictures: English titles and legend words, numbers the English way; communes keep their names.
    const units = await svgTexts((await page.locator('#charts figure[data-chart="bieu-do-01"] img').getAttribute('src'))!);
    expect(units).toContain('Children in special circumstances');
    expect(units).toMatch(/Xã Sơn /);
    expect(units).not.toMatch(/Số trẻ em/);
    const causes = await svgTexts((await page.locator('#charts figure[data-chart="bieu-do-02"] img').getAttribute('src'))!);
    expect(causes).toContain('Injured');
    expect(causes).toContain('First half of 2025');
    expect(causes).toContain('First half of 2024');
    expect(causes).not.toMatch(VIETNAMESE_FIXED);
    const targets = page.locator('#charts figure[data-chart="bieu-do-03"] img');
    if ((await targets.count()) > 0) {
      const drawn = await svgTexts((await targets.getAttribute('src'))!);
      expect(drawn).toMatch(/Result|Target|First half of 2025/);
      expect(drawn).not.toMatch(/Mức so sánh|Chưa đạt|Kết quả/);
    }
    const statuses = await page.locator('#targets-view .status').allInnerTexts();
    for (const status of statuses) expect(['met', 'not met', 'not enough data', 'none occurred']).toContain(status);
    await shot(page, 'charts-english', page.locator('#charts'));
    for (const id of await page.locator('#charts figure').evaluateAll((figures) => figures.map((figure) => (figure as unknown as { dataset: { chart: string } }).dataset.chart))) {
      await shot(page, `chart-${id}`, page.locator(`#charts figure[data-chart="${id}"]`));
    }
    await shot(page, 'targets-english', page.locator('#targets-view'));
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
  });
});
