/**
 * Column-mapping profiles (profiles/README.md): the bundled layouts read to the same figures
 * as the contract layout of the same records; bad profiles exit 4 naming file and field; the
 * choice by headers; no sheet of data skipped quietly.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeIndicators, loadCatalogue, parsePeriod } from '../../src/engine/index.js';
import { importFiles, type ProfileSelection } from '../../src/import/index.js';
import { bundledProfiles, loadProfile } from '../../src/import/profiles.js';
import { accountingLines } from '../../src/import/summary.js';
import { UserError } from '../../src/messages/index.js';
import { childRecords } from '../../src/model/record-columns.js';
import { CONTRACT_LAYOUT, DEFAULT_SEED, OTHER_LAYOUTS, buildSampleSet, otherLayoutFile, workbookBuffer, type OtherLayout } from '../../src/sample/index.js';
import type { SampleSet } from '../../src/sample/index.js';
import { loadAdminUnits } from '../../src/units/index.js';
import { userError } from '../helpers/errors.js';
import { CHILD_HEADERS, childRow, tempDir, writeText, writeWorkbook } from '../helpers/workbooks.js';

const dir = tempDir('chitieu-profiles-');
const catalogue = loadCatalogue();
let set: SampleSet;

beforeAll(() => {
  set = buildSampleSet(loadAdminUnits(), { seed: DEFAULT_SEED, communes: 2 });
});

async function writeLayout(layout: OtherLayout, index: number, folder: string): Promise<string> {
  const file = otherLayoutFile(layout, set.data.communes[index]!);
  const path = join(dir, folder, file.fileName);
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(dir, folder), { recursive: true });
  writeFileSync(path, await workbookBuffer(file));
  return path;
}

function figures(dataset: Awaited<ReturnType<typeof importFiles>>['dataset'], period: string) {
  return computeIndicators({ units: loadAdminUnits(), dataset, period: parsePeriod(period), catalogue, level: 'commune', baseline: 'records' }).result.results;
}

async function expectUnreadable(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).exitCode).toBe(2);
  return error as UserError;
}

describe('bundled profiles', () => {
  it('are valid, and each has a layout in sample-data/khac', () => {
    const profiles = bundledProfiles();
    expect(profiles.map((profile) => profile.file).sort()).toEqual(OTHER_LAYOUTS.map((layout) => `profiles/${layout.id}.yaml`).sort());
  });

  for (const [index, layout] of OTHER_LAYOUTS.entries()) {
    it(`${layout.id}: reads to exactly the figures of the same records in the contract layout`, async () => {
      const contract = await importFiles([await writeLayout(CONTRACT_LAYOUT, index, `contract-${index}`)], { sheets: { candidates: [], ignoreSheets: [] } });
      const other = await writeLayout(layout, index, `other-${index}`);
      const profile = loadProfile(join('profiles', `${layout.id}.yaml`));
      const named = await importFiles([other], { sheets: { profile, candidates: [], ignoreSheets: [] } });
      // Without --profile the bundled profile is chosen by the headers, and the accounting says so.
      const chosen = await importFiles([other]);
      for (const read of [named, chosen]) {
        expect(read.rejected).toEqual([]);
        expect(read.files[0]!.read).toBe(contract.files[0]!.read);
      }
      expect(chosen.files[0]!.sheets.filter((sheet) => sheet.profile).map((sheet) => sheet.profile)).not.toHaveLength(0);
      expect(accountingLines(chosen.files, 'vi').join('\n')).toContain(`hồ sơ cột profiles/${layout.id}.yaml tự chọn theo tiêu đề`);
      const children = contract.dataset.children.length;
      expect(children).toBeGreaterThan(500);
      expect(contract.dataset.events.length).toBeGreaterThan(5);
      for (const period of ['2025-H1', '2024']) {
        const expected = figures(contract.dataset, period);
        expect(expected.find((row) => row.indicator === 'TE-0101')?.value).toBeGreaterThan(0);
        expect(figures(named.dataset, period)).toEqual(expected);
        expect(figures(chosen.dataset, period)).toEqual(expected);
      }
    });
  }

  it('are not chosen for a file in the contract layout', async () => {
    const read = await importFiles([await writeLayout(CONTRACT_LAYOUT, 0, 'contract-plain')]);
    expect(read.files[0]!.sheets.map((sheet) => sheet.profile)).toEqual([undefined, undefined, undefined]);
  });
});

describe('a bad profile exits 4 naming the file and the field', () => {
  const cases: [string, string, string][] = [
    ['unknown key', 'name: X\nsheets:\n  children:\n    columns:\n      gender: ["Gender"]\n', 'sheets.children.columns.gender'],
    ['value outside the code list', 'name: X\nsheets:\n  children:\n    values:\n      sex: { "Boy": "BOY" }\n', 'sheets.children.values.sex.Boy'],
    ['values of a text column', 'name: X\nsheets:\n  children:\n    values:\n      village: { "T1": "Thôn 1" }\n', 'sheets.children.values.village'],
    ['a contract header given to another column', 'name: X\nsheets:\n  children:\n    columns:\n      childId: ["Ngày sinh"]\n', 'sheets.children.columns.childId'],
    ['an unknown field', 'name: X\nsheet:\n  children: {}\n', 'sheet'],
    ['no name', 'sheets: {}\n', 'name'],
    ['a YAML syntax error', 'name: [unclosed\n', ''],
  ];
  for (const [what, text, field] of cases) {
    it(what, () => {
      const path = writeText(join(dir, `bad-${what.replace(/\W+/g, '-')}.yaml`), text);
      const error = userError(() => loadProfile(path));
      expect(error.exitCode).toBe(4);
      expect(error.text.vi).toContain(path);
      if (field) expect(error.text.vi).toContain(`mục ${field}`);
      expect(error.text.vi).not.toContain('\n');
    });
  }
  it('a missing file', () => {
    expect(userError(() => loadProfile(join(dir, 'none.yaml'))).exitCode).toBe(4);
  });
});

describe('choosing a profile by the headers', () => {
  const profileText = (name: string) =>
    `name: "${name}"\nsheets:\n  children:\n    columns:\n      childId: ["Mã số"]\n      fullName: ["Tên trẻ"]\n      sex: ["Phái"]\n    values:\n      sex: { "Con trai": NAM, "Con gái": NU }\n`;
  const headers = CHILD_HEADERS.map((header) => ({ 'Mã trẻ em': 'Mã số', 'Họ và tên': 'Tên trẻ', 'Giới tính': 'Phái' })[header] ?? header);

  it('uses a profile that fits better than the contract, with its values', async () => {
    const path = await writeWorkbook(join(dir, 'phai.xlsx'), [{ name: 'TreEm', rows: [headers, childRow({ 'Giới tính': 'Con gái' })] }]);
    const profile = loadProfile(writeText(join(dir, 'phai.yaml'), profileText('Mẫu A')), 'phai.yaml');
    const read = await importFiles([path], { sheets: { candidates: [profile], ignoreSheets: [] } });
    expect(childRecords(read.dataset.children).map((child) => child.sex)).toEqual(['NU']);
    expect(read.files[0]!.sheets[0]!.profile).toEqual({ name: 'Mẫu A', file: 'phai.yaml', automatic: true });
    // Without any profile the sheet lacks its required columns: refused, with the hint.
    const refused = await expectUnreadable(importFiles([path], { sheets: { candidates: [], ignoreSheets: [] } }));
    expect(refused.text.vi).toContain('thiếu cột bắt buộc "Mã trẻ em", "Họ và tên", "Giới tính"');
    expect(refused.text.vi).toContain('chitieu inspect phai.xlsx --draft-profile');
  });

  it('never chooses silently between two profiles that fit equally well', async () => {
    const path = await writeWorkbook(join(dir, 'phai-2.xlsx'), [{ name: 'TreEm', rows: [headers, childRow()] }]);
    const a = loadProfile(writeText(join(dir, 'a.yaml'), profileText('Mẫu A')), 'a.yaml');
    const b = loadProfile(writeText(join(dir, 'b.yaml'), profileText('Mẫu B')), 'b.yaml');
    const error = await expectUnreadable(importFiles([path], { sheets: { candidates: [a, b], ignoreSheets: [] } }));
    expect(error.text.vi).toContain('"Mẫu A" (a.yaml) và "Mẫu B" (b.yaml)');
    expect(error.text.vi).toContain('--profile');
    // Naming one settles it.
    const read = await importFiles([path], { sheets: { profile: b, candidates: [], ignoreSheets: [] } });
    expect(read.files[0]!.sheets[0]!.profile?.name).toBe('Mẫu B');
  });

  it('reads list values through the mapping one by one', async () => {
    const path = await writeWorkbook(join(dir, 'groups.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow({ 'Nhóm HCĐB': 'Mồ côi hết; d', 'Ngày bắt đầu HCĐB': '01/01/2020' })] }]);
    const profile = loadProfile(writeText(join(dir, 'groups.yaml'), 'name: G\nsheets:\n  children:\n    values:\n      specialGroups: { "Mồ côi hết": "a" }\n'));
    const read = await importFiles([path], { sheets: { profile, candidates: [], ignoreSheets: [] } });
    expect(childRecords(read.dataset.children)[0]!.specialGroups).toEqual(['HCDB01', 'HCDB04']);
  });
});

describe('no sheet of data is skipped quietly', () => {
  const none: ProfileSelection = { candidates: [], ignoreSheets: [] };
  const data = { name: 'TreEm', rows: [CHILD_HEADERS, childRow()] };

  it('refuses a sheet with rows whose header is not recognised, naming file and sheet, with the hint', async () => {
    const path = await writeWorkbook(join(dir, 'extra.xlsx'), [data, { name: 'Danh sách 2', rows: [['Cột A', 'Cột B'], ['x', 'y']] }]);
    const error = await expectUnreadable(importFiles([path], { sheets: none }));
    expect(error.text.vi).toContain('"extra.xlsx"');
    expect(error.text.vi).toContain('trang "Danh sách 2"');
    expect(error.text.vi).toContain('chitieu inspect extra.xlsx --draft-profile');
    expect(error.text.en).toContain('--ignore-sheet "Danh sách 2"');
    // --ignore-sheet skips it, and the accounting says so with its rows.
    const read = await importFiles([path], { sheets: { candidates: [], ignoreSheets: ['danh sach 2'] } });
    expect(read.files[0]!.skippedSheets).toEqual([{ sheet: 'Danh sách 2', reason: 'ignored', rows: 2 }]);
    expect(accountingLines(read.files, 'vi').join('\n')).toContain('bỏ qua trang "Danh sách 2" (theo --ignore-sheet hoặc hồ sơ cột): 2 dòng không đọc');
  });

  it('skips sheets named as not data, hidden sheets, empty sheets and a profile\'s ignoreSheets, and lists those with rows', async () => {
    const path = await writeWorkbook(join(dir, 'notes.xlsx'), [
      data,
      { name: 'Sheet3', rows: [] },
      { name: 'Tổng hợp', rows: [['Xã', 'Số trẻ'], ['Sơn Hà', 12]] },
    ]);
    const profile = loadProfile(writeText(join(dir, 'ignore.yaml'), 'name: I\nignoreSheets: ["Tong hop"]\nsheets: {}\n'));
    const read = await importFiles([path], { sheets: { profile, candidates: [], ignoreSheets: [] } });
    expect(read.dataset.children).toHaveLength(1);
    expect(read.files[0]!.skippedSheets).toEqual([{ sheet: 'Tổng hợp', reason: 'ignored', rows: 2 }]);
    const other = await writeWorkbook(join(dir, 'readme.xlsx'), [
      data,
      { name: 'Hướng dẫn', rows: [['Cách ghi'], ['Ghi ngày dd/mm/yyyy'], ['...']] },
      { name: 'README', rows: [['x']] },
      { name: 'Nháp', state: 'hidden', rows: [['a', 'b', 'c'], [1, 2, 3]] },
    ]);
    expect((await importFiles([other], { sheets: none })).files[0]!.skippedSheets).toEqual([
      { sheet: 'Hướng dẫn', reason: 'notData', rows: 3 },
      { sheet: 'README', reason: 'notData', rows: 1 },
      { sheet: 'Nháp', reason: 'hidden', rows: 2 },
    ]);
    // Without the profile, "Tổng hợp" is data nobody can read: refused.
    const error = await expectUnreadable(importFiles([path], { sheets: none }));
    expect(error.text.vi).toContain('trang "Tổng hợp"');
  });
});
