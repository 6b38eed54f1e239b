/** Texts of src/indicators/. */
import { catalogue, text, type Message } from './define.js';

export const indicatorsText = catalogue('indicators', {
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
