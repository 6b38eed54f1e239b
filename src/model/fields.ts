import { z } from 'zod';
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
  codesOf,
  type CodeList,
} from './codes.js';

/**
 * Every field of an input record, described once (docs/data-contract.md): its header in the
 * sheet and the header variants, whether the sheet must have it, how its cell is read, whether
 * it is personal data, the value it has in a validated record (zod), and how the engine stores
 * it as a column. The sheets (columns.ts), the records' schemas (records.ts) and the columns'
 * layout (record-columns.ts) are derived from these three tables.
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

/** How a field is kept in the columns the engine reads (record-columns.ts). */
export type StoredAs =
  | { readonly type: 'text' }
  | { readonly type: 'code' }
  | { readonly type: 'date' }
  | { readonly type: 'flag' }
  | { readonly type: 'list'; readonly list: CodeList }
  | { readonly type: 'number' };

export interface FieldSpec<V extends z.ZodType = z.ZodType, S extends StoredAs | undefined = StoredAs | undefined> {
  readonly header: string;
  readonly aliases: readonly string[];
  readonly required: boolean;
  readonly cell: CellKind;
  /** Personal data: masked in terminal messages, never in reports. */
  readonly personal: boolean;
  readonly value: V;
  readonly stored: S;
}

const field = <V extends z.ZodType, S extends StoredAs | undefined = undefined>(
  header: string,
  cell: CellKind,
  value: V,
  options: { required?: boolean; aliases?: string[]; personal?: boolean; stored?: S } = {},
): FieldSpec<V, S> => ({
  header,
  cell,
  value,
  required: options.required ?? false,
  aliases: options.aliases ?? [],
  personal: options.personal ?? false,
  stored: options.stored as S,
});

const enumOf = (list: CodeList) => z.enum(codesOf(list) as [string, ...string[]]);

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const communeCode = z.string().regex(/^\d{5}$/);
export const districtCode = z.string().regex(/^\d{3}$/);
export const provinceCode = z.string().regex(/^\d{2}$/);

/**
 * Yes/no columns of a child: `null` means the column was absent from the file ("no data");
 * a blank cell in a present column is `false` (docs/indicator-rules.md).
 */
const yesNoOrAbsent = z.boolean().nullable();

const TEXT = { type: 'text' } as const;
const DATE = { type: 'date' } as const;
const YES_NO = { type: 'yesNo' } as const;
const COMMUNE = { type: 'code', digits: 5 } as const;

const asText = { type: 'text' } as const;
const asCode = { type: 'code' } as const;
const asDate = { type: 'date' } as const;
const asFlag = { type: 'flag' } as const;
const asNumber = { type: 'number' } as const;
const asList = (list: CodeList) => ({ type: 'list', list }) as const;

/** The TreEm sheet: one row per child. */
export const CHILD_FIELDS = {
  childId: field('Mã trẻ em', TEXT, z.string().min(1), { required: true, aliases: ['Mã TE', 'Ma tre', 'ID trẻ em'], stored: asText }),
  // A 12-digit ID starts with a 3-digit province code (001–096): at most two zeros can be lost.
  personalId: field('Số định danh cá nhân', { type: 'code', digits: 12, maxPadding: 2 }, z.string().regex(/^\d{12}$/).optional(), {
    aliases: ['Số ĐDCN', 'Mã định danh', 'CCCD', 'Số định danh'],
    personal: true,
    stored: asText,
  }),
  fullName: field('Họ và tên', TEXT, z.string().min(1), { required: true, aliases: ['Họ tên', 'Họ và tên trẻ', 'Họ tên trẻ em'], personal: true, stored: asText }),
  dateOfBirth: field('Ngày sinh', DATE, isoDate, { required: true, aliases: ['Ngày, tháng, năm sinh', 'Ngày tháng năm sinh', 'NS'], stored: asDate }),
  sex: field('Giới tính', { type: 'enum', list: SEX }, enumOf(SEX), { required: true, aliases: ['GT', 'Giới'], stored: asCode }),
  ethnicity: field('Dân tộc', TEXT, z.string().optional(), { stored: asCode }),
  provinceCode: field('Mã tỉnh', { type: 'code', digits: 2 }, provinceCode, { required: true, aliases: ['Mã tỉnh/thành phố', 'Mã TP'], stored: asCode }),
  districtCode: field('Mã huyện', { type: 'code', digits: 3 }, districtCode.optional(), { aliases: ['Mã quận/huyện'], stored: asCode }),
  communeCode: field('Mã xã', COMMUNE, communeCode, {
    required: true,
    aliases: ['Mã xã/phường', 'Mã phường/xã', 'Mã đơn vị hành chính xã'],
    stored: asCode,
  }),
  village: field('Thôn/Tổ dân phố', TEXT, z.string().optional(), { aliases: ['Thôn', 'Thôn, tổ dân phố', 'Tổ dân phố', 'Thôn/xóm'], stored: asCode }),
  birthRegistered: field('Đăng ký khai sinh', YES_NO, yesNoOrAbsent, { aliases: ['Đã đăng ký khai sinh', 'Khai sinh', 'ĐKKS'], stored: asFlag }),
  hasHealthInsurance: field('Thẻ BHYT', YES_NO, yesNoOrAbsent, { aliases: ['Có thẻ BHYT', 'BHYT', 'Bảo hiểm y tế'], stored: asFlag }),
  /** `null`: the column was absent; `undefined`: blank cell. */
  schoolStatus: field('Tình trạng đi học', { type: 'enum', list: SCHOOL_STATUS }, enumOf(SCHOOL_STATUS).nullable().optional(), {
    aliases: ['Học tập', 'Đi học'],
    stored: asCode,
  }),
  specialGroups: field('Nhóm HCĐB', { type: 'list', list: SPECIAL_GROUPS }, z.array(enumOf(SPECIAL_GROUPS)), {
    aliases: ['Nhóm hoàn cảnh đặc biệt', 'Nhóm trẻ em có hoàn cảnh đặc biệt', 'HCĐB'],
    stored: asList(SPECIAL_GROUPS),
  }),
  specialSince: field('Ngày bắt đầu HCĐB', DATE, isoDate.optional(), { aliases: ['Ngày bắt đầu hoàn cảnh đặc biệt'], stored: asDate }),
  specialUntil: field('Ngày thôi HCĐB', DATE, isoDate.optional(), { aliases: ['Ngày thôi hoàn cảnh đặc biệt', 'Ngày kết thúc HCĐB'], stored: asDate }),
  riskGroups: field('Nhóm nguy cơ', { type: 'list', list: RISK_GROUPS }, z.array(enumOf(RISK_GROUPS)), {
    aliases: ['Nguy cơ', 'Nhóm có nguy cơ'],
    stored: asList(RISK_GROUPS),
  }),
  supportForms: field('Hình thức trợ giúp', { type: 'list', list: SUPPORT_FORMS }, z.array(enumOf(SUPPORT_FORMS)), {
    aliases: ['Hình thức trợ giúp đã nhận', 'Trợ giúp', 'Hình thức hỗ trợ'],
    stored: asList(SUPPORT_FORMS),
  }),
  supportDate: field('Ngày trợ giúp', DATE, isoDate.optional(), { aliases: ['Ngày trợ giúp gần nhất', 'Ngày hỗ trợ'], stored: asDate }),
  // Not required in the sheet: a blank cell is read as the default status.
  status: field('Tình trạng', { type: 'enum', list: CHILD_STATUS }, enumOf(CHILD_STATUS), { aliases: ['Tình trạng quản lý'], stored: asCode }),
  statusDate: field('Ngày thay đổi tình trạng', DATE, isoDate.optional(), { aliases: ['Ngày thay đổi'], stored: asDate }),
};

/** The SuViec sheet: one row per event (abuse, injury, …) concerning a child. */
export const EVENT_FIELDS = {
  caseId: field('Mã vụ việc', TEXT, z.string().min(1), { required: true, aliases: ['Mã VV', 'Số vụ việc'], stored: asText }),
  childId: field('Mã trẻ em', TEXT, z.string().min(1), { required: true, aliases: ['Mã TE', 'Ma tre'], stored: asText }),
  sex: field('Giới tính', { type: 'enum', list: SEX }, enumOf(SEX).optional(), { aliases: ['GT'], stored: asCode }),
  dateOfBirth: field('Ngày sinh', DATE, isoDate.optional(), { aliases: ['Ngày, tháng, năm sinh', 'Ngày tháng năm sinh'], stored: asDate }),
  communeCode: field('Mã xã', COMMUNE, communeCode, { required: true, aliases: ['Mã xã nơi xảy ra', 'Mã xã/phường'], stored: asCode }),
  eventType: field('Loại sự việc', { type: 'enum', list: EVENT_TYPES }, enumOf(EVENT_TYPES), { required: true, aliases: ['Loại vụ việc'], stored: asCode }),
  eventDate: field('Ngày xảy ra', DATE, isoDate, { required: true, aliases: ['Ngày xảy ra sự việc', 'Ngày xảy ra vụ việc'], stored: asDate }),
  abuseForms: field('Hình thức xâm hại', { type: 'list', list: ABUSE_FORMS }, z.array(enumOf(ABUSE_FORMS)), { stored: asList(ABUSE_FORMS) }),
  abuseSetting: field('Môi trường xâm hại', { type: 'enum', list: ABUSE_SETTINGS }, enumOf(ABUSE_SETTINGS).optional(), {
    aliases: ['Nơi xảy ra xâm hại'],
    stored: asCode,
  }),
  injuryCause: field('Nguyên nhân TNTT', { type: 'enum', list: INJURY_CAUSES }, enumOf(INJURY_CAUSES).optional(), {
    aliases: ['Nguyên nhân tai nạn thương tích', 'Nguyên nhân'],
    stored: asCode,
  }),
  outcome: field('Hậu quả', { type: 'enum', list: OUTCOMES }, enumOf(OUTCOMES).optional(), { stored: asCode }),
  interventions: field('Hình thức hỗ trợ, can thiệp', { type: 'list', list: SUPPORT_FORMS }, z.array(enumOf(SUPPORT_FORMS)), {
    aliases: ['Hình thức hỗ trợ can thiệp', 'Hỗ trợ, can thiệp', 'Can thiệp'],
    stored: asList(SUPPORT_FORMS),
  }),
  handling: field('Xử lý', { type: 'enum', list: HANDLING }, enumOf(HANDLING).optional(), { aliases: ['Kết quả xử lý', 'Hình thức xử lý'], stored: asCode }),
  fineAmount: field('Số tiền phạt', { type: 'number' }, z.number().nonnegative().optional(), {
    aliases: ['Tiền phạt', 'Số tiền phạt (đồng)'],
    stored: asNumber,
  }),
};

/** The ThongTinXa sheet: one row per commune and period (kept as records, not columns). */
export const COMMUNE_FACT_FIELDS = {
  communeCode: field('Mã xã', COMMUNE, communeCode, { required: true, aliases: ['Mã xã/phường'] }),
  periodId: field('Kỳ báo cáo', TEXT, z.string().min(1), { required: true, aliases: ['Kỳ'] }),
  population: field('Dân số', { type: 'number' }, z.number().nonnegative().optional(), { aliases: ['Tổng dân số'] }),
  villages: field('Số thôn', { type: 'integer' }, z.number().int().nonnegative().optional(), { aliases: ['Số thôn, tổ dân phố', 'Số thôn/tổ dân phố'] }),
  villagesWithFacilities: field('Số thôn có thiết chế văn hóa thể thao cho trẻ em', { type: 'integer' }, z.number().int().nonnegative().optional(), {
    aliases: ['Số thôn có thiết chế văn hóa, thể thao cho trẻ em', 'Số thôn có thiết chế VHTT cho trẻ em'],
  }),
  hasPlayground: field('Có điểm vui chơi cho trẻ em', YES_NO, z.boolean().optional(), { aliases: ['Điểm vui chơi cho trẻ em'] }),
  childFriendly: field('Đạt xã phù hợp với trẻ em', YES_NO, z.boolean().optional(), {
    aliases: ['Xã phù hợp với trẻ em', 'Đạt tiêu chuẩn xã phù hợp với trẻ em'],
  }),
  childrenConsulted: field('Số trẻ em từ 7 tuổi được lấy ý kiến', { type: 'integer' }, z.number().int().nonnegative().optional(), {
    aliases: ['Số trẻ em được lấy ý kiến'],
  }),
  budget: field('Kinh phí cho công tác trẻ em', { type: 'number' }, z.number().nonnegative().optional(), {
    aliases: ['Kinh phí cho công tác trẻ em (đồng)', 'Kinh phí'],
  }),
};

type Fields = Readonly<Record<string, FieldSpec>>;

/** The zod shape of a record's fields (the record adds where it was read). */
export function valuesShape<F extends Fields>(fields: F): { [K in keyof F]: F[K]['value'] } {
  return Object.fromEntries(Object.entries(fields).map(([key, spec]) => [key, spec.value])) as { [K in keyof F]: F[K]['value'] };
}

/** How the engine stores each field of a record kind kept as columns. */
export function storedLayout<F extends Readonly<Record<string, FieldSpec<z.ZodType, StoredAs>>>>(fields: F): { readonly [K in keyof F]: F[K]['stored'] } {
  return Object.fromEntries(Object.entries(fields).map(([key, spec]) => [key, spec.stored])) as { readonly [K in keyof F]: F[K]['stored'] };
}
