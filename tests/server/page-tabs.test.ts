/**
 * #18 items 1 and 4 in a real browser: each tab has its own workspace (two tabs of one browser
 * with different files compute different figures, and "Xóa dữ liệu" in one leaves the other's),
 * and the file set is managed: "Thêm tệp" appends, a file can be removed, a file that cannot
 * be read is listed with its reason while the others are read, and the communes of the unit
 * that still have no file are named.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, openPageSession, type PageSession } from '../helpers/browser.js';
import { screenshots } from '../helpers/screenshots.js';

const SAMPLES = join(import.meta.dirname, '../../sample-data');
const samples = readdirSync(SAMPLES).filter((name) => name.endsWith('.xlsx')).sort().map((name) => join(SAMPLES, name));
const work = mkdtempSync(join(tmpdir(), 'chitieu-tabs-'));
const shot = screenshots('tabs');
let session: PageSession;
let tabA: Page;
let tabB: Page;

async function readFiles(page: Page): Promise<void> {
  await page.locator('#progress-text').filter({ hasText: /^(Đã đọc|Read) / }).or(page.locator('#data-error:not([hidden])')).first().waitFor();
}

/** TE-0101 (children, total) of the unit shown, as the page prints it. */
async function childrenFigure(page: Page): Promise<string> {
  return page.locator('#figures tr[data-indicator="TE-0101"] button.figure').innerText();
}

async function compute(page: Page, unit: string): Promise<void> {
  await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption('2025-H1');
  await page.getByLabel('Đơn vị', { exact: true }).selectOption(unit);
  await page.getByRole('button', { name: 'Tính chỉ tiêu' }).click();
  await page.locator('#figures tr[data-indicator="TE-0101"]').waitFor();
}

describe.skipIf(!existsSync(CHROMIUM))('a workspace per tab, and the file set', () => {
  beforeAll(async () => {
    session = await openPageSession();
    // Two tabs of one browser.
    tabA = await session.openTab();
    tabB = await session.openTab();
  });

  afterAll(async () => {
    await session?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('two tabs of one browser with different files compute their own figures', async () => {
    await tabA.getByLabel('Tệp dữ liệu', { exact: true }).setInputFiles(samples);
    await readFiles(tabA);
    await tabB.getByLabel('Tệp dữ liệu', { exact: true }).setInputFiles(samples[1]!);
    await readFiles(tabB);
    expect(await tabA.locator('#file-list li').count()).toBe(14);
    expect(await tabB.locator('#file-list li').count()).toBe(1);
    await compute(tabA, '529');
    await compute(tabB, '21292');
    // Sơn Hà's 14 communes: 19.741 children; the one commune of tab B alone is far fewer.
    expect(await childrenFigure(tabA)).toBe('19.741');
    expect(await childrenFigure(tabB)).not.toBe('19.741');
    await shot(tabA, 'tab-a-computed', tabA.locator('#ket-qua'));
    await shot(tabB, 'tab-b-computed', tabB.locator('#ket-qua'));
    // Each tab has its own folder on the server.
    expect(readdirSync(session.server.dir).filter((name) => name.startsWith('tab-'))).toHaveLength(2);
    // The form typed in one tab is not what the other finds after a reload.
    await tabA.getByLabel('Họ tên người ký', { exact: true }).fill('Người ký của thẻ A');
    await tabB.getByLabel('Họ tên người ký', { exact: true }).fill('Người ký của thẻ B');
    await tabA.reload();
    await tabA.locator('#figures tr[data-indicator="TE-0101"]').waitFor();
    expect(await tabA.getByLabel('Họ tên người ký', { exact: true }).inputValue()).toBe('Người ký của thẻ A');
    expect(await tabB.getByLabel('Họ tên người ký', { exact: true }).inputValue()).toBe('Người ký của thẻ B');
  });

  it('a duplicated tab (its sessionStorage copied, tab id included) takes a workspace of its own', async () => {
    const idA = await tabA.evaluate('sessionStorage.getItem("chitieu-tab")');
    const copy = await session.context.newPage();
    // What "Duplicate tab" does: the copy starts with the same sessionStorage (only once: not again after its reload).
    await copy.addInitScript(`if (!sessionStorage.getItem('copied')) { sessionStorage.setItem('copied', '1'); sessionStorage.setItem('chitieu-tab', ${JSON.stringify(idA)}); }`);
    // The copy reloads itself once it learns its id is taken: wait across that reload (an
    // evaluate racing the reload could hang), then for the page it loads.
    await copy.goto(session.server.url, { waitUntil: 'commit' });
    await copy.waitForFunction(
      (taken) => {
        // Runs in the page (the tests are typed without the DOM library).
        const page = globalThis as unknown as { sessionStorage: { getItem(key: string): string | null }; document: { readyState: string } };
        return page.sessionStorage.getItem('chitieu-tab') !== taken && page.document.readyState === 'complete';
      },
      idA,
      { timeout: 30_000 },
    );
    await copy.locator('footer').waitFor({ state: 'attached' });
    expect(await copy.locator('#file-list li').count()).toBe(0);
    expect(await tabA.locator('#file-list li').count()).toBe(14);
    await copy.close();
  });

  it('"Xóa dữ liệu" in one tab leaves the other tab\'s files and figures', async () => {
    await tabB.getByRole('button', { name: 'Xóa dữ liệu' }).click();
    await tabB.getByRole('button', { name: 'Xóa', exact: true }).click();
    await tabB.locator('#notice:not([hidden])').waitFor();
    expect(await tabB.locator('#file-list li').count()).toBe(0);
    await tabA.reload();
    await tabA.locator('#figures tr[data-indicator="TE-0101"]').waitFor();
    expect(await childrenFigure(tabA)).toBe('19.741');
    expect(await tabA.locator('#file-list li').count()).toBe(14);
  });

  it('"Thêm tệp" appends, a file can be removed, and the communes without a file are named', async () => {
    await tabB.getByLabel('Tệp dữ liệu', { exact: true }).setInputFiles(samples.slice(0, 7));
    await readFiles(tabB);
    await tabB.getByLabel('Thêm tệp').setInputFiles(samples.slice(7, 13));
    await readFiles(tabB);
    expect(await tabB.locator('#file-list li').count()).toBe(13);
    await tabB.getByLabel('Kỳ báo cáo', { exact: true }).selectOption('2025-H1');
    await tabB.getByLabel('Đơn vị', { exact: true }).selectOption('529');
    // 13 of the 14 communes sent their file: Sơn Ba (21328) has not.
    await expect.poll(() => tabB.locator('#missing-communes').innerText()).toMatch(/1\/14 xã chưa có tệp nào: .*\(21328\)/);
    await shot(tabB, 'files-13-of-14', tabB.locator('#file-set'));
    await tabB.getByRole('button', { name: 'Bỏ tệp 51-529-21289-thi-tran-di-lang.xlsx' }).click();
    await readFiles(tabB);
    expect(await tabB.locator('#file-list li').count()).toBe(12);
    await tabB.getByLabel('Thêm tệp').setInputFiles([samples[0]!, samples[13]!]);
    await readFiles(tabB);
    await tabB.getByLabel('Đơn vị', { exact: true }).selectOption('529');
    await expect.poll(() => tabB.locator('#missing-communes').innerText()).toMatch(/cả 14 xã/);
  });

  it('a file that cannot be read is listed with its reason, and the others are read', async () => {
    const docx = join(work, 'bao-cao-thang.docx');
    writeFileSync(docx, Buffer.from('PK\u0003\u0004 not really a workbook'));
    const damaged = join(work, 'xa-hong.xlsx');
    writeFileSync(damaged, Buffer.from('this is not a zip file at all'));
    await tabB.getByLabel('Thêm tệp').setInputFiles([docx, damaged]);
    await readFiles(tabB);
    await shot(tabB, 'files-unreadable', tabB.locator('#file-set'));
    expect(await tabB.locator('#file-list li.unreadable').count()).toBe(2);
    await expect(tabB.locator('#file-list li.unreadable').first().innerText()).resolves.toMatch(/bao-cao-thang\.docx/);
    await expect(tabB.locator('#files-unreadable').innerText()).resolves.toMatch(/^2 tệp không đọc được/);
    // The 14 good files were read: the data panel and the period are there.
    await expect(tabB.locator('#data-totals').innerText()).resolves.toMatch(/^14 tệp: đọc /);
    expect(await tabB.locator('#compute-fields').isDisabled()).toBe(false);
  });
});

