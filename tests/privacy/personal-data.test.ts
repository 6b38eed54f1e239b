/**
 * Reports and logs never contain a child's name or personal ID number. The whole chain runs on
 * the sample data (demo: report, commune annexes, aggregate; then report, compute and validate
 * on their own); every DOCX and XLSX produced is unzipped and read, stdout and stderr are kept,
 * and none of the full names or ID numbers of the samples' TreEm sheets may appear.
 *
 * Allowed by the rules (CONTRIBUTING.md): `explain` and the error workbook show record keys
 * (Mã trẻ em); the error workbook shows the rejected rows in full and says on its first sheet
 * that it holds personal data (checked here as the one place names are expected).
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const SAMPLES = join(import.meta.dirname, '../../sample-data');
const TARGETS = join(import.meta.dirname, '../../targets/ke-hoach-003-phu-la-2025.yaml');
const inputs = readdirSync(SAMPLES)
  .filter((name) => name.endsWith('.xlsx'))
  .sort()
  .map((name) => join(SAMPLES, name));

/** Header text without diacritics, case or extra spaces: "Họ và tên" → "ho va ten". */
const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

// The headers (and aliases) of the two personal columns, as data-contract v1 accepts them.
const NAME_HEADERS = new Set(['ho va ten', 'ho ten', 'ho va ten tre', 'ho ten tre em']);
const ID_HEADERS = new Set(['so dinh danh ca nhan', 'so ddcn', 'ma dinh danh', 'cccd', 'so dinh danh']);

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  return String(value);
};

interface Personal {
  readonly names: Set<string>;
  readonly ids: Set<string>;
}

/** Every full name and ID number of the children sheets of the samples, read with exceljs. */
async function personalData(): Promise<Personal> {
  const names = new Set<string>();
  const ids = new Set<string>();
  for (const path of inputs) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    for (const sheet of workbook.worksheets) {
      for (let r = 1; r <= Math.min(10, sheet.rowCount); r++) {
        const row = sheet.getRow(r);
        let nameColumn = 0;
        let idColumn = 0;
        row.eachCell((cell, column) => {
          const header = plain(cellText(cell.value));
          if (NAME_HEADERS.has(header)) nameColumn = column;
          if (ID_HEADERS.has(header)) idColumn = column;
        });
        if (nameColumn === 0) continue;
        for (let d = r + 1; d <= sheet.rowCount; d++) {
          const data = sheet.getRow(d);
          const name = cellText(data.getCell(nameColumn).value).normalize('NFC').trim().replace(/\s+/g, ' ');
          if (name.split(' ').length >= 2) names.add(name);
          if (idColumn > 0) {
            const id = cellText(data.getCell(idColumn).value).trim();
            // A code that lost its leading zeros is the same number once padded.
            if (/^\d{9,12}$/.test(id)) {
              ids.add(id);
              ids.add(id.padStart(12, '0'));
            }
          }
        }
        break;
      }
    }
  }
  return { names, ids };
}

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of a DOCX or XLSX: every XML entry, tags as spaces, a Word paragraph's runs joined. */
async function textOf(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: string[] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const xml = await entry.async('string');
    const joinedRuns = xml.replace(/<\/w:t>\s*(<\/w:r>\s*<w:r>[\s\S]*?)?<w:t(?: [^>]*)?>/g, '');
    parts.push(unescape(joinedRuns.replace(/<[^>]+>/g, ' ')));
  }
  return parts.join('\n').normalize('NFC');
}

/** Names and ID numbers of `personal` that occur in `text`. */
function leaks(text: string, personal: Personal): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/\d{9,12}/g)) if (personal.ids.has(match[0])) found.add(match[0]);
  const words = text.normalize('NFC').split(/[^\p{L}\p{M}]+/u).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    for (let n = 2; n <= 6 && i + n <= words.length; n++) {
      const candidate = words.slice(i, i + n).join(' ');
      if (personal.names.has(candidate)) found.add(candidate);
    }
  }
  return [...found];
}

/** Every .docx and .xlsx under a folder. */
function documents(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return documents(path);
    return /\.(docx|xlsx)$/.test(name) ? [path] : [];
  });
}

let personal: Personal;
const dir = mkdtempSync(join(tmpdir(), 'chitieu-privacy-'));

beforeAll(async () => {
  personal = await personalData();
  // Officials named in the settings (the signer) are public, even if a child has the same name.
  const settings = join(import.meta.dirname, '../../settings');
  const officials = readdirSync(settings)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => readFileSync(join(settings, name), 'utf8').normalize('NFC'))
    .join('\n');
  for (const name of [...personal.names]) if (officials.includes(name)) personal.names.delete(name);
});

describe('personal data stays out of reports and logs', () => {
  it('reads thousands of names and ID numbers from the samples, and would notice one', () => {
    // About 22.000 children; the generator draws names from a few pools, so names repeat.
    expect(personal.names.size).toBeGreaterThan(2000);
    expect(personal.ids.size).toBeGreaterThan(15000);
    const [name] = personal.names;
    const [id] = personal.ids;
    expect(leaks(`Trẻ em ${name!.normalize('NFD')}, số ${id}.`, personal)).toEqual(expect.arrayContaining([name, id]));
  });

  it('demo: the district report, the communes\' annexes, the summed report, and what it prints', async () => {
    const out = join(dir, 'demo');
    const ran = await runCli('demo', '--scenario', '2025-district', '--samples', SAMPLES, '--out', out);
    expect(ran.code, ran.stderr).toBe(0);
    expect(leaks(`${ran.stdout}\n${ran.stderr}`, personal)).toEqual([]);
    const files = documents(out);
    expect(files.filter((file) => file.endsWith('.docx'))).toHaveLength(2);
    expect(files.filter((file) => file.endsWith('.xlsx')).length).toBeGreaterThanOrEqual(16);
    for (const file of files) expect(leaks(await textOf(readFileSync(file)), personal), file).toEqual([]);
    // The demo does not suppress: its annexes keep their DuLieu sheet for aggregate.
    const annex = new ExcelJS.Workbook();
    await annex.xlsx.readFile(join(out, 'bao-cao-529-2025-H1.xlsx'));
    expect(annex.getWorksheet('DuLieu')).toBeDefined();
  }, 240_000);

  it('report (its row errors on stderr mask names and IDs), with and without --suppress', async () => {
    for (const extra of [[], ['--suppress', '3']]) {
      const out = join(dir, `report${extra.length}`);
      const ran = await runCli('report', ...inputs, '--period', '2025-H1', '--unit', '529', '--baseline', 'records', '--targets', TARGETS, '--out', out, ...extra);
      expect(ran.code, ran.stderr).toBe(0);
      expect(ran.stderr).toContain('bị loại');
      expect(leaks(`${ran.stdout}\n${ran.stderr}`, personal)).toEqual([]);
      for (const file of documents(out)) expect(leaks(await textOf(readFileSync(file)), personal), file).toEqual([]);
    }
  }, 240_000);

  it('compute: its summary, its workbook and its JSON', async () => {
    const xlsx = join(dir, 'ket-qua.xlsx');
    const json = join(dir, 'ket-qua.json');
    const summary = await runCli('compute', ...inputs, '--period', '2025-H1', '--targets', TARGETS);
    const workbook = await runCli('compute', ...inputs, '--period', '2025-H1', '--out', xlsx);
    const data = await runCli('compute', ...inputs, '--period', '2025-H1', '--out', json);
    for (const ran of [summary, workbook, data]) {
      expect(ran.code, ran.stderr).toBe(0);
      expect(leaks(`${ran.stdout}\n${ran.stderr}`, personal)).toEqual([]);
    }
    expect(leaks(await textOf(readFileSync(xlsx)), personal)).toEqual([]);
    expect(leaks(readFileSync(json, 'utf8'), personal)).toEqual([]);
  }, 240_000);

  it('validate prints rejected rows with names and IDs masked; only its error workbook holds them, and says so first', async () => {
    const out = join(dir, 'loi.xlsx');
    const ran = await runCli('validate', ...inputs, '--out', out);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('Dòng bị loại:');
    expect(leaks(`${ran.stdout}\n${ran.stderr}`, personal)).toEqual([]);
    // The error workbook is where officials fix rows: personal data is expected there…
    expect(leaks(await textOf(readFileSync(out)), personal).length).toBeGreaterThan(0);
    // …and its first sheet says so.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const first = workbook.worksheets[0]!;
    expect(String(first.getCell('A1').value)).toBe('TỆP NÀY CHỨA DỮ LIỆU CÁ NHÂN CỦA TRẺ EM');
    expect(first.getCell('A1').font?.bold).toBe(true);
  }, 240_000);
});
