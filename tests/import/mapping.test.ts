/**
 * The mapping step's import side (src/import/mapping.ts): a sheet refused for its headers is
 * laid out with the draft's suggestions; a person's mapping is checked (required columns left,
 * a column twice, unknown coded values); the profile it makes is an ordinary profile (the YAML
 * reads back with loadProfile) and reads the file to the contract layout's figures.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeIndicators, loadCatalogue, parsePeriod } from '../../src/engine/index.js';
import { importFiles, type ImportResult } from '../../src/import/index.js';
import { checkMapping, makeProfile, profileFileName, proposeMapping, proposalsFor, refusedForHeaders, specOf, type LayoutChoice, type LayoutDraft } from '../../src/import/mapping.js';
import { BUNDLED_PROFILES_DIR, bundledProfiles, loadProfile, localProfiles } from '../../src/import/profiles.js';
import { UserError } from '../../src/messages/index.js';
import { loadAdminUnits } from '../../src/units/index.js';
import { FORM_HEADERS, FORM_SHEET, FORM_VALUES, writeProvinceForm } from '../helpers/province-form.js';
import { userError } from '../helpers/errors.js';
import { CHILD_HEADERS, childRow, tempDir, writeWorkbook } from '../helpers/workbooks.js';
import { copyFileSync } from 'node:fs';

const dir = tempDir('chitieu-mapping-');
const catalogue = loadCatalogue();
const auto = () => ({ candidates: bundledProfiles(), ignoreSheets: [] });
let paths: { form: string; contract: string };
let refusedRead: ImportResult;
let layouts: LayoutDraft[];

function figures(read: ImportResult, period: string) {
  return computeIndicators({ units: loadAdminUnits(), dataset: read.dataset, period: parsePeriod(period), catalogue, level: 'commune', baseline: 'records' }).result.results;
}

/** The mapping a person makes of the form: every heading of FORM_HEADERS to its key, the values of FORM_VALUES. */
function personsChoice(layout: LayoutDraft): LayoutChoice {
  const columns: Record<string, string> = {};
  for (const [key, header] of Object.entries(FORM_HEADERS)) columns[String(layout.headers.indexOf(header))] = key;
  return { id: layout.id, kind: 'children', columns, values: FORM_VALUES };
}

beforeAll(async () => {
  paths = await writeProvinceForm(dir);
  refusedRead = await importFiles([paths.form], { keepGoing: true, sheets: auto() });
  const refused = refusedForHeaders(refusedRead.unreadable, (file) => refusedRead.files.find((account) => account.file === file)?.path);
  layouts = await proposeMapping(refused, auto());
});

describe('the mapping proposal', () => {
  it('finds the children sheet refused for its headers, and only it', () => {
    expect(refusedRead.unreadable).toHaveLength(1);
    expect(refusedRead.unreadable[0]).toMatchObject({ sheet: FORM_SHEET, cause: 'header' });
    expect(layouts).toHaveLength(1);
    const layout = layouts[0]!;
    expect(layout.sheets).toEqual([{ file: 'bieu-cua-tinh-21289.xlsx', sheet: FORM_SHEET, rows: expect.any(Number) }]);
    // The form's rows: every child of the commune, the same number the contract layout reads.
    const contract = refusedRead.files[0]!;
    expect(layout.sheets[0]!.rows).toBeGreaterThan(500);
    expect(contract.sheets.map((sheet) => sheet.kind)).toEqual(['events', 'communeFacts']);
    expect(layout.headerRow).toBe(1);
    expect(layout.headers[0]).toBe('STT');
    expect(layout.kind).toBe('children');
  });

  it("suggests the contract's own names as known, and likely columns where the words are close", () => {
    const layout = layouts[0]!;
    const proposals = proposalsFor(layout, specOf('children'));
    const at = (header: string) => proposals.get(layout.headers.indexOf(header));
    // "Dân tộc" and "Thẻ BHYT" are the contract's own headers.
    expect(at('Dân tộc')).toEqual({ key: 'ethnicity', how: 'known' });
    expect(at('Thẻ BHYT')).toEqual({ key: 'hasHealthInsurance', how: 'known' });
    // "Ngày/tháng/năm sinh" is the words of "Ngày tháng năm sinh"; "Khai sinh chưa" begins with an alias.
    expect(at('Ngày/tháng/năm sinh')?.key).toBe('dateOfBirth');
    expect(at('Khai sinh chưa')).toMatchObject({ key: 'birthRegistered' });
    expect(at('STT')).toBeUndefined();
  });
});

describe('the mapping proposal for other refusals', () => {
  it('groups the sheets of several files with the same header into one layout', async () => {
    const second = join(dir, 'bieu-cua-tinh-ban-sao.xlsx');
    copyFileSync(paths.form, second);
    const read = await importFiles([paths.form, second], { keepGoing: true, sheets: auto() });
    const refused = refusedForHeaders(read.unreadable, (file) => read.files.find((account) => account.file === file)?.path);
    expect(refused.map((file) => file.file)).toEqual(['bieu-cua-tinh-21289.xlsx', 'bieu-cua-tinh-ban-sao.xlsx']);
    const grouped = await proposeMapping(refused, auto());
    expect(grouped).toHaveLength(1);
    expect(grouped[0]!.sheets.map((sheet) => sheet.file)).toEqual(['bieu-cua-tinh-21289.xlsx', 'bieu-cua-tinh-ban-sao.xlsx']);
  });

  it('covers a children sheet refused for a missing required column, and leaves out a file that is not a workbook', async () => {
    const renamed = CHILD_HEADERS.map((header) => (header === 'Giới tính' ? 'Phái' : header));
    const file = await writeWorkbook(join(dir, 'thieu-cot.xlsx'), [{ name: 'TreEm', rows: [renamed, childRow()] }]);
    const broken = join(dir, 'hong.xlsx');
    writeFileSync(broken, 'không phải sổ Excel');
    const read = await importFiles([file, broken], { keepGoing: true, sheets: auto() });
    expect(read.unreadable.map((item) => item.cause)).toEqual([undefined, 'header']);
    const refused = refusedForHeaders(read.unreadable, (name) => read.files.find((account) => account.file === name)?.path);
    expect(refused).toEqual([{ path: file, file: 'thieu-cot.xlsx', sheets: ['TreEm'] }]);
    const [layout] = await proposeMapping(refused, auto());
    expect(layout!.kind).toBe('children');
    expect(layout!.sheets).toEqual([{ file: 'thieu-cot.xlsx', sheet: 'TreEm', rows: 1 }]);
    expect(checkMapping(layout!, { id: layout!.id, kind: 'children', columns: {} }).missingRequired).toEqual(['Giới tính']);
    const sex = String(layout!.headers.indexOf('Phái'));
    expect(checkMapping(layout!, { id: layout!.id, kind: 'children', columns: { [sex]: 'sex' } }).missingRequired).toEqual([]);
  });
});

describe('checking a mapping', () => {
  it('names the required columns left and a column chosen twice', () => {
    const layout = layouts[0]!;
    const choice = personsChoice(layout);
    const partial: LayoutChoice = { ...choice, columns: { ...choice.columns, [String(layout.headers.indexOf('Tên trẻ'))]: 'childId' } };
    const check = checkMapping(layout, partial);
    // "Tên trẻ" taken for Mã trẻ em as well: Họ và tên is left and Mã trẻ em twice.
    expect(check.missingRequired).toEqual(['Họ và tên']);
    expect(check.twice).toEqual(['Mã trẻ em']);
  });

  it("lists the coded columns' values the contract does not know, with the codes allowed", () => {
    const layout = layouts[0]!;
    const check = checkMapping(layout, { ...personsChoice(layout), values: {} });
    expect(check.missingRequired).toEqual([]);
    expect(check.twice).toEqual([]);
    const byKey = Object.fromEntries(check.values.map((values) => [values.key, values]));
    expect(Object.keys(byKey).sort()).toEqual(['birthRegistered', 'sex', 'status']);
    expect(byKey.sex!.unknown).toEqual(['Bé gái', 'Bé trai']);
    expect(byKey.sex!.allowed.map((entry) => entry.code)).toEqual(['NAM', 'NU']);
    expect(byKey.birthRegistered!.unknown).toEqual(['Chưa ĐK', 'Đã ĐK']);
    expect(byKey.birthRegistered!.allowed.map((entry) => entry.code)).toEqual(['Có', 'Không']);
    expect([...byKey.status!.unknown].sort()).toEqual(['Đi nơi khác', 'Còn ở', 'Đã mất'].sort());
  });

  it('does not list the values of a column that cannot be coded (names mapped as Giới tính)', () => {
    const layout = layouts[0]!;
    const choice = personsChoice(layout);
    const wrong = checkMapping(layout, { ...choice, columns: { ...choice.columns, [String(layout.headers.indexOf('Tên trẻ'))]: 'sex', [String(layout.headers.indexOf('Trai hay gái'))]: 'fullName' } });
    const sex = wrong.values.find((values) => values.key === 'sex')!;
    expect(sex.tooMany).toBe(true);
    expect(sex.unknown).toEqual([]);
  });
});

describe('the profile a mapping makes', () => {
  it('reads the form to exactly the figures of the same records in the contract layout', async () => {
    const layout = layouts[0]!;
    const made = makeProfile('Biểu của tỉnh', layouts, [personsChoice(layout)], '(ghép trên trang)');
    const contract = await importFiles([paths.contract], { sheets: { candidates: [], ignoreSheets: [] } });
    // As the page reads: the new profile joins the candidates and wins the sheet by its headers.
    const mapped = await importFiles([paths.form], { sheets: { candidates: [...bundledProfiles(), made.profile], ignoreSheets: [] } });
    expect(mapped.unreadable).toEqual([]);
    expect(mapped.rejected).toEqual([]);
    expect(mapped.files[0]!.sheets.find((sheet) => sheet.sheet === FORM_SHEET)?.profile).toEqual({ name: 'Biểu của tỉnh', file: '(ghép trên trang)', automatic: true });
    expect(mapped.dataset.children.length).toBe(contract.dataset.children.length);
    for (const period of ['2025-H1', '2024']) expect(figures(mapped, period)).toEqual(figures(contract, period));
  });

  it('is YAML that reads back as the same profile, with only the headers the contract does not know', () => {
    const layout = layouts[0]!;
    const made = makeProfile('Biểu của tỉnh', layouts, [personsChoice(layout)], 'x');
    const path = join(dir, profileFileName('Biểu của tỉnh'));
    writeFileSync(path, made.yaml);
    expect(path.endsWith('bieu-cua-tinh.yaml')).toBe(true);
    const again = loadProfile(path, 'x');
    expect(again).toEqual(made.profile);
    expect(again.sheets.children?.match).toEqual([FORM_SHEET]);
    expect(again.sheets.children?.columns).toEqual(Object.fromEntries(Object.entries(FORM_HEADERS).map(([key, header]) => [key, [header]])));
    expect(again.sheets.children?.values.sex).toEqual({ 'Bé trai': 'NAM', 'Bé gái': 'NU' });
    expect(readFileSync(path, 'utf8')).toMatch(/^# Hồ sơ cột ghép trên trang/);
  });

  it('puts a sheet said not to be data under ignoreSheets', () => {
    const made = makeProfile('Bỏ trang', layouts, [{ id: layouts[0]!.id, kind: 'ignore', columns: {} }], 'x');
    expect(made.profile.ignoreSheets).toEqual([FORM_SHEET]);
    expect(made.profile.sheets).toEqual({});
  });

  it("refuses a mapping that gives a contract header to another column, or a value that is not the contract's", () => {
    const layout = layouts[0]!;
    const choice = personsChoice(layout);
    const stolen = { ...choice, columns: { ...choice.columns, [String(layout.headers.indexOf('Dân tộc'))]: 'village' } };
    expect(() => makeProfile('x', layouts, [stolen], 'x')).toThrow(UserError);
    const badValue = { ...choice, values: { sex: { 'Bé trai': 'BOY' } } };
    expect(userError(() => makeProfile('x', layouts, [badValue], 'x')).text.vi).toContain('"BOY" không phải mã hay nhãn nào của cột "Giới tính"');
  });

  it("is read from an office's profiles folder at once; chitieu's own folder adds only the files saved there", () => {
    const folder = join(dir, 'profiles');
    mkdirSync(folder, { recursive: true });
    expect(localProfiles(folder)).toEqual([]);
    writeFileSync(join(folder, 'bieu-cua-tinh.yaml'), makeProfile('Biểu của tỉnh', layouts, [personsChoice(layouts[0]!)], 'x').yaml);
    expect(localProfiles(folder).map((profile) => [profile.name, profile.file])).toEqual([['Biểu của tỉnh', join('profiles', 'bieu-cua-tinh.yaml')]]);
    // Run from chitieu's folder, its profiles/ is the bundled one: nothing is listed twice.
    expect(localProfiles(BUNDLED_PROFILES_DIR)).toEqual([]);
  });

  it('names its file from its name, without diacritics', () => {
    expect(profileFileName('Sổ của xã Sơn Hà (2025)')).toBe('so-cua-xa-son-ha-2025.yaml');
    expect(profileFileName('///')).toBe('ho-so-cot.yaml');
  });
});
