/**
 * `chitieu compute FILE... (--period ID | --from DATE --to DATE) [--level commune|district|province]
 *  [--targets FILE] [--baseline records|FILE] [--codes-as-of DATE] [--periods FILE]
 *  [--out result.json|result.xlsx|result.csv] [--strict]`
 *
 * Reads the files, computes every indicator of the catalogue for every unit with input rows
 * and every level up to --level, evaluates the targets, and writes the JSON of
 * indicator-rules.md, a workbook or a CSV table (src/output/); without --out it prints a short summary. Rows the engine
 * cannot place (a commune code unknown at its date) are counted by kind, like the importer's.
 */
import type { Command } from 'commander';
import { checkOutputFile, writeOutputFile } from '../io/output.js';
import { accountingLines, rejectedLine, summaryLines } from '../import/summary.js';
import { placementNotes } from '../report/placement-note.js';
import type { Catalogue } from '../indicators/index.js';
import type { ImportWarning, RejectedRow } from '../model/issues.js';
import { ExitCode, UserError, msg, render, type Lang } from '../model/messages.js';
import type { ComputeResult, IndicatorResult } from '../model/results.js';
import { LEVELS, Level } from '../model/levels.js';
import { computeStep, loadDefinitions, loadPlanAndBaseline } from '../pipeline/compute.js';
import { loadVillageMap } from '../pipeline/load.js';
import { resolvePeriod, type PeriodChoice } from '../pipeline/period.js';
import { bornBy, readData } from '../pipeline/read.js';
import { unitNamer } from '../pipeline/units.js';
import { completenessMessage } from '../report/completeness.js';
import { completenessFor } from '../pipeline/report.js';
import type { AdminUnits } from '../units/index.js';
import { formatDate, formatNumber } from '../report/format-vi.js';
import { resultFormatFor, RESULT_FORMATS } from '../output/formats.js';
import type { UnitNamer } from '../output/results-model.js';
import { STATUS_LABEL } from '../output/results-xlsx.js';
import { progressFor } from './progress.js';
import { ignoreSheetOption, profileOption, sheetChoiceOf, type SheetOptions } from './sheet-options.js';
import { inputFiles } from './inputs.js';
import { langOf, type CliContext } from './context.js';
import type { Text } from './help.js';
import { parseDateOption } from './options.js';

/** Rejected rows listed one by one; the rest are counted by kind. */
const LISTED_ROWS = 20;

export type PeriodOptions = PeriodChoice;

export function addPeriodOptions(command: Command, text: Text): Command {
  return command
    .option(
      text(msg('--period <kỳ>', '--period <id>')),
      text(msg('kỳ báo cáo: 2025-H1, 2025-9M, 2025, 2025-Q1..Q4, 2025-01-01..2025-06-30, hoặc kỳ đặt tên (2025-cutoff-6m)', 'reporting period: 2025-H1, 2025-9M, 2025, 2025-Q1..Q4, 2025-01-01..2025-06-30, or a named period (2025-cutoff-6m)')),
    )
    .option(text(msg('--from <ngày>', '--from <date>')), text(msg('ngày đầu kỳ (dd/mm/yyyy hoặc yyyy-mm-dd)', 'first day of the period (dd/mm/yyyy or yyyy-mm-dd)')), parseDateOption)
    .option(text(msg('--to <ngày>', '--to <date>')), text(msg('ngày cuối kỳ (dd/mm/yyyy hoặc yyyy-mm-dd)', 'last day of the period (dd/mm/yyyy or yyyy-mm-dd)')), parseDateOption)
    .option(text(msg('--periods <tệp>', '--periods <file>')), text(msg('tệp YAML các kỳ có ngày chốt số liệu riêng (mặc định settings/periods.yaml)', 'YAML file of periods with their own cut-off dates (default settings/periods.yaml)')))
    .option(
      text(msg('--codes-as-of <ngày>', '--codes-as-of <date>')),
      text(msg('mã xã trong danh sách trẻ em theo danh mục đơn vị hành chính tại ngày này (mặc định: mỗi tệp theo danh mục mà các mã của nó cho biết)', 'the commune codes of the child lists follow the unit list valid on this date (default: each file the list its codes tell)')),
      parseDateOption,
    )
    .option(
      text(msg('--village-map <tệp>', '--village-map <file>')),
      text(msg('tệp CSV/YAML ghi thôn của xã cũ bị chia thuộc xã mới nào (Mã xã cũ, Thôn/Tổ dân phố, Mã xã mới), để xếp chính xác', 'CSV/YAML file saying which new commune each village of a split old commune went to (Mã xã cũ, Thôn/Tổ dân phố, Mã xã mới), to place those rows exactly')),
    );
}

/**
 * Row errors in the importer's style: the engine's own rejections one by one (the importer's
 * are listed by `validate`), then every rejection and warning counted by kind. Names and
 * personal IDs are masked by `rejectedLine`.
 */
export function printRowErrors(
  print: (line: string) => void,
  engineRejected: readonly RejectedRow[],
  allRejected: readonly RejectedRow[],
  warnings: readonly ImportWarning[],
  lang: Lang,
): void {
  if (engineRejected.length > 0) {
    print(render(msg('Dòng bị loại khi xếp vào đơn vị hành chính:', 'Rows rejected when placing them on administrative units:'), lang));
    for (const row of engineRejected.slice(0, LISTED_ROWS)) print(`  ${rejectedLine(row, lang)}`);
    if (engineRejected.length > LISTED_ROWS) print(`  … (${engineRejected.length - LISTED_ROWS})`);
  }
  for (const line of summaryLines(allRejected, warnings, lang)) print(line);
}

/** Children not placed and placed approximately, said before any figure. */
export function printPlacement(print: (line: string) => void, result: ComputeResult, lang: Lang): void {
  for (const note of placementNotes(result.placement)) print(render(note, lang));
}

interface ComputeOptions extends PeriodOptions, SheetOptions {
  readonly level?: Level;
  readonly targets?: string;
  readonly baseline?: string;
  readonly codesAsOf?: string;
  readonly villageMap?: string;
  readonly out?: string;
  readonly strict?: boolean;
}

function valueText(row: IndicatorResult, lang: Lang, ratio: boolean): string {
  if (row.noData) return lang === 'en' ? 'no data' : 'không có số liệu';
  const value = formatNumber(row.value, ratio ? 1 : 0);
  const text = ratio ? `${value} (${formatNumber(row.numerator)}/${formatNumber(row.denominator)})` : value;
  return `${text}${row.approximate ? (lang === 'en' ? ' (approx.)' : ' (ước tính)') : ''}`;
}

/** A short table of the totals of the highest level reported, and the target statuses. */
function printSummary(context: CliContext, result: ComputeResult, catalogue: Catalogue, names: UnitNamer, lang: Lang): void {
  const top = [...LEVELS].reverse().find((level) => result.results.some((row) => row.level === level));
  if (top === undefined) {
    context.out(render(msg('Không có dòng dữ liệu nào.', 'No input rows.'), lang));
    return;
  }
  const units = [...new Set(result.results.filter((row) => row.level === top).map((row) => row.unit))];
  const { period } = result;
  context.out(render(msg(`Kỳ ${period.id} (${formatDate(period.from)} – ${formatDate(period.to)})`, `Period ${period.id} (${formatDate(period.from)} – ${formatDate(period.to)})`), lang));
  const nameOf = (definition: Catalogue['indicators'][number]) => (lang === 'en' ? definition.nameEn : definition.name);
  const width = Math.max(...catalogue.indicators.map((definition) => nameOf(definition).length));
  const totals = new Map<string, IndicatorResult>();
  for (const row of result.results) {
    if (row.level === top && Object.keys(row.breakdown).length === 0) totals.set(`${row.indicator}|${row.unit}`, row);
  }
  for (const unit of units) {
    context.out('');
    context.out(`${names(top, unit)} (${unit})`);
    for (const definition of catalogue.indicators) {
      const row = totals.get(`${definition.code}|${unit}`);
      if (row !== undefined) context.out(`  ${definition.code}  ${nameOf(definition).padEnd(width)}  ${valueText(row, lang, definition.denominator !== undefined)}`);
    }
    const targets = result.targets.filter((candidate) => candidate.level === top && candidate.unit === unit);
    if (targets.length > 0) context.out(render(msg('  Chỉ tiêu kế hoạch:', '  Targets:'), lang));
    for (const target of targets) {
      const figures =
        target.baseline !== null
          ? render(msg(` (kỳ này ${formatNumber(target.current)}, cùng kỳ ${formatNumber(target.baseline)})`, ` (now ${formatNumber(target.current)}, last year ${formatNumber(target.baseline)})`), lang)
          : target.current !== null
            ? ` (${formatNumber(target.current, 1)})`
            : '';
      context.out(`  - ${target.target}: ${STATUS_LABEL[target.status][lang]}${figures}${target.note ? ` — ${target.note}` : ''}`);
    }
  }
  context.out('');
  context.out(
    render(
      msg('Xem đủ các cấp và phân tổ: --out ket-qua.json hoặc --out ket-qua.xlsx', 'All levels and breakdowns: --out result.json or --out result.xlsx'),
      lang,
    ),
  );
}

/** One line per district or province some of whose communes had no data; whether there was any. */
function printCoverage(context: CliContext, result: ComputeResult, names: UnitNamer, units: AdminUnits, lang: Lang): boolean {
  let incomplete = false;
  for (const coverage of result.coverage ?? []) {
    const unit = { code: coverage.unit, fullName: names(coverage.level, coverage.unit), level: coverage.level };
    const completeness = completenessFor(result, unit, units);
    if (completeness === undefined || completeness.missing.length === 0) continue;
    incomplete = true;
    context.err(render(completenessMessage(`${unit.fullName} (${unit.code})`, completeness), lang));
  }
  return incomplete;
}

export function registerCompute(program: Command, context: CliContext, text: Text): void {
  const command = program
    .command('compute')
    .description(text(msg('Tính các chỉ tiêu Thông tư 13 cho mọi đơn vị có dữ liệu, đánh giá chỉ tiêu kế hoạch', 'Compute the indicators of Circular 13 for every unit with data, and evaluate the plan targets')))
    .argument(text(msg('<tệp...>', '<files...>')), text(msg('tệp .xlsx, .xls hoặc .csv', '.xlsx, .xls or .csv files')));
  addPeriodOptions(command, text)
    .option(text(msg('--level <cấp>', '--level <level>')), text(msg('cấp cao nhất: commune, district (trước 01/07/2025), province, national (toàn quốc)', 'highest level: commune, district (before 1 July 2025), province, national')), (value: string): Level => {
      const parsed = Level.safeParse(value);
      if (!parsed.success) {
        const choices = LEVELS.join(', ');
        throw new UserError(ExitCode.usage, msg(`--level ${value}: dùng một trong ${choices}.`, `--level ${value}: use one of ${choices}.`));
      }
      return parsed.data;
    })
    .option(text(msg('--targets <tệp>', '--targets <file>')), text(msg('tệp chỉ tiêu kế hoạch (targets/*.yaml)', 'plan targets file (targets/*.yaml)')))
    .option(
      text(msg('--baseline <records|tệp>', '--baseline <records|file>')),
      text(msg('số liệu cùng kỳ năm trước: "records" (tính từ chính dữ liệu) hoặc tệp kết quả JSON năm trước', 'last year\'s figures: "records" (computed from the same data) or last year\'s result file (JSON)')),
    )
    .option(text(msg('--out <tệp>', '--out <file>')), text(msg('ghi kết quả: .json (đầy đủ, ổn định), .xlsx hoặc .csv (một bảng cho chương trình khác)', 'write the result: .json (complete, stable), .xlsx or .csv (one table for other programs)')))
    .option(
      '--strict',
      text(msg('kết thúc với mã 3 nếu có dòng bị loại hoặc có huyện, tỉnh còn xã chưa có số liệu', 'exit with code 3 if any row is rejected or a district or province has communes without data')),
    )
    .addOption(profileOption(text))
    .addOption(ignoreSheetOption(text))
    .action(async (given: string[], options: ComputeOptions, self: Command) => {
      const lang = langOf(self);
      const files = inputFiles(given, context.err, lang);
      const period = resolvePeriod(options);
      if (options.out !== undefined) checkOutputFile(options.out, { extensions: RESULT_FORMATS.map((format) => format.extension) });
      // Definitions and the baseline are read before the data: a bad file fails before any work.
      const definitions = loadDefinitions(options.periods);
      const planAndBaseline = loadPlanAndBaseline(options, definitions.catalogue);
      const villageMap = options.villageMap !== undefined ? loadVillageMap(options.villageMap, definitions.units) : undefined;
      // Codes are checked by the engine at each row's own date, so the importer accepts either list.
      const progress = progressFor(context, lang, files.length);
      const sheets = sheetChoiceOf(options);
      const imported = await readData(files, { ...bornBy(period), sheets, onEvent: (event) => event.kind === 'file-read' && progress.fileRead(event.account) });
      progress.done();
      progress.stage(msg('Đang tính chỉ tiêu', 'Computing indicators'));
      const computed = computeStep(
        imported,
        { period, ...planAndBaseline, ...(options.level ? { level: options.level } : {}), ...(options.codesAsOf ? { codesAsOf: options.codesAsOf } : {}), ...(villageMap ? { villageMap } : {}) },
        definitions,
      );
      progress.done();
      const { output, rejected } = computed;
      // After computing: the rows rejected while being placed are part of the accounting.
      for (const line of accountingLines(computed.files, lang)) context.err(line);
      printRowErrors(context.err, output.rejected, rejected, computed.warnings, lang);
      printPlacement(context.err, output.result, lang);
      const names = unitNamer(period.to, definitions.units);
      const incomplete = printCoverage(context, output.result, names, definitions.units, lang);
      if (options.out === undefined) {
        printSummary(context, output.result, definitions.catalogue, names, lang);
      } else {
        // checkOutputFile took only the endings of RESULT_FORMATS.
        const format = resultFormatFor(options.out) ?? RESULT_FORMATS[0];
        writeOutputFile(options.out, await format.write({ result: output.result, catalogue: definitions.catalogue, names, lang, sources: imported.files }));
        context.err(render(msg(`Đã ghi ${options.out}.`, `Wrote ${options.out}.`), lang));
      }
      if (options.strict && (rejected.length > 0 || incomplete)) context.exitCode = ExitCode.rejectedRows;
    });
}
