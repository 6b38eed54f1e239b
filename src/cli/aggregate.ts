/**
 * `chitieu aggregate WORKBOOK... --unit CODE --period ID [--out DIR] [--targets FILE]
 *  [--settings FILE] [--template NAME] [--narrative FILE] [--suppress K]`
 *
 * The district's (or province's) report from the annex workbooks its communes wrote with
 * `chitieu report`: numerators and denominators are summed and ratios recomputed. A child with
 * figures in two communes is counted twice (the report says so).
 */
import type { Command } from 'commander';
import { msg, render } from '../model/messages.js';
import { aggregateReport, aggregateStep } from '../pipeline/aggregate.js';
import { loadAdminUnits, loadCatalogue, loadPeriodPresets, loadTargets } from '../pipeline/load.js';
import { loadReportOptions, type LoadedReportOptions, type ReportFileOptions } from '../pipeline/report.js';
import { DOUBLE_COUNT_NOTE, type AggregateOutcome } from '../report/aggregate/index.js';
import { langOf, say, type CliContext } from './context.js';
import { formatCount, parseSuppressOption, SUPPRESS_HELP, writeReportFiles } from './report.js';

interface AggregateCliOptions extends ReportFileOptions {
  unit: string;
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
  if (outcome.missing.length > 0) {
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

export async function writeAggregateReport(outDir: string, outcome: AggregateOutcome, loaded: LoadedReportOptions): Promise<{ docx: string; xlsx: string }> {
  const files = await aggregateReport(outcome, loaded);
  return writeReportFiles(outDir, outcome.input.unit.code, outcome.input.result.period.id, files);
}

export function registerAggregate(program: Command, context: CliContext): void {
  program
    .command('aggregate')
    .description('Tổng hợp báo cáo của huyện/tỉnh từ các phụ lục (.xlsx) mà các xã đã xuất bằng "chitieu report"')
    .argument('<workbooks...>', 'các tệp phụ lục .xlsx của đơn vị cấp dưới')
    .requiredOption('--unit <code>', 'mã đơn vị tổng hợp (huyện 3 số hoặc tỉnh 2 số)')
    .requiredOption('--period <id>', 'kỳ báo cáo của các phụ lục, ví dụ 2025-H1')
    .option('--targets <file>', 'tệp chỉ tiêu kế hoạch để đánh giá số đã cộng')
    .option('--settings <file>', 'tệp thiết lập báo cáo (xem settings/)')
    .option('--template <name>', 'mẫu báo cáo: bao-cao-6-thang, bao-cao-nam, hoặc tệp .hbs')
    .option('--narrative <file>', 'tệp nội dung do đơn vị viết (YAML)')
    .option('--suppress <K>', SUPPRESS_HELP, parseSuppressOption)
    .option('--out <dir>', 'thư mục ghi báo cáo', '.')
    .action(async (paths: string[], options: AggregateCliOptions, command: Command) => {
      const lang = langOf(command);
      const loaded = loadReportOptions(options);
      const plan = options.targets ? loadTargets(options.targets, loadCatalogue()) : undefined;
      const outcome = await aggregateStep(
        paths,
        { unit: options.unit, period: options.period, ...(plan ? { plan } : {}) },
        { units: loadAdminUnits(), presets: loadPeriodPresets() },
      );
      reportOutcome(context, outcome, lang);
      const written = await writeAggregateReport(options.out ?? '.', outcome, loaded);
      say(context, lang, msg(`Đã ghi báo cáo ${written.docx} và phụ lục ${written.xlsx}.`, `Wrote the report ${written.docx} and its annex ${written.xlsx}.`));
    });
}
