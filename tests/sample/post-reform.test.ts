import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/engine/index.js';
import type { ImportResult } from '../../src/import/index.js';
import { computeStep, loadDefinitions } from '../../src/pipeline/compute.js';
import { readData } from '../../src/pipeline/read.js';
import { buildSampleSet } from '../../src/sample/build.js';
import { buildPostReformSet, POST_REFORM_DIR, type PostReformSet } from '../../src/sample/post-reform.js';
import { workbookBuffer } from '../../src/sample/workbook.js';
import { writePostReformSet } from '../../src/sample/write.js';
import { loadAdminUnits } from '../../src/units/index.js';

const units = loadAdminUnits();
const COMMITTED = new URL(`../../sample-data/${POST_REFORM_DIR}/`, import.meta.url);

let dir: string;
let set: PostReformSet;
let imported: ImportResult;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chitieu-post-reform-'));
  set = buildPostReformSet(units, 2025);
  await writePostReformSet(dir, set);
  imported = await readData(readdirSync(dir).filter((name) => name.endsWith('.xlsx')).sort().map((name) => join(dir, name)));
}, 120_000);

const sheetOf = (fileName: string, sheet: string) => {
  const found = set.files.find((file) => file.fileName === fileName)?.sheets.find((candidate) => candidate.name === sheet);
  if (found === undefined) throw new Error(`missing ${fileName} ${sheet}`);
  return found;
};
/** The values of one column of a sheet, as written (data rows only, totals rows left out). */
const column = (fileName: string, sheet: string, key: string): string[] => {
  const layout = sheetOf(fileName, sheet);
  const index = layout.keys.indexOf(key);
  return layout.rows.filter((row) => row[0] !== 'Tổng cộng').map((row) => {
    const cell = row[index];
    if (cell === null || cell === undefined) return '';
    return typeof cell === 'object' ? cell.date : String(cell);
  });
};
const isoOf = (text: string): string => (/^\d{2}\/\d{2}\/\d{4}$/.test(text) ? text.split('/').reverse().join('-') : text);

describe('the post-reform sample set', () => {
  it('covers the new communes formed from Sơn Hà, each with all its old communes', () => {
    // From data/admin-units: every old commune of district 529 went whole into one of these five,
    // and none of the five took an old commune of another district.
    expect(set.newCommunes.map((commune) => `${commune.code} ${commune.name}`)).toEqual([
      '21289 Xã Sơn Hà',
      '21292 Xã Sơn Hạ',
      '21307 Xã Sơn Linh',
      '21319 Xã Sơn Thuỷ',
      '21325 Xã Sơn Kỳ',
    ]);
    expect(set.newCommunes[0]!.formedFrom.map((old) => `${old.code} ${old.name}`)).toEqual(['21289 Thị trấn Di Lăng', '21301 Xã Sơn Bao', '21313 Xã Sơn Thượng']);
    // 3 + 3 + 3 + 3 + 2 = 14 old communes, the whole district.
    expect(set.newCommunes.flatMap((commune) => commune.formedFrom)).toHaveLength(14);
    expect(set.newCommunes.map((commune) => commune.mixed)).toEqual([true, true, true, false, false]);
  });

  it('writes one mixed workbook per mixed commune, and 2025 exports plus a 2026 workbook for the others', () => {
    // 3 mixed + (3 old + 1 new) + (2 old + 1 new) = 10 workbooks.
    expect(set.files.map((file) => file.fileName)).toEqual([
      '2026-51-21289-xa-son-ha.xlsx',
      '2026-51-21292-xa-son-ha.xlsx',
      '2026-51-21307-xa-son-linh.xlsx',
      '2025-51-529-21310-xa-son-trung.xlsx',
      '2025-51-529-21319-xa-son-hai.xlsx',
      '2025-51-529-21322-xa-son-thuy.xlsx',
      '2026-51-21319-xa-son-thuy-tu-01-07-2025.xlsx',
      '2025-51-529-21325-xa-son-ky.xlsx',
      '2025-51-529-21328-xa-son-ba.xlsx',
      '2026-51-21325-xa-son-ky-tu-01-07-2025.xlsx',
    ]);
  });

  it('writes 2025 rows in the old codes and 2026 rows in the new ones, mixed in one file', () => {
    const mixed = '2026-51-21289-xa-son-ha.xlsx';
    const codes = column(mixed, 'TreEm', 'communeCode');
    const districts = column(mixed, 'TreEm', 'districtCode');
    const ids = column(mixed, 'TreEm', 'childId');
    // Old lists carried over: the three old codes, with district 529 (planted E02's typo 21299 is in 21292's file).
    expect(new Set(codes.filter((_, i) => districts[i] === '529'))).toEqual(new Set(['21289', '21301', '21313']));
    // Born after the reform: the new code, no district, ids from 5001.
    const born = ids.flatMap((id, i) => (/-5\d{3}$/.test(id) ? [i] : []));
    expect(born.length).toBeGreaterThan(100);
    expect(born.every((i) => codes[i] === '21289' && districts[i] === '')).toBe(true);
    // Events before 1 July 2025 carry an old code; from then, the new one.
    const dates = column(mixed, 'SuViec', 'eventDate').map(isoOf);
    const eventCodes = column(mixed, 'SuViec', 'communeCode');
    expect(new Set(eventCodes.filter((_, i) => dates[i]! >= '2025-07-01'))).toEqual(new Set(['21289']));
    expect(new Set(eventCodes.filter((_, i) => dates[i]! < '2025-07-01'))).toEqual(new Set(['21289', '21301', '21313']));
    expect(dates.some((date) => date >= '2026-01-01')).toBe(true);
    expect(dates.every((date) => date >= '2025-01-01')).toBe(true);

    // A 2025 export: old codes only, events of the first half of 2025 (E07's event "a year too early" aside).
    const old = '2025-51-529-21319-xa-son-hai.xlsx';
    expect(new Set(column(old, 'TreEm', 'communeCode'))).toEqual(new Set(['21319']));
    expect(column(old, 'SuViec', 'eventDate').map(isoOf).filter((date) => date >= '2025-07-01')).toEqual([]);
    // Its 2026 workbook: the new code only.
    const later = '2026-51-21319-xa-son-thuy-tu-01-07-2025.xlsx';
    expect(new Set([...column(later, 'TreEm', 'communeCode'), ...column(later, 'SuViec', 'communeCode')])).toEqual(new Set(['21319']));
    expect(column(later, 'SuViec', 'eventDate').map(isoOf).every((date) => date >= '2025-07-01')).toBe(true);
  });

  it('has the pre-reform set\'s children and first half of 2025, and the scripted 2026 figures', () => {
    const before = buildSampleSet(units, { seed: 2025 }).totals.find((totals) => totals.period.id === '2025-H1')!;
    const h1 = set.totals.find((totals) => totals.period.id === '2025-H1')!;
    const now = set.totals.find((totals) => totals.period.id === '2026-H1')!;
    expect(h1.children).toBe(before.children);
    expect(h1.injuryDeaths).toBe(before.injuryDeaths);
    // 2026-H1: injury deaths DUOI_NUOC + GIAO_THONG = 2 (against 3), drownings 1 (against 2);
    // abuse: 1 victim + 2 siblings = 3 children in 2 cases, all supported; 1 case fined 5,000,000.
    expect([now.injuryDeaths, now.drowningDeaths]).toEqual([2, 1]);
    expect([h1.injuryDeaths, h1.drowningDeaths]).toEqual([3, 2]);
    expect([now.abusedChildren, now.abuseCases, now.abusedSupported, now.fineCases, now.fineTotal]).toEqual([3, 2, 3, 1, 5_000_000]);
    // The communes' totals add up to the set's.
    const sum = Object.values(set.communeTotals).reduce((total, list) => total + list.find((t) => t.period.id === '2026-H1')!.children, 0);
    expect(sum).toBe(now.children);
  });

  it('reads back with the planted errors where the README says: read = accepted + rejected per file and sheet', () => {
    expect(imported.unreadable).toEqual([]);
    for (const file of imported.files) {
      const expected = set.accounts[file.file];
      expect(expected, file.file).toBeDefined();
      for (const sheet of file.sheets) {
        const want = expected![sheet.sheet]!;
        expect([sheet.read, sheet.accepted, sheet.rejected], `${file.file} ${sheet.sheet}`).toEqual([want.read, want.accepted, want.rejected]);
      }
    }
    const rejected = set.planted.filter((error) => error.outcome === 'rejected');
    expect(imported.rejected).toHaveLength(rejected.length);
    expect(rejected.map((error) => error.tag).sort()).toEqual(['E01', 'E02', 'E03', 'E04', 'E05', 'E06', 'E07', 'E09', 'E10']);
  });

  it('gives the README\'s figures for 2026-H1 and 2025-H1: every old code carried to its new commune', () => {
    // Each sheet is read in its code vintage (told from its codes; Mã huyện = old); the mixed
    // sheets' new codes are reused old codes that the crosswalk carries to themselves.
    const definitions = loadDefinitions();
    const computed = computeStep(imported, { period: parsePeriod('2026-H1'), level: 'province', baseline: 'records' }, definitions);
    const total = (rows: typeof computed.output.result.results, indicator: string, unit: string): number | null =>
      rows.find((row) => row.indicator === indicator && row.unit === unit && Object.keys(row.breakdown ?? {}).length === 0)?.numerator ?? null;
    const { result, baselineResult } = computed.output;
    for (const commune of set.newCommunes) {
      const truth = set.communeTotals[commune.code]!;
      expect(total(result.results, 'TE-0101', commune.code), commune.code).toBe(truth.find((t) => t.period.id === '2026-H1')!.children);
      expect(total(baselineResult!.results, 'TE-0101', commune.code), commune.code).toBe(truth.find((t) => t.period.id === '2025-H1')!.children);
    }
    const now = set.totals.find((totals) => totals.period.id === '2026-H1')!;
    expect(total(result.results, 'TE-0101', '51')).toBe(now.children);
    expect(total(result.results, 'TE-0305', '51')).toBe(2);
    expect(total(baselineResult!.results, 'TE-0305', '51')).toBe(3);
  });

  it('is deterministic: the same bytes for the same seed, others for another seed', async () => {
    const again = buildPostReformSet(units, 2025);
    const first = set.files[6]!;
    expect((await workbookBuffer(again.files[6]!)).equals(await workbookBuffer(first))).toBe(true);
    const other = buildPostReformSet(units, 7);
    expect((await workbookBuffer(other.files[6]!)).equals(await workbookBuffer(first))).toBe(false);
  });

  it.runIf(existsSync(new URL('README.md', COMMITTED)))(`matches the committed sample-data/${POST_REFORM_DIR}/ byte for byte (regenerate with npm run sample)`, () => {
    const committed = readdirSync(COMMITTED).sort();
    expect(committed).toEqual(readdirSync(dir).sort());
    for (const name of committed) expect(readFileSync(new URL(name, COMMITTED)).equals(readFileSync(join(dir, name))), name).toBe(true);
  });
});
