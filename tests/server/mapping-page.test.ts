/**
 * The mapping step in a real browser (Debian's chromium through playwright-core): a province's
 * form that no profile knows is uploaded, its columns and values are mapped on the page, the
 * file is read again to the rows of the same records in the contract layout, the mapping is
 * saved as a profile, and after "Xóa dữ liệu" the same form is read by itself.
 * CHITIEU_SCREENSHOT=1 refreshes docs/ghep-cot.png from this run.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchBrowser } from '../helpers/browser.js';
import { importFiles } from '../../src/import/index.js';
import { loadProfile } from '../../src/import/profiles.js';
import { totalsOf } from '../../src/pipeline/read.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { FORM_HEADERS, FORM_SHEET, FORM_VALUES, writeProvinceForm } from '../helpers/province-form.js';

const ROOT = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'chitieu-mapping-page-'));
const KEEP = process.env.CHITIEU_KEEP_SHOTS;
const profilesDir = join(work, 'profiles');
const SCREENSHOT = process.env.CHITIEU_SCREENSHOT ? join(ROOT, 'docs', 'ghep-cot.png') : undefined;
const browserProfile = mkdtempSync(join(tmpdir(), 'chitieu-chromium-'));

let server: RunningServer;
let context: BrowserContext;
let page: Page;
let paths: { form: string; contract: string };

const vn = (n: number) => n.toLocaleString('vi-VN');

describe.skipIf(!existsSync(CHROMIUM))('the mapping step in a browser', () => {
  beforeAll(async () => {
    paths = await writeProvinceForm(work);
    server = await startServer({ profilesDir, tempRoot: work });
    context = await launchBrowser(browserProfile, { width: 1366, height: 900 });
    page = await context.newPage();
    await page.goto(server.url);
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    // CHITIEU_KEEP_SHOTS=1 keeps the screenshots (their folder is printed) for a person to look at.
    if (KEEP) console.log(`screenshots in ${work}`);
    else rmSync(work, { recursive: true, force: true });
    rmSync(browserProfile, { recursive: true, force: true });
  });

  it('shows the mapping step for a file whose children sheet is not recognised, with suggestions filled in', async () => {
    // The page fills its choices once its first requests come back: asked until it has.
    await expect.poll(() => page.getByLabel('Hồ sơ cột', { exact: true }).inputValue()).toBe('auto');
    await page.getByLabel('Tệp dữ liệu', { exact: true }).setInputFiles(paths.form);
    await page.locator('#mapping').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.locator('#data-error').innerText()).toBe(`Tệp "bieu-cua-tinh-21289.xlsx", trang "${FORM_SHEET}": chitieu chưa nhận ra các cột theo mẫu chuẩn; hãy ghép cột ở phần dưới.`);
    expect(await page.locator('#mapping legend').innerText()).toMatch(new RegExp(`^Trang "${FORM_SHEET}" của tệp bieu-cua-tinh-21289\\.xlsx · [\\d.]+ dòng · tiêu đề ở dòng 1$`));
    expect(await page.getByLabel('Loại dữ liệu', { exact: true }).inputValue()).toBe('children');
    // A suggestion the person can keep, and the contract's own headers shown as known.
    expect(await page.getByLabel('Cột "Ngày/tháng/năm sinh"', { exact: true }).inputValue()).toBe('dateOfBirth');
    const row = page.locator('#mapping tbody tr').filter({ has: page.locator('td:nth-child(2)', { hasText: /^Dân tộc$/ }) });
    expect(await row.innerText()).toContain('tên chuẩn');
    await page.locator('#mapping .error', { hasText: 'Còn thiếu cột bắt buộc' }).waitFor();
    await page.screenshot({ path: join(work, 'mapping-start.png') });
  });

  it('maps the columns and the unknown values, then reads the file to the rows of the contract layout', async () => {
    for (const [key, header] of Object.entries(FORM_HEADERS)) {
      await page.getByLabel(`Cột "${header}"`, { exact: true }).selectOption(key);
    }
    await page.locator('#mapping .ok', { hasText: 'Đủ các cột bắt buộc.' }).waitFor();
    const columnOf: Record<string, string> = { sex: 'Trai hay gái', birthRegistered: 'Khai sinh chưa', status: 'Hiện còn ở xã?' };
    for (const [key, values] of Object.entries(FORM_VALUES)) {
      for (const [value, code] of Object.entries(values)) {
        await page.getByLabel(`Giá trị "${value}" của cột "${columnOf[key]}"`, { exact: true }).selectOption(code);
      }
    }
    await page.getByLabel('Tên hồ sơ cột', { exact: true }).fill('Biểu của tỉnh');
    await page.screenshot({ path: join(work, 'mapping-filled.png'), fullPage: true });
    if (SCREENSHOT) await page.locator('#du-lieu').screenshot({ path: SCREENSHOT });
    await page.getByRole('button', { name: 'Đọc lại theo cách ghép này', exact: true }).click();
    await page.locator('#data-view').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.locator('#mapping').isHidden()).toBe(true);
    const contract = totalsOf(await importFiles([paths.contract]));
    expect(await page.locator('#data-totals').innerText()).toBe(`1 tệp: đọc ${vn(contract.read)} dòng = ${vn(contract.read)} hợp lệ + 0 bị loại.`);
    expect(await page.locator('#accounting').innerText()).toContain(`trang "${FORM_SHEET}" (trẻ em, hồ sơ cột "Biểu của tỉnh" tự chọn theo tiêu đề)`);
    // What the header gave, as validate prints it: the row-number column is not read.
    expect(await page.locator('#accounting .ignored-columns').innerText()).toBe('Cột không đọc: "STT"');
    expect(await page.locator('#made-profile-text').innerText()).toContain('Lưu thành hồ sơ cột để lần sau chitieu tự đọc');
    await page.screenshot({ path: join(work, 'mapping-read.png'), fullPage: true });
  });

  it('saves the mapping as a profile (and offers its YAML)', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải hồ sơ (.yaml)', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('bieu-cua-tinh.yaml');
    await page.getByRole('button', { name: 'Lưu thành hồ sơ cột', exact: true }).click();
    await page.locator('#made-profile-saved', { hasText: 'Đã lưu thành profiles/bieu-cua-tinh.yaml' }).waitFor();
    const saved = join(profilesDir, 'bieu-cua-tinh.yaml');
    expect(readFileSync(saved, 'utf8')).toBe(readFileSync((await download.path())!, 'utf8'));
    expect(loadProfile(saved).sheets.children?.values.sex).toEqual(FORM_VALUES.sex);
    await page.screenshot({ path: join(work, 'mapping-saved.png'), fullPage: true });
  });

  it('reads the same form by itself after "Xóa dữ liệu", through the saved profile', async () => {
    await page.getByRole('button', { name: 'Xóa dữ liệu', exact: true }).click();
    // It asks once.
    await page.getByRole('dialog').getByRole('button', { name: 'Xóa', exact: true }).click();
    await page.locator('#notice', { hasText: 'Đã xóa dữ liệu' }).waitFor();
    const options = await page.getByLabel('Hồ sơ cột', { exact: true }).locator('option').allInnerTexts();
    expect(options).toContain('Biểu của tỉnh (profiles/bieu-cua-tinh.yaml)');
    await page.getByLabel('Tệp dữ liệu', { exact: true }).setInputFiles(paths.form);
    await page.locator('#data-view').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.locator('#mapping').isHidden()).toBe(true);
    expect(await page.locator('#accounting').innerText()).toContain(`trang "${FORM_SHEET}" (trẻ em, hồ sơ cột "Biểu của tỉnh" tự chọn theo tiêu đề)`);
    expect(await page.locator('#made-profile').isHidden()).toBe(true);
  });

  it('speaks English in the mapping step too', async () => {
    await page.getByLabel('Hồ sơ cột', { exact: true }).selectOption('bundled:profiles/mau-tieng-anh-huyen.yaml');
    await page.locator('#mapping').waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await page.locator('#mapping h3').innerText()).toBe('Map the columns of a file laid out otherwise');
    expect(await page.locator('#mapping legend').innerText()).toMatch(/^Sheet "Biểu 1 - Danh sách" of bieu-cua-tinh-21289\.xlsx · [\d,]+ rows · header on row 1$/);
    await page.screenshot({ path: join(work, 'mapping-en.png'), fullPage: true });
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
  });
});
