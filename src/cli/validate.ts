import type { Command } from 'commander';
import { writeErrorWorkbook } from '../import/error-workbook.js';
import { accountingLines, rejectedLine, summaryLines, warningLine } from '../import/summary.js';
import { ExitCode, msg, render } from '../model/messages.js';
import { readData, totalsOf } from '../pipeline/read.js';
import { langOf, type CliContext } from './context.js';
import { parseIsoDateOption } from './options.js';
import { progressFor } from './progress.js';

const vi = (n: number) => n.toLocaleString('vi-VN');
const en = (n: number) => n.toLocaleString('en-US');

/** How many rejected rows are listed one by one on the terminal; the rest are in the workbook. */
const LISTED_ROWS = 50;

export function registerValidate(program: Command, context: CliContext): void {
  program
    .command('validate')
    .description('Kiểm tra file dữ liệu trẻ em: đếm dòng đọc được, dòng hợp lệ, dòng bị loại và lý do')
    .argument('<files...>', 'file .xlsx hoặc .csv')
    .option('--out <errors.xlsx>', 'ghi các dòng bị loại (kèm lý do) ra sổ Excel')
    .option('--strict', 'kết thúc với mã 3 nếu có dòng bị loại')
    .option('--as-of <date>', 'kiểm tra mã đơn vị hành chính theo danh mục có hiệu lực tại ngày này (yyyy-mm-dd)', parseIsoDateOption)
    .action(async (files: string[], options: { out?: string; strict?: boolean; asOf?: string }, command: Command) => {
      const lang = langOf(command);
      const progress = progressFor(context, lang, files.length);
      const result = await readData(files, {
        ...(options.asOf ? { codesAsOf: options.asOf } : {}),
        onEvent: (event) => event.kind === 'file-read' && progress.fileRead(event.account),
      });
      progress.done();
      const print = context.out;
      for (const line of accountingLines(result.files, lang)) print(line);
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
      const notable = result.warnings.filter((warning) => warning.kind !== 'totals_row');
      if (notable.length > 0) {
        print(render(msg('Cảnh báo:', 'Warnings:'), lang));
        for (const warning of notable.slice(0, LISTED_ROWS)) print(`  ${warningLine(warning, lang)}`);
        if (notable.length > LISTED_ROWS) print(`  … (${notable.length - LISTED_ROWS})`);
      }
      for (const line of summaryLines(result.rejected, result.warnings, lang)) print(line);
      if (options.out) {
        await writeErrorWorkbook(options.out, result.rejected, lang);
        print(
          render(
            msg(`Đã ghi sổ lỗi ${options.out} (có dữ liệu cá nhân: chỉ lưu trong cơ quan).`, `Wrote ${options.out} (contains personal data: keep it in the office).`),
            lang,
          ),
        );
      }
      if (options.strict && result.rejected.length > 0) context.exitCode = ExitCode.rejectedRows;
    });
}
