/** Texts of src/io/. */
import { catalogue, numberIn, text, type Lang, type Message } from './define.js';

/** Decimals enough to show a limit as written (0.5 stays 0,5). */
function decimalsOf(value: number): number {
  return Number.isInteger(value) ? 0 : Math.min(4, String(value).split('.')[1]?.length ?? 0);
}

const quotedList = (keys: readonly string[]) => keys.map((key) => `"${key}"`).join(', ');

/** Megabytes with one decimal below 10 (a decimal comma in Vietnamese). */
function megabytes(bytes: number, lang: Lang): string {
  return `${numberIn(lang, bytes / 1024 / 1024, bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** The kinds of value a file checked with zod may hold, in words. */
const KIND_WORDS = {
  string: { vi: 'chữ', en: 'text' },
  number: { vi: 'số', en: 'a number' },
  int: { vi: 'số nguyên', en: 'a whole number' },
  boolean: { vi: 'true hoặc false', en: 'true or false' },
  array: { vi: 'danh sách (các dòng "- …")', en: 'a list ("- …" lines)' },
  object: { vi: 'nhóm mục (các dòng "tên: giá trị")', en: 'a group of keys ("key: value" lines)' },
  date: { vi: 'ngày', en: 'a date' },
  null: { vi: 'trống', en: 'empty' },
  undefined: { vi: 'trống', en: 'empty' },
  other: { vi: 'giá trị khác', en: 'another kind of value' },
} as const;
type Kind = keyof typeof KIND_WORDS;

export const ioText = catalogue('io', {
  kindOfFile: text(
    (p: { kind: Message }) => `Tệp ${p.kind.vi}`,
    (p) => `The ${p.kind.en} file`,
  ),
  fileFieldFault: text(
    (p: { kind: Message; file: string; field: string; reason: Message }) => `Tệp ${p.kind.vi} ${p.file}${p.field ? `, mục ${p.field}` : ''}: ${p.reason.vi}`,
    (p) => `The ${p.kind.en} file ${p.file}${p.field ? `, field ${p.field}` : ''}: ${p.reason.en}`,
  ),
  zodLineOfText: text('cần một dòng chữ', 'a line of text is needed'),
  zodRealDate: text('cần một ngày có thật, dạng 2025-06-20 hoặc 20/06/2025', 'a real date is needed, written 2025-06-20 or 20/06/2025'),
  zodMustContain: text(
    (p: { text: string }) => `phải có "${p.text}"`,
    (p) => `must contain "${p.text}"`,
  ),
  zodRequired: text('thiếu mục bắt buộc', 'a required key is missing'),
  zodWrongKind: text(
    (p: { expected: Kind; found: Kind; value: string }) => `cần ${KIND_WORDS[p.expected].vi}, ở đây là ${KIND_WORDS[p.found].vi} (${p.value})`,
    (p) => `${KIND_WORDS[p.expected].en} is needed, here ${KIND_WORDS[p.found].en} (${p.value})`,
  ),
  zodKindNeeded: text(
    (p: { expected: Kind }) => `cần ${KIND_WORDS[p.expected].vi}`,
    (p) => `${KIND_WORDS[p.expected].en} is needed`,
  ),
  zodInvalidValue: text('giá trị không hợp lệ', 'invalid value'),
  zodEmptyText: text('không được để trống', 'must not be empty'),
  zodTextTooShort: text(
    (p: { minimum: number }) => `cần ít nhất ${numberIn('vi', p.minimum)} ký tự`,
    (p) => `at least ${numberIn('en', p.minimum)} characters are needed`,
  ),
  zodTextTooLong: text(
    (p: { maximum: number }) => `dài quá ${numberIn('vi', p.maximum)} ký tự`,
    (p) => `longer than ${numberIn('en', p.maximum)} characters`,
  ),
  zodTooFewItems: text(
    (p: { minimum: number }) => `cần ít nhất ${numberIn('vi', p.minimum)} mục`,
    (p) => `at least ${numberIn('en', p.minimum)} entries are needed`,
  ),
  zodTooManyItems: text(
    (p: { maximum: number }) => `nhiều quá ${numberIn('vi', p.maximum)} mục`,
    (p) => `more than ${numberIn('en', p.maximum)} entries`,
  ),
  zodAtLeast: text(
    (p: { limit: number }) => `phải từ ${numberIn('vi', p.limit, decimalsOf(p.limit))} trở lên`,
    (p) => `must be at least ${numberIn('en', p.limit, decimalsOf(p.limit))}`,
  ),
  zodAbove: text(
    (p: { limit: number }) => `phải lớn hơn ${numberIn('vi', p.limit, decimalsOf(p.limit))}`,
    (p) => `must be more than ${numberIn('en', p.limit, decimalsOf(p.limit))}`,
  ),
  zodAtMost: text(
    (p: { limit: number }) => `không được quá ${numberIn('vi', p.limit, decimalsOf(p.limit))}`,
    (p) => `must be at most ${numberIn('en', p.limit, decimalsOf(p.limit))}`,
  ),
  zodBelow: text(
    (p: { limit: number }) => `phải nhỏ hơn ${numberIn('vi', p.limit, decimalsOf(p.limit))}`,
    (p) => `must be less than ${numberIn('en', p.limit, decimalsOf(p.limit))}`,
  ),
  zodBadFormat: text(
    (p: { value: string }) => (p.value ? `${p.value} không đúng dạng` : 'không đúng dạng'),
    (p) => (p.value ? `${p.value} is not in the expected form` : 'not in the expected form'),
  ),
  zodNotMultipleOf: text(
    (p: { divisor: number }) => `phải là bội số của ${numberIn('vi', p.divisor, decimalsOf(p.divisor))}`,
    (p) => `must be a multiple of ${numberIn('en', p.divisor, decimalsOf(p.divisor))}`,
  ),
  zodUnknownKeys: text(
    (p: { keys: readonly string[]; allowed: readonly string[] }) =>
      `mục ${quotedList(p.keys)} không có trong mẫu${p.allowed.length > 0 ? `; các mục được dùng: ${p.allowed.join(', ')}` : ''}`,
    (p) => `unknown key${p.keys.length > 1 ? 's' : ''} ${quotedList(p.keys)}${p.allowed.length > 0 ? `; the keys allowed: ${p.allowed.join(', ')}` : ''}`,
  ),
  zodMustBe: text(
    (p: { value: string }) => `phải là ${p.value}`,
    (p) => `must be ${p.value}`,
  ),
  zodRequiredOneOf: text(
    (p: { values: readonly string[] }) => `thiếu mục bắt buộc (một trong: ${p.values.join(', ')})`,
    (p) => `a required key is missing (one of: ${p.values.join(', ')})`,
  ),
  zodOneOf: text(
    (p: { values: readonly string[] }) => `phải là một trong: ${p.values.join(', ')}`,
    (p) => `must be one of: ${p.values.join(', ')}`,
  ),
  /** A check of ours written as one text in the schema (a refinement): shown as written. */
  zodCustom: text(
    (p: { text: string }) => p.text,
    (p) => p.text,
  ),
  wrongIndentation: text('thụt lề sai', 'wrong indentation'),
  tabIndent: text('thụt lề bằng phím Tab (hãy dùng dấu cách)', 'indented with a tab (use spaces)'),
  duplicateKey: text('một mục được khai hai lần', 'a key is given twice'),
  closingMarkMissing: text('thiếu dấu đóng (ngoặc hoặc dấu nháy)', 'a closing bracket or quote is missing'),
  flowListNotClosed: text('danh sách trong ngoặc [ ] hoặc { } chưa đóng, hoặc có dòng con bên trong', 'a [ ] or { } list is not closed, or holds an indented block'),
  colonMisplaced: text('dấu ":" ở chỗ không đúng', 'a ":" in the wrong place'),
  multilineKey: text('tên mục kéo dài qua nhiều dòng (thiếu dấu ":"?)', 'a key runs over several lines (a ":" missing?)'),
  specialFirstCharacter: text('giá trị bắt đầu bằng ký tự đặc biệt (hãy đặt trong dấu nháy)', 'a value starts with a special character (put it in quotes)'),
  badEscape: text('ký tự "\\" sai trong chuỗi trong dấu nháy kép', 'a wrong "\\" escape in a double-quoted string'),
  unexpectedCharacter: text('ký tự không mong đợi', 'an unexpected character'),
  severalYamlDocuments: text('tệp có nhiều tài liệu YAML (dấu ---)', 'the file holds several YAML documents (---)'),
  aliasToUndefinedAnchor: text('tham chiếu (*tên) tới một neo (&tên) chưa có', 'an alias (*name) to an anchor (&name) not defined before it'),
  nestedTooDeeply: text(
    (p: { depth: number }) => `lồng nhau quá sâu (tối đa ${numberIn('vi', p.depth)} cấp)`,
    (p) => `nested too deeply (at most ${numberIn('en', p.depth)} levels)`,
  ),
  noSuchFile: text('không có tệp này', 'no such file'),
  folderNotFile: text('đây là thư mục, không phải tệp', 'this is a folder, not a file'),
  noPermissionToRead: text('không có quyền đọc tệp', 'no permission to read the file'),
  fileUnreadableCode: text(
    (p: { code: string }) => `không đọc được tệp (${p.code})`,
    (p) => `the file cannot be read (${p.code})`,
  ),
  fileFault: text(
    (p: { what: Message; name: string; reason: Message }) => `${p.what.vi} ${p.name}: ${p.reason.vi}`,
    (p) => `${p.what.en} ${p.name}: ${p.reason.en}`,
  ),
  notARegularFile: text('không phải tệp thường (thiết bị hoặc ống dẫn)', 'not a regular file (a device or a pipe)'),
  yamlSyntaxErrorAt: text(
    (p: { line: number; col: number }) => `sai cú pháp YAML ở dòng ${numberIn('vi', p.line)}, cột ${numberIn('vi', p.col)}: `,
    (p) => `YAML syntax error at line ${numberIn('en', p.line)}, column ${numberIn('en', p.col)}: `,
  ),
  yamlSyntaxError: text('sai cú pháp YAML: ', 'YAML syntax error: '),
  /** A yaml error code without a text of ours: the parser's own English stays in English. */
  yamlSyntaxUnknown: text(
    (_p: { detail: string }) => 'cú pháp không đúng',
    (p) => p.detail,
  ),
  fileTooLarge: text(
    (p: { bytes: number; maxBytes: number }) => `tệp quá lớn (${megabytes(p.bytes, 'vi')}; tối đa ${megabytes(p.maxBytes, 'vi')})`,
    (p) => `the file is too large (${megabytes(p.bytes, 'en')}; at most ${megabytes(p.maxBytes, 'en')})`,
  ),
  lineColumnHeading: text(
    (p: { line: number; col: number }) => `dòng ${numberIn('vi', p.line)}, cột ${numberIn('vi', p.col)}: `,
    (p) => `line ${numberIn('en', p.line)}, column ${numberIn('en', p.col)}: `,
  ),
  headedReason: text(
    (p: { heading: Message; reason: Message }) => `${p.heading.vi}${p.reason.vi}`,
    (p) => `${p.heading.en}${p.reason.en}`,
  ),
  nulInFile: text('tệp có ký tự NUL (tệp nhị phân, hoặc lưu sai bảng mã?)', 'the file holds a NUL character (a binary file, or a wrong encoding?)'),
  nulInValue: text('một giá trị có ký tự NUL (\\0)', 'a value holds a NUL character (\\0)'),
  yamlTagNotAllowed: text(
    (p: { shown: string }) => `thẻ YAML ${p.shown} không được dùng (tệp chỉ chứa dữ liệu: chữ, số, danh sách)`,
    (p) => `the YAML tag ${p.shown} is not allowed (the file holds data only: text, numbers, lists)`,
  ),
  tooManyAliases: text(
    (p: { aliases: number }) => `quá nhiều tham chiếu (*tên) hoặc tham chiếu lồng nhau (tối đa ${numberIn('vi', p.aliases)})`,
    (p) => `too many aliases (*name), or aliases nested in each other (at most ${numberIn('en', p.aliases)})`,
  ),
  tooManyEntries: text(
    (p: { entries: number }) => `quá nhiều mục (tối đa ${numberIn('vi', p.entries)})`,
    (p) => `too many entries (at most ${numberIn('en', p.entries)})`,
  ),
  optionPathFault: text(
    (p: { option: string; path: string; reason: Message }) => `${p.option} ${p.path}: ${p.reason.vi}`,
    (p) => `${p.option} ${p.path}: ${p.reason.en}`,
  ),
  openInExcel: text('tệp đang mở trong Excel (hoặc chương trình khác): đóng tệp trong Excel rồi chạy lại', 'the file is open in Excel (or another program): close it in Excel and run again'),
  noPermissionToWrite: text('không có quyền ghi vào đây; chọn một thư mục khác', 'no permission to write here; choose another folder'),
  folderGivenFileNeeded: text('đây là một thư mục; cần đường dẫn của một tệp', 'this is a folder; a file path is needed'),
  pathPartIsFile: text('một phần của đường dẫn là tệp, không phải thư mục', 'part of the path is a file, not a folder'),
  fileExistsFolderNeeded: text('đã có một tệp tên này; cần một thư mục', 'a file of this name exists; a folder is needed'),
  diskFull: text('đĩa đã hết chỗ trống', 'the disk is full'),
  pathTooLong: text('đường dẫn quá dài', 'the path is too long'),
  cannotCreateHere: text('không tạo được ở đây (thư mục không có, hoặc hệ thống tệp không cho tạo)', 'cannot be created here (no such folder, or the file system does not allow it)'),
  cannotWriteCode: text(
    (p: { code: string }) => `không ghi được (${p.code})`,
    (p) => `cannot be written (${p.code})`,
  ),
  outFolderNeeded: text(
    (p: { option: string; example: string }) => `cần một thư mục, không phải tên tệp: báo cáo và phụ lục được ghi vào thư mục đó với tên tự đặt (bao-cao-<mã>-<kỳ>.docx, .xlsx). Dùng ví dụ ${p.option} ${p.example}`,
    (p) => `a folder is needed, not a file name: the report and its annex are written into it under their own names (bao-cao-<code>-<period>.docx, .xlsx). Use e.g. ${p.option} ${p.example}`,
  ),
  pathIsFileNotFolder: text(
    (p: { path: string }) => `${p.path} là một tệp, không phải thư mục`,
    (p) => `${p.path} is a file, not a folder`,
  ),
  deviceNotFile: text('đây là một thiết bị hoặc ống dẫn (pipe), không phải tệp; chọn một tên tệp khác', 'this is a device or a pipe, not a file; choose another file name'),
  extensionNeeded: text(
    (p: { list: string }) => `cần tệp có đuôi ${p.list}`,
    (p) => `a file ending in ${p.list} is needed`,
  ),
  outFolderMissing: text(
    (p: { folder: string }) => `thư mục ${p.folder} chưa có; hãy tạo trước hoặc chọn thư mục khác`,
    (p) => `the folder ${p.folder} does not exist; create it first or choose another`,
  ),
  saveAsUtf8InNotepad: text('hãy mở bằng Notepad và lưu lại với Encoding là UTF-8', 'open it in Notepad and save it again with Encoding UTF-8'),
  vietnameseTextUnreadable: text(
    (p: { found: Message; advice: Message }) => `không đọc được chữ tiếng Việt: ${p.found.vi}; ${p.advice.vi}`,
    (p) => `its Vietnamese text cannot be read: ${p.found.en}; ${p.advice.en}`,
  ),
  utf16WithoutBom: text('có vẻ là UTF-16 không có dấu BOM', 'it looks like UTF-16 without a byte-order mark'),
  utf8MarkedButInvalid: text('có dấu UTF-8 nhưng có byte sai', 'marked as UTF-8 but holds invalid bytes'),
  zeroBytes: text('có byte 0: có thể là UTF-16 không có dấu BOM, hoặc không phải tệp văn bản', 'it holds zero bytes: perhaps UTF-16 without a byte-order mark, or not a text file'),
  legacyEncodingFound: text(
    (p: { encoding: string }) => `có vẻ gõ bằng bảng mã cũ ${p.encoding}`,
    (p) => `it seems typed in the legacy ${p.encoding} encoding`,
  ),
  convertWithUnikey: text(
    (p: { encoding: string }) => `hãy chuyển sang Unicode (Unikey › Công cụ chuyển mã, từ ${p.encoding} sang Unicode) rồi lưu dạng UTF-8`,
    (p) => `convert it to Unicode (Unikey › Convert, from ${p.encoding} to Unicode), then save it as UTF-8`,
  ),
  unknownEncoding: text('bảng mã khác (không phải UTF-8, UTF-16 hay Windows-1258)', 'another encoding (not UTF-8, UTF-16 or Windows-1258)'),
  invalidBytesFor: text(
    (p: { encoding: string }) => `có byte sai trong mã ${p.encoding}`,
    (p) => `invalid bytes for ${p.encoding}`,
  ),
});
