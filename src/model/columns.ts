import {
  ABUSE_FORMS,
  ABUSE_SETTINGS,
  CHILD_STATUS,
  EVENT_TYPES,
  HANDLING,
  INJURY_CAUSES,
  OUTCOMES,
  RISK_GROUPS,
  SCHOOL_STATUS,
  SEX,
  SPECIAL_GROUPS,
  SUPPORT_FORMS,
  type CodeList,
} from './codes.js';
import type { RecordKind } from './records.js';

/**
 * The input layout of data-contract.md: sheets, their headers and header variants, and how
 * each cell is read. The importer matches headers against `header` and `aliases` after
 * folding (NFC, lower case, no diacritics, đ→d, single spaces); the sample generator writes
 * `header` or an alias.
 */

export type CellKind =
  | { type: 'text' }
  | { type: 'code'; digits: number; maxPadding?: number }
  | { type: 'date' }
  | { type: 'yesNo' }
  | { type: 'enum'; list: CodeList }
  | { type: 'list'; list: CodeList }
  | { type: 'number' }
  | { type: 'integer' };

export interface ColumnSpec {
  readonly key: string;
  readonly header: string;
  readonly aliases: readonly string[];
  readonly required: boolean;
  readonly cell: CellKind;
  /** Personal data: masked in terminal messages, never in reports. */
  readonly personal?: boolean;
}

export interface SheetSpec {
  readonly kind: RecordKind;
  readonly name: string;
  readonly nameAliases: readonly string[];
  readonly columns: readonly ColumnSpec[];
  /** Headers that only this kind has: they tell a sheet's kind when its name does not. */
  readonly distinctiveHeaders: readonly string[];
}

const col = (
  key: string,
  header: string,
  cell: CellKind,
  options: { required?: boolean; aliases?: string[]; personal?: boolean } = {},
): ColumnSpec => ({
  key,
  header,
  cell,
  required: options.required ?? false,
  aliases: options.aliases ?? [],
  personal: options.personal ?? false,
});

const text = { type: 'text' } as const;
const date = { type: 'date' } as const;
const yesNo = { type: 'yesNo' } as const;

export const CHILDREN_SHEET: SheetSpec = {
  kind: 'children',
  name: 'TreEm',
  nameAliases: ['Trẻ em', 'DS tre em', 'Danh sách trẻ em', 'Danh sach tre em', 'Tre em', 'Children'],
  distinctiveHeaders: ['Họ và tên'],
  columns: [
    col('childId', 'Mã trẻ em', text, { required: true, aliases: ['Mã TE', 'Ma tre', 'ID trẻ em'] }),
    // A 12-digit ID starts with a 3-digit province code (001–096): at most two zeros can be lost.
    col('personalId', 'Số định danh cá nhân', { type: 'code', digits: 12, maxPadding: 2 }, {
      aliases: ['Số ĐDCN', 'Mã định danh', 'CCCD', 'Số định danh'],
      personal: true,
    }),
    col('fullName', 'Họ và tên', text, { required: true, aliases: ['Họ tên', 'Họ và tên trẻ', 'Họ tên trẻ em'], personal: true }),
    col('dateOfBirth', 'Ngày sinh', date, { required: true, aliases: ['Ngày, tháng, năm sinh', 'Ngày tháng năm sinh', 'NS'] }),
    col('sex', 'Giới tính', { type: 'enum', list: SEX }, { required: true, aliases: ['GT', 'Giới'] }),
    col('ethnicity', 'Dân tộc', text),
    col('provinceCode', 'Mã tỉnh', { type: 'code', digits: 2 }, { required: true, aliases: ['Mã tỉnh/thành phố', 'Mã TP'] }),
    col('districtCode', 'Mã huyện', { type: 'code', digits: 3 }, { aliases: ['Mã quận/huyện'] }),
    col('communeCode', 'Mã xã', { type: 'code', digits: 5 }, { required: true, aliases: ['Mã xã/phường', 'Mã phường/xã', 'Mã đơn vị hành chính xã'] }),
    col('village', 'Thôn/Tổ dân phố', text, { aliases: ['Thôn', 'Thôn, tổ dân phố', 'Tổ dân phố', 'Thôn/xóm'] }),
    col('birthRegistered', 'Đăng ký khai sinh', yesNo, { aliases: ['Đã đăng ký khai sinh', 'Khai sinh', 'ĐKKS'] }),
    col('hasHealthInsurance', 'Thẻ BHYT', yesNo, { aliases: ['Có thẻ BHYT', 'BHYT', 'Bảo hiểm y tế'] }),
    col('schoolStatus', 'Tình trạng đi học', { type: 'enum', list: SCHOOL_STATUS }, { aliases: ['Học tập', 'Đi học'] }),
    col('specialGroups', 'Nhóm HCĐB', { type: 'list', list: SPECIAL_GROUPS }, {
      aliases: ['Nhóm hoàn cảnh đặc biệt', 'Nhóm trẻ em có hoàn cảnh đặc biệt', 'HCĐB'],
    }),
    col('specialSince', 'Ngày bắt đầu HCĐB', date, { aliases: ['Ngày bắt đầu hoàn cảnh đặc biệt'] }),
    col('specialUntil', 'Ngày thôi HCĐB', date, { aliases: ['Ngày thôi hoàn cảnh đặc biệt', 'Ngày kết thúc HCĐB'] }),
    col('riskGroups', 'Nhóm nguy cơ', { type: 'list', list: RISK_GROUPS }, { aliases: ['Nguy cơ', 'Nhóm có nguy cơ'] }),
    col('supportForms', 'Hình thức trợ giúp', { type: 'list', list: SUPPORT_FORMS }, {
      aliases: ['Hình thức trợ giúp đã nhận', 'Trợ giúp', 'Hình thức hỗ trợ'],
    }),
    col('supportDate', 'Ngày trợ giúp', date, { aliases: ['Ngày trợ giúp gần nhất', 'Ngày hỗ trợ'] }),
    col('status', 'Tình trạng', { type: 'enum', list: CHILD_STATUS }, { aliases: ['Tình trạng quản lý'] }),
    col('statusDate', 'Ngày thay đổi tình trạng', date, { aliases: ['Ngày thay đổi'] }),
  ],
};

export const EVENTS_SHEET: SheetSpec = {
  kind: 'events',
  name: 'SuViec',
  nameAliases: ['Sự việc', 'Vu viec', 'Vụ việc', 'DS su viec', 'Danh sách sự việc', 'Events'],
  distinctiveHeaders: ['Mã vụ việc', 'Loại sự việc'],
  columns: [
    col('caseId', 'Mã vụ việc', text, { required: true, aliases: ['Mã VV', 'Số vụ việc'] }),
    col('childId', 'Mã trẻ em', text, { required: true, aliases: ['Mã TE', 'Ma tre'] }),
    col('sex', 'Giới tính', { type: 'enum', list: SEX }, { aliases: ['GT'] }),
    col('dateOfBirth', 'Ngày sinh', date, { aliases: ['Ngày, tháng, năm sinh', 'Ngày tháng năm sinh'] }),
    col('communeCode', 'Mã xã', { type: 'code', digits: 5 }, { required: true, aliases: ['Mã xã nơi xảy ra', 'Mã xã/phường'] }),
    col('eventType', 'Loại sự việc', { type: 'enum', list: EVENT_TYPES }, { required: true, aliases: ['Loại vụ việc'] }),
    col('eventDate', 'Ngày xảy ra', date, { required: true, aliases: ['Ngày xảy ra sự việc', 'Ngày xảy ra vụ việc'] }),
    col('abuseForms', 'Hình thức xâm hại', { type: 'list', list: ABUSE_FORMS }),
    col('abuseSetting', 'Môi trường xâm hại', { type: 'enum', list: ABUSE_SETTINGS }, { aliases: ['Nơi xảy ra xâm hại'] }),
    col('injuryCause', 'Nguyên nhân TNTT', { type: 'enum', list: INJURY_CAUSES }, {
      aliases: ['Nguyên nhân tai nạn thương tích', 'Nguyên nhân'],
    }),
    col('outcome', 'Hậu quả', { type: 'enum', list: OUTCOMES }),
    col('interventions', 'Hình thức hỗ trợ, can thiệp', { type: 'list', list: SUPPORT_FORMS }, {
      aliases: ['Hình thức hỗ trợ can thiệp', 'Hỗ trợ, can thiệp', 'Can thiệp'],
    }),
    col('handling', 'Xử lý', { type: 'enum', list: HANDLING }, { aliases: ['Kết quả xử lý', 'Hình thức xử lý'] }),
    col('fineAmount', 'Số tiền phạt', { type: 'number' }, { aliases: ['Tiền phạt', 'Số tiền phạt (đồng)'] }),
  ],
};

export const COMMUNE_FACTS_SHEET: SheetSpec = {
  kind: 'communeFacts',
  name: 'ThongTinXa',
  nameAliases: ['Thông tin xã', 'Thông tin chung', 'ThongTinChung'],
  distinctiveHeaders: ['Kỳ báo cáo'],
  columns: [
    col('communeCode', 'Mã xã', { type: 'code', digits: 5 }, { required: true, aliases: ['Mã xã/phường'] }),
    col('periodId', 'Kỳ báo cáo', text, { required: true, aliases: ['Kỳ'] }),
    col('population', 'Dân số', { type: 'number' }, { aliases: ['Tổng dân số'] }),
    col('villages', 'Số thôn', { type: 'integer' }, { aliases: ['Số thôn, tổ dân phố', 'Số thôn/tổ dân phố'] }),
    col('villagesWithFacilities', 'Số thôn có thiết chế văn hóa thể thao cho trẻ em', { type: 'integer' }, {
      aliases: ['Số thôn có thiết chế văn hóa, thể thao cho trẻ em', 'Số thôn có thiết chế VHTT cho trẻ em'],
    }),
    col('hasPlayground', 'Có điểm vui chơi cho trẻ em', yesNo, { aliases: ['Điểm vui chơi cho trẻ em'] }),
    col('childFriendly', 'Đạt xã phù hợp với trẻ em', yesNo, { aliases: ['Xã phù hợp với trẻ em', 'Đạt tiêu chuẩn xã phù hợp với trẻ em'] }),
    col('childrenConsulted', 'Số trẻ em từ 7 tuổi được lấy ý kiến', { type: 'integer' }, {
      aliases: ['Số trẻ em được lấy ý kiến'],
    }),
    col('budget', 'Kinh phí cho công tác trẻ em', { type: 'number' }, { aliases: ['Kinh phí cho công tác trẻ em (đồng)', 'Kinh phí'] }),
  ],
};

export const SHEETS: readonly SheetSpec[] = [CHILDREN_SHEET, EVENTS_SHEET, COMMUNE_FACTS_SHEET];

export function sheetSpecOf(kind: RecordKind): SheetSpec {
  const spec = SHEETS.find((sheet) => sheet.kind === kind);
  if (!spec) throw new Error(`unknown record kind ${kind}`);
  return spec;
}
