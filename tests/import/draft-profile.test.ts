/**
 * A workbook in an English layout no bundled profile knows: refused without a profile, with the
 * missing columns named and the hint; the draft profile, with the two value lines a person adds,
 * reads it to the same figures as the contract layout of the same records.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeIndicators, loadCatalogue, parsePeriod } from '../../src/engine/index.js';
import { importFiles } from '../../src/import/index.js';
import { loadProfile } from '../../src/import/profiles.js';
import { CONTRACT_LAYOUT, DEFAULT_SEED, buildSampleSet, otherLayoutFile, workbookBuffer, type OtherLayout } from '../../src/sample/index.js';
import type { Dataset } from '../../src/model/record-columns.js';
import { loadAdminUnits } from '../../src/units/index.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/workbooks.js';

/** An NGO's export: English headers, Male/Female, Yes/No, codes, and two columns of English words. */
const NGO_EXPORT: OtherLayout = {
  id: 'ngo-export',
  description: { vi: 'xuất từ phần mềm của một tổ chức', en: "an NGO's export" },
  sheets: [
    {
      kind: 'children',
      name: 'Children',
      codes: true,
      headers: {
        childId: 'Child code', fullName: 'Name', dateOfBirth: 'Birth date', sex: 'Sex', provinceCode: 'Province',
        districtCode: 'District', communeCode: 'Commune', birthRegistered: 'Birth certificate', hasHealthInsurance: 'Health insurance',
        specialGroups: 'Special circumstances group', specialSince: 'Special circumstances since', supportForms: 'Support',
        supportDate: 'Date of support', status: 'Status', statusDate: 'Date of status change',
      },
      values: { sex: { NAM: 'Male', NU: 'Female' }, status: { ACTIVE: 'Active', MOVED: 'Moved', DEAD: 'Died' } },
      yesNo: { birthRegistered: ['Yes', 'No'], hasHealthInsurance: ['Yes', 'No'] },
    },
    {
      kind: 'events',
      name: 'Events',
      codes: true,
      headers: {
        caseId: 'Case number', childId: 'Child code', sex: 'Sex', dateOfBirth: 'Birth date', communeCode: 'Commune', eventType: 'Type',
        eventDate: 'Date', abuseForms: 'Abuse form', abuseSetting: 'Setting', injuryCause: 'Injury cause', outcome: 'Outcome',
        interventions: 'Intervention', handling: 'Handling', fineAmount: 'Fine',
      },
      values: { sex: { NAM: 'Male', NU: 'Female' }, eventType: { XAM_HAI: 'Abuse', TNTT: 'Injury', TAO_HON: 'Child marriage', KHAC: 'Other' } },
    },
  ],
};

/** The contract layout with only the columns the NGO export has. */
const CONTRACT_SAME_COLUMNS: OtherLayout = {
  ...CONTRACT_LAYOUT,
  sheets: CONTRACT_LAYOUT.sheets
    .filter((sheet) => sheet.kind !== 'communeFacts')
    .map((sheet) => {
      const keys = Object.keys(NGO_EXPORT.sheets.find((other) => other.kind === sheet.kind)!.headers);
      return { ...sheet, headers: Object.fromEntries(Object.entries(sheet.headers).filter(([key]) => keys.includes(key))) };
    }),
};

const dir = tempDir('chitieu-draft-');
const NGO_FILE = 'ngo-export-21289.xlsx';
const catalogue = loadCatalogue();
let ngo: string;
let contract: string;

async function write(layout: OtherLayout, folder: string): Promise<string> {
  const set = buildSampleSet(loadAdminUnits(), { seed: DEFAULT_SEED, communes: 1 });
  const file = otherLayoutFile(layout, set.data.communes[0]!);
  mkdirSync(join(dir, folder), { recursive: true });
  const path = join(dir, folder, file.fileName);
  writeFileSync(path, await workbookBuffer(file));
  return path;
}

const figures = (dataset: Dataset) =>
  ['2025-H1', '2024'].map((period) => computeIndicators({ units: loadAdminUnits(), dataset, period: parsePeriod(period), catalogue, level: 'commune' }).result.results);

beforeAll(async () => {
  ngo = await write(NGO_EXPORT, 'ngo');
  contract = await write(CONTRACT_SAME_COLUMNS, 'contract');
});

describe('a file in a layout nobody described yet', () => {
  it('is refused without a profile, naming the missing columns, with the hint to draft a profile', async () => {
    const ran = await runCli('validate', ngo);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('trang "Children" thiếu cột bắt buộc "Mã trẻ em", "Họ và tên", "Ngày sinh", "Giới tính", "Mã tỉnh", "Mã xã"');
    expect(ran.stderr).toContain(`chitieu inspect ${ngo.split('/').at(-1)} --draft-profile`);
    // One line per sheet that cannot be read (the events sheet too), each naming file and sheet.
    expect(ran.stderr.split('\n')).toHaveLength(2);
    expect(ran.stderr.split('\n')[1]).toContain('trang "Events" thiếu cột bắt buộc "Mã vụ việc"');
  });

  it('reads with the draft profile and the two value lines a person adds, to the figures of the contract layout', async () => {
    const asDrafted = join(dir, 'draft.yaml');
    const drafted = await runCli('inspect', ngo, '--draft-profile', asDrafted);
    expect(drafted.code).toBe(0);
    expect(drafted.stdout).toContain('2 cột có giá trị chưa biết');
    const draft = readFileSync(asDrafted, 'utf8');
    // It does not overwrite a profile a person may have edited.
    expect((await runCli('inspect', ngo, '--draft-profile', asDrafted)).code).toBe(1);
    // Each unknown header is suggested with its closest contract column, marked for a person to confirm.
    expect(draft).toContain('childId: ["Child code"]   # ? Mã trẻ em');
    expect(draft).toContain('sex: ["Sex"]   # ? Giới tính');
    expect(draft).toContain('eventType: ["Type"]   # ? Loại sự việc');
    // The values the contract does not know, for the person to map: "Male"/"Female" are known already.
    expect(draft).not.toContain('"Male"');
    const templates = draft.split('\n').filter((line) => /^ {6}# \w+: \{/.test(line));
    expect(templates).toEqual(['      # status: { "Died": "" }', '      # eventType: { "Abuse": "", "Child marriage": "", "Injury": "" }']);
    // As drafted it is a valid profile; the unknown values still reject their rows.
    const first = await importFiles([ngo], { sheets: { profile: loadProfile(asDrafted), candidates: [], ignoreSheets: [] } });
    expect(first.rejected.length).toBeGreaterThan(0);
    // The person fills in the two lines.
    const edited = draft
      .replace('      # status: { "Died": "" }', '      status: { "Died": DEAD }')
      .replace('      # eventType: { "Abuse": "", "Child marriage": "", "Injury": "" }', '      eventType: { "Abuse": XAM_HAI, "Child marriage": TAO_HON, "Injury": TNTT }');
    const profilePath = join(dir, 'ngo.yaml');
    writeFileSync(profilePath, edited);
    const read = await importFiles([ngo], { sheets: { profile: loadProfile(profilePath), candidates: [], ignoreSheets: [] } });
    const expected = await importFiles([contract], { sheets: { candidates: [], ignoreSheets: [] } });
    expect(read.rejected).toEqual([]);
    expect(read.files[0]!.read).toBe(expected.files[0]!.read);
    expect(expected.dataset.children.length).toBeGreaterThan(500);
    expect(figures(read.dataset)).toEqual(figures(expected.dataset));
    expect(draft).toContain(`Hồ sơ cho ${NGO_FILE}`);
  });
});
