/**
 * A layout that no bundled profile knows: a province's own form, whose children's sheet has
 * its own name, headings and values ("Bé trai/Bé gái", "Đã ĐK/Chưa ĐK", "Còn ở/Đi nơi khác/Đã mất"), while
 * its events and commune sheets follow the contract. The mapping step on the page must make a
 * profile that reads it to the figures of the same records in the contract layout.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACT_LAYOUT, DEFAULT_SEED, buildSampleSet, otherLayoutFile, workbookBuffer, type OtherLayout } from '../../src/sample/index.js';
import { loadAdminUnits } from '../../src/units/index.js';

/** The children's sheet: contract key → the form's heading (the rest keep the contract's). */
export const FORM_HEADERS: Readonly<Record<string, string>> = {
  childId: 'Số hiệu trẻ',
  personalId: 'Số CCCD/ĐDCN',
  fullName: 'Tên trẻ',
  dateOfBirth: 'Ngày/tháng/năm sinh',
  sex: 'Trai hay gái',
  provinceCode: 'Tỉnh (mã)',
  communeCode: 'Xã (mã)',
  birthRegistered: 'Khai sinh chưa',
  status: 'Hiện còn ở xã?',
};

/** The form's values → the contract's codes, as a person maps them on the page. */
export const FORM_VALUES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  sex: { 'Bé trai': 'NAM', 'Bé gái': 'NU' },
  birthRegistered: { 'Đã ĐK': 'Có', 'Chưa ĐK': 'Không' },
  status: { 'Còn ở': 'ACTIVE', 'Đi nơi khác': 'MOVED', 'Đã mất': 'DEAD' },
};

export const FORM_SHEET = 'Biểu 1 - Danh sách';

const contractChildren = CONTRACT_LAYOUT.sheets.find((sheet) => sheet.kind === 'children')!;

export const PROVINCE_FORM: OtherLayout = {
  id: 'bieu-cua-tinh',
  description: { vi: 'biểu của tỉnh (không có hồ sơ cột sẵn)', en: "a province's form (no bundled profile)" },
  sheets: [
    {
      kind: 'children',
      name: FORM_SHEET,
      rowNumbers: true,
      headers: { ...contractChildren.headers, ...FORM_HEADERS },
      values: {
        sex: { NAM: 'Bé trai', NU: 'Bé gái' },
        status: { ACTIVE: 'Còn ở', MOVED: 'Đi nơi khác', DEAD: 'Đã mất' },
      },
      yesNo: { birthRegistered: ['Đã ĐK', 'Chưa ĐK'] },
    },
    ...CONTRACT_LAYOUT.sheets.filter((sheet) => sheet.kind !== 'children'),
  ],
};

/** The first sample commune's records in the province's form and in the contract layout. */
export async function writeProvinceForm(dir: string): Promise<{ form: string; contract: string }> {
  const set = buildSampleSet(loadAdminUnits(), { seed: DEFAULT_SEED, communes: 1 });
  const commune = set.data.communes[0]!;
  const paths = { form: '', contract: '' };
  for (const [which, layout] of [['form', PROVINCE_FORM], ['contract', CONTRACT_LAYOUT]] as const) {
    const file = otherLayoutFile(layout, commune);
    const folder = join(dir, which);
    mkdirSync(folder, { recursive: true });
    paths[which] = join(folder, file.fileName);
    writeFileSync(paths[which], await workbookBuffer(file));
  }
  return paths;
}
