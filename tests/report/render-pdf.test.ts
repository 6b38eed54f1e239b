/**
 * Opens the produced DOCX and XLSX with LibreOffice, as a recipient would, and reads the PDF
 * back: page count, the national title on page 1, a page number on top of page 2 and none
 * on page 1. Skipped when LibreOffice (soffice) or poppler (pdftotext) is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createReport } from '../../src/report/index.js';
import { districtInput } from './fixtures.js';

const has = (command: string, flag: string) => spawnSync(command, [flag], { stdio: 'ignore' }).status === 0;
const available = has('soffice', '--version') && has('pdftotext', '-v') && has('pdfinfo', '-v');

function toPdf(file: string, dir: string): string {
  // A profile of its own, so that a running LibreOffice does not take the job.
  const profile = pathToFileURL(join(dir, 'profile')).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 });
  return file.replace(/\.(docx|xlsx)$/, '.pdf');
}

function pageText(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
}

describe.skipIf(!available)('the report as LibreOffice renders it', () => {
  it('opens the DOCX: heading on page 1, page numbers from page 2, the annex tables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-pdf-'));
    const files = await createReport(districtInput(), { settings: { numberPattern: '{number}/BC-UBND', fontSize: 14, number: 5, reportDate: '2025-07-07' } });
    const docx = join(dir, 'bao-cao.docx');
    writeFileSync(docx, files.docx);
    const pdf = toPdf(docx, dir);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(6);
    const first = pageText(pdf, 1);
    expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(first).toContain('Số: 05/BC-UBND');
    expect(first.trimStart().startsWith('ỦY BAN NHÂN DÂN')).toBe(true);
    expect(pageText(pdf, 2).trimStart().split(/\s+/)[0]).toBe('2');
    const all = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    for (const text of ['Biểu 01', 'Biểu 05', 'Nơi nhận:', 'Phụ lục']) expect(all).toContain(text);
  });

  it('opens the XLSX', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-pdf-'));
    const files = await createReport(districtInput());
    const xlsx = join(dir, 'phu-luc.xlsx');
    writeFileSync(xlsx, files.xlsx);
    const text = execFileSync('pdftotext', [toPdf(xlsx, dir), '-'], { encoding: 'utf8' });
    expect(text).toContain('Biểu 01. DÂN SỐ TRẺ EM');
    expect(text).toContain('Toàn huyện');
  });
});
