/**
 * Opens the produced DOCX and XLSX with LibreOffice, as a recipient would, and reads the PDF
 * back: page count, the national title on page 1, a page number on top of page 2 and none
 * on page 1, no word of a table broken over two lines. Skipped when LibreOffice (soffice) or
 * poppler (pdftotext) is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createReport } from '../../src/output/report.js';
import { districtInput } from './fixtures.js';
import { paragraphs, zipEntries } from './read-back.js';

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

interface PdfWord {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
}

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * The words of a PDF as drawn, in reading order. pdftotext cuts a word where LibreOffice drew
 * some letters from a fallback face ("th" "ứ" "c"): pieces that touch on one line are one word.
 */
function pdfWords(pdf: string): PdfWord[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const words: PdfWord[] = [];
  html.split('<page ').slice(1).forEach((page, index) => {
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
      const word = { page: index + 1, text: m[4]!.replace(/&[a-z#0-9]+;/g, (e) => ENTITIES[e] ?? e), xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]) };
      const last = words[words.length - 1];
      if (last && last.page === word.page && Math.abs(last.yMin - word.yMin) < 0.5 && Math.abs(word.xMin - last.xMax) < 0.5) {
        words[words.length - 1] = { ...last, text: last.text + word.text, xMax: word.xMax };
      } else words.push(word);
    }
  });
  return words;
}

/** Words of the document that LibreOffice broke over two lines: a piece that is no word, and the rest of it on the next line. */
function brokenWords(pdf: string, known: ReadonlySet<string>): string[] {
  const words = pdfWords(pdf);
  return words.flatMap((word, i) => {
    const next = words[i + 1];
    const nextLine = next !== undefined && next.page === word.page && next.yMin > word.yMin + 1 && next.xMin < word.xMax;
    return nextLine && !known.has(word.text) && known.has(word.text + next.text) ? [`${word.text}/${next.text} (page ${word.page})`] : [];
  });
}

describe.skipIf(!available)('the report as LibreOffice renders it', () => {
  let pdf = '';
  let known: Set<string>;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-pdf-'));
    const files = await createReport(districtInput(), { settings: { numberPattern: '{number}/BC-UBND', fontSize: 14, number: 5, reportDate: '2025-07-07' } });
    const docx = join(dir, 'bao-cao.docx');
    writeFileSync(docx, files.docx);
    pdf = toPdf(docx, dir);
    known = new Set(paragraphs((await zipEntries(files.docx))['word/document.xml']!).flatMap((text) => text.split(/\s+/)));
  });

  it('opens the DOCX: heading on page 1, page numbers from page 2, the annex tables', () => {
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

  it('breaks no word of a table header or cell over two lines ("Trườn/g học")', () => {
    expect(known.has('Trường')).toBe(true);
    expect(brokenWords(pdf, known)).toEqual([]);
  });

  it('opens the XLSX, its figures written the Vietnamese way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-pdf-'));
    const files = await createReport(districtInput());
    const xlsx = join(dir, 'phu-luc.xlsx');
    writeFileSync(xlsx, files.xlsx);
    const text = execFileSync('pdftotext', [toPdf(xlsx, dir), '-'], { encoding: 'utf8' });
    expect(text).toContain('Biểu 01. DÂN SỐ TRẺ EM');
    expect(text).toContain('Toàn huyện');
    // 5.480 children: Vietnamese separators whatever LibreOffice's locale (the number formats carry [$-42A]).
    expect(text).toMatch(/\b5\.480\b/);
    expect(text).not.toMatch(/\b5,480\b/);
  });
});
