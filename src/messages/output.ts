/**
 * Texts of src/output/: the headers and notes of the workbooks and CSV people read in their own
 * language (the error workbook, compute's results). The report and its annex are Vietnamese
 * only (official documents, Decree 30/2020) and keep their wording in src/report/ and the writers.
 */
import { catalogue, numberIn, text } from './define.js';

export const outputText = catalogue('output', {
  // The error workbook (error-workbook.ts).
  noticeSheet: text('Lưu ý', 'Notice'),
  rejectedChildrenSheet: text('Trẻ em bị loại', 'Rejected children'),
  rejectedEventsSheet: text('Sự việc bị loại', 'Rejected events'),
  rejectedCommuneFactsSheet: text('Thông tin xã bị loại', 'Rejected commune facts'),
  warningsSheet: text('Cảnh báo', 'Warnings'),
  reasonHeader: text('Lý do', 'Reason'),
  kindsHeader: text('Loại lỗi', 'Error kinds'),
  fileHeader: text('Tệp', 'File'),
  sheetHeader: text('Trang', 'Sheet'),
  rowHeader: text('Dòng', 'Row'),
  columnHeader: text('Cột', 'Column'),
  valueHeader: text('Giá trị', 'Value'),
  warningHeader: text('Cảnh báo', 'Warning'),
  warningKindHeader: text('Loại cảnh báo', 'Kind'),
  otherColumnsHeader: text('Các cột khác', 'Other columns'),
  headerInFile: text(
    (p: { headers: string }) => `Tiêu đề trong tệp: ${p.headers}`,
    (p) => `Header in the file: ${p.headers}`,
  ),
  noticeTitle: text('TỆP NÀY CHỨA DỮ LIỆU CÁ NHÂN CỦA TRẺ EM', 'THIS FILE CONTAINS PERSONAL DATA OF CHILDREN'),
  noticeWhat: text(
    'Tệp liệt kê các dòng bị loại khi kiểm tra, kèm đầy đủ giá trị, để cán bộ sửa lại trong dữ liệu gốc.',
    'It lists the rows chitieu rejected, with every value, so that they can be corrected at the source.',
  ),
  noticeKeep: text(
    'Chỉ lưu trong cơ quan, không gửi qua thư điện tử hay công khai; xóa tệp sau khi đã sửa xong.',
    'Keep it within the office, do not send it by e-mail or publish it, and delete it once the rows are fixed.',
  ),
  noticeCounts: text(
    (p: { rejected: number; warnings: number }) =>
      `Số dòng bị loại: ${numberIn('vi', p.rejected)}; số cảnh báo (dòng vẫn được tính hoặc được bỏ qua nhưng cần xem lại, trang "Cảnh báo"): ${numberIn('vi', p.warnings)}.`,
    (p) => `Rejected rows: ${numberIn('en', p.rejected)}; warnings (rows that still count, or were skipped, but should be looked at, sheet "Warnings"): ${numberIn('en', p.warnings)}.`,
  ),
  noticeColumns: text(
    'Khi in (khổ A4 ngang): lý do, tệp, trang, dòng, mã và các giá trị của dòng. Các cột sau, để lọc và sửa trên máy, là loại lỗi và một cột cho mỗi trường của mẫu dữ liệu (tiêu đề theo mẫu; ghi chú ở ô tiêu đề cho biết tên cột trong tệp gốc).',
    'Printed (A4 landscape): the reason, file, sheet, row, key and the values of the row. The columns after them, to filter and fix on screen, are the error kinds and one per field of the data contract (headed by its Vietnamese header; a note on a header cell gives the header the file used).',
  ),
  /** "(Xã Sơn Hạ, mã 21292)": the commune named once, no parentheses inside the parentheses. */
  noticeCommune: text(
    (p: { file: string; code: string; name: string }) =>
      `Sổ lỗi của tệp ${p.file}${p.code ? ` (${[p.name, `mã ${p.code}`].filter(Boolean).join(', ')})` : ''}: các dòng cần sửa trong chính tệp đó.`,
    (p) => `Error workbook of the file ${p.file}${p.code ? ` (${[p.name, `code ${p.code}`].filter(Boolean).join(', ')})` : ''}: the rows to fix in that file.`,
  ),
  noticeSendBack: text(
    'Chỉ gửi lại cho cán bộ của xã đã lập tệp (trao tay hoặc qua đường truyền của cơ quan), không gửi qua thư điện tử thông thường hay công khai; xóa tệp sau khi đã sửa xong.',
    "Give it back only to the commune official who made the file (by hand or through the office's own channel), never by ordinary e-mail or in public; delete it once the rows are fixed.",
  ),
  rowValuesHeader: text('Các giá trị của dòng', 'Values of the row'),
  noticeRowsPerFile: text('Số dòng theo tệp và trang:', 'Rows read per file and sheet:'),

  // validate --out-dir DIR [--per-commune] (src/cli/validate.ts): the texts of writing the workbooks.
  outDirOption: text('--out-dir <thư-mục>', '--out-dir <folder>'),
  outDirHelp: text(
    'ghi sổ lỗi vào thư mục này (so-loi.xlsx; với --per-commune: một sổ cho mỗi tệp của xã)',
    'write the error workbook into this folder (so-loi.xlsx; with --per-commune: one per commune file)',
  ),
  perCommuneHelp: text(
    'với --out-dir: mỗi tệp dữ liệu một sổ lỗi, đặt tên theo xã (so-loi-<mã xã>-<tên xã>.xlsx), để gửi lại cho xã sửa',
    'with --out-dir: one error workbook per data file, named after its commune (so-loi-<code>-<name>.xlsx), to send back to the commune',
  ),
  perCommuneNeedsOutDir: text(
    '--per-commune cần --out-dir <thư-mục>: các sổ lỗi của từng xã được ghi vào thư mục đó.',
    '--per-commune needs --out-dir <folder>: the workbook of each commune is written into it.',
  ),
  perCommuneWritten: text(
    (p: { path: string; file: string; rejected: number; warnings: number }) =>
      `Đã ghi ${p.path} (tệp ${p.file}: ${numberIn('vi', p.rejected)} dòng bị loại, ${numberIn('vi', p.warnings)} cảnh báo).`,
    (p) => `Wrote ${p.path} (file ${p.file}: ${numberIn('en', p.rejected)} rejected row(s), ${numberIn('en', p.warnings)} warning(s)).`,
  ),
  perCommuneSummary: text(
    (p: { written: number; files: number }) =>
      `${numberIn('vi', p.written)}/${numberIn('vi', p.files)} tệp có dòng cần sửa; các tệp khác không có dòng bị loại hay cảnh báo nên không có sổ lỗi. Sổ lỗi có dữ liệu cá nhân: chỉ trao lại cho xã đã lập tệp.`,
    (p) => `${numberIn('en', p.written)} of ${numberIn('en', p.files)} file(s) have rows to fix; the others have no rejected row or warning, so no workbook. The workbooks contain personal data: give each only to the commune that made the file.`,
  ),

  // compute's results, XLSX and CSV (results-xlsx.ts, results-csv.ts).
  targetMet: text('Đạt', 'Met'),
  targetNotMet: text('Không đạt', 'Not met'),
  targetInsufficientData: text('Không đủ số liệu', 'Insufficient data'),
  // A reduction target at 0 last year and 0 now (#18): nothing to reduce.
  targetNotOccurred: text('Không phát sinh', 'None occurred'),
  approximateNote: text(
    'Số liệu ước tính: có xã bị chia tách theo sắp xếp đơn vị hành chính 2025.',
    'Approximate: a commune split in the 2025 reform is in this figure.',
  ),
  numeratorHeader: text('Tử số', 'Numerator'),
  denominatorHeader: text('Mẫu số', 'Denominator'),
  ratioValueHeader: text('Giá trị', 'Value'),
  totalHeader: text('Tổng số', 'Total'),
  levelHeader: text('Cấp', 'Level'),
  codeHeader: text('Mã', 'Code'),
  unitHeader: text('Tên đơn vị', 'Unit'),
  targetsSheet: text('Chỉ tiêu kế hoạch', 'Targets'),
  targetHeader: text('Chỉ tiêu', 'Target'),
  indicatorHeader: text('Mã chỉ tiêu', 'Indicator'),
  statusHeader: text('Đánh giá', 'Status'),
  currentHeader: text('Kỳ này', 'Current'),
  lastYearHeader: text('Cùng kỳ năm trước', 'Same period last year'),
  noteHeader: text('Ghi chú', 'Note'),
  aboutSheet: text('Thông tin', 'About'),
  aboutTitle: text('Chỉ tiêu thống kê trẻ em theo Thông tư 13/2021/TT-BLĐTBXH (chitieu compute)', 'Child statistics under Circular 13/2021/TT-BLĐTBXH (chitieu compute)'),
  aboutPeriod: text('Kỳ báo cáo', 'Period'),
  aboutRatios: text('Tỷ lệ', 'Ratios'),
  aboutRatiosText: text(
    'tử số ÷ mẫu số × hệ số; "–" khi mẫu số bằng 0 hoặc không có số liệu',
    'numerator ÷ denominator × factor; "–" when the denominator is 0 or the data is missing',
  ),
  aboutApproximate: text('Ước tính', 'Approximate'),
  aboutApproximateText: text(
    'ô có ghi chú là số liệu có xã bị chia tách theo sắp xếp đơn vị hành chính 2025',
    'cells with a note include a commune split in the 2025 reform',
  ),
  aboutPersonalData: text('Dữ liệu cá nhân', 'Personal data'),
  aboutPersonalDataText: text('không có: chỉ có số liệu tổng hợp', 'none: figures only'),
  inputFileHeader: text('Tệp nguồn', 'Input file'),
  rowsReadHeader: text('Số dòng đọc', 'Rows read'),
  acceptedHeader: text('Chấp nhận', 'Accepted'),
  rejectedHeader: text('Bị loại', 'Rejected'),
  csvUnitCodeHeader: text('Mã đơn vị', 'Unit code'),
  csvIndicatorNameHeader: text('Tên chỉ tiêu', 'Indicator name'),
  csvBreakdownHeader: text('Phân tổ', 'Breakdown'),
  csvApproximateHeader: text('Ước tính', 'Approximate'),
  csvApproximate: text('ước tính', 'approximate'),
});
