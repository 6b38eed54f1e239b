/**
 * #19: the page's warning count is the terminal's and the error workbook's. The sample's skipped
 * "Tổng cộng" row is a warning in `chitieu validate` ("Cảnh báo (2)") and in the error workbook;
 * the page dropped it and said 1, before and after "Tính chỉ tiêu".
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_2026, sampleFiles } from '../../src/pipeline/demo.js';
import { CHROMIUM, openPageSession, type PageSession } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { screenshots } from '../helpers/screenshots.js';

const work = mkdtempSync(join(tmpdir(), 'chitieu-warnings-'));
const shot = screenshots('warnings');
let session: PageSession;
let page: Page;
let terminal: number;

/** "Cảnh báo — 2" of the page's data panel. */
async function pageWarnings(): Promise<number> {
  const summary = await page.locator('#warnings-box summary').innerText();
  const match = /^Cảnh báo — ([\d.]+)$/.exec(summary);
  expect(match, summary).not.toBeNull();
  return Number(match![1]!.replaceAll('.', ''));
}

/** The rows under the header of the "Cảnh báo" sheet of the error workbook the page gives. */
async function workbookWarnings(): Promise<number> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải tệp lỗi (XLSX)' }).click()]);
  const path = join(work, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('Cảnh báo');
  return sheet ? sheet.actualRowCount - 1 : 0;
}

describe.skipIf(!existsSync(CHROMIUM))('the warning count', () => {
  beforeAll(async () => {
    const ran = await runCli('validate', ...sampleFiles(DEMO_2026.samples));
    terminal = Number(/Cảnh báo \(([\d.]+)\)/.exec(ran.stdout)?.[1]?.replaceAll('.', '') ?? 'NaN');
    session = await openPageSession();
    page = await session.openTab();
  }, 180_000);

  afterAll(async () => {
    await session?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('is the terminal\'s and the error workbook\'s, before and after computing', async () => {
    // The sample's skipped "Tổng cộng" row is one of them.
    expect(terminal).toBeGreaterThanOrEqual(2);
    await page.getByRole('button', { name: 'Dùng dữ liệu mẫu (tỉnh Quảng Ngãi, 2026)' }).click();
    await page.locator('#data-totals').waitFor({ timeout: 120_000 });
    expect(await pageWarnings()).toBe(terminal);
    expect(await workbookWarnings()).toBe(terminal);
    await page.locator('#warnings-box summary').click();
    expect(await page.locator('#warnings').innerText()).toMatch(/tổng cộng/i);
    await shot(page, 'warnings', page.locator('#warnings-box'));
    await page.getByRole('button', { name: 'Tính chỉ tiêu' }).click();
    await page.locator('#results-caption').waitFor({ timeout: 120_000 });
    expect(await pageWarnings()).toBe(terminal);
    expect(await workbookWarnings()).toBe(terminal);
  }, 300_000);
});
