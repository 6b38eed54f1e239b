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
import { accountingLines, completenessMessage, type FileAccount, placeholdersMessage, reportBaseName } from '../pipeline/stages.js';
import { outputPath } from '../io/file-names.js';
import { checkOutputFolder, prepareOutputFolder, writeOutputFiles } from '../io/output.js';
import { cliText, ExitCode, UserError, render, type Lang } from '../messages/index.js';
import type { OnPipelineEvent } from '../pipeline/events.js';
import type { ReportRequest } from '../pipeline/report.js';
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
      cliText.suppressNotValid({ given: value }),
    );
  }
  return k;
}

export const STRICT_HELP = cliText.reportStrictHelp();

export const SUPPRESS_HELP = cliText.suppressHelp();

/** The files a report command wrote, and the sections left for the office to write. */
export interface WrittenReport {
  readonly docx: string;
  readonly xlsx: string;
  readonly placeholders: ReportFiles['placeholders'];
}

/** "Đã ghi báo cáo …", then which sections are still placeholders. */
export function sayWritten(context: CliContext, lang: Lang, written: WrittenReport): void {
  say(context, lang, cliText.reportWritten({ docx: written.docx, xlsx: written.xlsx }));
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
    cliText.reportRowsRead({ files: files.length, read, accepted, rejected: read - accepted }),
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
    .description(text(cliText.reportDescription()))
    .argument(text(cliText.computeArguments()), text(cliText.reportArgumentsHelp()));
  addPeriodOptions(command, text)
    .requiredOption(text(cliText.unitFlag()), text(cliText.reportUnitHelp()))
    .option(text(cliText.targetsFlag()), text(cliText.computeTargetsHelp()))
    .option(
      text(cliText.baselineFlag()),
      text(cliText.reportBaselineHelp()),
    )
    .option(
      text(cliText.settingsFlag()),
      text(cliText.reportSettingsHelp()),
    )
    .option(text(cliText.templateFlag()), text(cliText.reportTemplateHelp()))
    .option(text(cliText.narrativeFlag()), text(cliText.reportNarrativeHelp()))
    .option('--suppress <K>', text(SUPPRESS_HELP), parseSuppressOption)
    .option(text(cliText.outFlag()), text(OUT_FOLDER_HELP))
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
      const { reportFromFiles } = await import('../pipeline/report.js');
      const { report } = await reportFromFiles(paths, { ...options, sheets: sheetChoiceOf(options) }, (event) => {
        if (event.kind === 'file-read') return progress.fileRead(event.account);
        if (event.kind === 'rows-read') return progress.rowsRead(event.file, event.rows);
        if (event.kind !== 'stage-done') return;
        if (event.stage === 'import') progress.done();
        print(event);
        if (event.stage === 'import') progress.stage(cliText.stageComputing());
        else if (event.stage === 'compute') progress.stage(cliText.stageWritingReport());
        else progress.done();
      });
      if (report.completeness && report.completeness.missing.length > 0) context.err(render(completenessMessage(report.unit.fullName, report.completeness), lang));
      const written = writeReportFiles(out, report.unit.code, report.input.result.period.id, report.files);
      sayWritten(context, lang, { ...written, placeholders: report.files.placeholders });
    });
}
