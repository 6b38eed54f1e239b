/**
 * `chitieu explain CODE FILE... (--period ID | --from DATE --to DATE) --unit CODE
 *  [--breakdown key=value]... [--codes-as-of DATE] [--limit N]`
 *
 * Prints an indicator's rule, its numerator, denominator and value for one unit (and one
 * breakdown), and the record keys behind each count: Mã trẻ em, Mã vụ việc or Mã xã. Never
 * a name or a personal ID.
 */
import type { Command } from 'commander';
import { formatDate, formatNumberIn, type RecordKeys } from '../pipeline/stages.js';
import { BreakdownKey } from '../model/results.js';
import { cliText, engineText, ExitCode, UserError, render, type Lang, type Message } from '../messages/index.js';
import { loadVillageMap } from '../pipeline/load.js';
import { resolvePeriod } from '../pipeline/period.js';
import { bornBy, readData } from '../pipeline/read.js';
import { unitNamer } from '../pipeline/units.js';
import { addPeriodOptions, printRowErrors, type PeriodOptions } from './compute.js';
import { ignoreSheetOption, profileOption, sheetChoiceOf, type SheetOptions } from './sheet-options.js';
import { inputFiles } from './inputs.js';
import { langOf, type CliContext } from './context.js';
import type { Text } from './help.js';

interface ExplainOptions extends PeriodOptions, SheetOptions {
  readonly unit: string;
  readonly breakdown: [BreakdownKey, string][];
  readonly codesAsOf?: string;
  readonly villageMap?: string;
  readonly limit: number;
}

function breakdownPair(value: string, previous: [BreakdownKey, string][]): [BreakdownKey, string][] {
  const [key, code, ...rest] = value.split('=');
  const parsed = BreakdownKey.safeParse(key?.trim());
  if (!parsed.success || code === undefined || code.trim() === '' || rest.length > 0) {
    const keys = BreakdownKey.options.join(', ');
    throw new UserError(
      ExitCode.usage,
      cliText.breakdownNotKeyValue({ breakdown: value, keys }),
    );
  }
  // Codes are upper case (NU, DUOI_NUOC); age groups are written as they are (0-2).
  return [...previous, [parsed.data, parsed.data === 'ageGroup' ? code.trim() : code.trim().toUpperCase()]];
}

const KIND_LABEL: Record<RecordKeys['kind'], Message> = {
  children: engineText.explainKeysChildren(),
  cases: engineText.explainKeysCases(),
  communes: engineText.explainKeysCommunes(),
};

function printKeys(print: (line: string) => void, title: string, keys: RecordKeys, limit: number, lang: Lang): void {
  const label = render(KIND_LABEL[keys.kind], lang);
  print(`${title} — ${label} (${formatNumberIn(keys.keys.length, lang)}):`);
  const shown = keys.amounts
    ? keys.amounts.slice(0, limit).map((entry) => render(engineText.explainKeyWithAmount({ key: entry.key, amount: entry.amount }), lang))
    : keys.keys.slice(0, limit);
  for (let index = 0; index < shown.length; index += 8) print(`  ${shown.slice(index, index + 8).join(', ')}`);
  if (keys.keys.length > limit) {
    print(render(cliText.moreKeysNotShown({ more: keys.keys.length - limit, all: keys.keys.length }), lang));
  }
}

export function registerExplain(program: Command, context: CliContext, text: Text): void {
  const command = program
    .command('explain')
    .description(text(cliText.explainDescription()))
    .argument(text(cliText.explainArguments()), text(cliText.explainArgumentsHelp()))
    .argument(text(cliText.computeArguments()), text(cliText.computeArgumentsHelp()));
  addPeriodOptions(command, text)
    .requiredOption(text(cliText.unitFlag()), text(cliText.explainUnitHelp()))
    .option(
      text(cliText.breakdownFlag()),
      text(cliText.explainBreakdownHelp()),
      breakdownPair,
      [],
    )
    .option('--limit <n>', text(cliText.explainLimitHelp()), (value: string) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) throw new UserError(ExitCode.usage, cliText.limitNotWholeNumber({ limit: value }));
      return n;
    }, 200)
    .addOption(profileOption(text))
    .addOption(ignoreSheetOption(text))
    .action(async (code: string, given: string[], options: ExplainOptions, self: Command) => {
      const lang = langOf(self);
      const files = inputFiles(given, context.err, lang);
      const period = resolvePeriod(options);
      const { explainStep, loadDefinitions } = await import('../pipeline/compute.js');
      const definitions = loadDefinitions(options.periods);
      const villageMap = options.villageMap !== undefined ? loadVillageMap(options.villageMap, definitions.units) : undefined;
      const imported = await readData(files, { ...bornBy(period), sheets: sheetChoiceOf(options) });
      const explanation = explainStep(
        imported,
        { period, indicator: code, unit: options.unit, breakdown: Object.fromEntries(options.breakdown), ...(options.codesAsOf ? { codesAsOf: options.codesAsOf } : {}), ...(villageMap ? { villageMap } : {}) },
        definitions,
      );
      const print = context.out;
      const { definition, row } = explanation;
      const name = lang === 'en' ? definition.nameEn : definition.name;
      const unitName = unitNamer(period.to, definitions.units)(explanation.level, options.unit);
      const split = Object.entries(row.breakdown).map(([key, value]) => `${key}=${value}`).join(', ');
      print(`${definition.code} ${name}${definition.modelled ? render(cliText.modelledMark(), lang) : ''}`);
      print(`${unitName} (${options.unit}) — ${render(cliText.explainPeriod(), lang)} ${period.id} (${formatDate(period.from)} – ${formatDate(period.to)})${split ? ` — ${split}` : ''}`);
      print(`${render(cliText.explainRule(), lang)}: ${render(explanation.rule, lang)}`);
      const count = (n: number | null) => formatNumberIn(n, lang);
      print(`${render(cliText.explainNumerator(), lang)}: ${render(explanation.numeratorRule, lang)} = ${row.noData ? '–' : count(row.numerator)}`);
      if (explanation.denominatorRule) {
        print(`${render(cliText.explainDenominator(), lang)}: ${render(explanation.denominatorRule, lang)} = ${row.noData ? '–' : count(row.denominator)}`);
      }
      const ratio = definition.denominator !== undefined;
      const value = row.noData
        ? render(cliText.explainNoData(), lang)
        : row.value === null
          ? render(cliText.explainDenominatorZero(), lang)
          : ratio
            ? // The exact figure as the fraction it is, never a raw float: "15,2 (= 3/19.958 × 100.000)".
              `${formatNumberIn(row.value, lang, 1)} (= ${count(row.numerator)}/${count(row.denominator)}${definition.factor !== undefined && definition.factor !== 1 ? ` × ${count(definition.factor)}` : ''})`
            : count(row.value);
      print(`${render(cliText.explainValue(), lang)}: ${value}${row.approximate ? render(cliText.explainApproximate(), lang) : ''}`);
      if (definition.notes) print(`${render(cliText.explainNotes(), lang)}: ${lang === 'en' ? (definition.notesEn ?? definition.notes) : definition.notes}`);
      print('');
      printKeys(print, render(cliText.explainNumerator(), lang), explanation.numerator, options.limit, lang);
      if (explanation.denominator) printKeys(print, render(cliText.explainDenominator(), lang), explanation.denominator, options.limit, lang);
      if (explanation.rejected.length > 0 || imported.rejected.length > 0) {
        printRowErrors(context.err, explanation.rejected, [...imported.rejected, ...explanation.rejected], [], lang);
      }
    });
}
