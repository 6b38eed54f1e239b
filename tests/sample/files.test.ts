import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHILDREN_SHEET, COMMUNE_FACTS_SHEET, EVENTS_SHEET, type SheetSpec } from '../../src/model/columns.js';
import { buildSampleSet, type SampleSet } from '../../src/sample/build.js';
import { NOTE_HEADER, STT_HEADER, TOTAL_LABEL } from '../../src/sample/layout.js';
import { workbookBuffer } from '../../src/sample/workbook.js';
import { OTHER_LAYOUTS_DIR, writeOtherLayouts, writeSampleSet } from '../../src/sample/write.js';
import { POST_REFORM_DIR } from '../../src/sample/post-reform.js';
import { loadAdminUnits } from '../../src/units/index.js';

/**
 * The written sample, read back with exceljs: the files must be what data-contract.md describes,
 * carry the planted errors where the README says, and come out byte for byte the same per seed.
 */

const units = loadAdminUnits();
const SPECS: readonly SheetSpec[] = [CHILDREN_SHEET, EVENTS_SHEET, COMMUNE_FACTS_SHEET];
const COMMITTED = new URL('../../sample-data/', import.meta.url);

/** Header folding of data-contract.md: NFC, lower case, no diacritics (đ → d), single spaces. */
function fold(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/[^\p{L}\p{N}/]+/gu, ' ')
    .trim();
}

type Value = ExcelJS.CellValue;

interface ReadSheet {
  readonly rows: Value[][];
}

function readRows(sheet: ExcelJS.Worksheet): Value[][] {
  // columnCount walks every row on each call: read it once.
  const rowCount = sheet.rowCount;
  const columnCount = sheet.columnCount;
  const rows: Value[][] = [];
  for (let r = 1; r <= rowCount; r += 1) {
    const row = sheet.getRow(r);
    const values: Value[] = [];
    for (let c = 1; c <= columnCount; c += 1) values.push(row.getCell(c).value);
    rows.push(values);
  }
  return rows;
}

const isBlank = (value: Value): boolean => value === null || value === undefined || value === '';

function isoOfCell(value: Value): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(String(value));
  if (!match) throw new Error(`not a date: ${String(value)}`);
  return `${match[3]}-${match[2]}-${match[1]}`;
}

let dir: string;
let set: SampleSet;
const books = new Map<string, Map<string, ReadSheet>>();
const numFmts = new Map<string, string>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chitieu-sample-'));
  set = buildSampleSet(units, { seed: 2025 });
  await writeSampleSet(dir, set);
  for (const file of set.files) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, file.fileName));
    const sheets = new Map<string, ReadSheet>();
    for (const sheet of workbook.worksheets) {
      sheets.set(sheet.name, { rows: readRows(sheet) });
      // One date cell per file is enough to see the format exceljs wrote.
      const layout = file.sheets.find((candidate) => candidate.name === sheet.name);
      if (sheet.name === 'TreEm' && layout) {
        const column = layout.keys.indexOf('dateOfBirth') + 1;
        numFmts.set(file.fileName, sheet.getRow(layout.headerRow + 1).getCell(column).numFmt ?? '');
      }
    }
    books.set(file.fileName, sheets);
  }
});

function sheetOf(fileName: string, name: string): { read: ReadSheet; headerRow: number; header: string[] } {
  const read = books.get(fileName)?.get(name);
  const layout = set.files.find((file) => file.fileName === fileName)?.sheets.find((sheet) => sheet.name === name);
  if (!read || !layout) throw new Error(`missing ${fileName} ${name}`);
  const header = (read.rows[layout.headerRow - 1] ?? []).map((value) => String(value ?? ''));
  return { read, headerRow: layout.headerRow, header };
}

function columnOf(header: readonly string[], spec: SheetSpec, key: string): number {
  const column = spec.columns.find((candidate) => candidate.key === key);
  if (column === undefined) return -1;
  const names = [column.header, ...column.aliases].map(fold);
  return header.findIndex((text) => names.includes(fold(text)));
}

function dataRows(fileName: string, name: string): Value[][] {
  const { read, headerRow } = sheetOf(fileName, name);
  return read.rows.slice(headerRow).filter((row) => row.some((value) => !isBlank(value)));
}

describe('the written sample set', () => {
  it('has one workbook per commune of huyện Sơn Hà, named 51-529-<code>-<slug>.xlsx, and a README', () => {
    const names = readdirSync(dir).sort();
    expect(names).toContain('README.md');
    const workbooks = names.filter((name) => name.endsWith('.xlsx'));
    expect(workbooks).toHaveLength(14);
    expect(workbooks[0]).toBe('51-529-21289-thi-tran-di-lang.xlsx');
    for (const name of workbooks) expect(name).toMatch(/^51-529-\d{5}-[a-z0-9-]+\.xlsx$/);
  });

  it('has the sheets TreEm, SuViec and ThongTinXa with contract headers (after folding) and every required column', () => {
    for (const file of set.files) {
      expect([...books.get(file.fileName)!.keys()]).toEqual(['TreEm', 'SuViec', 'ThongTinXa']);
      for (const spec of SPECS) {
        const { header } = sheetOf(file.fileName, spec.name);
        const known = header.filter((text) => text !== '' && fold(text) !== fold(STT_HEADER) && fold(text) !== fold(NOTE_HEADER));
        expect(known).toHaveLength(spec.columns.length);
        for (const column of spec.columns) expect(columnOf(header, spec, column.key), `${file.fileName} ${column.key}`).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('puts a title row and a blank row above the header in some files, within the first 10 rows', () => {
    const titled = set.files.filter((file) => file.style.titleRows);
    expect(titled.length).toBeGreaterThanOrEqual(3);
    expect(titled.length).toBeLessThan(set.files.length);
    for (const file of titled) {
      const { read, headerRow } = sheetOf(file.fileName, 'TreEm');
      expect(headerRow).toBe(3);
      expect(String(read.rows[0]![0]).normalize('NFC')).toMatch(/^DANH SÁCH TRẺ EM (XÃ|THỊ TRẤN) /);
      expect(read.rows[1]!.every(isBlank)).toBe(true);
    }
  });

  it('writes as many data rows as the layout holds: the children, the events and the planted rows', () => {
    for (const file of set.files) {
      const commune = set.data.communes[file.commune.index]!;
      const planted = (sheet: string): number => set.planted.filter((error) => error.file === file.fileName && error.sheet === sheet).length;
      expect(dataRows(file.fileName, 'TreEm')).toHaveLength(commune.children.length + planted('TreEm'));
      expect(dataRows(file.fileName, 'SuViec')).toHaveLength(commune.events.length + planted('SuViec'));
      expect(dataRows(file.fileName, 'ThongTinXa')).toHaveLength(3);
    }
  });

  it('writes codes as text cells of 2, 3 and 5 digits', () => {
    for (const file of set.files) {
      for (const spec of SPECS) {
        const { header } = sheetOf(file.fileName, spec.name);
        for (const [key, digits] of [['provinceCode', 2], ['districtCode', 3], ['communeCode', 5]] as const) {
          const column = columnOf(header, spec, key);
          if (column < 0) continue;
          const bad = dataRows(file.fileName, spec.name).filter((row) => {
            const value = row[column];
            return row[0] !== TOTAL_LABEL && (typeof value !== 'string' || !new RegExp(`^\\d{${digits}}$`).test(value));
          });
          expect(bad, `${file.fileName} ${spec.name} ${key}`).toEqual([]);
        }
      }
    }
  });

  it('writes dates as UTC-midnight date cells formatted dd/mm/yyyy in most files, as dd/mm/yyyy text in some', () => {
    const textFiles = set.files.filter((file) => file.style.dates === 'text');
    expect(textFiles.length).toBeGreaterThanOrEqual(2);
    expect(textFiles.length).toBeLessThan(set.files.length / 2);
    for (const file of set.files) {
      const { header } = sheetOf(file.fileName, 'TreEm');
      const column = columnOf(header, CHILDREN_SHEET, 'dateOfBirth');
      const values = dataRows(file.fileName, 'TreEm')
        .map((row) => row[column])
        .filter((value) => !isBlank(value));
      if (file.style.dates === 'cells') {
        expect(numFmts.get(file.fileName)).toBe('dd/mm/yyyy');
        for (const value of values) {
          expect(value).toBeInstanceOf(Date);
          expect((value as Date).getTime() % 86_400_000).toBe(0);
        }
      } else {
        for (const value of values) expect(String(value)).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      }
    }
  });

  it('records events from 1 July 2025 under the new commune code and earlier ones under the old', () => {
    let after = 0;
    for (const file of set.files) {
      const { header } = sheetOf(file.fileName, 'SuViec');
      const dateColumn = columnOf(header, EVENTS_SHEET, 'eventDate');
      const codeColumn = columnOf(header, EVENTS_SHEET, 'communeCode');
      const planted = new Set(set.planted.filter((error) => error.file === file.fileName && error.sheet === 'SuViec').map((error) => error.row));
      const { headerRow } = sheetOf(file.fileName, 'SuViec');
      dataRows(file.fileName, 'SuViec').forEach((row, index) => {
        if (planted.has(headerRow + 1 + index)) return;
        const date = isoOfCell(row[dateColumn] ?? null);
        const expected = date >= '2025-07-01' ? file.commune.newCode : file.commune.code;
        if (date >= '2025-07-01') after += 1;
        expect(row[codeColumn]).toBe(expected);
      });
    }
    expect(after).toBeGreaterThan(20);
  });

  it('varies the files the way real exports vary', () => {
    const all = (fileName: string): string[] =>
      [...books.get(fileName)!.values()].flatMap((sheet) => sheet.rows.flat().filter((value): value is string => typeof value === 'string'));
    const headers = set.files.flatMap((file) => SPECS.flatMap((spec) => sheetOf(file.fileName, spec.name).header));
    for (const variant of ['Ngay sinh', 'NGÀY SINH', 'Ngày, tháng, năm sinh', 'Nhom HCDB']) {
      expect(headers.map((text) => text.normalize('NFC'))).toContain(variant);
    }
    const nfd = set.files.filter((file) => file.style.nfd);
    expect(nfd).toHaveLength(1);
    expect(all(nfd[0]!.fileName).some((text) => text !== text.normalize('NFC'))).toBe(true);
    for (const file of set.files.filter((candidate) => !candidate.style.nfd)) {
      expect(all(file.fileName).every((text) => text === text.normalize('NFC'))).toBe(true);
    }
    const labelled = set.files.filter((file) => file.style.values === 'labels').flatMap((file) => all(file.fileName).map((text) => text.normalize('NFC')));
    for (const label of ['Nữ', 'Tai nạn thương tích', 'Đuối nước']) expect(labelled).toContain(label);
    const letters = set.files.filter((file) => file.style.groups === 'letter');
    const groupCells = letters.flatMap((file) => {
      const { header } = sheetOf(file.fileName, 'TreEm');
      const column = columnOf(header, CHILDREN_SHEET, 'specialGroups');
      return dataRows(file.fileName, 'TreEm').map((row) => row[column]);
    });
    expect(groupCells).toContain('d');
    const canonical = set.files[0]!;
    expect(all(canonical.fileName)).toContain('HCDB04');
  });

  it('holds every planted error where the README says', () => {
    expect(set.planted.map((error) => error.tag).sort()).toEqual(['E01', 'E02', 'E03', 'E04', 'E05', 'E06', 'E07', 'E08', 'E09', 'E10', 'T01']);
    expect(set.planted.filter((error) => error.outcome === 'rejected')).toHaveLength(9);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    for (const error of set.planted) {
      const { read, header } = sheetOf(error.file, error.sheet);
      const row = read.rows[error.row - 1]!;
      expect(readme).toContain(`| ${error.tag} | \`${error.file}\` | ${error.sheet} | ${error.row} |`);
      if (error.tag === 'T01') {
        expect(row[0]).toBe(TOTAL_LABEL);
        expect(error.row).toBe(read.rows.length);
        continue;
      }
      const column = header.indexOf(error.column!);
      expect(column).toBeGreaterThanOrEqual(0);
      const cell = row[column];
      const text = isBlank(cell) ? '' : cell instanceof Date ? isoOfCell(cell).split('-').reverse().join('/') : String(cell);
      expect(text, error.tag).toBe(error.value);
    }
    const byTag = new Map(set.planted.map((error) => [error.tag, error]));
    expect(byTag.get('E06')!.value).toBe('31/02/2025');
    expect(byTag.get('E03')!.value).toBe('');
    expect(units.communeExistsInAnyEra(byTag.get('E02')!.value!)).toBe(false);
    // E05 repeats a child of an earlier file (files are read in name order).
    const duplicate = byTag.get('E05')!;
    const original = set.files.find((file) => file.fileName < duplicate.file && set.data.communes[file.commune.index]!.children.some((child) => child.childId === duplicate.value));
    expect(original).toBeDefined();
    // E08's child is in no TreEm, and its event counts.
    const visitor = byTag.get('E08')!.value!;
    expect(set.children.some((child) => child.childId === visitor)).toBe(false);
    expect(set.events.some((event) => event.childId === visitor)).toBe(true);
  });

  it('lists the seed, how to regenerate and the true totals in the README', () => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain('seed 2025');
    expect(readme).toContain('npm run sample');
    expect(readme).toMatch(/TE-0305 Tử vong do TNTT[^\n]*\| 5 \(/);
    expect(readme).toContain('TE-0305 tử vong do TNTT / injury deaths: 3 so với / against 5 → đạt / met');
  });

  it('stays under ~5 MB', () => {
    const bytes = readdirSync(dir).reduce((sum, name) => sum + readFileSync(join(dir, name)).length, 0);
    expect(bytes).toBeLessThan(5_000_000);
  });

  it.runIf(existsSync(new URL('README.md', COMMITTED)))('matches the committed sample-data/ byte for byte (regenerate with npm run sample)', async () => {
    await writeOtherLayouts(join(dir, OTHER_LAYOUTS_DIR), set);
    for (const folder of ['', `${OTHER_LAYOUTS_DIR}/`]) {
      // Today's set has its own folder and its own check (post-reform.test.ts).
      const committed = readdirSync(new URL(folder, COMMITTED)).filter((name) => name !== OTHER_LAYOUTS_DIR && name !== POST_REFORM_DIR).sort();
      expect(committed).toEqual(readdirSync(join(dir, folder)).filter((name) => name !== OTHER_LAYOUTS_DIR).sort());
      for (const name of committed) {
        expect(readFileSync(new URL(folder + name, COMMITTED)).equals(readFileSync(join(dir, folder, name))), folder + name).toBe(true);
      }
    }
  });
});

describe('determinism', () => {
  it('gives the same bytes for the same seed and different bytes for another seed', async () => {
    const bytes = async (seed: number): Promise<Buffer[]> => {
      const small = buildSampleSet(units, { seed, communes: 2 });
      return Promise.all(small.files.map((file) => workbookBuffer(file)));
    };
    const first = await bytes(11);
    const again = await bytes(11);
    const other = await bytes(12);
    expect(first).toHaveLength(2);
    first.forEach((buffer, i) => {
      expect(buffer.equals(again[i]!)).toBe(true);
      expect(buffer.equals(other[i]!)).toBe(false);
    });
  });
});
