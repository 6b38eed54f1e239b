/**
 * Ghép cột, safe (#18 item 8), in a real browser: a mapping under which no row is accepted is
 * refused with the reason and never kept; a profile saved on the page is renamed, mapped again
 * and deleted on the page, each taking effect at once (the uploaded file is read again).
 *
 * The file: tests/helpers/province-form.ts, a province's form whose children sheet no profile
 * knows. Swapping "Tên trẻ" and "Ngày/tháng/năm sinh" still maps every required column (the box
 * says so), but no name is a date: every row is rejected for its birth date.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, openPageSession, type PageSession, screenshotBoth } from '../helpers/browser.js';
import { loadProfile } from '../../src/import/profiles.js';
import { FORM_HEADERS, FORM_SHEET, FORM_VALUES, writeProvinceForm } from '../helpers/province-form.js';

const work = mkdtempSync(join(tmpdir(), 'chitieu-mapping-safe-'));
const profilesDir = join(work, 'profiles');
const SHOTS = process.env.CHITIEU_SHOTS ?? work;
const columnOf: Record<string, string> = { sex: 'Trai hay gái', birthRegistered: 'Khai sinh chưa', status: 'Hiện còn ở xã?' };

let session: PageSession;
let page: Page;
let paths: { form: string; contract: string };

const shot = (name: string) => screenshotBoth(page, SHOTS, name);

async function mapValues(): Promise<void> {
  for (const [key, values] of Object.entries(FORM_VALUES)) {
    for (const [value, code] of Object.entries(values)) await page.getByLabel(`Giá trị "${value}" của cột "${columnOf[key]}"`, { exact: true }).selectOption(code);
  }
}

const profileRow = (name: string) => page.locator('#profiles-list li').filter({ hasText: name });

describe.skipIf(!existsSync(CHROMIUM))('Ghép cột, safe', () => {
  beforeAll(async () => {
    paths = await writeProvinceForm(work);
    session = await openPageSession({ profilesDir, tempRoot: work });
    page = await session.openTab();
  });

  afterAll(async () => {
    await session?.close();
    if (!process.env.CHITIEU_SHOTS) rmSync(work, { recursive: true, force: true });
  });

  it('refuses a mapping under which no row is accepted, says why, and keeps the choices to mend', async () => {
    await page.getByLabel('Tệp dữ liệu', { exact: true }).setInputFiles(paths.form);
    await page.locator('#mapping').waitFor({ state: 'visible', timeout: 60_000 });
    for (const [key, header] of Object.entries(FORM_HEADERS)) await page.getByLabel(`Cột "${header}"`, { exact: true }).selectOption(key);
    // The swap: every required column is still mapped.
    await page.getByLabel('Cột "Tên trẻ"', { exact: true }).selectOption('dateOfBirth');
    await page.getByLabel('Cột "Ngày/tháng/năm sinh"', { exact: true }).selectOption('fullName');
    await page.locator('#mapping .ok', { hasText: 'Đủ các cột bắt buộc.' }).waitFor();
    await mapValues();
    await page.getByLabel('Tên hồ sơ cột', { exact: true }).fill('Biểu của tỉnh');
    await page.getByRole('button', { name: 'Đọc lại theo cách ghép này', exact: true }).click();
    const error = page.locator('#data-error', { hasText: 'không dòng nào hợp lệ' });
    await error.waitFor({ timeout: 60_000 });
    const message = await error.innerText();
    // Every row of the sheet rejected, for the column mapped to the birth date.
    expect(message).toMatch(new RegExp(`^Trang "${FORM_SHEET}": theo cách ghép này không dòng nào hợp lệ \\(([\\d.]+) dòng bị loại; ngày không hợp lệ \\(cột "Tên trẻ"\\): \\1 dòng\\)`));
    expect(message).toContain('không được dùng và không lưu được');
    // The mapping step again, with the person's choices, and nothing offered for saving.
    expect(await page.locator('#mapping').isVisible()).toBe(true);
    expect(await page.getByLabel('Cột "Tên trẻ"', { exact: true }).inputValue()).toBe('dateOfBirth');
    expect(await page.locator('#data-view').isHidden()).toBe(true);
    expect(await page.getByLabel('Hồ sơ cột', { exact: true }).locator('option').allInnerTexts()).not.toContain('Biểu của tỉnh (ghép trên trang)');
    expect(readdirSync(work)).not.toContain('profiles');
    await shot('5-mapping-refused');
  });

  it('reads the file once the mapping is mended, and saves it', async () => {
    await page.getByLabel('Cột "Tên trẻ"', { exact: true }).selectOption('fullName');
    await page.getByLabel('Cột "Ngày/tháng/năm sinh"', { exact: true }).selectOption('dateOfBirth');
    await page.getByRole('button', { name: 'Đọc lại theo cách ghép này', exact: true }).click();
    await page.locator('#data-view').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.locator('#data-totals').innerText()).toMatch(/^1 tệp: đọc ([\d.]+) dòng = \1 hợp lệ \+ 0 bị loại\.$/);
    await page.getByRole('button', { name: 'Lưu thành hồ sơ cột', exact: true }).click();
    await page.locator('#made-profile-saved', { hasText: 'Đã lưu thành profiles/bieu-cua-tinh.yaml' }).waitFor();
  });

  it('renames a saved profile on the page: its file says the new name, the data is read with it at once', async () => {
    await page.locator('#profiles-manage summary').click();
    await profileRow('Biểu của tỉnh').getByRole('button', { name: 'Đổi tên: Biểu của tỉnh' }).click();
    await page.getByLabel('Tên mới của hồ sơ "Biểu của tỉnh"').fill('Biểu 1 của tỉnh Quảng Ngãi');
    await page.getByRole('button', { name: 'Lưu tên', exact: true }).click();
    await page.locator('#profiles-status', { hasText: 'Đã đổi tên hồ sơ cột thành "Biểu 1 của tỉnh Quảng Ngãi"' }).waitFor();
    expect(loadProfile(join(profilesDir, 'bieu-cua-tinh.yaml')).name).toBe('Biểu 1 của tỉnh Quảng Ngãi');
    // The comments of the file are kept.
    expect(readFileSync(join(profilesDir, 'bieu-cua-tinh.yaml'), 'utf8')).toMatch(/^# Hồ sơ cột ghép trên trang/);
    await page.locator('#accounting', { hasText: 'hồ sơ cột "Biểu 1 của tỉnh Quảng Ngãi"' }).waitFor({ timeout: 60_000 });
    await shot('6-profile-renamed');
  });

  it('maps a saved profile again ("Sửa cách ghép"), starting from its columns, and saves over its file', async () => {
    await profileRow('Biểu 1 của tỉnh Quảng Ngãi').getByRole('button', { name: 'Sửa cách ghép: Biểu 1 của tỉnh Quảng Ngãi' }).click();
    await page.locator('#mapping').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.getByLabel('Tên hồ sơ cột', { exact: true }).inputValue()).toBe('Biểu 1 của tỉnh Quảng Ngãi');
    // Not a refusal: nothing is said beside the button.
    expect(await page.locator('#mapping-error').isHidden()).toBe(true);
    expect(await page.getByLabel('Cột "Ngày/tháng/năm sinh"', { exact: true }).inputValue()).toBe('dateOfBirth');
    expect(await page.getByLabel('Cột "Số CCCD/ĐDCN"', { exact: true }).inputValue()).toBe('personalId');
    expect(await page.getByLabel('Giá trị "Đã mất" của cột "Hiện còn ở xã?"', { exact: true }).inputValue()).toBe('DEAD');
    await shot('7-profile-edit');
    // The personal ID number is not read any more.
    await page.getByLabel('Cột "Số CCCD/ĐDCN"', { exact: true }).selectOption('');
    await page.getByRole('button', { name: 'Đọc lại theo cách ghép này', exact: true }).click();
    await page.locator('#data-view').waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByRole('button', { name: 'Lưu thành hồ sơ cột', exact: true }).click();
    await page.locator('#made-profile-saved', { hasText: 'Đã lưu thành profiles/bieu-cua-tinh.yaml' }).waitFor();
    expect(readdirSync(profilesDir)).toEqual(['bieu-cua-tinh.yaml']);
    expect(loadProfile(join(profilesDir, 'bieu-cua-tinh.yaml')).sheets.children?.columns['personalId']).toBeUndefined();
  });

  it('deletes a saved profile on the page: the file is gone and the form needs mapping again', async () => {
    page.once('dialog', (dialog) => void dialog.accept());
    await profileRow('Biểu 1 của tỉnh Quảng Ngãi').getByRole('button', { name: 'Xóa: Biểu 1 của tỉnh Quảng Ngãi' }).click();
    await page.locator('#profiles-status', { hasText: 'Đã xóa hồ sơ cột "Biểu 1 của tỉnh Quảng Ngãi"' }).waitFor();
    expect(readdirSync(profilesDir)).toEqual([]);
    await page.locator('#mapping').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.locator('#profiles-manage').isHidden()).toBe(true);
  });
});
