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
