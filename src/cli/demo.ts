/**
 * `chitieu demo [--out DIR] [--samples DIR] [--suppress K]` (default out/demo): the whole chain
 * on the synthetic data of huyện Sơn Hà (sample-data/, made by `npm run sample`). Nothing is
 * suppressed unless `--suppress` is given; the communes' annexes never are (they are summed).
 *
 *   1. the district's six-month report 2025-H1 with the plan's targets and last year's
 *      figures from the same records, and its annex;
 *   2. one annex workbook per commune, as each commune would send up (`xa/`);
 *   3. those annexes summed back into the district (`tong-hop/`), checked against step 1.
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import { outputPath } from '../io/file-names.js';
import { checkOutputFolder, prepareOutputFolder, writeOutputFile } from '../io/output.js';
import { ExitCode, msg, render, type Lang } from '../model/messages.js';
import { aggregateStep } from '../pipeline/aggregate.js';
import { checkSum, communeAnnexes, demoSetup, districtReport, duplicateChildren, sampleFiles, DEMO } from '../pipeline/demo.js';
import { placeholdersMessage, reportBaseName } from '../report/index.js';
import { reportOutcome, writeAggregateReport } from './aggregate.js';
import { langOf, say, type CliContext } from './context.js';
import type { Text } from './help.js';
import { progressFor } from './progress.js';
import { formatCount, importLine, parseSuppressOption, SUPPRESS_HELP, writeReportFiles } from './report.js';

export { DEMO };

export async function runDemo(outDir: string, context: CliContext, lang: Lang, samples: string = DEMO.samples, suppress?: number): Promise<void> {
  const paths = sampleFiles(samples);
  checkOutputFolder(outDir);
  const setup = demoSetup(suppress);

  // 1. The district report, computed from all the communes' records.
  const progress = progressFor(context, lang, paths.length);
  const district = await districtReport(paths, setup, (event) => {
    if (event.kind === 'file-read') progress.fileRead(event.account);
    else if (event.stage === 'import') progress.stage(msg('Đang tính chỉ tiêu', 'Computing indicators'));
    else if (event.stage === 'compute') progress.done();
  });
  context.out(importLine(district.imported.files, lang));
  const { unit } = district.report;
  const period = district.computed.output.result.period;
  const report = writeReportFiles(outDir, unit.code, period.id, district.report.files);
  say(context, lang, msg(`1. Báo cáo của ${unit.fullName}: ${report.docx}, phụ lục ${report.xlsx}`, `1. ${unit.fullName}'s report: ${report.docx}, annex ${report.xlsx}`));
  const left = placeholdersMessage(district.report.files.placeholders);
  if (left) say(context, lang, left);

  // 2. Each commune's annex, as each commune would send it up.
  const communeDir = join(outDir, 'xa');
  prepareOutputFolder(communeDir);
  const annexes: string[] = [];
  for (const annex of await communeAnnexes(district, setup)) {
    const file = outputPath(communeDir, `${reportBaseName(annex.unit.code, period.id, 'phu-luc')}.xlsx`);
    writeOutputFile(file, annex.xlsx);
    annexes.push(file);
  }
  const duplicates = duplicateChildren(district.imported);
  if (duplicates > 0) {
    say(
      context,
      lang,
      msg(
        `   (${formatCount(duplicates, 'vi')} dòng trẻ em trùng với trẻ của xã khác đã bị loại khi đọc chung các tệp; nếu mỗi xã tự lập phụ lục, phép cộng sẽ tính trẻ đó hai lần.)`,
        `   (${formatCount(duplicates, 'en')} child row(s) repeating another commune's child were rejected when the files were read together; had each commune made its own annex, the sum would count that child twice.)`,
      ),
    );
  }
  say(context, lang, msg(`2. Phụ lục của ${formatCount(annexes.length, 'vi')} xã, thị trấn: ${communeDir}`, `2. Annexes of ${formatCount(annexes.length, 'en')} communes: ${communeDir}`));

  // 3. The communes' annexes summed back into the district, and checked.
  const outcome = await aggregateStep(annexes, { unit: unit.code, period: period.id, plan: setup.plan }, setup.definitions);
  reportOutcome(context, outcome, lang);
  const summed = await writeAggregateReport(join(outDir, 'tong-hop'), outcome, setup.loaded);
  say(context, lang, msg(`3. Báo cáo tổng hợp từ phụ lục các xã: ${summed.docx}, phụ lục ${summed.xlsx}`, `3. Report summed from the communes' annexes: ${summed.docx}, annex ${summed.xlsx}`));

  const check = checkSum(district, outcome);
  if (check.differences.length === 0 && check.targetsAgree) {
    say(
      context,
      lang,
      msg(
        `Kiểm tra: cộng phụ lục các xã cho đúng số của huyện tính trực tiếp từ dữ liệu (${formatCount(check.rows, 'vi')} dòng chỉ tiêu kỳ này, cả cùng kỳ năm trước và trạng thái chỉ tiêu kế hoạch).`,
        `Check: the communes' annexes add up to the district's figures computed from the records (${formatCount(check.rows, 'en')} result rows, last year's too, and the target statuses).`,
      ),
    );
    return;
  }
  context.err(render(msg('Kiểm tra: số cộng từ phụ lục các xã khác số tính trực tiếp:', 'Check: the summed annexes differ from the computed figures:'), lang));
  for (const line of check.differences.slice(0, 20)) context.err(`  ${line}`);
  if (!check.targetsAgree) context.err(render(msg('  trạng thái chỉ tiêu kế hoạch khác nhau', '  target statuses differ'), lang));
  context.err(render(msg('(Khác nhau khi một trẻ em có số liệu ở hai xã: phép cộng tính trẻ đó hai lần.)', '(They differ when a child has figures in two communes: the sum counts it twice.)'), lang));
  context.exitCode = ExitCode.usage;
}

export function registerDemo(program: Command, context: CliContext, text: Text): void {
  program
    .command('demo')
    .description(
      text(
        msg(
          'Chạy thử toàn bộ trên dữ liệu mẫu huyện Sơn Hà: báo cáo 6 tháng đầu năm 2025, phụ lục các xã, tổng hợp lại và đối chiếu',
          'The whole chain on the sample data of huyện Sơn Hà: the report of the first half of 2025, the communes\' annexes, summed again and compared',
        ),
      ),
    )
    .option(text(msg('--out <thư-mục>', '--out <folder>')), text(msg('thư mục ghi kết quả', 'folder to write into')), join('out', 'demo'))
    .option(text(msg('--samples <thư-mục>', '--samples <folder>')), text(msg('thư mục dữ liệu mẫu (mặc định sample-data/ của chương trình)', 'folder of sample data (default: the program\'s sample-data/)')))
    .option('--suppress <K>', text(SUPPRESS_HELP), parseSuppressOption)
    .action(async (options: { out: string; samples?: string; suppress?: number }, command: Command) => {
      await runDemo(options.out, context, langOf(command), options.samples, options.suppress);
    });
}
