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
import { existsSync, readdirSync } from 'node:fs';
import { outputPath } from '../io/file-names.js';
import { checkOutputFolder, prepareOutputFolder, writeOutputFile } from '../io/output.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { computeIndicators, loadCatalogue, loadTargets, parsePeriod } from '../engine/index.js';
import { importFiles } from '../import/index.js';
import { ExitCode, UserError, msg, render, type Lang } from '../model/messages.js';
import type { Dataset } from '../model/records.js';
import type { ComputeResult, IndicatorResult } from '../model/results.js';
import { createAnnex, createReport, placeholdersMessage, reportBaseName, type ReportInput, type UnitName } from '../report/index.js';
import { formatNumber } from '../report/format-vi.js';
import { breakdownId } from '../report/result-index.js';
import { reportOutcome, runAggregate, writeAggregateReport } from './aggregate.js';
import { progressFor } from './progress.js';
import { langOf, say, type CliContext } from './context.js';
import type { Text } from './help.js';
import {
  catalogueFacts,
  completenessFor,
  factsFor,
  lastYearNotesOf,
  formatCount,
  importLine,
  parseSuppressOption,
  SUPPRESS_HELP,
  loadReportOptions,
  reportUnit,
  resultFor,
  toolVersion,
  writeReportFiles,
  type LoadedReportOptions,
} from './report.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEMO = {
  samples: join(ROOT, 'sample-data'),
  targets: join(ROOT, 'targets', 'ke-hoach-003-phu-la-2025.yaml'),
  settings: join(ROOT, 'settings', 'huyen-son-ha.yaml'),
  narrative: join(ROOT, 'settings', 'noi-dung-mau.yaml'),
  unit: '529',
  period: '2025-H1',
} as const;

interface Computed {
  readonly result: ComputeResult;
  readonly baseline?: ComputeResult;
}


function inputFor(unit: UnitName, children: UnitName[], computed: Computed, rest: Omit<ReportInput, 'result' | 'baseline' | 'unit' | 'children'>): ReportInput {
  const codes = new Set([unit.code, ...children.map((child) => child.code)]);
  return {
    result: resultFor(computed.result, codes),
    ...(computed.baseline ? { baseline: resultFor(computed.baseline, codes) } : {}),
    unit,
    children,
    ...rest,
  };
}

const fraction = (row: IndicatorResult) => `${formatNumber(row.numerator)}/${formatNumber(row.denominator)}`;

/** Rows of one unit where compute and aggregate disagree, as lines to print. */
export function differences(unit: string, computed: readonly IndicatorResult[], summed: readonly IndicatorResult[]): string[] {
  const key = (row: IndicatorResult) => `${row.indicator} {${breakdownId(row.breakdown)}}`;
  const mine = new Map(summed.filter((row) => row.unit === unit).map((row) => [key(row), row]));
  const lines: string[] = [];
  for (const row of computed.filter((r) => r.unit === unit)) {
    const other = mine.get(key(row));
    mine.delete(key(row));
    const same =
      other !== undefined &&
      other.numerator === row.numerator &&
      other.denominator === row.denominator &&
      (other.value === row.value || (other.value !== null && row.value !== null && Math.abs(other.value - row.value) < 1e-9));
    if (!same) lines.push(`${key(row)}: ${fraction(row)} ≠ ${other ? fraction(other) : '(không có)'}`);
  }
  for (const [k, row] of mine) lines.push(`${k}: (không có) ≠ ${fraction(row)}`);
  return lines;
}

export async function runDemo(outDir: string, context: CliContext, lang: Lang, samples: string = DEMO.samples, suppress?: number): Promise<void> {
  const files = existsSync(samples) ? readdirSync(samples).filter((name) => name.endsWith('.xlsx')).sort() : [];
  if (files.length === 0) {
    throw new UserError(
      ExitCode.unreadableInput,
      msg(`Chưa có dữ liệu mẫu trong ${samples}: chạy "npm run sample" trước.`, `No sample data in ${samples}: run "npm run sample" first.`),
    );
  }
  const paths = files.map((name) => join(samples, name));
  checkOutputFolder(outDir);
  const loaded: LoadedReportOptions = loadReportOptions({ settings: DEMO.settings, narrative: DEMO.narrative, ...(suppress !== undefined ? { suppress } : {}) });
  const period = parsePeriod(DEMO.period);
  const catalogue = loadCatalogue();
  const plan = loadTargets(DEMO.targets, catalogue);
  const version = toolVersion();
  const common = { ...catalogueFacts(catalogue), toolVersion: version, origin: 'compute' as const };

  // 1. The district report, computed from all the communes' records.
  const { unit, children } = reportUnit(DEMO.unit, period);
  const progress = progressFor(context, lang, paths.length);
  const imported = await importFiles(paths, { onFileRead: progress.fileRead, latestBirthDate: { date: period.to, why: 'period_end' } });
  progress.stage(msg('Đang tính chỉ tiêu', 'Computing indicators'));
  const district = { imported, computed: computeIndicators({ dataset: imported.dataset, period, catalogue, level: 'district', targets: [plan], baseline: 'records' }) };
  progress.done();
  context.out(importLine(district.imported.files, lang));
  const computed: Computed = { result: district.computed.result, ...(district.computed.baselineResult ? { baseline: district.computed.baselineResult } : {}) };
  const completeness = completenessFor(computed.result, unit, period);
  const input = inputFor(unit, children, computed, {
    ...common,
    ...(completeness ? { completeness } : {}),
    ...lastYearNotesOf(catalogue),
    facts: factsFor(district.imported.dataset, unit, period),
    sources: district.imported.files,
  });
  const files1 = await createReport(input, loaded);
  const report = writeReportFiles(outDir, unit.code, period.id, files1);
  say(context, lang, msg(`1. Báo cáo của ${unit.fullName}: ${report.docx}, phụ lục ${report.xlsx}`, `1. ${unit.fullName}'s report: ${report.docx}, annex ${report.xlsx}`));
  const left = placeholdersMessage(files1.placeholders);
  if (left) say(context, lang, left);

  // 2. Each commune's annex, from its own records. They come from the district's reading of
  // all the files, so a child already rejected there as a duplicate of another commune's child
  // (sample error E05) is not counted twice: the check below can then ask for equality.
  const communeDir = join(outDir, 'xa');
  prepareOutputFolder(communeDir);
  const annexes: string[] = [];
  const communeSettings = loaded.settings?.reportDate ? { settings: { numberPattern: '{number}/BC-UBND', fontSize: 14 as const, reportDate: loaded.settings.reportDate } } : {};
  const dataset = district.imported.dataset;
  for (const child of children) {
    const own: Dataset = {
      children: dataset.children.filter((record) => record.communeCode === child.code),
      events: dataset.events.filter((record) => record.communeCode === child.code),
      communeFacts: dataset.communeFacts.filter((record) => record.communeCode === child.code),
    };
    if (own.children.length === 0 && own.events.length === 0) continue;
    const result = computeIndicators({ dataset: own, period, catalogue, level: 'commune', targets: [plan], baseline: 'records' });
    const files = new Set([...own.children, ...own.events, ...own.communeFacts].map((record) => record.source.file));
    const communeInput = inputFor(child, [], { result: result.result, ...(result.baselineResult ? { baseline: result.baselineResult } : {}) }, {
      ...common,
      facts: factsFor(own, child, period),
      sources: district.imported.files.filter((file) => files.has(file.file)),
    });
    const file = outputPath(communeDir, `${reportBaseName(child.code, period.id, 'phu-luc')}.xlsx`);
    writeOutputFile(file, await createAnnex(communeInput, communeSettings));
    annexes.push(file);
  }
  const duplicates = district.imported.rejected.filter((row) => row.issues.some((issue) => issue.kind === 'duplicate_child')).length;
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
  const outcome = await runAggregate(annexes, { unit: unit.code, period: period.id, plan });
  reportOutcome(context, outcome, lang);
  const summed = await writeAggregateReport(join(outDir, 'tong-hop'), outcome, loaded);
  say(context, lang, msg(`3. Báo cáo tổng hợp từ phụ lục các xã: ${summed.docx}, phụ lục ${summed.xlsx}`, `3. Report summed from the communes' annexes: ${summed.docx}, annex ${summed.xlsx}`));

  const diff = [
    ...differences(unit.code, computed.result.results, outcome.input.result.results),
    ...(computed.baseline && outcome.input.baseline ? differences(unit.code, computed.baseline.results, outcome.input.baseline.results) : []),
  ];
  const statuses = (targets: ComputeResult['targets']) =>
    targets
      .filter((t) => t.unit === unit.code)
      .map((t) => `${t.indicator}:${t.status}`)
      .sort()
      .join(',');
  const targetsAgree = statuses(computed.result.targets) === statuses(outcome.input.result.targets);
  const rows = computed.result.results.filter((row) => row.unit === unit.code).length;
  if (diff.length === 0 && targetsAgree) {
    say(
      context,
      lang,
      msg(
        `Kiểm tra: cộng phụ lục các xã cho đúng số của huyện tính trực tiếp từ dữ liệu (${formatCount(rows, 'vi')} dòng chỉ tiêu kỳ này, cả cùng kỳ năm trước và trạng thái chỉ tiêu kế hoạch).`,
        `Check: the communes' annexes add up to the district's figures computed from the records (${formatCount(rows, 'en')} result rows, last year's too, and the target statuses).`,
      ),
    );
    return;
  }
  context.err(render(msg('Kiểm tra: số cộng từ phụ lục các xã khác số tính trực tiếp:', 'Check: the summed annexes differ from the computed figures:'), lang));
  for (const line of diff.slice(0, 20)) context.err(`  ${line}`);
  if (!targetsAgree) context.err(render(msg('  trạng thái chỉ tiêu kế hoạch khác nhau', '  target statuses differ'), lang));
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
