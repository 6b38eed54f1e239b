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
import { ExitCode, UserError, msg, render, type Lang } from '../model/messages.js';
import { explainStep, loadDefinitions } from '../pipeline/compute.js';
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
      msg(`--breakdown ${value}: dùng khóa=giá trị, khóa là ${keys} (ví dụ sex=NU).`, `--breakdown ${value}: use key=value, the key one of ${keys} (e.g. sex=NU).`),
    );
  }
  // Codes are upper case (NU, DUOI_NUOC); age groups are written as they are (0-2).
  return [...previous, [parsed.data, parsed.data === 'ageGroup' ? code.trim() : code.trim().toUpperCase()]];
}

const KIND_LABEL: Record<RecordKeys['kind'], { vi: string; en: string }> = {
  children: { vi: 'Mã trẻ em', en: 'Child keys (Mã trẻ em)' },
  cases: { vi: 'Mã vụ việc', en: 'Case keys (Mã vụ việc)' },
  communes: { vi: 'Mã xã', en: 'Commune codes' },
};

function printKeys(print: (line: string) => void, title: string, keys: RecordKeys, limit: number, lang: Lang): void {
  const label = KIND_LABEL[keys.kind][lang];
  print(`${title} — ${label} (${formatNumberIn(keys.keys.length, lang)}):`);
  const shown = keys.amounts
    ? keys.amounts.slice(0, limit).map((entry) => `${entry.key} (${formatNumberIn(entry.amount, lang)} đ)`)
    : keys.keys.slice(0, limit);
  for (let index = 0; index < shown.length; index += 8) print(`  ${shown.slice(index, index + 8).join(', ')}`);
  if (keys.keys.length > limit) {
    print(render(msg(`  … và ${formatNumberIn(keys.keys.length - limit, 'vi')} mã khác (--limit ${keys.keys.length} để xem hết)`, `  … and ${formatNumberIn(keys.keys.length - limit, 'en')} more (--limit ${keys.keys.length} shows all)`), lang));
  }
}

export function registerExplain(program: Command, context: CliContext, text: Text): void {
  const command = program
    .command('explain')
    .description(text(msg('Giải thích một số liệu: quy tắc, tử số, mẫu số và mã các bản ghi được đếm', 'Explain one figure: its rule, numerator, denominator and the keys of the records counted')))
    .argument(text(msg('<mã>', '<code>')), text(msg('mã chỉ tiêu, ví dụ TE-0301', 'indicator code, e.g. TE-0301')))
    .argument(text(msg('<tệp...>', '<files...>')), text(msg('tệp .xlsx, .xls hoặc .csv', '.xlsx, .xls or .csv files')));
  addPeriodOptions(command, text)
    .requiredOption(text(msg('--unit <mã>', '--unit <code>')), text(msg('mã đơn vị: xã (5 số), huyện (3 số, trước 01/07/2025), tỉnh (2 số) hoặc VN (toàn quốc)', 'unit code: commune (5 digits), district (3, before 1 July 2025), province (2) or VN (the nation)')))
    .option(
      text(msg('--breakdown <khóa=giá-trị>', '--breakdown <key=value>')),
      text(msg('phân tổ, ví dụ sex=NU; lặp lại cho phân tổ hai chiều (cause=DUOI_NUOC --breakdown sex=NAM)', 'breakdown, e.g. sex=NU; repeat it for two-way breakdowns (cause=DUOI_NUOC --breakdown sex=NAM)')),
      breakdownPair,
      [],
    )
    .option('--limit <n>', text(msg('số mã in ra tối đa cho mỗi danh sách', 'at most this many keys per list')), (value: string) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) throw new UserError(ExitCode.usage, msg(`--limit ${value}: cần số nguyên không âm.`, `--limit ${value}: a non-negative whole number is needed.`));
      return n;
    }, 200)
    .addOption(profileOption(text))
    .addOption(ignoreSheetOption(text))
    .action(async (code: string, given: string[], options: ExplainOptions, self: Command) => {
      const lang = langOf(self);
      const files = inputFiles(given, context.err, lang);
      const period = resolvePeriod(options);
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
      print(`${definition.code} ${name}${definition.modelled ? (lang === 'en' ? ' (modelled)' : ' (mô hình của dự án)') : ''}`);
      print(`${unitName} (${options.unit}) — ${render(msg('kỳ', 'period'), lang)} ${period.id} (${formatDate(period.from)} – ${formatDate(period.to)})${split ? ` — ${split}` : ''}`);
      print(`${render(msg('Quy tắc', 'Rule'), lang)}: ${render(explanation.rule, lang)}`);
      const count = (n: number | null) => formatNumberIn(n, lang);
      print(`${render(msg('Tử số', 'Numerator'), lang)}: ${render(explanation.numeratorRule, lang)} = ${row.noData ? '–' : count(row.numerator)}`);
      if (explanation.denominatorRule) {
        print(`${render(msg('Mẫu số', 'Denominator'), lang)}: ${render(explanation.denominatorRule, lang)} = ${row.noData ? '–' : count(row.denominator)}`);
      }
      const ratio = definition.denominator !== undefined;
      const value = row.noData
        ? render(msg('không có số liệu (thiếu cột hoặc thông tin xã cần thiết)', 'no data (a needed column or commune fact is missing)'), lang)
        : row.value === null
          ? render(msg('– (mẫu số bằng 0)', '– (the denominator is 0)'), lang)
          : ratio
            ? // The exact figure as the fraction it is, never a raw float: "15,2 (= 3/19.958 × 100.000)".
              `${formatNumberIn(row.value, lang, 1)} (= ${count(row.numerator)}/${count(row.denominator)}${definition.factor !== undefined && definition.factor !== 1 ? ` × ${count(definition.factor)}` : ''})`
            : count(row.value);
      print(`${render(msg('Giá trị', 'Value'), lang)}: ${value}${row.approximate ? render(msg(' — ước tính: có xã bị chia tách năm 2025', ' — approximate: a commune split in 2025'), lang) : ''}`);
      if (definition.notes) print(`${render(msg('Ghi chú', 'Notes'), lang)}: ${lang === 'en' ? (definition.notesEn ?? definition.notes) : definition.notes}`);
      print('');
      printKeys(print, render(msg('Tử số', 'Numerator'), lang), explanation.numerator, options.limit, lang);
      if (explanation.denominator) printKeys(print, render(msg('Mẫu số', 'Denominator'), lang), explanation.denominator, options.limit, lang);
      if (explanation.rejected.length > 0 || imported.rejected.length > 0) {
        printRowErrors(context.err, explanation.rejected, [...imported.rejected, ...explanation.rejected], [], lang);
      }
    });
}
