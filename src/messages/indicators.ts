/** Texts of src/indicators/. */
import { catalogue, text, type Message } from './define.js';

export const indicatorsText = catalogue('indicators', {
  codeOrCodesAmong: text(
    (p: { codes: readonly string[] }) => `cần một mã hoặc danh sách mã trong: ${p.codes.join(', ')}`,
    (p) => `a code or a list of codes among: ${p.codes.join(', ')}`,
  ),
  minOrMaxNeeded: text('cần min hoặc max', 'min or max is needed'),
  minAboveMax: text('min lớn hơn max', 'min is above max'),
  countOrSum: text('cần đúng một trong count hoặc sum', 'exactly one of count or sum is needed'),
  cannotCount: text(
    (p: { count: string; source: string }) => `không đếm được "${p.count}" từ nguồn "${p.source}"`,
    (p) => `cannot count "${p.count}" of source "${p.source}"`,
  ),
  fieldNotInSource: text(
    (p: { field: string; source: string }) => `trường "${p.field}" không thuộc nguồn "${p.source}"`,
    (p) => `field "${p.field}" is not in source "${p.source}"`,
  ),
  perCaseNeeded: text('cộng số tiền theo vụ việc cần perCase: largest', 'a sum over events needs perCase: largest'),
  perCaseEventsOnly: text('perCase chỉ dùng cho events', 'perCase applies to events only'),
  conditionNotForSource: text(
    (p: { condition: string; source: string }) => `điều kiện "${p.condition}" không áp dụng cho nguồn "${p.source}"`,
    (p) => `condition "${p.condition}" does not apply to source "${p.source}"`,
  ),
  codeForm: text('mã dạng TE-0301 hoặc XH-0101', 'a code like TE-0301 or XH-0101'),
  groupForm: text('nhóm 2 chữ số, ví dụ "03"', 'a two-digit group, e.g. "03"'),
  ratioNeedsBoth: text('tỷ lệ cần cả denominator và factor; số đếm không có cả hai', 'a ratio needs denominator and factor; a count neither'),
  lastYearNoteNeeded: text('lastYearFromRecords: false cần lastYearNote nói vì sao', 'lastYearFromRecords: false needs lastYearNote to say why'),
  codeNotInGroup: text(
    (p: { code: string; group: string }) => `mã ${p.code} không thuộc nhóm ${p.group}`,
    (p) => `code ${p.code} is not in group ${p.group}`,
  ),
  breakdownRepeated: text(
    (p: { breakdown: string }) => `phân tổ "${p.breakdown}" lặp lại`,
    (p) => `breakdown "${p.breakdown}" is repeated`,
  ),
  breakdownSameKeyTwice: text('hai khóa phân tổ giống nhau', 'the same breakdown key twice'),
  breakdownNotForSource: text(
    (p: { breakdown: string; source: string }) => `phân tổ "${p.breakdown}" không áp dụng cho nguồn "${p.source}"`,
    (p) => `breakdown "${p.breakdown}" does not apply to source "${p.source}"`,
  ),
  denominatorNotSplit: text(
    (p: { breakdown: string; source: string }) => `mẫu số (nguồn "${p.source}") không phân tổ được theo "${p.breakdown}"`,
    (p) => `the denominator (source "${p.source}") cannot be split by "${p.breakdown}"`,
  ),
  appendixCodePrefix: text(
    (p: { appendix: string; prefix: string }) => `phụ lục ${p.appendix} dùng mã ${p.prefix}…`,
    (p) => `appendix ${p.appendix} uses ${p.prefix}… codes`,
  ),
  groupNotListed: text(
    (p: { group: string }) => `nhóm "${p.group}" không có trong groups`,
    (p) => `group "${p.group}" is not listed in groups`,
  ),
  percentOrSkip: text('cần đúng một trong percent hoặc skip', 'exactly one of percent or skip is needed'),
  reductionNeedsPercent: text('reduction cần percent', 'reduction needs percent'),
  fullCoverageNoPercent: text('full_coverage không có percent', 'full_coverage takes no percent'),
  percentForReductionOnly: text('percent chỉ dùng cho reduction', 'percent is for reduction only'),
  invalidDefinition: text(
    (p: { file: string; reason: Message }) => `Tệp định nghĩa không hợp lệ: ${p.file}: ${p.reason.vi}`,
    (p) => `Invalid definition file: ${p.file}: ${p.reason.en}`,
  ),
  invalidDefinitionAt: text(
    (p: { file: string; where: string; reason: Message }) => `Tệp định nghĩa không hợp lệ: ${p.file}, mục ${p.where}: ${p.reason.vi}`,
    (p) => `Invalid definition file: ${p.file}, field ${p.where}: ${p.reason.en}`,
  ),
  codeDefinedTwice: text(
    (p: { first: string }) => `mã chỉ tiêu đã có trong ${p.first}`,
    (p) => `indicator code already defined in ${p.first}`,
  ),
  targetIndicatorUnknown: text(
    (p: { indicator: string }) => `chỉ tiêu ${p.indicator} không có trong danh mục`,
    (p) => `indicator ${p.indicator} is not in the catalogue`,
  ),
  fullCoverageNeedsRatio: text(
    (p: { indicator: string }) => `full_coverage cần một chỉ tiêu tỷ lệ; ${p.indicator} là số đếm`,
    (p) => `full_coverage needs a ratio; ${p.indicator} is a count`,
  ),
  indicatorDefinitionFile: text('Tệp định nghĩa chỉ tiêu', 'Indicator definition file'),
  targetsFile: text('Tệp chỉ tiêu kế hoạch', 'Targets file'),
  indicatorFolderUnreadable: text(
    (p: { dir: string; error: string }) => `Không đọc được thư mục chỉ tiêu ${p.dir}: ${p.error}`,
    (p) => `Cannot read the indicator directory ${p.dir}: ${p.error}`,
  ),
  noIndicatorFiles: text(
    (p: { dir: string }) => `Thư mục ${p.dir} không có tệp chỉ tiêu nào.`,
    (p) => `No indicator file in ${p.dir}.`,
  ),
});
