import type { Command } from 'commander';
import { checkOutputFile, writeOutputFile } from '../io/output.js';
import { accountingLines, columnLines, rejectedLine, summaryLines, warningLine } from '../pipeline/stages.js';
import { ExitCode, msg, render } from '../model/messages.js';
import { readData, totalsOf } from '../pipeline/read.js';
import { placeStep } from '../pipeline/compute.js';
import { loadAdminUnits, loadVillageMap } from '../pipeline/load.js';
import { ignoreSheetOption, profileOption, sheetChoiceOf, type SheetOptions } from './sheet-options.js';
import { inputFiles } from './inputs.js';
import { langOf, type CliContext } from './context.js';
import type { Text } from './help.js';
import { parseDateOption } from './options.js';
import { progressFor } from './progress.js';

const vi = (n: number) => n.toLocaleString('vi-VN');
const en = (n: number) => n.toLocaleString('en-US');

/** How many rejected rows are listed one by one on the terminal; the rest are in the workbook. */
const LISTED_ROWS = 50;

export function registerValidate(program: Command, context: CliContext, text: Text): void {
  program
    .command('validate')
    .description(text(msg('Kiểm tra file dữ liệu trẻ em: đếm dòng đọc được, dòng hợp lệ, dòng bị loại và lý do', 'Check child data files: rows read, accepted and rejected, with the reasons')))
    .argument(text(msg('<tệp...>', '<files...>')), text(msg('tệp .xlsx, .xls hoặc .csv', '.xlsx, .xls or .csv files')))
    .option(text(msg('--out <sổ-lỗi.xlsx>', '--out <errors.xlsx>')), text(msg('ghi các dòng bị loại (kèm lý do) và các cảnh báo ra sổ Excel', 'write the rejected rows (with reasons) and the warnings to a workbook')))
    .option('--strict', text(msg('kết thúc với mã 3 nếu có dòng bị loại', 'exit with code 3 if any row is rejected')))
    .option(
      text(msg('--as-of <ngày>', '--as-of <date>')),
      text(msg('kiểm tra mã đơn vị hành chính theo danh mục có hiệu lực tại ngày này (dd/mm/yyyy hoặc yyyy-mm-dd)', 'check administrative codes against the list valid on this date (dd/mm/yyyy or yyyy-mm-dd)')),
      parseDateOption,
    )
    .option(
      text(msg('--village-map <tệp>', '--village-map <file>')),
      text(msg('tệp CSV/YAML ghi thôn của xã cũ bị chia thuộc xã mới nào (kiểm tra tệp và xếp các dòng theo nó)', 'CSV/YAML file saying which new commune each village of a split old commune went to (checked, and rows placed by it)')),
    )
    .addOption(profileOption(text))
    .addOption(ignoreSheetOption(text))
    .action(async (given: string[], options: SheetOptions & { out?: string; strict?: boolean; asOf?: string; villageMap?: string }, command: Command) => {
      const lang = langOf(command);
      const files = inputFiles(given, context.err, lang);
      if (options.out !== undefined) checkOutputFile(options.out, { extensions: ['.xlsx'] });
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
        onEvent: (event) => event.kind === 'file-read' && progress.fileRead(event.account),
      });
      progress.done();
      // Rows are placed on the units of --as-of (default today) as a report would place them:
      // a code its file's vintage does not know, or an ambiguous reused code, is rejected here too.
      const placed = placeStep(imported, { referenceDate: options.asOf ?? today, ...(options.asOf ? { codesAsOf: options.asOf } : {}), ...(villageMap ? { villageMap } : {}) }, units);
      const result = { ...imported, files: placed.files, rejected: placed.rejected };
      const print = context.out;
      for (const line of accountingLines(result.files, lang, { columns: true })) print(line);
      for (const unreadable of result.unreadable) {
        context.err(render(unreadable.text, lang));
        if (unreadable.columns) {
          print(render(msg(`${unreadable.file}: trang "${unreadable.sheet}" không đọc được:`, `${unreadable.file}: sheet "${unreadable.sheet}" cannot be read:`), lang));
          for (const line of columnLines(unreadable.columns, lang, '    ')) print(line);
        }
      }
      const total = totalsOf(result);
      print(
        render(
          msg(
            `Tổng cộng ${result.files.length} file: đọc ${vi(total.read)} dòng = ${vi(total.accepted)} hợp lệ + ${vi(total.rejected)} bị loại.`,
            `Total for ${result.files.length} file(s): read ${en(total.read)} rows = ${en(total.accepted)} accepted + ${en(total.rejected)} rejected.`,
          ),
          lang,
        ),
      );
      if (result.rejected.length > 0) {
        print(render(msg('Dòng bị loại:', 'Rejected rows:'), lang));
        for (const row of result.rejected.slice(0, LISTED_ROWS)) print(`  ${rejectedLine(row, lang)}`);
        if (result.rejected.length > LISTED_ROWS) {
          const more = result.rejected.length - LISTED_ROWS;
          print(render(msg(`  … và ${more} dòng khác (xem sổ lỗi --out)`, `  … and ${more} more (see the --out workbook)`), lang));
        }
      }
      // Misspelt headers are in each sheet's column lines already.
      const notable = result.warnings.filter((warning) => warning.kind !== 'totals_row' && warning.kind !== 'misspelt_column');
      if (notable.length > 0) {
        print(render(msg('Cảnh báo:', 'Warnings:'), lang));
        for (const warning of notable.slice(0, LISTED_ROWS)) print(`  ${warningLine(warning, lang)}`);
        if (notable.length > LISTED_ROWS) print(`  … (${notable.length - LISTED_ROWS})`);
      }
      for (const line of summaryLines(result.rejected, result.warnings, lang, { rows: total.read, unreadable: result.unreadable.length })) print(line);
      if (options.out) {
        // exceljs takes a quarter of a second to load: only a run that writes the workbook pays it.
        const { OUTPUTS } = await import('../output/formats.js');
        writeOutputFile(options.out, await OUTPUTS.errorWorkbook.write({ rejected: result.rejected, lang, context: { warnings: result.warnings, files: result.files } }));
        print(
          render(
            msg(`Đã ghi sổ lỗi ${options.out} (có dữ liệu cá nhân: chỉ lưu trong cơ quan).`, `Wrote ${options.out} (contains personal data: keep it in the office).`),
            lang,
          ),
        );
      }
      if (options.strict && result.rejected.length > 0) context.exitCode = ExitCode.rejectedRows;
      // Input that could not be read at all is worse than rows rejected: it was not even checked.
      if (result.unreadable.length > 0) context.exitCode = ExitCode.unreadableInput;
    });
}
