/**
 * `chitieu report FILE... (--period ID | --from DATE --to DATE) --unit CODE [--targets FILE]
 *  [--baseline records|FILE] [--settings FILE] [--template NAME] [--narrative FILE]
 *  [--suppress K] [--out DIR]`
 *
 * Reads the files, computes the indicators for the unit and everything below it, and writes
 * `<out>/bao-cao-<unit>-<period>.docx` (the report) and `.xlsx` (its annex, which the level
 * above can `aggregate`). With `--suppress K` (reports for publication) a commune's abuse,
 * injury and death counts from 1 to K−1 read "<K" (src/report/suppress.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { computeIndicators, loadCatalogue, loadTargets, readResultFile, type Period } from '../engine/index.js';
import type { Catalogue } from '../indicators/index.js';
import { importFiles, type FileAccount } from '../import/index.js';
import { outputPath } from '../io/file-names.js';
import { accountingLines } from '../import/summary.js';
import { ExitCode, UserError, msg, render, type Lang } from '../model/messages.js';
import type { Dataset } from '../model/records.js';
import type { ComputeResult } from '../model/results.js';
import { formatNumber } from '../report/format-vi.js';
import { createReport, reportBaseName, type ReportFiles, type ReportInput, type UnitFacts, type UnitName } from '../report/index.js';
import { loadNarrative, type Narrative } from '../report/narrative.js';
import { loadSettingsFile, type ReportSettingsFile } from '../report/settings.js';
import { loadReportLayout } from '../report/layout.js';
import { checkTemplate, resolveTemplate } from '../report/template.js';
import { levelOfCode } from '../report/unit-name.js';
import { eraAt, loadAdminUnits } from '../units/index.js';
import { addPeriodOptions, periodFromOptions, printRowErrors, type PeriodOptions } from './compute.js';
import { langOf, say, type CliContext } from './context.js';
import { progressFor } from './progress.js';

/** The package version, written into every annex. */
export function toolVersion(): string {
  const file = new URL('../../package.json', import.meta.url);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : '0.0.0';
}

/** A short fingerprint of the indicator definitions, so an annex says which rules made it. */
export function catalogueVersion(catalogue: Catalogue): string {
  const definitions = catalogue.indicators.map(({ file: _file, ...definition }) => definition);
  return `sha256:${createHash('sha256').update(JSON.stringify(definitions)).digest('hex').slice(0, 12)}`;
}

/** The unit of a report and its units one level down, in the list valid at the period's end. */
export function reportUnit(code: string, period: Period): { unit: UnitName; children: UnitName[] } {
  const level = levelOfCode(code);
  const era = eraAt(period.to);
  const units = loadAdminUnits();
  const found = level ? units.unit(level, code, era) : undefined;
  if (!level || !found) {
    const when = era === 'pre' ? 'trước 01/07/2025' : 'từ 01/07/2025';
    throw new UserError(
      ExitCode.usage,
      msg(
        `--unit ${code}: không có đơn vị hành chính mã này trong danh mục ${when} (ngày cuối kỳ ${period.to}). Dùng mã tỉnh 2 số, huyện 3 số hoặc xã 5 số.`,
        `--unit ${code}: no administrative unit has this code in the list valid at ${period.to}. Use a 2-digit province, 3-digit district or 5-digit commune code.`,
      ),
    );
  }
  const children = level === 'commune' ? [] : units.childrenOf(level, code, era);
  const name = (u: { code: string; name: string; level: UnitName['level'] }): UnitName => ({ code: u.code, fullName: u.name, level: u.level });
  return { unit: name(found), children: children.map(name) };
}

/** Whether a unit code lies under `parent` in the list valid at the period's end. */
export function isUnder(parent: UnitName, code: string, period: Period): boolean {
  const era = eraAt(period.to);
  const units = loadAdminUnits();
  const level = levelOfCode(code);
  if (parent.level === 'commune' || !level || level === parent.level) return false;
  if (level === 'district') return parent.level === 'province' && units.district(code)?.provinceCode === parent.code;
  const parents = units.parentsOf(code, era);
  return parent.level === 'district' ? parents?.district?.code === parent.code : parents?.province.code === parent.code;
}

export interface ReportFileOptions {
  readonly settings?: string;
  readonly template?: string;
  readonly narrative?: string;
  /** K of `--suppress K`. */
  readonly suppress?: number;
}

export interface LoadedReportOptions {
  readonly settings?: ReportSettingsFile;
  readonly narrative?: Narrative;
  readonly template?: string;
  readonly suppress?: number;
}

/** Reads settings, narrative and template first (the template compiled), so a bad file fails before any work. */
export function loadReportOptions(options: ReportFileOptions): LoadedReportOptions {
  if (options.template) checkTemplate(resolveTemplate(options.template));
  return {
    ...(options.settings ? { settings: loadSettingsFile(options.settings) } : {}),
    ...(options.narrative ? { narrative: loadNarrative(options.narrative) } : {}),
    ...(options.template ? { template: options.template } : {}),
    ...(options.suppress !== undefined ? { suppress: options.suppress } : {}),
  };
}

/** `--suppress K`: a whole number from 2 (K = 3 hides 1 and 2). */
export function parseSuppressOption(value: string): number {
  const k = /^\d{1,3}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(k) || k < 2 || k > 100) {
    throw new InvalidArgumentError('K phải là số nguyên từ 2 đến 100 (ví dụ --suppress 3 ẩn các số 1 và 2). / K must be a whole number from 2 to 100.');
  }
  return k;
}

export const SUPPRESS_HELP = 'báo cáo để công bố: số trẻ em bị xâm hại, tai nạn, tử vong của xã từ 1 đến K−1 ghi "<K" (mặc định: không ẩn)';

/** A count in CLI output: "22.298" in Vietnamese, "22,298" in English. */
export function formatCount(n: number, lang: Lang): string {
  const text = formatNumber(n);
  return lang === 'en' ? text.replace(/\./g, ',') : text;
}

/** Commune facts of the period for the communes under (or equal to) the unit. */
export function factsFor(dataset: Dataset, unit: UnitName, period: Period): UnitFacts[] {
  return dataset.communeFacts
    .filter((fact) => fact.periodId === period.id && (fact.communeCode === unit.code || isUnder(unit, fact.communeCode, period)))
    .map(({ source: _source, ...fact }) => fact);
}

/** Keeps the rows and targets of a unit and of the units listed under it. */
export function resultFor(result: ComputeResult, codes: ReadonlySet<string>): ComputeResult {
  return {
    period: result.period,
    results: result.results.filter((row) => codes.has(row.unit)),
    targets: result.targets.filter((target) => codes.has(target.unit)),
  };
}

export function catalogueFacts(catalogue: Catalogue): Pick<ReportInput, 'indicatorNames' | 'indicatorFactors' | 'catalogueVersion' | 'catalogue'> {
  return {
    catalogue,
    indicatorNames: Object.fromEntries(catalogue.indicators.map((definition) => [definition.code, definition.name])),
    indicatorFactors: Object.fromEntries(catalogue.indicators.map((definition) => [definition.code, definition.factor ?? null])),
    catalogueVersion: catalogueVersion(catalogue),
  };
}

export function writeReportFiles(outDir: string, unitCode: string, periodId: string, files: Pick<ReportFiles, 'docx' | 'xlsx'>): { docx: string; xlsx: string } {
  mkdirSync(outDir, { recursive: true });
  const base = reportBaseName(unitCode, periodId);
  const paths = { docx: outputPath(outDir, `${base}.docx`), xlsx: outputPath(outDir, `${base}.xlsx`) };
  writeFileSync(paths.docx, files.docx);
  writeFileSync(paths.xlsx, files.xlsx);
  return paths;
}

export function importLine(files: readonly FileAccount[], lang: Lang): string {
  const read = files.reduce((sum, file) => sum + file.read, 0);
  const accepted = files.reduce((sum, file) => sum + file.accepted, 0);
  return render(
    msg(
      `Đã đọc ${formatCount(files.length, 'vi')} tệp: ${formatCount(read, 'vi')} dòng, ${formatCount(accepted, 'vi')} dòng hợp lệ, ${formatCount(read - accepted, 'vi')} dòng bị loại (xem "chitieu validate").`,
      `Read ${formatCount(files.length, 'en')} file(s): ${formatCount(read, 'en')} rows, ${formatCount(accepted, 'en')} accepted, ${formatCount(read - accepted, 'en')} rejected (see "chitieu validate").`,
    ),
    lang,
  );
}

export interface ReportOptions extends ReportFileOptions, PeriodOptions {
  unit: string;
  targets?: string;
  baseline?: string;
  out?: string;
  codesAsOf?: string;
}

export interface ReportHooks {
  readonly lang?: Lang;
  /** Where accounting and row errors go (stderr in the CLI). */
  readonly err?: (line: string) => void;
  readonly onFileRead?: (account: FileAccount) => void;
  /** Called as each stage ends, with the rows read so far: progress lines and the bench. */
  readonly stageDone?: (stage: 'import' | 'compute' | 'render', rows: number) => void;
}

/** `chitieu report` from start to end: read → compute → render → write; returns the files written. */
export async function buildReport(paths: readonly string[], options: ReportOptions, hooks: ReportHooks = {}): Promise<{ docx: string; xlsx: string }> {
  const lang = hooks.lang ?? 'vi';
  const err = hooks.err ?? (() => undefined);
  const loaded = loadReportOptions(options);
  const period = periodFromOptions(options);
  const { unit, children } = reportUnit(options.unit, period);
  const catalogue = loadCatalogue();
  // Table and chart files are checked against the catalogue before any file is read (exit 4).
  const layout = loadReportLayout(catalogue, options.template ? resolveTemplate(options.template) : undefined);
  const plan = options.targets ? loadTargets(options.targets, catalogue) : undefined;
  const baseline = options.baseline === undefined ? undefined : options.baseline === 'records' ? ('records' as const) : readResultFile(options.baseline);
  // Codes are checked by the engine at each row's own date, so the importer accepts either list.
  const imported = await importFiles(paths, hooks.onFileRead ? { onFileRead: hooks.onFileRead } : {});
  const rows = imported.files.reduce((sum, file) => sum + file.read, 0);
  hooks.stageDone?.('import', rows);
  for (const line of accountingLines(imported.files, lang)) err(line);
  const computed = computeIndicators({
    dataset: imported.dataset,
    period,
    catalogue,
    level: unit.level,
    ...(plan ? { targets: [plan] } : {}),
    ...(baseline ? { baseline } : {}),
    ...(options.codesAsOf ? { codesAsOf: options.codesAsOf } : {}),
  });
  hooks.stageDone?.('compute', rows);
  const warnings = [...imported.warnings, ...computed.warnings].filter((warning) => warning.kind !== 'totals_row');
  printRowErrors(err, computed.rejected, [...imported.rejected, ...computed.rejected], warnings, lang);
  if (!computed.result.results.some((row) => row.unit === unit.code)) {
    throw new UserError(
      ExitCode.usage,
      msg(
        `--unit ${unit.code}: các tệp đã đọc không có dòng dữ liệu nào của ${unit.fullName}.`,
        `--unit ${unit.code}: the files read have no rows of ${unit.fullName}.`,
      ),
    );
  }
  const codes = new Set([unit.code, ...children.map((child) => child.code)]);
  const input: ReportInput = {
    result: resultFor(computed.result, codes),
    ...(computed.baselineResult ? { baseline: resultFor(computed.baselineResult, codes) } : {}),
    unit,
    children,
    ...catalogueFacts(catalogue),
    facts: factsFor(imported.dataset, unit, period),
    sources: imported.files,
    toolVersion: toolVersion(),
    origin: 'compute',
  };
  const files = await createReport(input, { ...loaded, layout });
  const written = writeReportFiles(options.out ?? '.', unit.code, period.id, files);
  hooks.stageDone?.('render', rows);
  return written;
}

export function registerReport(program: Command, context: CliContext): void {
  const command = program
    .command('report')
    .description('Viết báo cáo kết quả công tác trẻ em (DOCX) và phụ lục số liệu (XLSX) của một đơn vị')
    .argument('<files...>', 'file dữ liệu .xlsx hoặc .csv của các xã');
  addPeriodOptions(command)
    .requiredOption('--unit <code>', 'mã đơn vị báo cáo: tỉnh (2 số), huyện (3 số) hoặc xã (5 số)')
    .option('--targets <file>', 'tệp chỉ tiêu kế hoạch (targets/*.yaml)')
    .option('--baseline <records|file>', '"records": cùng kỳ năm trước tính từ chính các file; hoặc tệp kết quả năm trước (JSON)')
    .option('--settings <file>', 'tệp thiết lập báo cáo (cơ quan ban hành, số, ngày, người ký, nơi nhận): xem settings/')
    .option('--template <name>', 'mẫu báo cáo: bao-cao-6-thang, bao-cao-nam, hoặc đường dẫn tệp .hbs')
    .option('--narrative <file>', 'tệp nội dung do đơn vị viết, theo mục của đề cương (YAML)')
    .option('--suppress <K>', SUPPRESS_HELP, parseSuppressOption)
    .option('--out <dir>', 'thư mục ghi báo cáo', '.')
    .action(async (paths: string[], options: ReportOptions, command: Command) => {
      const lang = langOf(command);
      const progress = progressFor(context, lang, paths.length);
      const written = await buildReport(paths, options, {
        lang,
        err: context.err,
        onFileRead: progress.fileRead,
        stageDone: (stage) => {
          if (stage === 'import') progress.stage(msg('Đang tính chỉ tiêu', 'Computing indicators'));
          else if (stage === 'compute') progress.stage(msg('Đang viết báo cáo', 'Writing the report'));
          else progress.done();
        },
      });
      say(context, lang, msg(`Đã ghi báo cáo ${written.docx} và phụ lục ${written.xlsx}.`, `Wrote the report ${written.docx} and its annex ${written.xlsx}.`));
    });
}
