/** Texts of src/import/. */
import { catalogue, numberIn, text, type Lang, type Message } from './define.js';

/** A size as people read it: "1,5 GB" in Vietnamese, "1.5 GB" in English. */
function sizeIn(lang: Lang, bytes: number): string {
  if (bytes >= 1024 ** 3) return `${numberIn(lang, bytes / 1024 ** 3, 1)} GB`;
  if (bytes >= 1024 ** 2) return `${numberIn(lang, bytes / 1024 ** 2, 1)} MB`;
  return `${numberIn(lang, Math.ceil(bytes / 1024))} KB`;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A row of an input file, as messages name it. */
interface RowPlace {
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
}
const placeVi = (at: RowPlace) => `${at.file}, ${at.sheet}, dòng ${numberIn('vi', at.row)}`;
const placeEn = (at: RowPlace) => `${at.file}, ${at.sheet}, row ${numberIn('en', at.row)}`;

export const importText = catalogue('import', {
  sameChildIdAs: text(
    (p: { at: RowPlace; child: string }) => `trùng Mã trẻ em với ${placeVi(p.at)} (trẻ ${p.child})`,
    (p) => `same child ID as ${placeEn(p.at)} (child ${p.child})`,
  ),
  samePersonalIdAs: text(
    (p: { at: RowPlace; child: string }) => `trùng Số định danh cá nhân với ${placeVi(p.at)} (trẻ ${p.child})`,
    (p) => `same personal ID as ${placeEn(p.at)} (child ${p.child})`,
  ),
  caseAlreadyAt: text(
    (p: { caseId: string; childId: string; at: RowPlace }) => `vụ việc ${p.caseId} của trẻ ${p.childId} đã có ở ${placeVi(p.at)}`,
    (p) => `case ${p.caseId} of child ${p.childId} is already at ${placeEn(p.at)}`,
  ),
  profilesTie: text(
    (p: { sheet: string; profiles: readonly string[] }) => `trang "${p.sheet}" khớp như nhau với các hồ sơ cột ${p.profiles.join(' và ')}; chọn một bằng --profile <tệp hồ sơ>`,
    (p) => `sheet "${p.sheet}" matches the column-mapping profiles ${p.profiles.join(' and ')} equally well; choose one with --profile FILE`,
  ),
  requiredColumnsMissingIn: text(
    (p: { sheet: string; names: string; guesses: readonly { header: string; closest: string }[] }) => {
      const hint = p.guesses.map((guess) => `cột "${guess.header}" có phải là "${guess.closest}"?`).join('; ');
      return `trang "${p.sheet}" thiếu cột bắt buộc ${p.names}${hint ? ` (${hint})` : ''}`;
    },
    (p) => {
      const hint = p.guesses.map((guess) => `is the column "${guess.header}" meant to be "${guess.closest}"?`).join('; ');
      return `sheet "${p.sheet}" lacks the required column(s) ${p.names}${hint ? ` (${hint})` : ''}`;
    },
  ),
  fileAccount: text(
    (p: { file: string; read: number; accepted: number; rejected: number }) =>
      `${p.file}: đọc ${numberIn('vi', p.read)} dòng = ${numberIn('vi', p.accepted)} hợp lệ + ${numberIn('vi', p.rejected)} bị loại`,
    (p) => `${p.file}: read ${numberIn('en', p.read)} rows = ${numberIn('en', p.accepted)} accepted + ${numberIn('en', p.rejected)} rejected`,
  ),
  fileAccountWithOrigin: text(
    (p: { file: string; origin: Message; read: number; accepted: number; rejected: number }) =>
      `${p.file} (${p.origin.vi}): đọc ${numberIn('vi', p.read)} dòng = ${numberIn('vi', p.accepted)} hợp lệ + ${numberIn('vi', p.rejected)} bị loại`,
    (p) => `${p.file} (${p.origin.en}): read ${numberIn('en', p.read)} rows = ${numberIn('en', p.accepted)} accepted + ${numberIn('en', p.rejected)} rejected`,
  ),
  columnNamed: text(
    (p: { column: string }) => `cột "${p.column}"`,
    (p) => `column "${p.column}"`,
  ),
  rowNumbered: text(
    (p: { row: number }) => `dòng ${numberIn('vi', p.row)}`,
    (p) => `row ${numberIn('en', p.row)}`,
  ),
  annexRefused: text(
    (p: { file: string; reason: Message }) => `Tệp ${p.file}: ${p.reason.vi}`,
    (p) => `File ${p.file}: ${p.reason.en}`,
  ),
  annexFormatOther: text(
    (p: { format: string; expected: string }) => `định dạng phụ lục "${p.format}" khác với định dạng chitieu này đọc được (${p.expected}).`,
    (p) => `annex format "${p.format}" is not the one this chitieu reads (${p.expected}).`,
  ),
  annexInfoLayout: text(
    (p: { sheet: string; field: string; reason: Message }) => `trang ${p.sheet} không đúng mẫu (mục ${p.field}: ${p.reason.vi}).`,
    (p) => `sheet ${p.sheet} has an unknown layout (${p.field}: ${p.reason.en}).`,
  ),
  annexDataLayout: text(
    (p: { sheet: string; columns: string }) => `trang ${p.sheet} không đúng mẫu (cần các cột ${p.columns}).`,
    (p) => `sheet ${p.sheet} has an unknown layout (expected columns ${p.columns}).`,
  ),
  annexCellFault: text(
    (p: { sheet: string; row: number; column: string; reason: Message }) => `trang ${p.sheet}, dòng ${numberIn('vi', p.row)}${p.column ? `, cột ${p.column}` : ''}: ${p.reason.vi}.`,
    (p) => `sheet ${p.sheet}, row ${numberIn('en', p.row)}${p.column ? `, column ${p.column}` : ''}: ${p.reason.en}.`,
  ),
  annexSheetLayout: text(
    (p: { sheet: string }) => `trang ${p.sheet} không đúng mẫu.`,
    (p) => `sheet ${p.sheet} has an unknown layout.`,
  ),
  annexUnreadable: text(
    (p: { code: string }) => `không đọc được (${p.code}).`,
    (p) => `cannot be read (${p.code}).`,
  ),
  annexNotXlsx: text('không phải tệp Excel (.xlsx) đọc được.', 'is not a readable Excel (.xlsx) file.'),
  annexSuppressed: text(
    'là phụ lục để công bố, đã ẩn số liệu nhỏ (--suppress), nên không cộng được; hãy dùng phụ lục lập không có --suppress.',
    'is an annex for publication with small counts hidden (--suppress) and cannot be summed; use an annex made without --suppress.',
  ),
  annexSheetMissing: text(
    (p: { sheet: string }) => `không phải phụ lục do chitieu tạo (thiếu trang ${p.sheet}); hãy dùng tệp .xlsx mà lệnh "chitieu report" của xã đã xuất.`,
    (p) => `is not an annex written by chitieu (no ${p.sheet} sheet); use the .xlsx the commune's "chitieu report" wrote.`,
  ),
  annexOtherPeriod: text(
    (p: { sheet: string; found: string; expected: string }) => `trang ${p.sheet} có số liệu của kỳ ${p.found}, không phải kỳ ${p.expected}.`,
    (p) => `sheet ${p.sheet} holds figures of period ${p.found}, not ${p.expected}.`,
  ),
  unreadableInputs: text(
    (p: { items: readonly Message[] }) => `${numberIn('vi', p.items.length)} tệp hoặc trang không đọc được: ${p.items.map((item) => item.vi).join('; ')}`,
    (p) => `${numberIn('en', p.items.length)} files or sheets cannot be read: ${p.items.map((item) => item.en).join('; ')}`,
  ),
  birthReferenceEnd: text('ngày cuối kỳ', "the period's last day"),
  birthReferenceToday: text('hôm nay', 'today'),
  birthReferenceAsOf: text('ngày --as-of', 'the --as-of date'),
  birthAfterReferenceDay: text(
    (p: { reference: Message; day: string }) => `ngày sinh sau ${p.reference.vi} (${p.day}): kiểm tra lại năm sinh`,
    (p) => `the birth date is after ${p.reference.en} (${p.day}): check the year of birth`,
  ),
  eventBeforeBirthOf: text(
    (p: { childId: string; born: string }) => `ngày xảy ra trước ngày sinh của trẻ ${p.childId} (${p.born})`,
    (p) => `the event is dated before child ${p.childId} was born (${p.born})`,
  ),
  eventAfterDeathOf: text(
    (p: { childId: string; died: string }) => `ngày xảy ra sau ngày trẻ ${p.childId} tử vong (${p.died})`,
    (p) => `the event is dated after child ${p.childId} died (${p.died})`,
  ),
  childNotInChildrenList: text(
    (p: { childId: string }) => `trẻ ${p.childId} không có trong danh sách trẻ em; sự việc vẫn được tính theo giới tính, ngày sinh ghi ở dòng này`,
    (p) => `child ${p.childId} is not in the children list; the event still counts, with this row's sex and birth date`,
  ),
  howToSaveAsXlsx: text('hãy mở bằng Excel và lưu lại dạng .xlsx (Tệp › Lưu thành › Sổ làm việc Excel), hoặc cài LibreOffice để chương trình tự chuyển', 'open it in Excel and save it as .xlsx (File › Save As › Excel Workbook), or install LibreOffice so that it is converted automatically'),
  legacyXls: text(
    (p: { howTo: Message }) => `tệp .xls cũ: ${p.howTo.vi}`,
    (p) => `a legacy .xls file: ${p.howTo.en}`,
  ),
  libreOfficeTimedOut: text(
    (p: { seconds: number; howTo: Message }) => `LibreOffice không chuyển xong tệp .xls sau ${numberIn('vi', p.seconds)} giây; ${p.howTo.vi}`,
    (p) => `LibreOffice did not finish converting the .xls file within ${numberIn('en', p.seconds)} s; ${p.howTo.en}`,
  ),
  libreOfficeFailed: text('LibreOffice không chuyển được tệp .xls (tệp hỏng hoặc có mật khẩu?); hãy mở bằng Excel, bỏ mật khẩu nếu có và lưu lại dạng .xlsx', 'LibreOffice could not convert the .xls file (damaged or password-protected?); open it in Excel, remove any password and save as .xlsx'),
  libreOfficeNotRunnable: text(
    (p: { message: string }) => `không chạy được LibreOffice (${p.message})`,
    (p) => `cannot run LibreOffice (${p.message})`,
  ),
  fileUnreadable: text(
    (p: { name: string; reason: Message }) => `Không đọc được tệp "${p.name}": ${p.reason.vi}`,
    (p) => `Cannot read file "${p.name}": ${p.reason.en}`,
  ),
  fileMissing: text('tệp không tồn tại hoặc không mở được', 'file does not exist or cannot be opened'),
  notAFile: text('không phải là tệp', 'not a file'),
  fileEmpty: text('tệp rỗng (0 byte)', 'the file is empty (0 bytes)'),
  emptyZip: text('tệp nén rỗng, không phải sổ Excel', 'an empty zip, not an Excel workbook'),
  notAWorkbook: text('tệp hỏng, không phải sổ Excel (.xlsx)', 'corrupt, not an Excel workbook (.xlsx)'),
  unsupportedExtension: text('chỉ đọc được tệp .xlsx, .xls hoặc .csv', 'only .xlsx, .xls and .csv files can be read'),
  excelWorksheetTooOld: text('sổ Excel 2.x–4.x quá cũ; hãy mở bằng Excel và lưu lại dạng .xlsx (Tệp › Lưu thành › Sổ làm việc Excel)', 'an Excel 2.x–4.x worksheet, too old; open it in Excel and save it as .xlsx (File › Save As › Excel Workbook)'),
  xlsIsWebPage: text(
    (p: { howTo: Message }) => `tệp .xls thực chất là trang web/XML do phần mềm xuất ra; ${p.howTo.vi}`,
    (p) => `the .xls file is really a web page/XML written by some software; ${p.howTo.en}`,
  ),
  workbookPassword: text('sổ Excel có đặt mật khẩu; hãy mở bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) và lưu lại', 'a password-protected workbook; open it in Excel, remove the password (File › Info › Protect Workbook) and save it again'),
  damagedXls: text(
    (p: { reason: Message }) => `tệp .xls bị hỏng (${p.reason.vi}); hãy mở bằng Excel, nếu Excel sửa được thì lưu lại dạng .xlsx, nếu không hãy xin lại tệp gốc`,
    (p) => `a damaged .xls file (${p.reason.en}); open it in Excel and, if Excel can repair it, save it as .xlsx; otherwise ask for the original file again`,
  ),
  structureUnreadable: text('không đọc được cấu trúc tệp', 'its structure cannot be read'),
  oldOfficeNotWorkbook: text('tệp Office cũ nhưng không phải sổ Excel (có thể là văn bản Word); hãy xuất dữ liệu ra .xlsx hoặc .csv', 'an old-format Office file that is not a workbook (perhaps a Word document); export the data as .xlsx or .csv'),
  formulaWithoutValueAt: text(
    (p: { column: string }) => `ô ở cột ${p.column} là công thức chưa có giá trị tính sẵn: coi là trống; hãy mở tệp bằng Excel và lưu lại`,
    (p) => `the cell in column ${p.column} is a formula with no cached value: read as blank; open the file in Excel and save it again`,
  ),
  formulaErrorAt: text(
    (p: { column: string }) => `ô ở cột ${p.column} có lỗi công thức: coi là trống`,
    (p) => `the cell in column ${p.column} holds a formula error: read as blank`,
  ),
  noWorkbookStream: text('không có luồng dữ liệu sổ Excel (Workbook)', 'it has no workbook stream'),
  biffRecordCutShort: text('có bản ghi bị cắt', 'a record is cut short'),
  markupTooLarge: text(
    (p: { megabytes: number }) => `trang web/XML xuất ra dạng Excel lớn quá (trên ${numberIn('vi', p.megabytes)} MB); hãy mở bằng Excel và lưu lại dạng .xlsx`,
    (p) => `a web page/XML exported as Excel, too large (over ${numberIn('en', p.megabytes)} MB); open it in Excel and save it as .xlsx`,
  ),
  markupBadIndex: text(
    (p: { sheet: string; where: Message }) => `tệp hỏng (trang "${p.sheet}", ${p.where.vi}: số thứ tự sai hoặc lặp lại); hãy mở bằng Excel và lưu lại dạng .xlsx`,
    (p) => `damaged file (sheet "${p.sheet}", ${p.where.en}: an index that is wrong or repeated); open it in Excel and save it as .xlsx`,
  ),
  markupRow: text(
    (p: { row: string }) => `dòng ${p.row}`,
    (p) => `row ${p.row}`,
  ),
  markupRowCell: text(
    (p: { row: number; cell: string }) => `dòng ${numberIn('vi', p.row)} ô ${p.cell}`,
    (p) => `row ${numberIn('en', p.row)} cell ${p.cell}`,
  ),
  csvLettersUnreadable: text(
    (p: { found: Message }) => `tệp CSV không đọc được chữ tiếng Việt (${p.found.vi}); trong Excel hãy lưu lại bằng "CSV UTF-8 (Comma delimited)"`,
    (p) => `the CSV file's Vietnamese letters cannot be read (${p.found.en}); in Excel, save it again as "CSV UTF-8 (Comma delimited)"`,
  ),
  csvBadBytes: text(
    (p: { encoding: string }) => `tệp CSV có byte sai trong mã ${p.encoding} nên chữ tiếng Việt bị hỏng; trong Excel hãy lưu lại bằng "CSV UTF-8 (Comma delimited)"`,
    (p) => `the CSV file holds bytes that are not ${p.encoding}, so its Vietnamese letters are garbled; in Excel, save it again as "CSV UTF-8 (Comma delimited)"`,
  ),
  csvQuoteNotClosed: text(
    (p: { quoteLine: number }) => `dấu ngoặc kép (") mở ở dòng ${numberIn('vi', p.quoteLine)} không được đóng, nên phần sau của tệp bị gộp vào một ô; hãy sửa dòng đó`,
    (p) => `the double quote (") opened on line ${numberIn('en', p.quoteLine)} is never closed, so the rest of the file would run into one cell; correct that line`,
  ),
  csvCellTooLong: text(
    (p: { line: number; fieldChars: number }) => `dòng ${numberIn('vi', p.line)} có một ô dài hơn ${numberIn('vi', p.fieldChars)} ký tự (giới hạn của Excel); tệp không phải danh sách trẻ em hoặc bị hỏng`,
    (p) => `line ${numberIn('en', p.line)} holds a cell longer than ${numberIn('en', p.fieldChars)} characters (Excel's limit); the file is not a list of children, or it is damaged`,
  ),
  csvLineTooLong: text(
    (p: { line: number; recordChars: number; fields: number }) => `dòng ${numberIn('vi', p.line)} dài quá (hơn ${numberIn('vi', p.recordChars)} ký tự hoặc ${numberIn('vi', p.fields)} cột); tệp không phải danh sách trẻ em hoặc bị hỏng`,
    (p) => `line ${numberIn('en', p.line)} is too long (over ${numberIn('en', p.recordChars)} characters or ${numberIn('en', p.fields)} columns); the file is not a list of children, or it is damaged`,
  ),
  zipEntryBeyondDeclared: text(
    (p: { name: string; declared: number }) => `phần "${p.name}" giải nén ra nhiều hơn kích thước khai báo ${sizeIn('vi', p.declared)}`,
    (p) => `entry "${p.name}" expands beyond its declared ${sizeIn('en', p.declared)}`,
  ),
  xmlPartHasDtd: text(
    (p: { part: string }) => `phần "${p.part}" khai báo DTD (<!DOCTYPE>), điều sổ Excel không bao giờ có: không đọc; hãy mở bằng Excel và lưu lại dạng .xlsx`,
    (p) => `part "${p.part}" declares a DTD (<!DOCTYPE>), which no workbook has: not read; open it in Excel and save it again as .xlsx`,
  ),
  corruptOrNotWorkbook: text('tệp hỏng hoặc không phải sổ Excel (.xlsx)', 'corrupt, or not an Excel workbook (.xlsx)'),
  noHeaderRow: text(
    (p: { HEADER_SEARCH_ROWS: number }) => `không tìm thấy dòng tiêu đề (cần ít nhất 3 cột như "Mã trẻ em", "Họ và tên", "Ngày sinh" trong ${numberIn('vi', p.HEADER_SEARCH_ROWS)} dòng đầu)`,
    (p) => `no header row found (at least 3 known columns such as "Mã trẻ em", "Họ và tên", "Ngày sinh" within the first ${numberIn('en', p.HEADER_SEARCH_ROWS)} rows)`,
  ),
  noExtension: text('không có đuôi', 'no extension'),
  asExtension: text(
    (p: { extension: string }) => `dạng ${p.extension}`,
    (p) => `as ${p.extension}`,
  ),
  webPage: text('trang web', 'a web page'),
  webPageExportedAs: text(
    (p: { named: Message }) => `trang web xuất ra ${p.named.vi}`,
    (p) => `a web page exported ${p.named.en}`,
  ),
  spreadsheetMlSavedAs: text(
    (p: { named: Message }) => `bảng tính XML 2003 xuất ra ${p.named.vi}`,
    (p) => `an Excel 2003 XML spreadsheet saved ${p.named.en}`,
  ),
  draftProfileHint: text(
    (p: { file: string }) => `; nếu tệp theo mẫu khác, chạy "chitieu inspect ${p.file} --draft-profile ho-so.yaml" để lập hồ sơ cột`,
    (p) => `; if the file follows another layout, run "chitieu inspect ${p.file} --draft-profile profile.yaml" to draft a column-mapping profile`,
  ),
  ignoreSheetHint: text(
    (p: { sheet: string }) => `, hoặc dùng --ignore-sheet "${p.sheet}" nếu trang này không phải dữ liệu`,
    (p) => `, or use --ignore-sheet "${p.sheet}" if this sheet is not data`,
  ),
  reasonWithHint: text(
    (p: { reason: Message; hint: Message }) => `${p.reason.vi}${p.hint.vi}`,
    (p) => `${p.reason.en}${p.hint.en}`,
  ),
  noHeaderRowWithin: text(
    (p: { HEADER_SEARCH_ROWS: number }) => ` (không nhận ra dòng tiêu đề trong ${numberIn('vi', p.HEADER_SEARCH_ROWS)} dòng đầu)`,
    (p) => ` (no header row recognised within the first ${numberIn('en', p.HEADER_SEARCH_ROWS)} rows)`,
  ),
  reasonWithin: text(
    (p: { reason: Message; within: Message }) => `${p.reason.vi}${p.within.vi}`,
    (p) => `${p.reason.en}${p.within.en}`,
  ),
  sheetKindUnknown: text(
    (p: { name: string }) => `trang "${p.name}" có dữ liệu nhưng không rõ là trang trẻ em, sự việc hay thông tin xã`,
    (p) => `sheet "${p.name}" holds rows but its kind of data (children, events, commune facts) is not recognised`,
  ),
  sheetHeaderUnknown: text(
    (p: { name: string; HEADER_SEARCH_ROWS: number }) => `trang "${p.name}" có dữ liệu nhưng không nhận ra dòng tiêu đề trong ${numberIn('vi', p.HEADER_SEARCH_ROWS)} dòng đầu`,
    (p) => `sheet "${p.name}" holds rows but no header row is recognised within the first ${numberIn('en', p.HEADER_SEARCH_ROWS)} rows`,
  ),
  misspeltColumn: text(
    (p: { header: string; closest: string }) => `cột "${p.header}" bị bỏ qua: có phải "${p.closest}"? Sửa tiêu đề cho đúng thì cột mới được đọc`,
    (p) => `column "${p.header}" ignored: is it "${p.closest}"? Correct the header for the column to be read`,
  ),
  repeatedColumnUsesFirst: text(
    (p: { header: string }) => `cột "${p.header}" lặp lại: dùng cột đầu tiên`,
    (p) => `column "${p.header}" appears twice: the first one is used`,
  ),
  totalsRowSkipped: text('bỏ qua dòng tổng cộng', 'totals row skipped'),
  controlCharacterNamed: text(
    (p: { name: string }) => `ô có ký tự điều khiển ${p.name} (không nhìn thấy được); hãy xoá ký tự đó`,
    (p) => `the cell holds the control character ${p.name} (invisible); delete it`,
  ),
  requiredValueMissing: text('thiếu giá trị bắt buộc', 'required value is missing'),
  communeNotInProvince: text(
    (p: { communeCode: string; provinceCode: string }) => `xã ${p.communeCode} không thuộc tỉnh ${p.provinceCode} (cột Mã tỉnh)`,
    (p) => `commune ${p.communeCode} is not in province ${p.provinceCode} (the province code column)`,
  ),
  statusDateNeeded: text('trẻ chuyển đi hoặc tử vong phải có ngày thay đổi tình trạng', 'a moved or dead child needs the status change date'),
  dateBeforeBirthFix: text('ngày này trước ngày sinh của trẻ; trẻ vẫn được tính, hãy sửa ngày', 'this date is before the child was born; the child still counts, correct the date'),
  specialEndBeforeStartFix: text('ngày thôi HCĐB trước ngày bắt đầu; trẻ vẫn được tính, hãy sửa ngày', 'the end of special circumstances is before its start; the child still counts, correct the date'),
  abuseValueNeeded: text('sự việc xâm hại phải có giá trị ở cột này', 'an abuse event needs a value in this column'),
  injuryValueNeeded: text('sự việc tai nạn thương tích phải có giá trị ở cột này', 'an injury event needs a value in this column'),
  eventBeforeBirthPlain: text('ngày xảy ra trước ngày sinh của trẻ', 'the event is dated before the child was born'),
  invalidValueDetail: text(
    (p: { detail: Message }) => `giá trị không hợp lệ (${p.detail.vi})`,
    (p) => `invalid value (${p.detail.en})`,
  ),
  profileFile: text('Hồ sơ cột', 'Column-mapping profile'),
  profileUnknownColumn: text(
    (p: { key: string; name: string; keys: string }) => `"${p.key}" không phải cột của trang ${p.name} (các cột: ${p.keys})`,
    (p) => `"${p.key}" is not a column of sheet ${p.name} (columns: ${p.keys})`,
  ),
  profileHeaderTaken: text(
    (p: { header: string; owner: string }) => `tiêu đề "${p.header}" đã là của cột ${p.owner}; hồ sơ không được đổi nghĩa một cột`,
    (p) => `header "${p.header}" already belongs to column ${p.owner}; a profile may not change what a column means`,
  ),
  profileValuesNotCoded: text(
    (p: { key: string }) => `cột ${p.key} không đọc theo danh mục nên không đổi giá trị được (chỉ cột mã, danh sách, có/không)`,
    (p) => `column ${p.key} is not read against a code list, so its values cannot be mapped (only coded, list and yes/no columns)`,
  ),
  profileValueUnknown: text(
    (p: { target: string; header: string }) => `"${p.target}" không phải mã hay nhãn nào của cột "${p.header}"`,
    (p) => `"${p.target}" is not a code or label of column "${p.header}"`,
  ),
  oleCutShort: text('cấu trúc tệp bị cắt', 'its structure is cut short'),
  oleMiniStream: text('luồng nhỏ (mini stream)', 'the mini stream'),
  oleMiniFat: text('bảng cấp phát nhỏ (mini FAT)', 'the mini FAT'),
  oleStream: text(
    (p: { name: string }) => `luồng "${p.name}"`,
    (p) => `the "${p.name}" stream`,
  ),
  oleDirectory: text('thư mục của tệp', `the file's directory`),
  kindChildren: text('trẻ em', 'children'),
  kindEvents: text('sự việc', 'events'),
  kindCommuneFacts: text('thông tin xã', 'commune facts'),
  issueMissingValue: text('thiếu giá trị bắt buộc', 'missing required value'),
  issueInvalidDate: text('ngày không hợp lệ', 'invalid date'),
  issueInvalidCode: text('mã sai định dạng', 'malformed code'),
  issueUnknownUnit: text('mã đơn vị hành chính không có trong danh mục', 'unknown administrative unit'),
  issueAmbiguousUnit: text('mã xã có trong cả hai danh mục với nghĩa khác nhau, tệp không cho biết theo danh mục nào', 'commune code in both lists with different meanings, the file does not say which'),
  issueNewCodeBeforeReform: text('mã xã mới không quy đổi được về đơn vị trước 01/07/2025', 'new commune code cannot be put on the units before 1 July 2025'),
  issueUnknownCodeValue: text('giá trị không có trong danh mục', 'value not in code list'),
  issueInvalidYesNo: text('không phải Có/Không', 'not yes/no'),
  issueInvalidNumber: text('không phải số', 'not a number'),
  issueDuplicateChild: text('trùng trẻ em', 'duplicate child'),
  issueDuplicateEvent: text('trùng sự việc', 'duplicate event'),
  issueEventBeforeBirth: text('sự việc trước ngày sinh', 'event before birth'),
  issueEventAfterDeath: text('sự việc sau ngày tử vong', 'event after death'),
  issueDateBeforeBirth: text('ngày trước ngày sinh (trẻ vẫn được tính)', 'date before birth (the child still counts)'),
  issueInvalidDateOrder: text('ngày thôi HCĐB trước ngày bắt đầu (trẻ vẫn được tính)', 'special circumstances end before they start (the child still counts)'),
  issueInvalidValue: text('giá trị không hợp lệ', 'invalid value'),
  issueControlCharacter: text('ô có ký tự điều khiển', 'control character in a cell'),
  issueUnitMismatch: text('xã không thuộc tỉnh ghi ở dòng', 'commune not in the row’s province'),
  issueMissingChild: text('sự việc của trẻ không có trong danh sách trẻ em (vẫn được tính)', 'event of a child missing from the children list (still counted)'),
  issueTotalsRow: text('dòng tổng cộng bị bỏ qua', 'totals row skipped'),
  issueSheetSkipped: text('trang bị bỏ qua', 'sheet skipped'),
  issueHiddenSheetSkipped: text('trang ẩn bị bỏ qua', 'hidden sheet skipped'),
  issueRepeatedColumn: text('cột lặp lại', 'repeated column'),
  issueFormulaWithoutResult: text('công thức chưa có giá trị', 'formula without cached value'),
  issueCellError: text('ô có lỗi công thức', 'cell holds a formula error'),
  issueDuplicateFacts: text('dòng thông tin xã lặp lại trong kỳ (bỏ qua)', 'repeated commune facts row for the period (ignored)'),
  issueMisspeltColumn: text('cột bị bỏ qua vì tiêu đề gần giống một cột của mẫu (gõ sai?)', 'column ignored whose header is close to one of the contract (misspelt?)'),
  issueBirthAfterPeriod: text('ngày sinh sau ngày cuối kỳ (hoặc sau hôm nay)', `birth date after the period's end (or after today)`),
  issueLegacyEncoding: text('cột gõ bằng bảng mã cũ (TCVN3/VNI) đã chuyển sang Unicode', 'column in a legacy encoding (TCVN3/VNI) converted to Unicode'),
  skipHidden: text('trang ẩn', 'hidden'),
  skipNotData: text('tên trang cho thấy không phải dữ liệu', 'its name says it is not data'),
  skipIgnored: text('theo --ignore-sheet hoặc hồ sơ cột', 'by --ignore-sheet or the profile'),
  skipEmpty: text('trống', 'empty'),
  moreColumns: text(
    (p: { more: number }) => ` … và ${numberIn('vi', p.more)} cột khác`,
    (p) => ` … and ${numberIn('en', p.more)} more`,
  ),
  columnsRecognised: text(
    (p: { recognisedCount: number }) => `nhận ra ${numberIn('vi', p.recognisedCount)} cột`,
    (p) => `${numberIn('en', p.recognisedCount)} columns recognised`,
  ),
  isItClosest: text(
    (p: { closest: string }) => `(có phải "${p.closest}"?)`,
    (p) => `(is it "${p.closest}"?)`,
  ),
  columnsIgnored: text(
    (p: { ignoredCount: number }) => `bỏ qua ${numberIn('vi', p.ignoredCount)} cột không có trong mẫu`,
    (p) => `${numberIn('en', p.ignoredCount)} columns ignored (not in the contract)`,
  ),
  requiredColumnsMissing: text('thiếu cột bắt buộc', 'required columns missing'),
  optionalColumnsAbsent: text(
    (p: { absentOptionalCount: number }) => `không có ${numberIn('vi', p.absentOptionalCount)} cột không bắt buộc (chỉ tiêu cần các cột này sẽ "không có số liệu")`,
    (p) => `${numberIn('en', p.absentOptionalCount)} optional columns absent (indicators that need them read "no data")`,
  ),
  totalsRowsSkipped: text(
    (p: { totalsSkipped: number }) => `, bỏ qua ${numberIn('vi', p.totalsSkipped)} dòng tổng`,
    (p) => `, ${numberIn('en', p.totalsSkipped)} totals row(s) skipped`,
  ),
  profileChosenByHeaders: text(
    (p: { file: string }) => `, hồ sơ cột ${p.file} tự chọn theo tiêu đề`,
    (p) => `, profile ${p.file} chosen by its headers`,
  ),
  profileGiven: text(
    (p: { file: string }) => `, hồ sơ cột ${p.file}`,
    (p) => `, profile ${p.file}`,
  ),
  sheetAccount: text(
    (p: { sheet: string; kind: string; headerRow: number; profile: string; read: number; accepted: number; rejected: number; totals: string }) => `  - trang "${p.sheet}" (${p.kind}, tiêu đề ở dòng ${numberIn('vi', p.headerRow)}${p.profile}): ${numberIn('vi', p.read)} = ${numberIn('vi', p.accepted)} + ${numberIn('vi', p.rejected)}${p.totals}`,
    (p) => `  - sheet "${p.sheet}" (${p.kind}, header on row ${numberIn('en', p.headerRow)}${p.profile}): ${numberIn('en', p.read)} = ${numberIn('en', p.accepted)} + ${numberIn('en', p.rejected)}${p.totals}`,
  ),
  sheetSkippedAccount: text(
    (p: { sheet: string; why: string; rows: number }) => `  - bỏ qua trang "${p.sheet}" (${p.why}): ${numberIn('vi', p.rows)} dòng không đọc`,
    (p) => `  - sheet "${p.sheet}" skipped (${p.why}): ${numberIn('en', p.rows)} row(s) not read`,
  ),
  placedApproximately: text(
    (p: { approximate: number }) => `${numberIn('vi', p.approximate)} trẻ của xã cũ bị chia, xếp gần đúng`,
    (p) => `${numberIn('en', p.approximate)} from split communes, placed approximately`,
  ),
  placedByVillage: text(
    (p: { byVillage: number }) => `${numberIn('vi', p.byVillage)} trẻ xếp theo bản đồ thôn`,
    (p) => `${numberIn('en', p.byVillage)} placed by the village map`,
  ),
  oldCodesConverted: text(
    (p: { converted: number }) => `mã xã theo danh mục trước 01/07/2025: ${numberIn('vi', p.converted)} trẻ quy đổi sang xã mới`,
    (p) => `commune codes of the list before 1 July 2025: ${numberIn('en', p.converted)} children carried to the new communes`,
  ),
  rejectedWhenPlaced: text(
    (p: { rejected: number }) => `${numberIn('vi', p.rejected)} dòng bị loại khi xếp vào đơn vị hành chính (đã tính trong số bị loại)`,
    (p) => `${numberIn('en', p.rejected)} rows rejected when placed on administrative units (counted as rejected)`,
  ),
  nothingReadUnreadable: text(
    (p: { unreadable: number }) => `Chưa đọc được dòng nào: ${numberIn('vi', p.unreadable)} tệp hoặc trang không đọc được (xem lý do ở trên).`,
    (p) => `No row was read: ${numberIn('en', p.unreadable)} file(s) or sheet(s) could not be read (see why above).`,
  ),
  nothingReadNoRows: text(
    'Chưa đọc được dòng nào: các tệp không có dòng dữ liệu nào dưới dòng tiêu đề.',
    'No row was read: the files hold no data row under the header row.',
  ),
  noRowRejected: text('Không có dòng nào bị loại.', 'No row was rejected.'),
  errorsByKind: text(
    (p: { rejectedCount: number }) => `Lỗi theo loại (${numberIn('vi', p.rejectedCount)} dòng bị loại):`,
    (p) => `Errors by kind (${numberIn('en', p.rejectedCount)} rows rejected):`,
  ),
  warningsHeading: text(
    (p: { warningCount: number }) => `Cảnh báo (${numberIn('vi', p.warningCount)}):`,
    (p) => `Warnings (${numberIn('en', p.warningCount)}):`,
  ),
  zipTruncated: text('tệp bị hỏng hoặc chưa tải/chép hết (thiếu phần cuối); hãy lấy lại tệp gốc', 'the file is damaged or was not completely downloaded/copied (its end is missing); get the original file again'),
  zipBomb: text(
    (p: { detail: Message }) => `tệp nén bất thường, có thể là "bom zip" (${p.detail.vi}): không đọc; hãy xin lại tệp xuất gốc`,
    (p) => `suspicious zip, possibly a "zip bomb" (${p.detail.en}): not read; ask for the original export`,
  ),
  zipEntryCount: text(
    (p: { count: number }) => `${numberIn('vi', p.count)} phần trong tệp nén`,
    (p) => `${numberIn('en', p.count)} entries in the archive`,
  ),
  zipPassword: text('tệp nén có mật khẩu, không phải sổ Excel thường; hãy mở bằng Excel, bỏ mật khẩu và lưu lại dạng .xlsx', 'a password-protected zip, not a plain workbook; open it in Excel, remove the password and save as .xlsx'),
  zipFalseSize: text(
    (p: { name: string }) => `kích thước khai báo của "${p.name}" sai`,
    (p) => `entry "${p.name}" declares a false size`,
  ),
  zipRatio: text(
    (p: { name: string; expanded: number; times: number }) => `phần "${p.name}" giải nén ra ${sizeIn('vi', p.expanded)}, gấp ${numberIn('vi', p.times)} lần`,
    (p) => `entry "${p.name}" expands to ${sizeIn('en', p.expanded)}, ${numberIn('en', p.times)} times its size`,
  ),
  zipTotalOverLimit: text(
    (p: { total: number; limit: number }) => `giải nén ra ${sizeIn('vi', p.total)}, quá giới hạn ${sizeIn('vi', p.limit)}`,
    (p) => `expands to ${sizeIn('en', p.total)}, over the ${sizeIn('en', p.limit)} limit`,
  ),
  zipEntriesOverlap: text(
    (p: { name: string; name2: string }) => `các phần "${p.name}" và "${p.name2}" chồng lên nhau`,
    (p) => `entries "${p.name}" and "${p.name2}" overlap`,
  ),
  kindXlsb: text('sổ Excel nhị phân (.xlsb)', 'a binary Excel workbook (.xlsb)'),
  kindDocx: text('tệp Word (.docx)', 'a Word document (.docx)'),
  kindWordDoc: text('tệp Word (.doc)', 'a Word document (.doc)'),
  kindPptx: text('tệp PowerPoint (.pptx)', 'a PowerPoint file (.pptx)'),
  kindPowerPointPpt: text('tệp PowerPoint (.ppt)', 'a PowerPoint file (.ppt)'),
  kindPdf: text('tệp PDF', 'a PDF file'),
  kindImage: text(
    (p: { format: string }) => `tệp ảnh (${p.format})`,
    (p) => `an image (${p.format})`,
  ),
  kindArchive: text(
    (p: { format: string }) => `tệp nén (${p.format})`,
    (p) => `an archive (${p.format})`,
  ),
  kindRtf: text('tệp văn bản RTF', 'an RTF document'),
  notAListOfChildren: text(
    (p: { what: Message }) => `${p.what.vi}, không phải danh sách trẻ em; hãy chọn tệp Excel (.xlsx, .xls) hoặc .csv của danh sách`,
    (p) => `${p.what.en}, not a list of children; choose the list's Excel (.xlsx, .xls) or .csv file`,
  ),
  zipOfWorkbooks: text(
    (p: { workbooks: number }) => `tệp nén (.zip) chứa ${numberIn('vi', p.workbooks)} tệp bảng tính; hãy giải nén rồi chọn các tệp trong đó`,
    (p) => `an archive (.zip) holding ${numberIn('en', p.workbooks)} spreadsheet file(s); unzip it and choose the files inside`,
  ),
  kindOds: text('bảng tính OpenDocument (.ods)', 'an OpenDocument spreadsheet (.ods)'),
  otherZipFormat: text(
    (p: { other: Message }) => `đây là ${p.other.vi}, không phải sổ Excel .xlsx; hãy mở và lưu lại dạng .xlsx`,
    (p) => `this is ${p.other.en}, not an .xlsx workbook; open it and save it as .xlsx`,
  ),
  zipNotWorkbook: text('tệp nén nhưng không phải sổ Excel (.xlsx)', 'a zip archive, but not an Excel workbook (.xlsx)'),
  codeDigits: text(
    (p: { digits: number }) => `mã phải gồm ${numberIn('vi', p.digits)} chữ số`,
    (p) => `a code must have ${numberIn('en', p.digits)} digits`,
  ),
  noSuchMonth: text(
    (p: { month: number }) => `không có tháng ${p.month} (tháng từ 1 đến 12; ngày viết dd/mm/yyyy)`,
    (p) => `there is no month ${p.month} (months run from 1 to 12; dates are written dd/mm/yyyy)`,
  ),
  noSuchDay: text(
    (p: { day: number }) => `không có ngày ${p.day} (ngày từ 1 đến 31)`,
    (p) => `there is no day ${p.day} (days run from 1 to 31)`,
  ),
  noSuchDayInMonth: text(
    (p: { day: number; month: number; days: number }) => `tháng ${p.month} không có ngày ${p.day} (tháng ${p.month} có ${p.days} ngày)`,
    (p) => `${MONTHS_EN[p.month - 1] ?? `month ${p.month}`} has no day ${p.day} (it has ${p.days} days)`,
  ),
  notLeapYear: text(
    (p: { year: number }) => `tháng 2 năm ${p.year} không có ngày 29 (năm ${p.year} không nhuận)`,
    (p) => `February ${p.year} has no day 29 (${p.year} is not a leap year)`,
  ),
  dateInvalid: text('ngày không hợp lệ (dùng dd/mm/yyyy)', 'invalid date (use dd/mm/yyyy)'),
  yesNoExpected: text('phải là Có hoặc Không', 'must be Có (yes) or Không (no)'),
  numberExpected: text('phải là một số', 'must be a number'),
  wholeNumberExpected: text('phải là số nguyên không âm', 'must be a whole number ≥ 0'),
  useLetterCodeOrGroup: text(
    (p: { shown: string; codes: string }) => `dùng chữ ${p.shown}, mã ${p.codes} hoặc tên nhóm`,
    (p) => `use the letter ${p.shown}, the code ${p.codes} or the group's name`,
  ),
  useOneOf: text(
    (p: { labels: string; codes: string }) => `dùng một trong: ${p.labels} (hoặc mã ${p.codes})`,
    (p) => `use one of: ${p.labels} (or the code ${p.codes})`,
  ),
  valueNotInList: text(
    (p: { text: string; allowed: Message }) => `giá trị "${p.text}" không có trong danh mục; ${p.allowed.vi}`,
    (p) => `value "${p.text}" is not in the code list; ${p.allowed.en}`,
  ),
  biffSheetsOverlap: text('hai trang khai cùng một chỗ trong tệp', 'two sheets claim the same place in the file'),
  biffStreamEndsEarly: text('luồng dữ liệu kết thúc giữa chừng', 'the workbook stream ends too early'),
  biffRecordPastEnd: text('có bản ghi vượt quá cuối luồng dữ liệu', 'a record runs past the end of the workbook stream'),
  biffNoBof: text('luồng dữ liệu không bắt đầu bằng bản ghi BOF', 'the workbook stream does not start with a BOF record'),
  biffXfCutShort: text('bản ghi định dạng ô (XF) bị cắt', 'a cell format (XF) record is cut short'),
  biffBoundsheetCutShort: text('bản ghi tên trang (BOUNDSHEET) bị cắt', 'a sheet name (BOUNDSHEET) record is cut short'),
  biffTextCutShort: text('có chuỗi ký tự bị cắt', 'a text value is cut short'),
  biffSstTooShort: text('bảng chuỗi dùng chung (SST) khai nhiều chuỗi hơn số nó chứa', 'the shared-string table (SST) declares more strings than it holds'),
  biffSheetMisplaced: text(
    (p: { name: string }) => `trang "${p.name}" không bắt đầu ở chỗ sổ khai`,
    (p) => `sheet "${p.name}" does not start where the workbook says`,
  ),
  biffColumnBeyond256: text(
    (p: { name: string; column: number }) => `trang "${p.name}" có ô ở cột thứ ${numberIn('vi', p.column)}, ngoài 256 cột của Excel 97–2003`,
    (p) => `sheet "${p.name}" has a cell in column ${numberIn('en', p.column)}, beyond Excel 97–2003's 256`,
  ),
  biffCellTwice: text(
    (p: { name: string; cell: string }) => `trang "${p.name}" có ô ${p.cell} ghi hai lần`,
    (p) => `sheet "${p.name}" holds cell ${p.cell} twice`,
  ),
  biffInvalidNumber: text(
    (p: { name: string; cell: string }) => `trang "${p.name}" có ô ${p.cell} chứa số không hợp lệ`,
    (p) => `sheet "${p.name}" has an invalid number in cell ${p.cell}`,
  ),
  biffCellRecordCutShort: text(
    (p: { name: string }) => `trang "${p.name}" có bản ghi ô bị cắt`,
    (p) => `sheet "${p.name}" has a cell record cut short`,
  ),
  biffSharedStringMissing: text(
    (p: { name: string; index: number }) => `trang "${p.name}" trỏ tới chuỗi số ${numberIn('vi', p.index)} không có trong bảng chuỗi dùng chung`,
    (p) => `sheet "${p.name}" refers to shared string ${numberIn('en', p.index)}, which is not there`,
  ),
  oleTooLarge: text('tệp lớn hơn 1 GB', 'the file is larger than 1 GB'),
  oleHeaderDamaged: text('phần đầu tệp bị hỏng', 'its header is damaged'),
  oleFatFalseSize: text('bảng cấp phát (FAT) khai kích thước sai', 'its allocation table (FAT) declares a false size'),
  oleFatIncomplete: text('bảng cấp phát (FAT) thiếu phần', 'its allocation table (FAT) is incomplete'),
  oleFatLoops: text('bảng cấp phát (FAT) có vòng lặp', 'its allocation table (FAT) loops'),
  oleNoRoot: text('không có thư mục gốc', 'it has no root directory'),
  oleStreamLargerThanHolder: text(
    (p: { what: Message }) => `${p.what.vi} khai kích thước lớn hơn luồng chứa nó`,
    (p) => `${p.what.en} declares a size larger than what holds it`,
  ),
  oleStreamShort: text(
    (p: { what: Message }) => `${p.what.vi} ngắn hơn kích thước khai báo`,
    (p) => `${p.what.en} is shorter than its declared size`,
  ),
  oleOutsideMiniStream: text(
    (p: { what: Message }) => `${p.what.vi} trỏ ra ngoài luồng nhỏ`,
    (p) => `${p.what.en} points outside the mini stream`,
  ),
  oleStreamLargerThanFile: text(
    (p: { what: Message }) => `${p.what.vi} khai kích thước lớn hơn cả tệp`,
    (p) => `${p.what.en} declares a size larger than the whole file`,
  ),
  oleChainPastEnd: text('có chuỗi sector trỏ ra ngoài tệp (tệp bị cắt?)', 'a sector chain points past the end of the file (cut short?)'),
  oleChainBroken: text(
    (p: { what: Message }) => `${p.what.vi} bị đứt`,
    (p) => `${p.what.en} is broken`,
  ),
  oleChainLoops: text(
    (p: { what: Message }) => `${p.what.vi} có vòng lặp`,
    (p) => `${p.what.en} loops`,
  ),
  zipDuplicateName: text(
    (p: { name: string }) => `tệp nén có hai phần cùng tên "${p.name}"`,
    (p) => `the zip holds two entries named "${p.name}"`,
  ),
  zipDirectoryBroken: text('mục lục tệp nén bị hỏng', 'broken zip directory'),
  zipUnsupportedMethod: text(
    (p: { name: string; method: number }) => `phần "${p.name}" nén theo kiểu ${numberIn('vi', p.method)} không hỗ trợ`,
    (p) => `entry "${p.name}" uses compression method ${numberIn('en', p.method)}`,
  ),
  zipSizesDisagree: text(
    (p: { name: string }) => `kích thước của "${p.name}" không khớp`,
    (p) => `sizes of "${p.name}" disagree`,
  ),
  zipLocalHeaderDisagrees: text(
    (p: { name: string }) => `phần "${p.name}" không khớp với mục lục tệp nén`,
    (p) => `the local header of "${p.name}" disagrees with the zip directory`,
  ),
  zipHiddenEntry: text('tệp nén có phần không có trong mục lục', 'the zip holds an entry its directory does not list'),
  zipCorrupt: text(
    (p: { detail: Message }) => `tệp hỏng (${p.detail.vi}); hãy mở bằng Excel và lưu lại dạng .xlsx`,
    (p) => `corrupt file (${p.detail.en}); open it in Excel and save it again as .xlsx`,
  ),
  overExcelLimit: text(
    (p: { detail: Message }) => `${p.detail.vi}; tệp bị hỏng hoặc không phải sổ Excel thật, hãy xin lại tệp xuất gốc`,
    (p) => `${p.detail.en}; the file is damaged or not a real Excel workbook, ask for the original export`,
  ),
  xlsxCellTooLong: text(
    (p: { part: string; cell: string; length: number | null; limit: number }) =>
      `phần "${p.part}" có ${p.cell ? `ô ${p.cell} chứa ` : ''}một chuỗi ${p.length === null ? `dài hơn ${numberIn('vi', p.limit)}` : numberIn('vi', p.length)} ký tự, quá giới hạn ${numberIn('vi', p.limit)} ký tự một ô của Excel`,
    (p) =>
      `part "${p.part}" holds ${p.cell ? `in cell ${p.cell} ` : ''}a string of ${p.length === null ? `more than ${numberIn('en', p.limit)}` : numberIn('en', p.length)} characters, over Excel's limit of ${numberIn('en', p.limit)} per cell`,
  ),
  xlsxColumnBeyondLimit: text(
    (p: { part: string; column: number; row: number; columns: number }) => `phần "${p.part}" có ô ở cột thứ ${numberIn('vi', p.column)} (dòng ${numberIn('vi', p.row)}), quá giới hạn ${numberIn('vi', p.columns)} cột (XFD) của Excel`,
    (p) => `part "${p.part}" has a cell in column ${numberIn('en', p.column)} (row ${numberIn('en', p.row)}), beyond Excel's limit of ${numberIn('en', p.columns)} columns (XFD)`,
  ),
  xlsxRowBeyondLimit: text(
    (p: { part: string; row: number; rows: number }) => `phần "${p.part}" có dòng ${numberIn('vi', p.row)}, quá giới hạn ${numberIn('vi', p.rows)} dòng của Excel`,
    (p) => `part "${p.part}" has row ${numberIn('en', p.row)}, beyond Excel's limit of ${numberIn('en', p.rows)} rows`,
  ),
  xlsxTextBudgetSpent: text(
    (p: { part: string; millions: number }) => `các ô chữ của phần "${p.part}" lặp lại hơn ${numberIn('vi', p.millions)} triệu ký tự, quá nhiều so với kích thước tệp (một chuỗi dùng chung được trỏ tới từ rất nhiều ô)`,
    (p) => `the text cells of part "${p.part}" repeat more than ${numberIn('en', p.millions)} million characters, far more than the file's size (one shared string referenced from very many cells)`,
  ),
  zipEntryNotInflated: text(
    (p: { name: string }) => `không giải nén được phần "${p.name}"`,
    (p) => `entry "${p.name}" cannot be decompressed`,
  ),
  zipEntryShort: text(
    (p: { name: string }) => `phần "${p.name}" ngắn hơn kích thước khai báo`,
    (p) => `entry "${p.name}" is shorter than declared`,
  ),
  zipEntryCrc: text(
    (p: { name: string }) => `phần "${p.name}" sai mã kiểm tra CRC-32: nội dung đã bị thay đổi`,
    (p) => `entry "${p.name}" fails its CRC-32 check: its bytes were changed`,
  ),
  xmlCutShort: text(
    (p: { part: string }) => `XML của phần "${p.part}" bị cắt cụt, không trọn vẹn`,
    (p) => `the XML of "${p.part}" is cut short`,
  ),
  xmlMalformed: text(
    (p: { part: string }) => `XML của phần "${p.part}" bị hỏng`,
    (p) => `the XML of "${p.part}" is malformed`,
  ),
  xlsxPartMissing: text(
    (p: { name: string }) => `thiếu phần "${p.name}" mà sổ Excel trỏ tới`,
    (p) => `part "${p.name}" the workbook refers to is missing`,
  ),
  xlsxCellReferenceBad: text(
    (p: { sheet: string; reference: string }) => `trang "${p.sheet}", ô "${p.reference}": tham chiếu ô sai, ngoài trang tính hoặc lặp lại`,
    (p) => `sheet "${p.sheet}", cell "${p.reference}": a cell reference that is malformed, outside the sheet or repeated`,
  ),
  xlsxRowReferenceBad: text(
    (p: { sheet: string; reference: string }) => `trang "${p.sheet}", dòng "${p.reference}": tham chiếu ô sai, ngoài trang tính hoặc lặp lại`,
    (p) => `sheet "${p.sheet}", row "${p.reference}": a cell reference that is malformed, outside the sheet or repeated`,
  ),
  legacyEncodingConverted: text(
    (p: { column: string; cells: number; encoding: 'TCVN3' | 'VNI' }) =>
      `cột ${p.column}: ${numberIn('vi', p.cells)} ô gõ bằng bảng mã cũ ${p.encoding === 'TCVN3' ? 'TCVN3 (ABC, phông .VnTime)' : 'VNI (phông VNI-Times)'} đã được chuyển sang Unicode; hãy kiểm tra và chuyển mã tệp gốc sang Unicode (Unikey › Công cụ chuyển mã)`,
    (p) =>
      `column ${p.column}: ${numberIn('en', p.cells)} cell(s) typed in the legacy ${p.encoding === 'TCVN3' ? 'TCVN3 (ABC, .VnTime fonts)' : 'VNI (VNI-Times fonts)'} encoding were converted to Unicode; check them and convert the original file to Unicode (e.g. Unikey's converter)`,
  ),
  unknownProvinceCode: text('mã tỉnh không có trong danh mục đơn vị hành chính', 'unknown province code'),
  unknownDistrictCode: text('mã huyện không có trong danh mục đơn vị hành chính', 'unknown district code'),
  unknownCommuneCode: text('mã xã không có trong danh mục đơn vị hành chính', 'unknown commune code'),
  invalidProfile: text(
    (p: { file: string; reason: Message }) => `Hồ sơ cột không hợp lệ: ${p.file}: ${p.reason.vi}`,
    (p) => `Invalid column-mapping profile: ${p.file}: ${p.reason.en}`,
  ),
  invalidProfileAt: text(
    (p: { file: string; field: string; reason: Message }) => `Hồ sơ cột không hợp lệ: ${p.file}, mục ${p.field}: ${p.reason.vi}`,
    (p) => `Invalid column-mapping profile: ${p.file}, field ${p.field}: ${p.reason.en}`,
  ),
});
