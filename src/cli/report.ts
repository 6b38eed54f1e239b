/**
 * `chitieu report FILE... (--period ID | --from DATE --to DATE) --unit CODE [--targets FILE]
 *  [--baseline records|FILE] [--settings FILE] [--template NAME] [--narrative FILE]
 *  [--suppress K] [--out DIR]`
 *
 * Reads the files, computes the indicators for the unit and everything below it, and writes
 * `<out>/bao-cao-<unit>-<period>.docx` (the report) and `.xlsx` (its annex, which the level
 * above can `aggregate`). With `--suppress K` (reports for publication) a commune's abuse,
 * injury and death counts from 1 to K−1 read "<K" (src/report/suppress.ts).
 */
import type { Command } from 'commander';
import type { FileAccount } from '../import/index.js';
import { accountingLines } from '../import/summary.js';
import { outputPath } from '../io/file-names.js';
import { checkOutputFolder, prepareOutputFolder, writeOutputFiles } from '../io/output.js';
import { ExitCode, UserError, msg, render, type Lang } from '../model/messages.js';
import type { OnPipelineEvent } from '../pipeline/events.js';
import { reportFromFiles, type ReportRequest } from '../pipeline/report.js';
import { formatNumber } from '../report/format-vi.js';
import { completenessMessage } from '../report/completeness.js';
import { placeholdersMessage, reportBaseName } from '../report/index.js';
import type { ReportFiles } from '../output/report.js';
import { addPeriodOptions, printPlacement, printRowErrors } from './compute.js';
import { ignoreSheetOption, profileOption, sheetChoiceOf, type SheetOptions } from './sheet-options.js';
import { OUT_FOLDER_HELP, besideInputs, inputFiles } from './inputs.js';
import { langOf, say, type CliContext } from './context.js';
import type { Text } from './help.js';
import { progressFor } from './progress.js';

/** `--suppress K`: a whole number from 2 (K = 3 hides 1 and 2). */
export function parseSuppressOption(value: string): number {
  const k = /^\d{1,3}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(k) || k < 2 || k > 100) {
    throw new UserError(
      ExitCode.usage,
      msg(`--suppress ${value}: K phải là số nguyên từ 2 đến 100 (ví dụ --suppress 3 ẩn các số 1 và 2).`, `--suppress ${value}: K must be a whole number from 2 to 100 (e.g. --suppress 3 hides 1 and 2).`),
    );
  }
  return k;
}

export const STRICT_HELP = msg('không lập báo cáo (mã thoát 3) khi còn xã, thị trấn chưa có số liệu', 'write no report (exit 3) while some communes have no data');

export const SUPPRESS_HELP = msg(
  'báo cáo để công bố: số trẻ em bị xâm hại, tai nạn, tử vong của xã từ 1 đến K−1 ghi "<K" (mặc định: không ẩn)',
  'a report for publication: a commune\'s counts of abused, injured or dead children from 1 to K−1 read "<K" (default: nothing hidden)',
);

/** A count in CLI output: "22.298" in Vietnamese, "22,298" in English. */
export function formatCount(n: number, lang: Lang): string {
  const text = formatNumber(n);
  return lang === 'en' ? text.replace(/\./g, ',') : text;
}

/** The files a report command wrote, and the sections left for the office to write. */
export interface WrittenReport {
  readonly docx: string;
  readonly xlsx: string;
  readonly placeholders: ReportFiles['placeholders'];
}

/** "Đã ghi báo cáo …", then which sections are still placeholders. */
export function sayWritten(context: CliContext, lang: Lang, written: WrittenReport): void {
  say(context, lang, msg(`Đã ghi báo cáo ${written.docx} và phụ lục ${written.xlsx}.`, `Wrote the report ${written.docx} and its annex ${written.xlsx}.`));
  const left = placeholdersMessage(written.placeholders);
  if (left) say(context, lang, left);
}

export function writeReportFiles(outDir: string, unitCode: string, periodId: string, files: Pick<ReportFiles, 'docx' | 'xlsx'>): { docx: string; xlsx: string } {
  prepareOutputFolder(outDir);
  const base = reportBaseName(unitCode, periodId);
  const paths = { docx: outputPath(outDir, `${base}.docx`), xlsx: outputPath(outDir, `${base}.xlsx`) };
  // Both or neither: a report without its annex (a full disk) is not left behind.
  writeOutputFiles([
    { path: paths.docx, data: files.docx },
    { path: paths.xlsx, data: files.xlsx },
  ]);
  return paths;
}

export function importLine(files: readonly FileAccount[], lang: Lang): string {
  const read = files.reduce((sum, file) => sum + file.read, 0);
  const accepted = files.reduce((sum, file) => sum + file.accepted, 0);
  return render(
    msg(
      `Đã đọc ${formatCount(files.length, 'vi')} tệp: ${formatCount(read, 'vi')} dòng, ${formatCount(accepted, 'vi')} dòng hợp lệ, ${formatCount(read - accepted, 'vi')} dòng bị loại (xem "chitieu validate").`,
      `Read ${formatCount(files.length, 'en')} file(s): ${formatCount(read, 'en')} rows, ${formatCount(accepted, 'en')} accepted, ${formatCount(read - accepted, 'en')} rejected (see "chitieu validate").`,
    ),
    lang,
  );
}

export interface ReportOptions extends ReportRequest, SheetOptions {
  out?: string;
}

/** The accounting and the row errors after computing, as the terminal shows them. */
export function printStages(err: (line: string) => void, lang: Lang): OnPipelineEvent {
  return (event) => {
    if (event.kind !== 'stage-done') return;
    // After computing: the rows rejected while being placed are part of the accounting.
    if (event.stage === 'compute') for (const line of accountingLines(event.computed.files, lang)) err(line);
    if (event.stage === 'compute') {
      printRowErrors(err, event.computed.output.rejected, event.computed.rejected, event.computed.warnings, lang);
      printPlacement(err, event.computed.output.result, lang);
    }
  };
}

export function registerReport(program: Command, context: CliContext, text: Text): void {
  const command = program
    .command('report')
    .description(text(msg('Viết báo cáo kết quả công tác trẻ em (DOCX) và phụ lục số liệu (XLSX) của một đơn vị', 'Write the report on child affairs (DOCX) and its statistical annex (XLSX) for one unit')))
    .argument(text(msg('<tệp...>', '<files...>')), text(msg('tệp dữ liệu .xlsx, .xls hoặc .csv của các xã', 'the communes\' .xlsx, .xls or .csv data files')));
  addPeriodOptions(command, text)
    .requiredOption(text(msg('--unit <mã>', '--unit <code>')), text(msg('mã đơn vị báo cáo: VN (toàn quốc), tỉnh (2 số), huyện (3 số) hoặc xã (5 số)', 'code of the reporting unit: VN (the nation), province (2 digits), district (3) or commune (5)')))
    .option(text(msg('--targets <tệp>', '--targets <file>')), text(msg('tệp chỉ tiêu kế hoạch (targets/*.yaml)', 'plan targets file (targets/*.yaml)')))
    .option(
      text(msg('--baseline <records|tệp>', '--baseline <records|file>')),
      text(msg('"records": cùng kỳ năm trước tính từ chính các file; hoặc tệp kết quả năm trước (JSON)', '"records": last year computed from the same files; or last year\'s result file (JSON)')),
    )
    .option(
      text(msg('--settings <tệp>', '--settings <file>')),
      text(msg('tệp thiết lập báo cáo (cơ quan ban hành, số, ngày, người ký, nơi nhận): xem settings/', 'report settings file (issuing body, number, date, signer, recipients): see settings/')),
    )
    .option(text(msg('--template <tên>', '--template <name>')), text(msg('mẫu báo cáo: bao-cao-6-thang, bao-cao-nam, hoặc đường dẫn tệp .hbs', 'report template: bao-cao-6-thang, bao-cao-nam, or the path of a .hbs file')))
    .option(text(msg('--narrative <tệp>', '--narrative <file>')), text(msg('tệp nội dung do đơn vị viết, theo mục của đề cương (YAML)', 'the text the unit writes, by section of the outline (YAML)')))
    .option('--suppress <K>', text(SUPPRESS_HELP), parseSuppressOption)
    .option(text(msg('--out <thư-mục>', '--out <folder>')), text(OUT_FOLDER_HELP))
    .option('--strict', text(STRICT_HELP))
    .addOption(profileOption(text))
    .addOption(ignoreSheetOption(text))
    .action(async (given: string[], options: ReportOptions, command: Command) => {
      const lang = langOf(command);
      const paths = inputFiles(given, context.err, lang);
      const out = options.out ?? besideInputs(paths);
      checkOutputFolder(out);
      const progress = progressFor(context, lang, paths.length);
      const print = printStages(context.err, lang);
      const { report } = await reportFromFiles(paths, { ...options, sheets: sheetChoiceOf(options) }, (event) => {
        if (event.kind === 'file-read') return progress.fileRead(event.account);
        if (event.stage === 'import') progress.done();
        print(event);
        if (event.stage === 'import') progress.stage(msg('Đang tính chỉ tiêu', 'Computing indicators'));
        else if (event.stage === 'compute') progress.stage(msg('Đang viết báo cáo', 'Writing the report'));
        else progress.done();
      });
      if (report.completeness && report.completeness.missing.length > 0) context.err(render(completenessMessage(report.unit.fullName, report.completeness), lang));
      const written = writeReportFiles(out, report.unit.code, report.input.result.period.id, report.files);
      sayWritten(context, lang, { ...written, placeholders: report.files.placeholders });
    });
}
