/**
 * The error workbook as it is printed and sent back (#19), read back from the XLSX: the reason,
 * file, sheet, row and key of a row on one A4 landscape page width (print setup, print area,
 * widths; and through LibreOffice, page by page, when it is installed); as many warnings as the
 * terminal counts (the skipped total row too); `validate --out-dir DIR --per-commune` writes one
 * workbook per commune file, named after the commune, and the page gives them in one zip.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { runCli } from '../helpers/cli.js';
import { multipartBody } from '../helpers/multipart.js';
import { CHILD_HEADERS, childRow, tempDir, writeWorkbook } from '../helpers/workbooks.js';
import { zipEntries } from '../report/read-back.js';

const ROOT_DIR = join(import.meta.dirname, '../..');

const dir = tempDir('chitieu-error-print-');

async function load(source: string | Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  if (typeof source === 'string') await workbook.xlsx.readFile(source);
  else await workbook.xlsx.load(source as unknown as ArrayBuffer);
  return workbook;
}

/** Data rows of a sheet (below its header row). */
const dataRows = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().slice(2).filter(Boolean).length;

/**
 * A commune's file: `bad` children with an unknown sex (rejected), one child whose support date
 * is before the birth (a warning: the row counts), and a "Tổng cộng" row (skipped, a warning).
 */
async function communeFile(name: string, commune: string, bad: number, prefix: string): Promise<string> {
  const rows = [
    CHILD_HEADERS,
    ...Array.from({ length: bad }, (_, i) =>
      childRow({ STT: i + 1, 'Mã trẻ em': `${prefix}${String(i).padStart(3, '0')}`, 'Số định danh cá nhân': null, 'Mã xã': commune, 'Giới tính': 'X', 'Họ và tên': `Trẻ số ${i + 1} của xã có tên khá dài để ô phải xuống dòng` }),
    ),
    childRow({ STT: bad + 1, 'Mã trẻ em': `${prefix}999`, 'Số định danh cá nhân': null, 'Mã xã': commune, 'Ngày trợ giúp': new Date(Date.UTC(2010, 0, 1)) }),
    ['Tổng cộng', null, null, bad + 1],
  ];
  return writeWorkbook(join(dir, name), [{ name: 'TreEm', rows }]);
}

let sonThanh: string;
let diLang: string;
let clean: string;

beforeAll(async () => {
  diLang = await communeFile('51-529-21289-di-lang.xlsx', '21289', 40, 'DL');
  sonThanh = await communeFile('51-529-21295-son-thanh.xlsx', '21295', 2, 'ST');
  clean = await writeWorkbook(join(dir, '51-529-21298-son-nham.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow({ 'Mã trẻ em': 'SN001', 'Số định danh cá nhân': null, 'Mã xã': '21298' })] }]);
});

/** "Cảnh báo (2):" of the terminal's summary. */
const terminalWarnings = (stdout: string) => Number(/Cảnh báo \((\d+)\)/.exec(stdout)?.[1] ?? 0);

describe('the error workbook', () => {
  let out: string;
  let stdout: string;
  beforeAll(async () => {
    out = join(dir, 'so-loi.xlsx');
    const ran = await runCli('validate', diLang, sonThanh, clean, '--out', out);
    expect(ran.code).toBe(0);
    stdout = ran.stdout;
  });

  it('lists as many warnings as the terminal counts, the skipped total rows too', async () => {
    // Per commune file: one support date before the birth + one "Tổng cộng" row = 2; two such files = 4.
    expect(terminalWarnings(stdout)).toBe(4);
    const workbook = await load(out);
    const warnings = workbook.getWorksheet('Cảnh báo')!;
    expect(dataRows(warnings)).toBe(4);
    const kinds = warnings.getSheetValues().slice(2).map((values) => (values as unknown[])[7]);
    expect(kinds.filter((kind) => kind === 'dòng tổng cộng bị bỏ qua')).toHaveLength(2);
    expect(String(workbook.getWorksheet('Lưu ý')!.getCell('A4').value)).toMatch(/^Số dòng bị loại: 42; số cảnh báo .*: 4\.$/);
  });

  it('prints the reason, file, sheet, row, key and the row\'s values on A4 landscape, fitted to the width', async () => {
    const workbook = await load(out);
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
    const rejected = workbook.getWorksheet('Trẻ em bị loại')!;
    const header = (rejected.getRow(1).values as unknown[]).slice(1, 7);
    expect(header).toEqual(['Lý do', 'Tệp', 'Trang', 'Dòng', 'Mã trẻ em', 'Các giá trị của dòng']);
    expect(rejected.pageSetup.printTitlesRow).toMatch(/^\$?1:\$?1$/);
    // 42 rejected rows under the header: A1:F43.
    expect(rejected.pageSetup.printArea).toBe('A1:F43');
    // 44 + 28 + 9 + 7 + 18 + 41 = 147 characters: one A4 landscape width (about 145 at 100 %), so the scale stays near 95 %.
    const printed = [1, 2, 3, 4, 5, 6].reduce((sum, column) => sum + (rejected.getColumn(column).width ?? 0), 0);
    expect(printed).toBe(147);
    const row = rejected.getRow(2);
    expect([row.getCell(2).value, row.getCell(3).value, row.getCell(4).value, row.getCell(5).value]).toEqual(['51-529-21289-di-lang.xlsx', 'TreEm', 2, 'DL000']);
    expect(String(row.getCell(6).value)).toContain('Giới tính: X');
    expect(String(row.getCell(6).value)).not.toContain('Mã trẻ em');
    // The row is as high as its longest wrapped cell (LibreOffice does not grow it): the values take 3 lines or more.
    expect(row.height).toBeGreaterThanOrEqual(45);
    // The print area in the file is absolute ($A$1:$F$43): LibreOffice ignores exceljs's default $A1.
    const xml = (await zipEntries(readFileSync(out)))['xl/workbook.xml']!;
    expect(xml).toContain('&apos;Trẻ em bị loại&apos;!$A$1:$F$43');
  });

  const has = (command: string, flag: string) => spawnSync(command, [flag], { stdio: 'ignore' }).status === 0;
  it.skipIf(!(has('soffice', '--version') && has('pdftotext', '-v') && has('pdfinfo', '-v')))('has the reason, file, row and key on every printed page of rejected rows (LibreOffice)', () => {
    const pdfDir = mkdtempSync(join(tmpdir(), 'chitieu-error-pdf-'));
    const profile = pathToFileURL(join(pdfDir, 'profile')).href;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, out], { stdio: 'ignore', timeout: 120_000 });
    const pdf = join(pdfDir, 'so-loi.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    const text = (page: number) => execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
    const withRows = Array.from({ length: pages }, (_, i) => text(i + 1)).filter((page) => page.includes('DL0') || page.includes('ST0'));
    expect(withRows.length).toBeGreaterThan(1);
    for (const page of withRows) {
      // The header row on every page, and each row's reason beside its file and key on the same line.
      for (const word of ['Lý do', 'Tệp', 'Trang', 'Dòng', 'Mã trẻ em']) expect(page).toContain(word);
      const line = page.split('\n').find((l) => /\b(DL|ST)0\d\d\b/.test(l))!;
      expect(line).toMatch(/Giới tính/);
      expect(line).toMatch(/TreEm/);
    }
    // No page holds only the columns right of the reason: every printed page with rows has the reasons too.
    expect(withRows.every((page) => page.includes('không có trong danh mục'))).toBe(true);
    // Notice, 42 rejected rows and 4 warnings: a handful of pages, not the 14 of a sheet cut in width.
    expect(pages).toBeLessThanOrEqual(8);
  });
});

describe('validate --out-dir DIR --per-commune', () => {
  it('writes one workbook per commune file with rows to fix, named after the commune, holding that file\'s rows only', async () => {
    const folder = join(dir, 'tung-xa');
    const ran = await runCli('validate', diLang, sonThanh, clean, '--out-dir', folder, '--per-commune');
    expect(ran.code).toBe(0);
    // The files' codes are of the list before 1 July 2025 (their rows are carried to new communes): 21289 is Thị trấn Di Lăng there (Xã Sơn Hà after).
    expect(readdirSync(folder).sort()).toEqual(['so-loi-21289-thi-tran-di-lang.xlsx', 'so-loi-21295-xa-son-thanh.xlsx']);
    expect(ran.stdout).toContain('2/3 tệp có dòng cần sửa');

    const diLangBook = await load(join(folder, 'so-loi-21289-thi-tran-di-lang.xlsx'));
    const sonThanhBook = await load(join(folder, 'so-loi-21295-xa-son-thanh.xlsx'));
    expect(dataRows(diLangBook.getWorksheet('Trẻ em bị loại')!)).toBe(40);
    expect(dataRows(sonThanhBook.getWorksheet('Trẻ em bị loại')!)).toBe(2);
    expect(dataRows(sonThanhBook.getWorksheet('Cảnh báo')!)).toBe(2);
    const files = (book: ExcelJS.Workbook) => new Set(book.getWorksheet('Trẻ em bị loại')!.getColumn(2).values.slice(2));
    expect(files(sonThanhBook)).toEqual(new Set(['51-529-21295-son-thanh.xlsx']));
    const notice = sonThanhBook.getWorksheet('Lưu ý')!.getColumn(1).values.map(String).join('\n');
    expect(notice).toContain('Sổ lỗi của tệp 51-529-21295-son-thanh.xlsx (Xã Sơn Thành, mã 21295)');
    expect(notice).toContain('Chỉ gửi lại cho cán bộ của xã đã lập tệp');
    expect(notice).toContain('Số dòng bị loại: 2; số cảnh báo');
    // The accounting of this file only.
    expect(notice).toContain('51-529-21295-son-thanh.xlsx');
    expect(notice).not.toContain('51-529-21289-di-lang.xlsx');
  });

  it('names a new commune\'s file that still holds the old communes\' codes after the new commune', async () => {
    // Xã Sơn Hà (21289 after 1 July 2025) was formed from Thị trấn Di Lăng (21289), Xã Sơn Bao (21301) and Xã Sơn Thượng (21313):
    // 4 + 3 + 3 rows, none more than half of the 10, all of them Xã Sơn Hà's now.
    const codes = ['21289', '21289', '21289', '21289', '21301', '21301', '21301', '21313', '21313', '21313'];
    const rows = codes.map((code, i) => childRow({ STT: i + 1, 'Mã trẻ em': `SH${i}`, 'Số định danh cá nhân': null, 'Mã xã': code, ...(i === 0 ? { 'Giới tính': 'X' } : {}) }));
    const merged = await writeWorkbook(join(dir, 'xa-son-ha-moi.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, ...rows] }]);
    const folder = join(dir, 'xa-moi');
    expect((await runCli('validate', merged, '--out-dir', folder, '--per-commune')).code).toBe(0);
    expect(readdirSync(folder)).toEqual(['so-loi-21289-xa-son-ha.xlsx']);
  });

  it('says in English what it wrote with --lang en', async () => {
    const folder = join(dir, 'per-commune-en');
    const ran = await runCli('--lang', 'en', 'validate', sonThanh, '--out-dir', folder, '--per-commune');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain(`Wrote ${join(folder, 'so-loi-21295-xa-son-thanh.xlsx')} (file 51-529-21295-son-thanh.xlsx: 2 rejected row(s), 2 warning(s)).`);
    const book = await load(join(folder, 'so-loi-21295-xa-son-thanh.xlsx'));
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Notice', 'Rejected children', 'Warnings']);
  });

  it('without --per-commune writes so-loi.xlsx into the folder; --per-commune alone is refused (exit 1)', async () => {
    const folder = join(dir, 'mot-so');
    expect((await runCli('validate', sonThanh, '--out-dir', folder)).code).toBe(0);
    expect(readdirSync(folder)).toEqual(['so-loi.xlsx']);
    const refused = await runCli('validate', sonThanh, '--per-commune');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--per-commune cần --out-dir');
    expect(existsSync(join(dir, 'so-loi-21295-xa-son-thanh.xlsx'))).toBe(false);
  });
});

describe('the page: /download/errors-by-commune.zip', () => {
  const PORT = 48193;
  const TOKEN = 'test-token-errors-zip-01';
  const headers = { host: `127.0.0.1:${PORT}`, cookie: `chitieu-${PORT}=${TOKEN}` };
  let app: FastifyInstance;
  const get = (url: string) => app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    ({ app } = await buildApp({ token: TOKEN, port: () => PORT, tempRoot: mkdtempSync(join(tmpdir(), 'chitieu-errors-zip-')) }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  it('gives one workbook per commune file of the sample with rows to fix, each readable, in a zip', async () => {
    // The district set of before the reform (the sample button reads today's 2026 set since #18).
    const district = readdirSync(join(ROOT_DIR, 'sample-data')).filter((name) => name.endsWith('.xlsx')).sort();
    const { payload, headers: type } = multipartBody(district.map((name) => ({ name, bytes: readFileSync(join(ROOT_DIR, 'sample-data', name)) })));
    expect((await app.inject({ method: 'POST', url: '/api/data', payload, headers: { ...headers, ...type } })).statusCode).toBe(202);
    for (let i = 0; i < 1200 && (await get('/api/data')).json().state === 'reading'; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    const reply = await get('/download/errors-by-commune.zip?lang=vi');
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toBe('application/zip');
    expect(reply.headers['content-disposition']).toBe('attachment; filename="so-loi-theo-xa.zip"');
    const zip = await JSZip.loadAsync(reply.rawPayload);
    const names = Object.keys(zip.files);
    expect(names.length).toBeGreaterThan(1);
    for (const name of names) expect(name).toMatch(/^so-loi-\d{5}-[a-z0-9-]+\.xlsx$/);
    const { data } = (await get('/api/data')).json() as { data: { rejectedCount: number } };
    let rejected = 0;
    for (const name of names) {
      const book = await load(await zip.files[name]!.async('nodebuffer'));
      expect(book.worksheets[0]!.name, name).toBe('Lưu ý');
      for (const sheet of book.worksheets.filter((s) => s.name.endsWith('bị loại'))) rejected += dataRows(sheet);
    }
    // Every rejected row of the upload is in the workbook of its file.
    expect(rejected).toBe(data.rejectedCount);
    // The same rows give the same bytes.
    expect((await get('/download/errors-by-commune.zip?lang=vi')).rawPayload.equals(reply.rawPayload)).toBe(true);
  });
});
