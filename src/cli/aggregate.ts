/**
 * `chitieu aggregate WORKBOOK... --unit CODE --period ID [--out DIR] [--targets FILE]
 *  [--settings FILE] [--template NAME] [--narrative FILE] [--suppress K]`
 *
 * The district's (or province's) report from the annex workbooks its communes wrote with
 * `chitieu report`: numerators and denominators are summed and ratios recomputed. A child with
 * figures in two communes is counted twice (the report says so).
 */
import type { Command } from 'commander';
import { checkOutputFolder } from '../io/output.js';
import { cliText, render } from '../messages/index.js';
import { loadAdminUnits, loadCatalogue, loadPeriodPresets, loadTargets } from '../pipeline/load.js';
import type { LoadedReportOptions, ReportFileOptions } from '../pipeline/report.js';
import type { AggregateOutcome } from '../pipeline/annexes.js';
import { completenessMessage, DOUBLE_COUNT_NOTE, parsePeriod } from '../pipeline/stages.js';
import { OUT_FOLDER_HELP, besideInputs, inputFiles } from './inputs.js';
import { langOf, say, type CliContext } from './context.js';
import type { Text } from './help.js';
import { parseSuppressOption, sayWritten, STRICT_HELP, SUPPRESS_HELP, writeReportFiles, type WrittenReport } from './report.js';

interface AggregateCliOptions extends ReportFileOptions {
  unit: string;
  strict?: boolean;
  period: string;
  out?: string;
  targets?: string;
}

export function reportOutcome(context: CliContext, outcome: AggregateOutcome, lang: 'vi' | 'en'): void {
  say(
    context,
    lang,
    cliText.annexesSummed({ annexes: outcome.annexes.length, fullName: outcome.input.unit.fullName }),
  );
  const completeness = outcome.input.completeness;
  const sameAsCommunes = completeness !== undefined && completeness.missing.map((c) => c.code).join() === outcome.missing.map((u) => u.code).join();
  if (completeness && completeness.missing.length > 0) say(context, lang, completenessMessage(outcome.input.unit.fullName, completeness));
  if (outcome.missing.length > 0 && !sameAsCommunes) {
    const names = outcome.missing.map((unit) => `${unit.fullName} (${unit.code})`).join(', ');
    say(
      context,
      lang,
      cliText.annexesMissing({ missing: outcome.missing.length, names }),
    );
  }
  for (const warning of outcome.warnings) context.out(render(warning, lang));
  say(context, lang, cliText.aggregateDoubleCountNote({ note: DOUBLE_COUNT_NOTE }));
}

export async function writeAggregateReport(outDir: string, outcome: AggregateOutcome, loaded: LoadedReportOptions): Promise<WrittenReport> {
  const { aggregateReport } = await import('../pipeline/aggregate.js');
  const files = await aggregateReport(outcome, loaded);
  return { ...writeReportFiles(outDir, outcome.input.unit.code, outcome.input.result.period.id, files), placeholders: files.placeholders };
}

export function registerAggregate(program: Command, context: CliContext, text: Text): void {
  program
    .command('aggregate')
    .description(text(cliText.aggregateDescription()))
    .argument(text(cliText.aggregateArguments()), text(cliText.aggregateArgumentsHelp()))
    .requiredOption(text(cliText.unitFlag()), text(cliText.aggregateUnitHelp()))
    .requiredOption(text(cliText.periodFlag()), text(cliText.aggregatePeriodHelp()))
    .option(text(cliText.targetsFlag()), text(cliText.aggregateTargetsHelp()))
    .option(text(cliText.settingsFlag()), text(cliText.aggregateSettingsHelp()))
    .option(text(cliText.templateFlag()), text(cliText.aggregateTemplateHelp()))
    .option(text(cliText.narrativeFlag()), text(cliText.aggregateNarrativeHelp()))
    .option('--suppress <K>', text(SUPPRESS_HELP), parseSuppressOption)
    .option(text(cliText.outFlag()), text(OUT_FOLDER_HELP))
    .option('--strict', text(STRICT_HELP))
    .action(async (given: string[], options: AggregateCliOptions, command: Command) => {
      const lang = langOf(command);
      const paths = inputFiles(given, context.err, lang);
      const out = options.out ?? besideInputs(paths);
      checkOutputFolder(out);
      const [{ aggregateStep }, { checkReportDate, loadReportOptions }] = await Promise.all([import('../pipeline/aggregate.js'), import('../pipeline/report.js')]);
      const loaded = loadReportOptions(options);
      const presets = loadPeriodPresets();
      checkReportDate(loaded.settings, parsePeriod(options.period, presets).to, options.settings);
      const plan = options.targets ? loadTargets(options.targets, loadCatalogue()) : undefined;
      const outcome = await aggregateStep(
        paths,
        { unit: options.unit, period: options.period, ...(plan ? { plan } : {}), ...(options.strict ? { strict: true } : {}) },
        { units: loadAdminUnits(), presets },
      );
      reportOutcome(context, outcome, lang);
      const written = await writeAggregateReport(out, outcome, loaded);
      sayWritten(context, lang, written);
    });
}
