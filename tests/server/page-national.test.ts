/**
 * #18: "Toàn quốc" was offered only when the records covered two or more provinces. It is now
 * offered whenever a province's records are there, and the page says what the national figure
 * covers (the provinces present, out of 34), never a list of 3.000 communes without a file.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, openPageSession, type PageSession } from '../helpers/browser.js';
import { screenshots } from '../helpers/screenshots.js';

const shot = screenshots('national');
let session: PageSession;
let page: Page;

/** TE-0101 of the figures table, as the page writes it ("19.741"). */
const childPopulation = () => page.locator('#figures tr[data-indicator="TE-0101"] button.figure').first().innerText();

describe.skipIf(!existsSync(CHROMIUM))('the national level', () => {
  beforeAll(async () => {
    session = await openPageSession();
    page = await session.openTab();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('is offered for one province\'s records, says what it covers, and sums that province', async () => {
    await page.getByRole('button', { name: 'Dùng dữ liệu mẫu (tỉnh Quảng Ngãi, 2026)' }).click();
    await page.locator('#data-totals').waitFor({ timeout: 120_000 });
    const unit = page.getByLabel('Đơn vị', { exact: true });
    await unit.locator('option[value="VN"]').waitFor({ state: 'attached' });
    expect(await unit.locator('option[value="VN"]').innerText()).toBe('Toàn quốc (VN)');
    // The province first: its TE-0101.
    await unit.selectOption('51');
    await page.getByRole('button', { name: 'Tính chỉ tiêu' }).click();
    await page.locator('#results-caption').filter({ hasText: 'Tỉnh Quảng Ngãi' }).waitFor({ timeout: 120_000 });
    const province = await childPopulation();
    await unit.selectOption('VN');
    const covers = page.locator('#missing-communes');
    await covers.filter({ hasText: /^Toàn quốc: / }).waitFor();
    expect(await covers.innerText()).toBe('Toàn quốc: dữ liệu chỉ có của 1/34 tỉnh, thành phố (Tỉnh Quảng Ngãi); số liệu toàn quốc là tổng của tỉnh, thành phố này, không phải của cả nước.');
    await shot(page, 'national-covers', page.locator('#missing-communes'));
    await page.getByRole('button', { name: 'Tính chỉ tiêu' }).click();
    await page.locator('#results-caption').filter({ hasText: 'Toàn quốc' }).waitFor({ timeout: 120_000 });
    // One province's records: the nation's figure is that province's.
    expect(await childPopulation()).toBe(province);
    await shot(page, 'national-results', page.locator('#ket-qua'));
  }, 300_000);
});
