/**
 * Texts of src/report/ that a person reads on the terminal or the page. The documents' own
 * wording (the report and its annex) stays in src/report: official documents are Vietnamese only.
 */
import { catalogue, numberIn, text, type Lang, type Message } from './define.js';

/** "Xã A, Xã B, và 79 xã khác": names in list order; beyond `limit` the rest are counted. */
function namesIn(lang: Lang, names: readonly string[], limit: number, others: (n: string) => string): string {
  // "and 1 more" would be longer than the name it stands for.
  const shown = names.length > limit + 1 ? limit : names.length;
  const listed = names.slice(0, shown);
  if (names.length > shown) listed.push(others(numberIn(lang, names.length - shown)));
  return listed.join(', ');
}

/** How many missing communes a line of the terminal names before counting the rest. */
const NAMED = 12;

const share = (lang: Lang, p: { reporting: number; communes: number }) => `${numberIn(lang, p.reporting)}/${numberIn(lang, p.communes)}`;

interface Coverage {
  /** The unit's full name, as the line starts: "Huyện Sơn Hà". */
  readonly unit: string;
  readonly reporting: number;
  readonly communes: number;
  /** Names of the communes without data, in list order. */
  readonly names: readonly string[];
}

interface UnitsCoverageParams extends Coverage {
  /** "tỉnh, thành phố": the units one level down. */
  readonly word: string;
  readonly units: number;
  readonly withData: number;
  /** Names of the units one level down none of whose communes had data. */
  readonly missingUnits: readonly string[];
  /** Communes without data in the units that have some. */
  readonly elsewhere: number;
}

interface Unplaced {
  readonly code: string;
  readonly name?: string;
  readonly children: number;
}

/** How many codes of children not placed are named one by one; the rest are counted. */
const LISTED_CODES = 10;

function codesIn(lang: Lang, unplaced: readonly Unplaced[]): string {
  const named = unplaced.slice(0, LISTED_CODES).map((entry) => {
    const name = entry.name ? ` ${entry.name}` : '';
    return lang === 'vi' ? `mã ${entry.code}${name}: ${numberIn('vi', entry.children)} em` : `code ${entry.code}${name}: ${numberIn('en', entry.children)}`;
  });
  const more = unplaced.length - LISTED_CODES;
  if (more > 0) named.push(lang === 'vi' ? `và ${numberIn('vi', more)} mã khác` : `and ${numberIn('en', more)} more codes`);
  return named.join('; ');
}

const sectionsIn = (lang: Lang, keys: readonly string[]) => keys.map((key) => (key === 'mo-dau' ? (lang === 'vi' ? 'câu mở đầu' : 'opening') : key)).join(', ');

export const reportText = catalogue('report', {
  communesMissing: text(
    (p: Coverage) =>
      `${p.unit}: số liệu từ ${share('vi', p)} xã; chưa có số liệu của ${numberIn('vi', p.names.length)} xã: ${namesIn('vi', p.names, NAMED, (n) => `và ${n} xã khác`)}.`,
    (p) => `${p.unit}: figures from ${share('en', p)} communes; no data from ${numberIn('en', p.names.length)}: ${namesIn('en', p.names, NAMED, (n) => `and ${n} more`)}.`,
  ),
  unitsBelowMissing: text(
    (p: UnitsCoverageParams) =>
      `${p.unit}: số liệu từ ${share('vi', p)} xã của ${numberIn('vi', p.withData)}/${numberIn('vi', p.units)} ${p.word}; chưa có số liệu của ${numberIn('vi', p.missingUnits.length)} ${p.word}: ${namesIn('vi', p.missingUnits, NAMED, (n) => `và ${n} đơn vị khác`)}${p.elsewhere > 0 ? `; và của ${numberIn('vi', p.elsewhere)} xã thuộc các đơn vị đã có số liệu` : ''}.`,
    (p) =>
      `${p.unit}: figures from ${share('en', p)} communes in ${numberIn('en', p.withData)}/${numberIn('en', p.units)} units below; no data from ${numberIn('en', p.missingUnits.length)} of them: ${namesIn('en', p.missingUnits, NAMED, (n) => `and ${n} more`)}${p.elsewhere > 0 ? `; nor from ${numberIn('en', p.elsewhere)} communes of the others` : ''}.`,
  ),
  incompleteRefused: text(
    (p: Coverage) =>
      `--strict: ${p.unit} mới có số liệu của ${share('vi', p)} xã (thiếu ${namesIn('vi', p.names, NAMED, (n) => `và ${n} xã khác`)}); bổ sung tệp của các xã còn thiếu, hoặc bỏ --strict để vẫn lập báo cáo.`,
    (p) => `--strict: ${p.unit} has figures from ${share('en', p)} communes only (missing ${namesIn('en', p.names, NAMED, (n) => `and ${n} more`)}); add the missing communes' files, or drop --strict.`,
  ),
  childrenNotPlaced: text(
    (p: { children: number; codes: readonly Unplaced[] }) =>
      `${numberIn('vi', p.children)} trẻ em chưa xếp được vào đơn vị hành chính hiện nay nên không có trong số liệu (${codesIn('vi', p.codes)}); xem các dòng bị loại để sửa mã xã.`,
    (p) => `${numberIn('en', p.children)} children could not be placed in today's administrative units and are in no figure (${codesIn('en', p.codes)}); see the rejected rows to fix their commune codes.`,
  ),
  childrenPlacedApproximately: text(
    (p: { children: number }) =>
      `${numberIn('vi', p.children)} trẻ em của xã cũ bị chia khi sắp xếp đơn vị hành chính (01/07/2025) được xếp cả vào một xã mới; số liệu liên quan là gần đúng (có thể dùng bản đồ thôn để xếp chính xác).`,
    (p) => `${numberIn('en', p.children)} children of old communes split by the 1 July 2025 reform were placed whole in one new commune; the figures they touch are approximate (a village map places them exactly).`,
  ),
  templateNotFound: text(
    (p: { name: string; known: readonly string[] }) => `Không tìm thấy mẫu báo cáo "${p.name}" (các mẫu có sẵn: ${p.known.join(', ')}; hoặc đường dẫn tới tệp .hbs).`,
    (p) => `Report template "${p.name}" not found (bundled: ${p.known.join(', ')}; or a path to a .hbs file).`,
  ),
  templateInvalid: text(
    (p: { name: string; path: string; reason: Message }) => `Mẫu báo cáo "${p.name}" (${p.path}): ${p.reason.vi}`,
    (p) => `Report template "${p.name}" (${p.path}): ${p.reason.en}`,
  ),
  templateUnreadable: text(
    (p: { error: string }) => `không đọc được tệp: ${p.error}`,
    (p) => `cannot read the file: ${p.error}`,
  ),
  sectionsToWrite: text(
    (p: { keys: readonly string[] }) =>
      `Còn ${numberIn('vi', p.keys.length)} mục cần đơn vị bổ sung (chữ tô vàng trong báo cáo): ${sectionsIn('vi', p.keys)}. Viết các mục này vào tệp --narrative (xem settings/noi-dung-mau.yaml).`,
    (p) =>
      `${numberIn('en', p.keys.length)} section(s) still left for the office to write (highlighted in the report): ${sectionsIn('en', p.keys)}. Write them in the --narrative file (see settings/noi-dung-mau.yaml).`,
  ),
  templateOutputLine: text(
    (p: { line: number; reason: Message }) => `dòng ${numberIn('vi', p.line)} của kết quả: ${p.reason.vi}`,
    (p) => `output line ${numberIn('en', p.line)}: ${p.reason.en}`,
  ),
  markupTableName: text(
    (p: { name: string }) => `tên biểu không hợp lệ: "${p.name}"`,
    (p) => `invalid table name: "${p.name}"`,
  ),
  markupChartName: text(
    (p: { name: string }) => `tên biểu đồ không hợp lệ: "${p.name}"`,
    (p) => `invalid chart name: "${p.name}"`,
  ),
  markupDirective: text(
    (p: { line: string }) => `lệnh không biết: "${p.line}" (dùng ::subject, ::table, ::chart, ::page-break, ::appendix, ::center, ::note)`,
    (p) => `unknown directive: "${p.line}" (use ::subject, ::table, ::chart, ::page-break, ::appendix, ::center, ::note)`,
  ),
  layoutFile: text('Tệp bố cục', 'Layout file'),
  layoutInvalid: text(
    (p: { file: string; reason: Message }) => `Tệp bố cục ${p.file}: ${p.reason.vi}`,
    (p) => `Layout file ${p.file}: ${p.reason.en}`,
  ),
  layoutSchema: text(
    (p: { reason: Message; path: string }) => `${p.path === '' ? '' : `mục ${p.path}: `}${p.reason.vi}`,
    (p) => `${p.path === '' ? '' : `field ${p.path}: `}${p.reason.en}`,
  ),
  layoutColumnUnknown: text(
    (p: { column: string; key: string }) => `cột "${p.column}" dùng cột "${p.key}" không có trong phần này`,
    (p) => `column "${p.column}" uses column "${p.key}", which this part does not have`,
  ),
  layoutSumsUnknown: text(
    (p: { key: string }) => `sums: không có cột "${p.key}"`,
    (p) => `sums: no column "${p.key}"`,
  ),
  layoutChartFileName: text('tên tệp chỉ gồm chữ thường không dấu, số và "-"', 'file names use lower-case letters, digits and "-" only'),
  layoutIndicatorUnknown: text(
    (p: { indicator: string }) => `chỉ tiêu "${p.indicator}" không có trong danh mục chỉ tiêu (indicators/)`,
    (p) => `indicator "${p.indicator}" is not in the catalogue (indicators/)`,
  ),
  layoutBreakdownNotComputed: text(
    (p: { indicator: string; wanted: string; computed: readonly string[] }) =>
      `chỉ tiêu ${p.indicator} không được tính theo phân tổ "${p.wanted}" (danh mục tính: ${p.computed.join(', ') || 'không có'})`,
    (p) => `indicator ${p.indicator} is not computed by "${p.wanted}" (the catalogue computes: ${p.computed.join(', ') || 'none'})`,
  ),
  settingsFile: text('thiết lập báo cáo', 'report settings'),
  narrativeFile: text('nội dung báo cáo', 'narrative'),
  reportDateTooEarly: text(
    (p: { file?: string; date: string; periodEnd: string }) =>
      `Tệp thiết lập báo cáo${p.file === undefined ? '' : ` ${p.file}`}: ngày báo cáo (reportDate) ${p.date} trước ngày cuối kỳ ${p.periodEnd}; báo cáo nói về số liệu đến hết ngày ${p.periodEnd} nên phải đề ngày từ ${p.periodEnd} trở đi (hoặc bỏ trống reportDate để văn thư điền).`,
    (p) =>
      `Report settings${p.file === undefined ? '' : ` ${p.file}`}: the report date (reportDate) ${p.date} is before the period's last day ${p.periodEnd}; a report on figures up to ${p.periodEnd} must be dated on or after it (or leave reportDate out for the clerk to fill in).`,
  ),
});
