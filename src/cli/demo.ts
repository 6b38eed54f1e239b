/**
 * `chitieu demo [--scenario 2026|2025-district] [--out DIR] [--samples DIR] [--suppress K]`
 * (default out/demo). Nothing is suppressed unless `--suppress` is given.
 *
 * `2026` (the default, today's): on the post-reform sample (sample-data/quang-ngai-2026), the
 * six-month report 2026-H1 of the new commune Xã Sơn Hà and of the province, each against
 * 2025-H1 from the same records (written in the old codes) and the sample targets of 2026.
 *
 * `2025-district`: the whole chain on the pre-reform data of huyện Sơn Hà (sample-data/, made
 * by `npm run sample`); the communes' annexes are never suppressed (they are summed):
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
import { cliText, ExitCode, UserError, render, type Lang } from '../messages/index.js';
import type { DemoScenario } from '../pipeline/demo.js';
import { completenessMessage, placeholdersMessage, placementLines, reportBaseName } from '../pipeline/stages.js';
import type { UnitReport } from '../pipeline/report.js';
import type { OnPipelineEvent } from '../pipeline/events.js';
import { reportOutcome, writeAggregateReport } from './aggregate.js';
import { langOf, say, type CliContext } from './context.js';
import type { Text } from './help.js';
import { progressFor } from './progress.js';
import { importLine, parseSuppressOption, SUPPRESS_HELP, writeReportFiles } from './report.js';

/** The progress line while the demo reads and computes. */
function demoProgress(context: CliContext, lang: Lang, files: number): OnPipelineEvent {
  const progress = progressFor(context, lang, files);
  return (event) => {
    if (event.kind === 'file-read') progress.fileRead(event.account);
    else if (event.kind === 'rows-read') progress.rowsRead(event.file, event.rows);
    else if (event.kind !== 'stage-done') return;
    else if (event.stage === 'import') progress.stage(cliText.stageComputing());
    else if (event.stage === 'compute') progress.done();
  };
}

/** Today's demo: the 2026-H1 reports of a new commune and of the province, against 2025-H1 across the reform. */
export async function runTodayDemo(outDir: string, context: CliContext, lang: Lang, samples?: string, suppress?: number): Promise<void> {
  const { DEMO_2026, sampleFiles, todayReports } = await import('../pipeline/demo.js');
  const paths = sampleFiles(samples ?? DEMO_2026.samples);
  checkOutputFolder(outDir);
  const run = await todayReports(paths, suppress, demoProgress(context, lang, paths.length));
  // The accounting with the rows placing them on today's units rejected (none in the sample).
  context.out(importLine(run.computed.files, lang));
  // The 2025 lists are in the old codes: say how many children were carried to their new commune.
  const notes = run.computed.files.flatMap((file) => file.sheets.flatMap((sheet) => (sheet.placement ? [sheet.placement] : [])));
  const placed = { converted: 0, approximate: 0, byVillage: 0, rejected: 0 };
  for (const note of notes) for (const key of Object.keys(placed) as (keyof typeof placed)[]) placed[key] += note[key];
  for (const line of placementLines(placed, lang, '  ')) context.out(line);
  const period = run.computed.output.result.period;
  const written = (step: string, report: UnitReport): void => {
    const files = writeReportFiles(outDir, report.unit.code, period.id, report.files);
    say(context, lang, cliText.demoReportWrittenStep({ step, fullName: report.unit.fullName, docx: files.docx, xlsx: files.xlsx }));
    if (report.completeness && report.completeness.missing.length > 0) say(context, lang, completenessMessage(report.unit.fullName, report.completeness));
    const left = placeholdersMessage(report.files.placeholders);
    if (left) say(context, lang, left);
  };
  written('1', run.commune);
  written('2', run.province);
}

/** The 2025-H1 district demo: the district's report, the communes' annexes, and their sum checked. */
export async function runDistrictDemo(outDir: string, context: CliContext, lang: Lang, samples?: string, suppress?: number): Promise<void> {
  const [{ checkSum, communeAnnexes, DEMO, demoSetup, districtReport, duplicateChildren, sampleFiles }, { aggregateStep }] = await Promise.all([import('../pipeline/demo.js'), import('../pipeline/aggregate.js')]);
  const paths = sampleFiles(samples ?? DEMO.samples);
  checkOutputFolder(outDir);
  const setup = demoSetup(suppress);

  // 1. The district report, computed from all the communes' records.
  const district = await districtReport(paths, setup, demoProgress(context, lang, paths.length));
  context.out(importLine(district.computed.files, lang));
  const { unit } = district.report;
  const period = district.computed.output.result.period;
  const report = writeReportFiles(outDir, unit.code, period.id, district.report.files);
  say(context, lang, cliText.demoCommuneReportWritten({ fullName: unit.fullName, docx: report.docx, xlsx: report.xlsx }));
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
      cliText.demoDuplicatesRejected({ duplicates }),
    );
  }
  say(context, lang, cliText.demoCommuneAnnexesWritten({ annexes: annexes.length, communeDir }));

  // 3. The communes' annexes summed back into the district, and checked.
  const outcome = await aggregateStep(annexes, { unit: unit.code, period: period.id, plan: setup.plan }, setup.definitions);
  reportOutcome(context, outcome, lang);
  const summed = await writeAggregateReport(join(outDir, 'tong-hop'), outcome, setup.loaded);
  say(context, lang, cliText.demoSummedReportWritten({ docx: summed.docx, xlsx: summed.xlsx }));

  const check = checkSum(district, outcome);
  if (check.differences.length === 0 && check.targetsAgree) {
    say(
      context,
      lang,
      cliText.demoCheckSumsMatch({ rows: check.rows }),
    );
    return;
  }
  context.err(render(cliText.demoCheckSumsDiffer(), lang));
  for (const line of check.differences.slice(0, 20)) context.err(`  ${render(line, lang)}`);
  if (!check.targetsAgree) context.err(render(cliText.demoCheckTargetStatusesDiffer(), lang));
  context.err(render(cliText.demoCheckWhyTheyDiffer(), lang));
  context.exitCode = ExitCode.usage;
}

function parseScenario(value: string, scenarios: readonly DemoScenario[]): DemoScenario {
  const scenario = scenarios.find((known) => known === value);
  if (scenario === undefined) {
    throw new UserError(
      ExitCode.usage,
      cliText.unknownDemoScenario({ scenarios: scenarios.join(', '), value }),
    );
  }
  return scenario;
}

export function registerDemo(program: Command, context: CliContext, text: Text): void {
  program
    .command('demo')
    .description(
      text(
        cliText.demoDescription(),
      ),
    )
    .option(
      text(cliText.scenarioFlag()),
      text(
        cliText.demoScenarioHelp(),
      ),
      '2026',
    )
    .option(text(cliText.outFlag()), text(cliText.demoOutHelp()), join('out', 'demo'))
    .option(
      text(cliText.samplesFlag()),
      text(cliText.demoSamplesHelp()),
    )
    .option('--suppress <K>', text(SUPPRESS_HELP), parseSuppressOption)
    .action(async (options: { scenario: string; out: string; samples?: string; suppress?: number }, command: Command) => {
      const scenario = parseScenario(options.scenario, (await import('../pipeline/demo.js')).DEMO_SCENARIOS);
      const run = scenario === '2026' ? runTodayDemo : runDistrictDemo;
      await run(options.out, context, langOf(command), options.samples, options.suppress);
    });
}
