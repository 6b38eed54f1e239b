/**
 * The annex's sheets for programs (#19): DuLieu, DuLieuXa and ThongTin are visible, after the
 * Biểu sheets, headed in Vietnamese (DuLieu's keys in a second header row), and print nothing.
 * `aggregate` reads them, and still reads the annexes communes sent up before (format /1:
 * hidden sheets, DuLieu headed by its keys; tests/fixtures/annex-v1, written by 71771f9).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANNEX_FORMAT, DATA_COLUMNS } from '../../src/model/annex-contract.js';
import { readAnnex } from '../../src/import/annex.js';
import { aggregateAnnexes, type AggregateOutcome, type AggregateRequest } from '../../src/pipeline/annexes.js';
import { createAnnex } from '../../src/output/report.js';
import { COMMUNES, DISTRICT, communeInput } from './fixtures.js';
import { zipEntries } from './read-back.js';

const V1 = resolve(import.meta.dirname, '../fixtures/annex-v1');
const dir = mkdtempSync(join(tmpdir(), 'chitieu-annex-formats-'));
const today: Record<string, string> = {};
const before: Record<string, string> = {};

function request(paths: string[]): AggregateRequest {
  return {
    paths,
    unit: DISTRICT,
    periodId: '2025-H1',
    expected: COMMUNES,
    isUnder: (code) => COMMUNES.some((commune) => commune.code === code),
    toolVersion: '0.1.0',
  };
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** What an aggregate sums, without the files' names and checksums (which differ between the two sets). */
const figures = (outcome: AggregateOutcome) => ({
  results: outcome.input.result.results,
  baseline: outcome.input.baseline?.results,
  targets: outcome.input.result.targets,
  facts: outcome.input.facts,
  subUnits: outcome.input.subUnits.map((unit) => unit.code),
  missing: outcome.missing,
  sourceRows: outcome.input.sources?.map(({ read, accepted, rejected }) => ({ read, accepted, rejected })),
});

beforeAll(async () => {
  for (const commune of COMMUNES) {
    today[commune.code] = join(dir, `phu-luc-${commune.code}.xlsx`);
    writeFileSync(today[commune.code]!, await createAnnex(communeInput(commune)));
    // Same names as today's, in a folder of their own: the file names are not what is compared.
    before[commune.code] = join(dir, 'v1', `phu-luc-${commune.code}.xlsx`);
  }
  mkdirSync(join(dir, 'v1'));
  for (const name of readdirSync(V1).filter((file) => file.endsWith('.xlsx'))) copyFileSync(join(V1, name), join(dir, 'v1', name));
});

describe('the annex written today', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await load(today['21289']!);
  });

  it('shows DuLieu, DuLieuXa and ThongTin after the Biểu sheets, none hidden', () => {
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names.slice(-3)).toEqual(['DuLieu', 'DuLieuXa', 'ThongTin']);
    expect(names.slice(0, -3).every((name) => name.startsWith('Bieu'))).toBe(true);
    expect(workbook.worksheets.filter((sheet) => sheet.state !== 'visible').map((sheet) => sheet.name)).toEqual([]);
  });

  it('heads DuLieu in Vietnamese, with the keys aggregate reads in the second header row', () => {
    const sheet = workbook.getWorksheet('DuLieu')!;
    const header = (row: number) => DATA_COLUMNS.map((_, i) => sheet.getCell(row, i + 1).value);
    expect(header(1).slice(0, 5)).toEqual(['Kỳ báo cáo', 'Mã chỉ tiêu', 'Tên chỉ tiêu', 'Mã đơn vị', 'Cấp']);
    expect(header(1).slice(-6)).toEqual(['Tử số', 'Mẫu số', 'Giá trị', 'Số gần đúng', 'Không có số liệu', 'Hệ số']);
    // No English header left in row 1: every one has a Vietnamese letter or is a Vietnamese word without one.
    for (const text of header(1)) expect(DATA_COLUMNS as readonly unknown[]).not.toContain(text);
    expect(header(2)).toEqual([...DATA_COLUMNS]);
    expect(sheet.getCell(3, 1).value).toBe('2025-H1');
    const view = sheet.views[0] as ExcelJS.WorksheetViewFrozen;
    expect(view.ySplit).toBe(2);
  });

  it('heads ThongTin and DuLieuXa in Vietnamese', () => {
    const info = workbook.getWorksheet('ThongTin')!;
    expect([1, 2, 3].map((c) => info.getCell(1, c).value)).toEqual(['Khóa', 'Mục', 'Giá trị']);
    let format: unknown;
    info.eachRow((row) => {
      if (row.getCell(1).value === 'format') format = row.getCell(3).value;
    });
    expect(format).toBe(ANNEX_FORMAT);
    expect(ANNEX_FORMAT).toBe('chitieu-phu-luc/2');
    expect(workbook.getWorksheet('DuLieuXa')!.getCell(1, 1).value).toBe('Mã xã');
  });

  it('keeps them out of print: their print area is one empty cell (absolute, as LibreOffice reads it), the Biểu sheets have none', async () => {
    const xml = (await zipEntries(readFileSync(today['21289']!)))['xl/workbook.xml']!;
    const areas = [...xml.matchAll(/<definedName name="_xlnm.Print_Area" localSheetId="(\d+)">([^<]*)<\/definedName>/g)].map((m) => [workbook.worksheets[Number(m[1])]!.name, m[2]]);
    expect(areas).toEqual(['DuLieu', 'DuLieuXa', 'ThongTin'].map((name) => [name, `&apos;${name}&apos;!$XFD$1048576:$XFD$1048576`]));
    for (const name of ['DuLieu', 'DuLieuXa', 'ThongTin']) expect(workbook.getWorksheet(name)!.getCell('XFD1048576').value, name).toBeNull();
  });

  it('reads back through aggregate, the rows under the keys row', async () => {
    const annex = await readAnnex(today['21289']!);
    expect(annex.info.unitCode).toBe('21289');
    expect(annex.rows.length).toBeGreaterThan(0);
    expect(annex.rows.every((row) => row.unit === '21289')).toBe(true);
  });
});

describe('annexes written before (format /1)', () => {
  it('are the old layout: hidden sheets, DuLieu headed by its keys in row 1', async () => {
    const old = await load(before['21289']!);
    expect(old.getWorksheet('DuLieu')!.state).toBe('hidden');
    expect(old.getWorksheet('DuLieu')!.getCell(1, 1).value).toBe('period');
    let format: unknown;
    old.getWorksheet('ThongTin')!.eachRow((row) => {
      if (row.getCell(1).value === 'format') format = row.getCell(3).value;
    });
    expect(format).toBe('chitieu-phu-luc/1');
  });

  it('sum to the same district as the annexes written today from the same figures', async () => {
    const now = await aggregateAnnexes(request(COMMUNES.map((c) => today[c.code]!)));
    const then = await aggregateAnnexes(request(COMMUNES.map((c) => before[c.code]!)));
    expect(then.input.result.results.filter((row) => row.unit === DISTRICT.code).length).toBeGreaterThan(50);
    expect(figures(then)).toEqual(figures(now));
  });

  it('mix with annexes written today', async () => {
    const now = await aggregateAnnexes(request(COMMUNES.map((c) => today[c.code]!)));
    const mixed = await aggregateAnnexes(request(COMMUNES.map((c, i) => (i % 2 === 0 ? before : today)[c.code]!)));
    expect(figures(mixed)).toEqual(figures(now));
  });
});

const has = (command: string, flag: string) => spawnSync(command, [flag], { stdio: 'ignore' }).status === 0;
const canRender = has('soffice', '--version') && has('pdftotext', '-v');

describe.skipIf(!canRender)('the annex printed (LibreOffice)', () => {
  it('prints the Biểu sheets and not DuLieu, DuLieuXa or ThongTin', () => {
    const out = mkdtempSync(join(tmpdir(), 'chitieu-annex-pdf-'));
    const profile = pathToFileURL(join(out, 'profile')).href;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, today['21289']!], { stdio: 'ignore', timeout: 120_000 });
    const text = execFileSync('pdftotext', [join(out, 'phu-luc-21289.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Biểu 01. DÂN SỐ TRẺ EM');
    expect(text).toContain('Biểu 05');
    // DuLieu's keys row, ThongTin's header and its note, DuLieuXa's commune-code column.
    for (const absent of ['denominator', 'noData', 'Khóa', 'chitieu aggregate', 'TE-0101']) expect(text, absent).not.toContain(absent);
  });
});
