/**
 * `chitieu aggregate WORKBOOK... --unit CODE --period ID [--out DIR] [--targets FILE]
 *  [--settings FILE] [--template NAME] [--narrative FILE] [--suppress K]`
 *
 * The district's (or province's) report from the annex workbooks its communes wrote with
 * `chitieu report`: numerators and denominators are summed and ratios recomputed. A child with
 * figures in two communes is counted twice (the report says so).
 */
import type { Command } from 'commander';
import { checkOutputFolder } from '../io/output.js';
import { msg, render } from '../model/messages.js';
import { aggregateReport, aggregateStep } from '../pipeline/aggregate.js';
import { loadAdminUnits, loadCatalogue, loadPeriodPresets, loadTargets } from '../pipeline/load.js';
import { loadReportOptions, type LoadedReportOptions, type ReportFileOptions } from '../pipeline/report.js';
import { DOUBLE_COUNT_NOTE, type AggregateOutcome } from '../pipeline/annexes.js';
import { checkReportDate, completenessMessage, parsePeriod } from '../pipeline/stages.js';
import { OUT_FOLDER_HELP, besideInputs, inputFiles } from './inputs.js';
import { langOf, say, type CliContext } from './context.js';
import type { Text } from './help.js';
import { formatCount, parseSuppressOption, sayWritten, STRICT_HELP, SUPPRESS_HELP, writeReportFiles, type WrittenReport } from './report.js';

interface AggregateCliOptions extends ReportFileOptions {
  unit: string;
  strict?: boolean;
  period: string;
  out?: string;
  targets?: string;
}

export function reportOutcome(context: CliContext, outcome: AggregateOutcome, lang: 'vi' | 'en'): void {
  say(
    context,
    lang,
    msg(
      `Đã cộng ${formatCount(outcome.annexes.length, 'vi')} phụ lục vào ${outcome.input.unit.fullName}.`,
      `Summed ${formatCount(outcome.annexes.length, 'en')} annex workbook(s) into ${outcome.input.unit.fullName}.`,
    ),
  );
  const completeness = outcome.input.completeness;
  const sameAsCommunes = completeness !== undefined && completeness.missing.map((c) => c.code).join() === outcome.missing.map((u) => u.code).join();
  if (completeness && completeness.missing.length > 0) say(context, lang, completenessMessage(outcome.input.unit.fullName, completeness));
  if (outcome.missing.length > 0 && !sameAsCommunes) {
    const names = outcome.missing.map((unit) => `${unit.fullName} (${unit.code})`).join(', ');
    say(
      context,
      lang,
      msg(`Chưa có phụ lục của ${formatCount(outcome.missing.length, 'vi')} đơn vị: ${names}.`, `No annex yet from ${formatCount(outcome.missing.length, 'en')} unit(s): ${names}.`),
    );
  }
  for (const warning of outcome.warnings) context.out(render(warning, lang));
  say(context, lang, msg(`Lưu ý: ${DOUBLE_COUNT_NOTE}`, 'Note: the figures are sums of the units\' annexes, so a child with figures in two units is counted twice.'));
}

export async function writeAggregateReport(outDir: string, outcome: AggregateOutcome, loaded: LoadedReportOptions): Promise<WrittenReport> {
  const files = await aggregateReport(outcome, loaded);
  return { ...writeReportFiles(outDir, outcome.input.unit.code, outcome.input.result.period.id, files), placeholders: files.placeholders };
}

export function registerAggregate(program: Command, context: CliContext, text: Text): void {
  program
    .command('aggregate')
    .description(text(msg('Tổng hợp báo cáo của huyện/tỉnh/toàn quốc từ các phụ lục (.xlsx) mà đơn vị cấp dưới đã xuất bằng "chitieu report"', 'The district, province or national report summed from the annexes (.xlsx) the units below wrote with "chitieu report"')))
    .argument(text(msg('<phụ-lục...>', '<workbooks...>')), text(msg('các tệp phụ lục .xlsx của đơn vị cấp dưới', 'the annex workbooks (.xlsx) of the units below')))
    .requiredOption(text(msg('--unit <mã>', '--unit <code>')), text(msg('mã đơn vị tổng hợp (huyện 3 số, tỉnh 2 số, hoặc VN: toàn quốc)', 'code of the unit summed into (district: 3 digits, province: 2, or VN: the nation)')))
    .requiredOption(text(msg('--period <kỳ>', '--period <id>')), text(msg('kỳ báo cáo của các phụ lục, ví dụ 2025-H1', 'reporting period of the annexes, e.g. 2025-H1')))
    .option(text(msg('--targets <tệp>', '--targets <file>')), text(msg('tệp chỉ tiêu kế hoạch để đánh giá số đã cộng', 'plan targets file to evaluate the sums against')))
    .option(text(msg('--settings <tệp>', '--settings <file>')), text(msg('tệp thiết lập báo cáo (xem settings/)', 'report settings file (see settings/)')))
    .option(text(msg('--template <tên>', '--template <name>')), text(msg('mẫu báo cáo: bao-cao-6-thang, bao-cao-nam, hoặc tệp .hbs', 'report template: bao-cao-6-thang, bao-cao-nam, or a .hbs file')))
    .option(text(msg('--narrative <tệp>', '--narrative <file>')), text(msg('tệp nội dung do đơn vị viết (YAML)', 'the text the unit writes (YAML)')))
    .option('--suppress <K>', text(SUPPRESS_HELP), parseSuppressOption)
    .option(text(msg('--out <thư-mục>', '--out <folder>')), text(OUT_FOLDER_HELP))
    .option('--strict', text(STRICT_HELP))
    .action(async (given: string[], options: AggregateCliOptions, command: Command) => {
      const lang = langOf(command);
      const paths = inputFiles(given, context.err, lang);
      const out = options.out ?? besideInputs(paths);
      checkOutputFolder(out);
      const loaded = loadReportOptions(options);
      const presets = loadPeriodPresets();
      checkReportDate(loaded.settings, parsePeriod(options.period, presets).to, options.settings);
      const plan = options.targets ? loadTargets(options.targets, loadCatalogue()) : undefined;
      const outcome = await aggregateStep(
        paths,
        { unit: options.unit, period: options.period, ...(plan ? { plan } : {}), ...(options.strict ? { strict: true } : {}) },
        { units: loadAdminUnits(), presets },
      );
      reportOutcome(context, outcome, lang);
      const written = await writeAggregateReport(out, outcome, loaded);
      sayWritten(context, lang, written);
    });
}
