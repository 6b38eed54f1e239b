/**
 * Code lists of the data contract (docs/data-contract.md), in code-list order.
 * Order matters: breakdown values are sorted in this order in every output.
 */

export interface CodeEntry {
  readonly code: string;
  /** Vietnamese label as officials write it. */
  readonly label: string;
  /** Other spellings accepted on import (matched after NFC + lower-case). */
  readonly aliases?: readonly string[];
}

export type CodeList = readonly CodeEntry[];

export const SEX: CodeList = [
  { code: 'NAM', label: 'Nam', aliases: ['1', 'm', 'male', 'trai'] },
  { code: 'NU', label: 'Nữ', aliases: ['2', 'f', 'female', 'gái'] },
];

/** Law on Children 2016, Art. 10(1): the 14 groups of children in special circumstances. */
export const SPECIAL_GROUPS: CodeList = [
  { code: 'HCDB01', label: 'Trẻ em mồ côi cả cha và mẹ', aliases: ['a', 'mồ côi cả cha và mẹ', 'mồ côi cả cha mẹ'] },
  { code: 'HCDB02', label: 'Trẻ em bị bỏ rơi', aliases: ['b', 'bị bỏ rơi', 'bỏ rơi'] },
  { code: 'HCDB03', label: 'Trẻ em không nơi nương tựa', aliases: ['c', 'không nơi nương tựa'] },
  { code: 'HCDB04', label: 'Trẻ em khuyết tật', aliases: ['d', 'khuyết tật'] },
  { code: 'HCDB05', label: 'Trẻ em nhiễm HIV/AIDS', aliases: ['đ', 'nhiễm hiv/aids', 'hiv/aids', 'hiv'] },
  { code: 'HCDB06', label: 'Trẻ em vi phạm pháp luật', aliases: ['e', 'vi phạm pháp luật'] },
  { code: 'HCDB07', label: 'Trẻ em nghiện ma túy', aliases: ['g', 'trẻ em nghiện ma tuý', 'nghiện ma túy', 'nghiện ma tuý'] },
  {
    code: 'HCDB08',
    label: 'Trẻ em phải bỏ học kiếm sống chưa hoàn thành phổ cập giáo dục trung học cơ sở',
    aliases: ['h', 'trẻ em phải bỏ học kiếm sống'],
  },
  {
    code: 'HCDB09',
    label: 'Trẻ em bị tổn hại nghiêm trọng về thể chất và tinh thần do bị bạo lực',
    aliases: ['i', 'trẻ em bị bạo lực'],
  },
  { code: 'HCDB10', label: 'Trẻ em bị bóc lột', aliases: ['k', 'bị bóc lột'] },
  { code: 'HCDB11', label: 'Trẻ em bị xâm hại tình dục', aliases: ['l', 'bị xâm hại tình dục'] },
  { code: 'HCDB12', label: 'Trẻ em bị mua bán', aliases: ['m', 'bị mua bán'] },
  {
    code: 'HCDB13',
    label: 'Trẻ em mắc bệnh hiểm nghèo hoặc bệnh phải điều trị dài ngày thuộc hộ nghèo hoặc hộ cận nghèo',
    aliases: ['n', 'trẻ em mắc bệnh hiểm nghèo'],
  },
  {
    code: 'HCDB14',
    label: 'Trẻ em di cư, trẻ em lánh nạn, tị nạn chưa xác định được cha mẹ hoặc không có người chăm sóc',
    aliases: ['o', 'trẻ em di cư'],
  },
];

/** Risk groups (docs/domain.md, "Code lists of our own"; no official list exists). */
export const RISK_GROUPS: CodeList = [
  { code: 'NC_HO_NGHEO', label: 'Hộ nghèo, cận nghèo' },
  { code: 'NC_CHA_ME_LY_HON', label: 'Cha mẹ ly hôn, ly thân' },
  { code: 'NC_MO_COI_CHA_HOAC_ME', label: 'Mồ côi cha hoặc mẹ' },
  { code: 'NC_CHA_ME_DI_LAM_XA', label: 'Cha mẹ đi làm ăn xa' },
  { code: 'NC_CHA_ME_TU_TU_NGHIEN', label: 'Cha mẹ đang chấp hành án phạt tù hoặc nghiện' },
  { code: 'NC_BAO_LUC_GIA_DINH', label: 'Gia đình có bạo lực' },
  { code: 'NC_BO_HOC', label: 'Có nguy cơ bỏ học' },
  { code: 'NC_LAO_DONG_SOM', label: 'Lao động sớm' },
  { code: 'NC_DI_CU', label: 'Trẻ em di cư' },
  { code: 'NC_KHAC', label: 'Nguy cơ khác' },
];

/** Forms of support received (docs/domain.md, "Code lists of our own"). */
export const SUPPORT_FORMS: CodeList = [
  { code: 'TRO_CAP_XH', label: 'Trợ cấp xã hội hằng tháng', aliases: ['trợ cấp xã hội'] },
  { code: 'BHYT', label: 'Thẻ bảo hiểm y tế', aliases: ['cấp thẻ bhyt'] },
  { code: 'HO_TRO_GIAO_DUC', label: 'Hỗ trợ giáo dục', aliases: ['miễn giảm học phí'] },
  { code: 'HO_TRO_Y_TE', label: 'Hỗ trợ y tế, phục hồi chức năng', aliases: ['hỗ trợ y tế'] },
  { code: 'CHAM_SOC_THAY_THE', label: 'Chăm sóc thay thế' },
  { code: 'TU_VAN_TAM_LY', label: 'Tư vấn tâm lý' },
  { code: 'QUA_HIEN_VAT', label: 'Quà, tiền mặt', aliases: ['tặng quà'] },
  { code: 'HOC_BONG', label: 'Học bổng' },
  { code: 'KET_NOI_DICH_VU', label: 'Kết nối dịch vụ', aliases: ['chuyển gửi'] },
  { code: 'QUAN_LY_TRUONG_HOP', label: 'Quản lý trường hợp' },
  { code: 'CACH_LY_NOI_TAM_TRU', label: 'Cách ly, nơi tạm trú an toàn' },
  { code: 'TRO_GIUP_PHAP_LY', label: 'Trợ giúp pháp lý' },
  { code: 'KHAC', label: 'Khác' },
];

export const SCHOOL_STATUS: CodeList = [
  { code: 'CHUA_DI_HOC', label: 'Chưa đi học' },
  { code: 'NHA_TRE', label: 'Nhà trẻ' },
  { code: 'MAU_GIAO', label: 'Mẫu giáo' },
  { code: 'TIEU_HOC', label: 'Tiểu học' },
  { code: 'THCS', label: 'Trung học cơ sở', aliases: ['thcs'] },
  { code: 'THPT', label: 'Trung học phổ thông', aliases: ['thpt'] },
  { code: 'BO_HOC', label: 'Bỏ học' },
];

export const CHILD_STATUS: CodeList = [
  { code: 'ACTIVE', label: 'Đang quản lý', aliases: ['đang theo dõi', 'active'] },
  { code: 'MOVED', label: 'Chuyển đi', aliases: ['moved'] },
  { code: 'DEAD', label: 'Tử vong', aliases: ['đã chết', 'dead'] },
];

export const EVENT_TYPES: CodeList = [
  { code: 'XAM_HAI', label: 'Xâm hại', aliases: ['xâm hại trẻ em'] },
  { code: 'TNTT', label: 'Tai nạn thương tích', aliases: ['tai nạn, thương tích'] },
  { code: 'TAO_HON', label: 'Tảo hôn' },
  { code: 'KHAC', label: 'Khác' },
];

export const ABUSE_FORMS: CodeList = [
  { code: 'BAO_LUC', label: 'Bạo lực' },
  { code: 'BOC_LOT', label: 'Bóc lột' },
  { code: 'XAM_HAI_TINH_DUC', label: 'Xâm hại tình dục', aliases: ['xhtd'] },
  { code: 'MUA_BAN', label: 'Mua bán' },
  { code: 'BO_ROI_BO_MAC', label: 'Bỏ rơi, bỏ mặc', aliases: ['bỏ rơi/bỏ mặc', 'bỏ rơi', 'bỏ mặc'] },
  { code: 'KHAC', label: 'Khác' },
];

export const ABUSE_SETTINGS: CodeList = [
  { code: 'GIA_DINH', label: 'Gia đình' },
  { code: 'TRUONG_HOC', label: 'Trường học' },
  { code: 'CONG_DONG', label: 'Cộng đồng' },
  { code: 'MOI_TRUONG_MANG', label: 'Môi trường mạng', aliases: ['trên mạng'] },
  { code: 'CO_SO_CHAM_SOC', label: 'Cơ sở chăm sóc', aliases: ['cơ sở trợ giúp xã hội'] },
  { code: 'KHAC', label: 'Khác' },
];

export const INJURY_CAUSES: CodeList = [
  { code: 'GIAO_THONG', label: 'Tai nạn giao thông', aliases: ['giao thông'] },
  { code: 'DUOI_NUOC', label: 'Đuối nước' },
  { code: 'NGA', label: 'Ngã' },
  { code: 'BONG', label: 'Bỏng' },
  { code: 'NGO_DOC', label: 'Ngộ độc' },
  { code: 'DONG_VAT', label: 'Động vật cắn, đốt', aliases: ['động vật cắn/đốt', 'động vật'] },
  { code: 'DIEN_GIAT', label: 'Điện giật' },
  { code: 'BAO_LUC', label: 'Bạo lực' },
  { code: 'TU_TU', label: 'Tự tử, tự gây thương tích', aliases: ['tự tử/tự gây thương tích', 'tự tử'] },
  { code: 'KHAC', label: 'Khác' },
];

export const OUTCOMES: CodeList = [
  { code: 'TU_VONG', label: 'Tử vong' },
  { code: 'THUONG_TICH', label: 'Thương tích' },
  { code: 'KHUYET_TAT', label: 'Khuyết tật' },
];

export const HANDLING: CodeList = [
  { code: 'KHOI_TO', label: 'Khởi tố hình sự', aliases: ['khởi tố'] },
  { code: 'XU_PHAT_HC', label: 'Xử phạt hành chính', aliases: ['xử phạt vi phạm hành chính'] },
  { code: 'HOA_GIAI', label: 'Hòa giải', aliases: ['hoà giải'] },
  { code: 'DANG_XU_LY', label: 'Đang xử lý' },
];

/** Age groups of docs/indicator-rules.md, in completed years. */
export const AGE_GROUPS = [
  { code: '0-2', label: '0-2 tuổi', min: 0, max: 2 },
  { code: '3-5', label: '3-5 tuổi', min: 3, max: 5 },
  { code: '6-10', label: '6-10 tuổi', min: 6, max: 10 },
  { code: '11-15', label: '11-15 tuổi', min: 11, max: 15 },
] as const;

/** Breakdown value for a child whose sex or birth date is unknown (event rows only). */
export const UNKNOWN = 'KHONG_RO';

export function codesOf(list: CodeList): string[] {
  return list.map((entry) => entry.code);
}

export function labelOf(list: CodeList, code: string): string {
  return list.find((entry) => entry.code === code)?.label ?? code;
}
