/**
 * `chitieu compute FILE... (--period ID | --from DATE --to DATE) [--level commune|district|province]
 *  [--targets FILE] [--baseline records|FILE] [--codes-as-of DATE] [--periods FILE]
 *  [--out result.json|result.xlsx|result.csv] [--strict]`
 *
 * Reads the files, computes every indicator of the catalogue for every unit with input rows
 * and every level up to --level, evaluates the targets, and writes the JSON of
 * docs/indicator-rules.md, a workbook or a CSV table (src/output/); without --out it prints a short summary. Rows the engine
 * cannot place (a commune code unknown at its date) are counted by kind, like the importer's.
 */
import type { Command } from 'commander';
import { checkOutputFile, writeOutputFile } from '../io/output.js';
import { accountingLines, type AdminUnits, type Catalogue, completenessMessage, formatDate, formatNumberIn, placementNotes, rejectedLine, summaryLines } from '../pipeline/stages.js';
import type { ImportWarning, RejectedRow } from '../model/issues.js';
import { cliText, ExitCode, numberIn, UserError, render, type Lang } from '../messages/index.js';
import type { ComputeResult, IndicatorResult } from '../model/results.js';
import { LEVELS, Level } from '../model/levels.js';
import { loadVillageMap } from '../pipeline/load.js';
import { resolvePeriod, type PeriodChoice } from '../pipeline/period.js';
import { bornBy, readData } from '../pipeline/read.js';
import { completenessFor, unitNamer } from '../pipeline/units.js';
import { resultFormatFor, RESULT_FORMATS } from '../output/formats.js';
import { STATUS_LABEL, type UnitNamer } from '../output/results-model.js';
import { progressFor } from './progress.js';
import { ignoreSheetOption, profileOption, sheetChoiceOf, type SheetOptions } from './sheet-options.js';
import { inputFiles } from './inputs.js';
import { langOf, type CliContext } from './context.js';
import type { Text } from './help.js';
import { parseDateOption } from './options.js';

/** Rejected rows listed one by one; the rest are counted by kind. */
const LISTED_ROWS = 20;

export type PeriodOptions = PeriodChoice;

export function addPeriodOptions(command: Command, text: Text): Command {
  return command
    .option(
      text(cliText.periodFlag()),
      text(cliText.computePeriodHelp()),
    )
    .option(text(cliText.fromFlag()), text(cliText.computeFromHelp()), parseDateOption('--from'))
    .option(text(cliText.toFlag()), text(cliText.computeToHelp()), parseDateOption('--to'))
    .option(text(cliText.periodsFlag()), text(cliText.computePeriodsHelp()))
    .option(
      text(cliText.codesAsOfFlag()),
      text(cliText.computeCodesAsOfHelp()),
      parseDateOption('--codes-as-of'),
    )
    .option(
      text(cliText.villageMapFlag()),
      text(cliText.computeVillageMapHelp()),
    );
}

/**
 * Row errors in the importer's style: the engine's own rejections one by one (the importer's
 * are listed by `validate`), then every rejection and warning counted by kind. Names and
 * personal IDs are masked by `rejectedLine`.
 */
export function printRowErrors(
  print: (line: string) => void,
  engineRejected: readonly RejectedRow[],
  allRejected: readonly RejectedRow[],
  warnings: readonly ImportWarning[],
  lang: Lang,
): void {
  if (engineRejected.length > 0) {
    print(render(cliText.placementRejectedHeading(), lang));
    for (const row of engineRejected.slice(0, LISTED_ROWS)) print(`  ${rejectedLine(row, lang)}`);
    if (engineRejected.length > LISTED_ROWS) print(`  … (${numberIn(lang, engineRejected.length - LISTED_ROWS)})`);
  }
  for (const line of summaryLines(allRejected, warnings, lang)) print(line);
}

/** Children not placed and placed approximately, said before any figure. */
export function printPlacement(print: (line: string) => void, result: ComputeResult, lang: Lang): void {
  for (const note of placementNotes(result.placement)) print(render(note, lang));
}

interface ComputeOptions extends PeriodOptions, SheetOptions {
  readonly level?: Level;
  readonly targets?: string;
  readonly baseline?: string;
  readonly codesAsOf?: string;
  readonly villageMap?: string;
  readonly out?: string;
  readonly strict?: boolean;
}

function valueText(row: IndicatorResult, lang: Lang, ratio: boolean): string {
  if (row.noData) return render(cliText.summaryNoData(), lang);
  const value = formatNumberIn(row.value, lang, ratio ? 1 : 0);
  const text = ratio ? `${value} (${formatNumberIn(row.numerator, lang)}/${formatNumberIn(row.denominator, lang)})` : value;
  return row.approximate ? render(cliText.summaryApproximate({ value: text }), lang) : text;
}

/** A short table of the totals of the highest level reported, and the target statuses. */
function printSummary(context: CliContext, result: ComputeResult, catalogue: Catalogue, names: UnitNamer, lang: Lang): void {
  const top = [...LEVELS].reverse().find((level) => result.results.some((row) => row.level === level));
  if (top === undefined) {
    context.out(render(cliText.noInputRows(), lang));
    return;
  }
  const units = [...new Set(result.results.filter((row) => row.level === top).map((row) => row.unit))];
  const { period } = result;
  context.out(render(cliText.summaryPeriod({ id: period.id, from: formatDate(period.from), to: formatDate(period.to) }), lang));
  const nameOf = (definition: Catalogue['indicators'][number]) => (lang === 'en' ? definition.nameEn : definition.name);
  const width = Math.max(...catalogue.indicators.map((definition) => nameOf(definition).length));
  const totals = new Map<string, IndicatorResult>();
  for (const row of result.results) {
    if (row.level === top && Object.keys(row.breakdown).length === 0) totals.set(`${row.indicator}|${row.unit}`, row);
  }
  for (const unit of units) {
    context.out('');
    context.out(`${names(top, unit)} (${unit})`);
    for (const definition of catalogue.indicators) {
      const row = totals.get(`${definition.code}|${unit}`);
      if (row !== undefined) context.out(`  ${definition.code}  ${nameOf(definition).padEnd(width)}  ${valueText(row, lang, definition.denominator !== undefined)}`);
    }
    const targets = result.targets.filter((candidate) => candidate.level === top && candidate.unit === unit);
    if (targets.length > 0) context.out(render(cliText.summaryTargetsHeading(), lang));
    for (const target of targets) {
      const figures =
        target.baseline !== null
          ? render(cliText.targetNowAndLastYear({ current: target.current, baseline: target.baseline }), lang)
          : target.current !== null
            ? ` (${formatNumberIn(target.current, lang, 1)})`
            : '';
      context.out(`  - ${target.target}: ${STATUS_LABEL[target.status][lang]}${figures}${target.note ? ` — ${target.note}` : ''}`);
    }
  }
  context.out('');
  context.out(
    render(
      cliText.summaryMoreInOut(),
      lang,
    ),
  );
}

/** One line per district or province some of whose communes had no data; whether there was any. */
function printCoverage(context: CliContext, result: ComputeResult, names: UnitNamer, units: AdminUnits, lang: Lang): boolean {
  let incomplete = false;
  for (const coverage of result.coverage ?? []) {
    const unit = { code: coverage.unit, fullName: names(coverage.level, coverage.unit), level: coverage.level };
    const completeness = completenessFor(result, unit, units);
    if (completeness === undefined || completeness.missing.length === 0) continue;
    incomplete = true;
    context.err(render(completenessMessage(`${unit.fullName} (${unit.code})`, completeness), lang));
  }
  return incomplete;
}

export function registerCompute(program: Command, context: CliContext, text: Text): void {
  const command = program
    .command('compute')
    .description(text(cliText.computeDescription()))
    .argument(text(cliText.computeArguments()), text(cliText.computeArgumentsHelp()));
  addPeriodOptions(command, text)
    .option(text(cliText.levelFlag()), text(cliText.computeLevelHelp()), (value: string): Level => {
      const parsed = Level.safeParse(value);
      if (!parsed.success) {
        const choices = LEVELS.join(', ');
        throw new UserError(ExitCode.usage, cliText.levelNotValid({ level: value, choices }));
      }
      return parsed.data;
    })
    .option(text(cliText.targetsFlag()), text(cliText.computeTargetsHelp()))
    .option(
      text(cliText.baselineFlag()),
      text(cliText.computeBaselineHelp()),
    )
    .option(text(cliText.outFileFlag()), text(cliText.computeOutHelp()))
    .option(
      '--strict',
      text(cliText.computeStrictHelp()),
    )
    .addOption(profileOption(text))
    .addOption(ignoreSheetOption(text))
    .action(async (given: string[], options: ComputeOptions, self: Command) => {
      const lang = langOf(self);
      const files = inputFiles(given, context.err, lang);
      const period = resolvePeriod(options);
      if (options.out !== undefined) checkOutputFile(options.out, { extensions: RESULT_FORMATS.map((format) => format.extension) });
      const { computeStep, loadDefinitions, loadPlanAndBaseline } = await import('../pipeline/compute.js');
      // Definitions and the baseline are read before the data: a bad file fails before any work.
      const definitions = loadDefinitions(options.periods);
      const planAndBaseline = loadPlanAndBaseline(options, definitions.catalogue);
      const villageMap = options.villageMap !== undefined ? loadVillageMap(options.villageMap, definitions.units) : undefined;
      // Codes are checked by the engine at each row's own date, so the importer accepts either list.
      const progress = progressFor(context, lang, files.length);
      const sheets = sheetChoiceOf(options);
      const imported = await readData(files, { ...bornBy(period), sheets, onEvent: (event) => (event.kind === 'file-read' ? progress.fileRead(event.account) : event.kind === 'rows-read' && progress.rowsRead(event.file, event.rows)) });
      progress.done();
      progress.stage(cliText.stageComputing());
      const computed = computeStep(
        imported,
        { period, ...planAndBaseline, ...(options.level ? { level: options.level } : {}), ...(options.codesAsOf ? { codesAsOf: options.codesAsOf } : {}), ...(villageMap ? { villageMap } : {}) },
        definitions,
      );
      progress.done();
      const { output, rejected } = computed;
      // After computing: the rows rejected while being placed are part of the accounting.
      for (const line of accountingLines(computed.files, lang)) context.err(line);
      printRowErrors(context.err, output.rejected, rejected, computed.warnings, lang);
      printPlacement(context.err, output.result, lang);
      const names = unitNamer(period.to, definitions.units);
      const incomplete = printCoverage(context, output.result, names, definitions.units, lang);
      if (options.out === undefined) {
        printSummary(context, output.result, definitions.catalogue, names, lang);
      } else {
        // checkOutputFile took only the endings of RESULT_FORMATS.
        const format = resultFormatFor(options.out) ?? RESULT_FORMATS[0];
        writeOutputFile(options.out, await format.write({ result: output.result, catalogue: definitions.catalogue, names, lang, sources: imported.files }));
        context.err(render(cliText.fileWritten({ out: options.out }), lang));
      }
      if (options.strict && (rejected.length > 0 || incomplete)) context.exitCode = ExitCode.rejectedRows;
    });
}
