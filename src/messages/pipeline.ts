/** Texts of src/pipeline/. */
import { catalogue, numberIn, text, type Lang, type Message } from './define.js';

/** A figure's numerator and denominator, as the demo's check compares them. */
interface Fraction {
  readonly numerator: number | null;
  readonly denominator: number | null;
}

const NO_FIGURE: Readonly<Record<Lang, string>> = { vi: '(không có)', en: '(none)' };

function fractionIn(lang: Lang, fraction: Fraction | null): string {
  if (fraction === null) return NO_FIGURE[lang];
  const figure = (n: number | null) => (n === null ? '–' : numberIn(lang, n));
  return `${figure(fraction.numerator)}/${figure(fraction.denominator)}`;
}

export const pipelineText = catalogue('pipeline', {
  noSampleData: text(
    (p: { samples: string }) => `Chưa có dữ liệu mẫu trong ${p.samples}: chạy "npm run sample" trước.`,
    (p) => `No sample data in ${p.samples}: run "npm run sample" first.`,
  ),
  periodAndDatesBoth: text('Dùng --period hoặc --from/--to, không dùng cả hai.', 'Give --period or --from/--to, not both.'),
  periodMissing: text('Cần --period (ví dụ 2025-H1) hoặc cả --from và --to.', 'Give --period (e.g. 2025-H1) or both --from and --to.'),
  unitHasNoRows: text(
    (p: { code: string; fullName: string }) => `--unit ${p.code}: các tệp đã đọc không có dòng dữ liệu nào của ${p.fullName}.`,
    (p) => `--unit ${p.code}: the files read have no rows of ${p.fullName}.`,
  ),
  unitNotInList: text(
    (p: { code: string; to: string; beforeReform: boolean; districtGone: boolean }) =>
      `--unit ${p.code}: không có đơn vị hành chính mã này trong danh mục ${p.beforeReform ? 'trước 01/07/2025' : 'từ 01/07/2025'} (ngày cuối kỳ ${p.to})` +
      `${p.districtGone ? ' (từ 01/07/2025 không còn cấp huyện)' : ''}. Dùng mã tỉnh 2 số, huyện 3 số, xã 5 số hoặc VN (toàn quốc).`,
    (p) => `--unit ${p.code}: no administrative unit has this code in the list valid at ${p.to}. Use a 2-digit province, 3-digit district or 5-digit commune code, or VN (the nation).`,
  ),
  noAnnexGiven: text('Cần ít nhất một tệp phụ lục.', 'At least one annex workbook is needed.'),
  baselineNotInEveryAnnex: text(
    'Không phải mọi phụ lục đều có số liệu cùng kỳ năm trước (cùng một kỳ): báo cáo không so sánh với cùng kỳ.',
    'Not every annex has last year\'s figures for the same period: the report makes no comparison.',
  ),
  annexOfOtherPeriod: text(
    (p: { file: string; period: string; expected: string }) => `Tệp ${p.file} là phụ lục kỳ ${p.period}, không phải kỳ ${p.expected}.`,
    (p) => `File ${p.file} is the annex of period ${p.period}, not ${p.expected}.`,
  ),
  annexOfUnitOutside: text(
    (p: { file: string; unitName: string; unitCode: string; summedName: string; summedCode: string }) =>
      `Tệp ${p.file} là phụ lục của ${p.unitName} (mã ${p.unitCode}), không thuộc ${p.summedName} (mã ${p.summedCode}).`,
    (p) => `File ${p.file} is the annex of ${p.unitName} (code ${p.unitCode}), which is not under ${p.summedName} (code ${p.summedCode}).`,
  ),
  twoAnnexesOfOneUnit: text(
    (p: { earlier: string; file: string; unitName: string }) => `Hai tệp ${p.earlier} và ${p.file} cùng là phụ lục của ${p.unitName}: chỉ dùng một tệp cho mỗi đơn vị.`,
    (p) => `Files ${p.earlier} and ${p.file} are both annexes of ${p.unitName}: give one file per unit.`,
  ),
  periodsFile: text('Tệp kỳ báo cáo', 'Periods file'),
  baselineFile: text('Tệp kết quả năm trước (--baseline)', "Last year's result file (--baseline)"),
  villageMapFile: text('Tệp bản đồ thôn (--village-map)', 'Village map file (--village-map)'),
  villageMapFault: text(
    (p: { file: string; reason: Message }) => `Tệp bản đồ thôn (--village-map) ${p.file}: ${p.reason.vi}`,
    (p) => `Village map file (--village-map) ${p.file}: ${p.reason.en}`,
  ),
  villageMapFaultAt: text(
    (p: { file: string; place: Message; reason: Message }) => `Tệp bản đồ thôn (--village-map) ${p.file}${p.place.vi}: ${p.reason.vi}`,
    (p) => `Village map file (--village-map) ${p.file}${p.place.en}: ${p.reason.en}`,
  ),
  villageMapHeaderRow: text(', dòng tiêu đề', ', header row'),
  villageMapLine: text(
    (p: { line: number }) => `, dòng ${numberIn('vi', p.line)}`,
    (p) => `, line ${numberIn('en', p.line)}`,
  ),
  villageMapEntry: text(
    (p: { line: number }) => `, mục ${numberIn('vi', p.line)}`,
    (p) => `, entry ${numberIn('en', p.line)}`,
  ),
  villageMapEmpty: text('tệp trống', 'the file is empty'),
  villageMapColumnMissing: text(
    (p: { column: string; columns: string }) => `thiếu cột "${p.column}" (cần ba cột: ${p.columns})`,
    (p) => `column "${p.column}" is missing (three columns are needed: ${p.columns})`,
  ),
  villageMapInvalidEntry: text('mục không hợp lệ', 'invalid entry'),
  villageMapNotAList: text(
    'tệp phải là một danh sách, mỗi mục có oldCommune, village, newCommune',
    'the file must be a list of entries with oldCommune, village, newCommune',
  ),
  villageMapOldCommuneRule: text(
    (p: { column: string }) => `${p.column}: cần mã xã trước 01/07/2025, 5 chữ số (ví dụ 09552)`,
    (p) => `${p.column}: a commune code of the list before 1 July 2025, 5 digits (e.g. 09552)`,
  ),
  villageMapVillageRule: text(
    (p: { column: string }) => `${p.column}: thiếu tên thôn, tổ dân phố`,
    (p) => `${p.column}: the village name is missing`,
  ),
  villageMapNewCommuneRule: text(
    (p: { column: string }) => `${p.column}: cần mã xã từ 01/07/2025, 5 chữ số`,
    (p) => `${p.column}: a commune code of the list from 1 July 2025, 5 digits`,
  ),
  demoDifference: text(
    (p: { key: string; computed: Fraction | null; summed: Fraction | null }) => `${p.key}: ${fractionIn('vi', p.computed)} ≠ ${fractionIn('vi', p.summed)}`,
    (p) => `${p.key}: ${fractionIn('en', p.computed)} ≠ ${fractionIn('en', p.summed)}`,
  ),
});
