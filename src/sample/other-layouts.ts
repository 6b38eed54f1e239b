import { SHEETS, type ColumnSpec } from '../model/columns.js';
import type { Bilingual } from '../messages/index.js';
import { sampleText } from '../messages/index.js';
import type { RecordKind } from '../model/records.js';
import type { FileLayout } from './build.js';
import type { CommuneData } from './generate.js';
import { FILE_STYLES, vnNumber, type Cell, type SheetLayout } from './layout.js';

/**
 * Other layouts than the contract's (sample-data/khac/): the same synthetic records written
 * as other exports write them, with other sheet names, headers and values. Each is read
 * through a bundled profile (profiles/*.yaml), written by hand from what the layout says,
 * so that a test can hold the profile against the layout: both must give the same figures
 * as the contract layout of the same records. Pure: cells only.
 */

export interface OtherSheet {
  readonly kind: RecordKind;
  readonly name: string;
  /** Contract key → this layout's header; keys not listed are left out of the sheet. */
  readonly headers: Readonly<Record<string, string>>;
  /** Contract key → { contract code → how this layout writes it }; codes not listed are written as codes. */
  readonly values?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Yes/no as this layout writes them. */
  readonly yesNo?: Readonly<Record<string, readonly [yes: string, no: string]>>;
  /** An "STT" (row number) column first, which no contract column is. */
  readonly rowNumbers?: boolean;
  /** Codes without a word of this layout written as codes (HCDB04) rather than labels. */
  readonly codes?: boolean;
  /** Amounts typed as text with Vietnamese separators ("1.500.000"). */
  readonly vietnameseNumbers?: boolean;
}

export interface OtherLayout {
  /** The file's name in sample-data/khac/ and its profile's in profiles/, without extension. */
  readonly id: string;
  readonly description: Bilingual;
  readonly sheets: readonly OtherSheet[];
}

const contractHeaders = (kind: RecordKind): Record<string, string> =>
  Object.fromEntries(SHEETS.find((sheet) => sheet.kind === kind)!.columns.map((column) => [column.key, column.header]));

/** The contract's own layout, written by the same code: what the other layouts are held against. */
export const CONTRACT_LAYOUT: OtherLayout = {
  id: 'mau-chuan',
  description: sampleText.layoutContract(),
  sheets: SHEETS.map((sheet) => ({ kind: sheet.kind, name: sheet.name, headers: contractHeaders(sheet.kind) })),
};

/** A district's English-headed template (a project run with an international partner). */
export const ENGLISH_TEMPLATE: OtherLayout = {
  id: 'mau-tieng-anh-huyen',
  description: sampleText.layoutDistrictEnglish(),
  sheets: [
    {
      kind: 'children',
      name: 'Children',
      headers: {
        childId: 'Child ID', personalId: 'Personal ID number', fullName: 'Full name', dateOfBirth: 'Date of birth', sex: 'Gender',
        ethnicity: 'Ethnicity', provinceCode: 'Province code', districtCode: 'District code', communeCode: 'Commune code',
        village: 'Village', birthRegistered: 'Birth registered', hasHealthInsurance: 'Health insurance card', schoolStatus: 'Schooling',
        specialGroups: 'Special circumstances', specialSince: 'Special circumstances since', specialUntil: 'Special circumstances until',
        riskGroups: 'Risk groups', supportForms: 'Support received', supportDate: 'Latest support date', status: 'Status',
        statusDate: 'Status changed on',
      },
      values: {
        sex: { NAM: 'Male', NU: 'Female' },
        schoolStatus: {
          CHUA_DI_HOC: 'Not yet in school', NHA_TRE: 'Nursery', MAU_GIAO: 'Kindergarten', TIEU_HOC: 'Primary',
          THCS: 'Lower secondary', THPT: 'Upper secondary', BO_HOC: 'Dropped out',
        },
        status: { ACTIVE: 'Active', MOVED: 'Moved away', DEAD: 'Deceased' },
      },
      yesNo: { birthRegistered: ['Yes', 'No'], hasHealthInsurance: ['Yes', 'No'] },
    },
    {
      kind: 'events',
      name: 'Events',
      headers: {
        caseId: 'Case ID', childId: 'Child ID', sex: 'Gender', dateOfBirth: 'Date of birth', communeCode: 'Commune code',
        eventType: 'Event type', eventDate: 'Date of event', abuseForms: 'Forms of abuse', abuseSetting: 'Abuse setting',
        injuryCause: 'Cause of injury', outcome: 'Outcome', interventions: 'Support and intervention', handling: 'Handling',
        fineAmount: 'Fine (VND)',
      },
      values: {
        sex: { NAM: 'Male', NU: 'Female' },
        eventType: { XAM_HAI: 'Abuse', TNTT: 'Injury', TAO_HON: 'Child marriage', KHAC: 'Other' },
        abuseForms: {
          BAO_LUC: 'Violence', BOC_LOT: 'Exploitation', XAM_HAI_TINH_DUC: 'Sexual abuse', MUA_BAN: 'Trafficking',
          BO_ROI_BO_MAC: 'Abandonment or neglect', KHAC: 'Other',
        },
        abuseSetting: { GIA_DINH: 'Family', TRUONG_HOC: 'School', CONG_DONG: 'Community', MOI_TRUONG_MANG: 'Online', CO_SO_CHAM_SOC: 'Care facility', KHAC: 'Other' },
        injuryCause: {
          GIAO_THONG: 'Traffic accident', DUOI_NUOC: 'Drowning', NGA: 'Fall', BONG: 'Burn', NGO_DOC: 'Poisoning',
          DONG_VAT: 'Animal bite or sting', DIEN_GIAT: 'Electric shock', BAO_LUC: 'Violence', TU_TU: 'Suicide or self-harm', KHAC: 'Other',
        },
        outcome: { TU_VONG: 'Death', THUONG_TICH: 'Injury', KHUYET_TAT: 'Disability' },
        handling: { KHOI_TO: 'Criminal prosecution', XU_PHAT_HC: 'Administrative fine', HOA_GIAI: 'Mediation', DANG_XU_LY: 'In progress' },
      },
    },
    {
      kind: 'communeFacts',
      name: 'Commune facts',
      headers: {
        communeCode: 'Commune code', periodId: 'Reporting period', population: 'Population', villages: 'Villages',
        villagesWithFacilities: 'Villages with cultural and sports facilities for children', hasPlayground: "Has a children's playground",
        childFriendly: 'Child-friendly commune', childrenConsulted: 'Children aged 7+ consulted', budget: 'Budget for child affairs (VND)',
      },
      yesNo: { hasPlayground: ['Yes', 'No'], childFriendly: ['Yes', 'No'] },
    },
  ],
};

/** A commune's own register, kept in a spreadsheet for years with its own headings and words. */
export const COMMUNE_REGISTER: OtherLayout = {
  id: 'so-theo-doi-cua-xa',
  description: sampleText.layoutCommuneRegister(),
  sheets: [
    {
      kind: 'children',
      name: 'DS TE',
      rowNumbers: true,
      headers: {
        childId: 'Mã số', personalId: 'Số CCCD/ĐDCN', fullName: 'Họ và tên con', dateOfBirth: 'Sinh ngày', sex: 'Trai/Gái',
        ethnicity: 'Dân tộc', provinceCode: 'Tỉnh', districtCode: 'Huyện', communeCode: 'Xã', village: 'Thôn, xóm',
        birthRegistered: 'Khai sinh', hasHealthInsurance: 'BHYT', schoolStatus: 'Đang học cấp', specialGroups: 'Hoàn cảnh đặc biệt',
        specialSince: 'HCĐB từ ngày', specialUntil: 'HCĐB đến ngày', riskGroups: 'Nguy cơ', supportForms: 'Đã được trợ giúp',
        supportDate: 'Ngày trợ giúp', status: 'Hiện trạng', statusDate: 'Ngày chuyển đi/mất',
      },
      values: {
        sex: { NAM: 'Trai', NU: 'Gái' },
        schoolStatus: {
          CHUA_DI_HOC: 'Chưa đi học', NHA_TRE: 'Nhà trẻ', MAU_GIAO: 'Mẫu giáo', TIEU_HOC: 'Cấp 1', THCS: 'Cấp 2', THPT: 'Cấp 3', BO_HOC: 'Nghỉ học',
        },
        status: { ACTIVE: 'Đang ở xã', MOVED: 'Đã chuyển đi', DEAD: 'Đã mất' },
      },
      yesNo: { birthRegistered: ['Đã làm', 'Chưa làm'], hasHealthInsurance: ['Có thẻ', 'Chưa có'] },
    },
    {
      kind: 'events',
      name: 'Theo dõi vụ việc',
      rowNumbers: true,
      vietnameseNumbers: true,
      headers: {
        caseId: 'Số hồ sơ', childId: 'Mã số trẻ', sex: 'Trai/Gái', dateOfBirth: 'Sinh ngày', communeCode: 'Xã', eventType: 'Loại',
        eventDate: 'Ngày xảy ra', abuseForms: 'Hình thức', abuseSetting: 'Nơi xảy ra', injuryCause: 'Nguyên nhân', outcome: 'Hậu quả',
        interventions: 'Hỗ trợ, can thiệp', handling: 'Xử lý', fineAmount: 'Tiền phạt',
      },
      values: {
        sex: { NAM: 'Trai', NU: 'Gái' },
        eventType: { XAM_HAI: 'Bị xâm hại', TNTT: 'Bị tai nạn', TAO_HON: 'Tảo hôn', KHAC: 'Khác' },
        injuryCause: { GIAO_THONG: 'TNGT', DUOI_NUOC: 'Đuối nước', NGA: 'Ngã', BONG: 'Bỏng', NGO_DOC: 'Ngộ độc', DONG_VAT: 'Chó cắn, rắn cắn', DIEN_GIAT: 'Điện giật', BAO_LUC: 'Bạo lực', TU_TU: 'Tự tử', KHAC: 'Khác' },
      },
    },
    { kind: 'communeFacts', name: 'Thông tin chung', headers: contractHeaders('communeFacts') },
  ],
};

/** The layouts bundled with a profile, each with its workbook in sample-data/khac/. */
export const OTHER_LAYOUTS: readonly OtherLayout[] = [ENGLISH_TEMPLATE, COMMUNE_REGISTER];

/** A code where a layout has no word of its own is written as its label: what officials type. */
const labelOf = (column: ColumnSpec, code: string): string =>
  column.cell.type === 'enum' || column.cell.type === 'list' ? (column.cell.list.find((entry) => entry.code === code)?.label ?? code) : code;

function cellOf(column: ColumnSpec, value: unknown, sheet: OtherSheet): Cell {
  if (value === undefined || value === null) return null;
  const words = sheet.values?.[column.key];
  const cell = column.cell;
  switch (cell.type) {
    case 'date':
      return { date: String(value) };
    case 'yesNo': {
      const [yes, no] = sheet.yesNo?.[column.key] ?? ['Có', 'Không'];
      return value === true ? yes : no;
    }
    case 'enum': {
      const code = String(value);
      return words?.[code] ?? (sheet.codes ? code : labelOf(column, code));
    }
    case 'list': {
      const codes = value as readonly string[];
      if (codes.length === 0) return null;
      // Labels may hold commas ("Quà, tiền mặt"): a list of labels is separated by semicolons.
      return codes.map((code) => words?.[code] ?? (sheet.codes ? code : labelOf(column, code))).join('; ');
    }
    case 'number':
    case 'integer':
      return typeof value === 'number' && sheet.vietnameseNumbers ? vnNumber(value) : (value as number);
    case 'text':
    case 'code':
      return String(value);
  }
}

function sheetOf(sheet: OtherSheet, records: readonly object[]): SheetLayout {
  const spec = SHEETS.find((candidate) => candidate.kind === sheet.kind)!;
  const columns = spec.columns.filter((column) => sheet.headers[column.key] !== undefined);
  const rows = records.map((record, index) => {
    const values = record as Record<string, unknown>;
    const cells = columns.map((column) => cellOf(column, values[column.key], sheet));
    return sheet.rowNumbers ? [index + 1, ...cells] : cells;
  });
  return {
    name: sheet.name,
    headerRow: 1,
    header: [...(sheet.rowNumbers ? ['STT'] : []), ...columns.map((column) => sheet.headers[column.key]!)],
    keys: [...(sheet.rowNumbers ? [null] : []), ...columns.map((column) => column.key)],
    rows,
    tags: rows.map(() => undefined),
  };
}

/** One commune's records in a layout, ready for `workbookBuffer`. */
export function otherLayoutFile(layout: OtherLayout, commune: CommuneData): FileLayout {
  const records: Record<RecordKind, readonly object[]> = { children: commune.children, events: commune.events, communeFacts: commune.facts };
  return {
    fileName: `${layout.id}-${commune.commune.code}.xlsx`,
    commune: commune.commune,
    style: FILE_STYLES[0]!,
    sheets: layout.sheets.map((sheet) => sheetOf(sheet, records[sheet.kind])),
  };
}
