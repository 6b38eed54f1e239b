import type { Command } from 'commander';
import { join } from 'node:path';
import { checkOutputFile, checkOutputFolder, prepareOutputFolder, writeOutputFile, writeOutputFiles } from '../io/output.js';
import { accountingLines, columnLines, loadAdminUnits, rejectedLine, summaryLines, warningLine } from '../pipeline/stages.js';
import { cliText, ExitCode, numberIn, outputText, render, UserError } from '../messages/index.js';
import { loadVillageMap } from '../pipeline/load.js';
import { readData, totalsOf } from '../pipeline/read.js';
import { ignoreSheetOption, profileOption, sheetChoiceOf, type SheetOptions } from './sheet-options.js';
import { inputFiles } from './inputs.js';
import { langOf, type CliContext } from './context.js';
import type { Text } from './help.js';
import { parseDateOption } from './options.js';
import { progressFor } from './progress.js';

/** How many rejected rows are listed one by one on the terminal; the rest are in the workbook. */
const LISTED_ROWS = 50;

export function registerValidate(program: Command, context: CliContext, text: Text): void {
  program
    .command('validate')
    .description(text(cliText.validateDescription()))
    .argument(text(cliText.computeArguments()), text(cliText.computeArgumentsHelp()))
    .option(text(cliText.errorWorkbookFlag()), text(cliText.validateOutHelp()))
    .option(text(outputText.outDirOption()), text(outputText.outDirHelp()))
    .option('--per-commune', text(outputText.perCommuneHelp()))
    .option('--strict', text(cliText.validateStrictHelp()))
    .option(
      text(cliText.asOfFlag()),
      text(cliText.validateAsOfHelp()),
      parseDateOption('--as-of'),
    )
    .option(
      text(cliText.villageMapFlag()),
      text(cliText.validateVillageMapHelp()),
    )
    .addOption(profileOption(text))
    .addOption(ignoreSheetOption(text))
    .action(async (given: string[], options: SheetOptions & { out?: string; outDir?: string; perCommune?: boolean; strict?: boolean; asOf?: string; villageMap?: string }, command: Command) => {
      const lang = langOf(command);
      if (options.perCommune && options.outDir === undefined) throw new UserError(ExitCode.usage, outputText.perCommuneNeedsOutDir());
      const files = inputFiles(given, context.err, lang);
      if (options.out !== undefined) checkOutputFile(options.out, { extensions: ['.xlsx'] });
      if (options.outDir !== undefined) checkOutputFolder(options.outDir, { option: '--out-dir' });
      const sheets = sheetChoiceOf(options);
      const progress = progressFor(context, lang, files.length);
      // Every file and sheet is checked, also after one that cannot be read; the run exits with the worst code.
      const today = new Date().toISOString().slice(0, 10);
      const units = loadAdminUnits();
      const villageMap = options.villageMap !== undefined ? loadVillageMap(options.villageMap, units) : undefined;
      const latestBirthDate = options.asOf ? { date: options.asOf, why: 'as_of' as const } : { date: today, why: 'today' as const };
      const imported = await readData(files, {
        ...(options.asOf ? { codesAsOf: options.asOf } : {}),
        keepGoing: true,
        latestBirthDate,
        sheets,
        onEvent: (event) => (event.kind === 'file-read' ? progress.fileRead(event.account) : event.kind === 'rows-read' && progress.rowsRead(event.file, event.rows)),
      });
      progress.done();
      // The engine (arquero) is loaded once the files are read: reading starts without waiting for it.
      const { placeStep } = await import('../pipeline/compute.js');
      // Rows are placed on the units of --as-of (default today) as a report would place them:
      // a code its file's vintage does not know, or an ambiguous reused code, is rejected here too.
      const placed = placeStep(imported, { referenceDate: options.asOf ?? today, ...(options.asOf ? { codesAsOf: options.asOf } : {}), ...(villageMap ? { villageMap } : {}) }, units);
      const result = { ...imported, files: placed.files, rejected: placed.rejected };
      const print = context.out;
      for (const line of accountingLines(result.files, lang, { columns: true })) print(line);
      for (const unreadable of result.unreadable) {
        context.err(render(unreadable.text, lang));
        if (unreadable.columns) {
          print(render(cliText.sheetUnreadable({ file: unreadable.file, sheet: unreadable.sheet }), lang));
          for (const line of columnLines(unreadable.columns, lang, '    ')) print(line);
        }
      }
      const total = totalsOf(result);
      print(
        render(
          cliText.validateTotals({ files: result.files.length, read: total.read, accepted: total.accepted, rejected: total.rejected }),
          lang,
        ),
      );
      if (result.rejected.length > 0) {
        print(render(cliText.rejectedRowsHeading(), lang));
        for (const row of result.rejected.slice(0, LISTED_ROWS)) print(`  ${rejectedLine(row, lang)}`);
        if (result.rejected.length > LISTED_ROWS) {
          const more = result.rejected.length - LISTED_ROWS;
          print(render(cliText.moreRejectedRows({ more }), lang));
        }
      }
      // Misspelt headers are in each sheet's column lines already.
      const notable = result.warnings.filter((warning) => warning.kind !== 'totals_row' && warning.kind !== 'misspelt_column');
      if (notable.length > 0) {
        print(render(cliText.warningsHeading(), lang));
        for (const warning of notable.slice(0, LISTED_ROWS)) print(`  ${warningLine(warning, lang)}`);
        if (notable.length > LISTED_ROWS) print(`  … (${numberIn(lang, notable.length - LISTED_ROWS)})`);
      }
      for (const line of summaryLines(result.rejected, result.warnings, lang, { rows: total.read, unreadable: result.unreadable.length })) print(line);
      if (options.out) {
        // exceljs takes a quarter of a second to load: only a run that writes the workbook pays it.
        const { OUTPUTS } = await import('../output/formats.js');
        writeOutputFile(options.out, await OUTPUTS.errorWorkbook.write({ rejected: result.rejected, lang, context: { warnings: result.warnings, files: result.files } }));
        print(
          render(
            cliText.errorWorkbookWritten({ out: options.out }),
            lang,
          ),
        );
      }
      if (options.outDir !== undefined) {
        const { OUTPUTS } = await import('../output/formats.js');
        const { errorWorkbooksByFile, fileErrorDocument } = await import('../output/error-workbook.js');
        prepareOutputFolder(options.outDir, { option: '--out-dir' });
        const run = { rejected: result.rejected, warnings: result.warnings, files: result.files, dataset: imported.dataset };
        if (options.perCommune) {
          const books = errorWorkbooksByFile(run, units);
          const written = await Promise.all(books.map(async (book) => ({ path: join(options.outDir!, book.fileName), data: await OUTPUTS.errorWorkbook.write(fileErrorDocument(book, lang)), book })));
          writeOutputFiles(written, { option: '--out-dir' });
          for (const { path, book } of written) print(outputText.perCommuneWritten({ path, file: book.file, rejected: book.rejected.length, warnings: book.warnings.length }).in(lang));
          print(outputText.perCommuneSummary({ written: written.length, files: result.files.length }).in(lang));
        } else {
          const path = join(options.outDir, 'so-loi.xlsx');
          writeOutputFile(path, await OUTPUTS.errorWorkbook.write({ rejected: result.rejected, lang, context: { warnings: result.warnings, files: result.files } }), { option: '--out-dir' });
          print(render(cliText.errorWorkbookWritten({ out: path }), lang));
        }
      }
      if (options.strict && result.rejected.length > 0) context.exitCode = ExitCode.rejectedRows;
      // Input that could not be read at all is worse than rows rejected: it was not even checked.
      if (result.unreadable.length > 0) context.exitCode = ExitCode.unreadableInput;
    });
}
