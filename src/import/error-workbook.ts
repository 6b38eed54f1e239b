import ExcelJS from 'exceljs';
import { writeOutputFile } from '../io/output.js';
import { workbookBytes } from '../io/xlsx-output.js';
import type { RejectedRow } from '../model/issues.js';
import { render, type Lang } from '../model/messages.js';
import type { RecordKind } from '../model/records.js';
import { issueLabel } from './summary.js';

/**
 * The workbook officials fix their rows in: every rejected row with its values and reasons.
 * It holds personal data (names, ID numbers) on purpose, and says so on its first sheet.
 * Values are written as text cells, never formulas, whatever they start with; the same
 * rejected rows give the same bytes (io/xlsx-output.ts, with a fixed date).
 */

/** The date the error workbook carries: fixed, so that the file depends on its rows only. */
const STAMP = '2000-01-01';

const SHEET_NAMES: Record<RecordKind, string> = { children: 'TreEm - loi', events: 'SuViec - loi', communeFacts: 'ThongTinXa - loi' };

export async function writeErrorWorkbook(path: string, rejected: readonly RejectedRow[], lang: Lang): Promise<void> {
  writeOutputFile(path, await errorWorkbookBytes(rejected, lang));
}

export async function errorWorkbookBytes(rejected: readonly RejectedRow[], lang: Lang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();

  const notice = workbook.addWorksheet(lang === 'en' ? 'Notice' : 'Luu y');
  notice.getColumn(1).width = 110;
  const noticeLines =
    lang === 'en'
      ? [
          'THIS FILE CONTAINS PERSONAL DATA OF CHILDREN',
          'It lists the rows chitieu rejected, with every value, so that they can be corrected at the source.',
          'Keep it within the office, do not send it by e-mail or publish it, and delete it once the rows are fixed.',
          `Rejected rows: ${rejected.length}`,
        ]
      : [
          'TỆP NÀY CHỨA DỮ LIỆU CÁ NHÂN CỦA TRẺ EM',
          'Tệp liệt kê các dòng bị loại khi kiểm tra, kèm đầy đủ giá trị, để cán bộ sửa lại trong dữ liệu gốc.',
          'Chỉ lưu trong cơ quan, không gửi qua thư điện tử hay công khai; xóa tệp sau khi đã sửa xong.',
          `Số dòng bị loại: ${rejected.length}`,
        ];
  noticeLines.forEach((line, index) => {
    const cell = notice.getCell(index + 1, 1);
    cell.value = line;
    if (index === 0) cell.font = { bold: true, color: { argb: 'FFC00000' }, size: 14 };
  });

  const kinds: RecordKind[] = ['children', 'events', 'communeFacts'];
  for (const kind of kinds) {
    const rows = rejected.filter((row) => row.recordKind === kind);
    if (rows.length === 0) continue;
    const sheet = workbook.addWorksheet(SHEET_NAMES[kind]);
    const valueHeaders: string[] = [];
    for (const row of rows) for (const header of Object.keys(row.values)) if (!valueHeaders.includes(header)) valueHeaders.push(header);
    const fixed = lang === 'en' ? ['File', 'Sheet', 'Row', 'Error kinds', 'Reasons'] : ['Tệp', 'Trang', 'Dòng', 'Loại lỗi', 'Lý do'];
    const header = sheet.addRow([...fixed, ...valueHeaders]);
    header.font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of rows) {
      const kindsText = [...new Set(row.issues.map((issue) => issueLabel(issue.kind, lang)))].join('; ');
      const reasons = row.issues
        .map((issue) => `${issue.column ? `${issue.column}: ` : ''}${render(issue.message, lang)}`)
        .join('; ');
      // Strings are written as text cells, never as formulas, whatever they start with.
      sheet.addRow([row.source.file, row.source.sheet, row.source.row, kindsText, reasons, ...valueHeaders.map((h) => row.values[h] ?? '')]);
    }
    sheet.columns.forEach((column, index) => {
      column.width = index === 4 ? 60 : index < 3 ? 16 : 20;
    });
  }
  return workbookBytes(workbook, STAMP);
}
