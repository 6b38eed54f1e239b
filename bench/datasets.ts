import ExcelJS from 'exceljs';

/** The communes of huyện Sơn Hà (51/529) before the reform. */
export const SON_HA_COMMUNES = ['21289', '21292', '21295', '21298', '21301', '21304', '21307', '21310', '21313', '21316', '21319', '21322', '21325', '21328'];

export const LARGE_CHILD_HEADERS = ['Mã trẻ em', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã tỉnh', 'Mã huyện', 'Mã xã', 'Đăng ký khai sinh', 'Thẻ BHYT', 'Nhóm HCĐB', 'Tình trạng'];

/**
 * Writes a big TreEm sheet with exceljs's streaming writer (the way the software's exports
 * look: date cells, shared strings), without holding it in memory.
 */
export async function writeLargeChildrenWorkbook(path: string, rows: number, prefix = 'L'): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('TreEm');
  sheet.addRow(LARGE_CHILD_HEADERS).commit();
  for (let index = 0; index < rows; index += 1) {
    const row = sheet.addRow([
      `${prefix}${String(index).padStart(7, '0')}`,
      `Trẻ ${index}`,
      new Date(Date.UTC(2010 + (index % 15), index % 12, 1 + (index % 28))),
      index % 2 === 0 ? 'Nam' : 'Nữ',
      '51',
      '529',
      SON_HA_COMMUNES[index % SON_HA_COMMUNES.length],
      'Có',
      index % 50 === 0 ? 'Không' : 'Có',
      index % 100 === 0 ? 'd' : null,
      'Đang quản lý',
    ]);
    row.getCell(3).numFmt = 'dd/mm/yyyy';
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** A fixed linear congruential generator: the same data on every run. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const FULL_CHILD_HEADERS = [
  'Mã trẻ em', 'Số định danh cá nhân', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Mã tỉnh', 'Mã huyện', 'Mã xã',
  'Thôn/Tổ dân phố', 'Đăng ký khai sinh', 'Thẻ BHYT', 'Tình trạng đi học', 'Nhóm HCĐB', 'Ngày bắt đầu HCĐB', 'Nhóm nguy cơ',
  'Hình thức trợ giúp', 'Ngày trợ giúp', 'Tình trạng', 'Ngày thay đổi tình trạng',
];
const FULL_EVENT_HEADERS = [
  'Mã vụ việc', 'Mã trẻ em', 'Giới tính', 'Ngày sinh', 'Mã xã', 'Loại sự việc', 'Ngày xảy ra', 'Hình thức xâm hại',
  'Môi trường xâm hại', 'Nguyên nhân TNTT', 'Hậu quả', 'Hình thức hỗ trợ, can thiệp', 'Xử lý', 'Số tiền phạt',
];
const SCHOOL_BY_AGE = ['Chưa đi học', 'Chưa đi học', 'Nhà trẻ', 'Mẫu giáo', 'Mẫu giáo', 'Mẫu giáo', 'Tiểu học', 'Tiểu học', 'Tiểu học', 'Tiểu học', 'Tiểu học', 'THCS', 'THCS', 'THCS', 'THCS', 'THPT'];
const CAUSES = ['Đuối nước', 'Tai nạn giao thông', 'Ngã', 'Bỏng', 'Động vật cắn, đốt', 'Khác'];

export interface CommuneBenchFile {
  readonly provinceCode: string;
  readonly districtCode: string;
  readonly communeCode: string;
  readonly children: number;
  readonly events: number;
}

/**
 * One commune's export as the software writes it (all TreEm and SuViec columns, date cells,
 * shared strings), streamed to disk: bench data of any size without holding it in memory.
 */
export async function writeCommuneWorkbook(path: string, commune: CommuneBenchFile, seed: number): Promise<void> {
  const random = generator(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const date = (year: number, dayOfYear: number) => new Date(Date.UTC(year, 0, 1 + dayOfYear));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const children = workbook.addWorksheet('TreEm');
  children.addRow(FULL_CHILD_HEADERS).commit();
  const births: { id: string; born: Date; sex: string }[] = [];
  for (let index = 0; index < commune.children; index += 1) {
    const id = `${commune.communeCode}-${String(index).padStart(6, '0')}`;
    const age = Math.floor(random() * 16);
    const born = date(2025 - age - 1, Math.floor(random() * 365));
    const sex = random() < 0.526 ? 'Nam' : 'Nữ';
    const special = random() < 0.012;
    births.push({ id, born, sex });
    const row = children.addRow([
      id, null, `Trẻ em số ${index}`, born, sex, random() < 0.7 ? 'Kinh' : 'Hrê', commune.provinceCode, commune.districtCode,
      commune.communeCode, `Thôn ${1 + Math.floor(random() * 12)}`, random() < 0.985 ? 'Có' : 'Không', random() < 0.98 ? 'Có' : 'Không',
      SCHOOL_BY_AGE[age], special ? pick(['d', 'd', 'd', 'a', 'c', 'n']) : null, special ? date(2022, Math.floor(random() * 365)) : null,
      random() < 0.04 ? pick(['NC_HO_NGHEO', 'NC_CHA_ME_DI_LAM_XA', 'NC_CHA_ME_LY_HON']) : null,
      special ? 'Trợ cấp xã hội hằng tháng' : null, special && random() < 0.9 ? date(2025, Math.floor(random() * 180)) : null,
      'Đang quản lý', null,
    ]);
    for (const column of [4, 15, 18]) row.getCell(column).numFmt = 'dd/mm/yyyy';
    row.commit();
  }
  children.commit();
  const events = workbook.addWorksheet('SuViec');
  events.addRow(FULL_EVENT_HEADERS).commit();
  for (let index = 0; index < commune.events; index += 1) {
    const child = pick(births);
    const year = random() < 0.5 ? 2024 : 2025;
    const abuse = random() < 0.05;
    const row = events.addRow([
      `VV-${commune.communeCode}-${index}`, child.id, child.sex, child.born, commune.communeCode, abuse ? 'Xâm hại' : 'Tai nạn thương tích',
      date(year, Math.floor(random() * 180)), abuse ? 'Xâm hại tình dục' : null, abuse ? pick(['Gia đình', 'Cộng đồng']) : null,
      abuse ? null : pick(CAUSES), abuse ? null : random() < 0.03 ? 'Tử vong' : 'Thương tích', random() < 0.8 ? 'Tư vấn tâm lý' : null,
      null, null,
    ]);
    for (const column of [4, 7]) row.getCell(column).numFmt = 'dd/mm/yyyy';
    row.commit();
  }
  events.commit();
  await workbook.commit();
}
