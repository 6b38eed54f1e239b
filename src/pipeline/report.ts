/**
 * The report step: computed results → the report (DOCX) and its annex (XLSX) as bytes. The
 * front ends write them (the CLI into --out, the server into its private folder).
 */
import type { ProfileSelection } from '../import/index.js';
import { createHash } from 'node:crypto';
import { factsPeriod, type PeriodPresets } from '../engine/index.js';
import type { ImportResult } from '../import/index.js';
import { lastYearNotes, type Catalogue } from '../indicators/index.js';
import { pipelineText, ExitCode, UserError } from '../messages/index.js';
import type { Dataset } from '../model/record-columns.js';
import type { ComputeResult, Level, PeriodRef } from '../model/results.js';
import { incompleteRefusal, type Completeness } from '../report/completeness.js';
import type { ReportInput, UnitFacts, UnitName } from '../report/index.js';
import { createReport, type ReportFiles } from '../output/report.js';
import { loadReportLayout, type ReportLayout } from '../report/layout.js';
import { loadNarrative, type Narrative } from '../report/narrative.js';
import { checkReportDate, loadSettingsFile, type ReportSettingsFile } from '../report/settings.js';
import { checkTemplate, resolveTemplate } from '../report/template.js';
import type { AdminUnits } from '../units/index.js';
import { toolVersion } from '../model/version.js';
import { computeStep, loadDefinitions, loadPlanAndBaseline, type Computed, type ComputeSettings, type Definitions } from './compute.js';
import { loadVillageMap } from './load.js';
import type { OnPipelineEvent } from './events.js';
import { resolvePeriod, type PeriodChoice } from './period.js';
import { bornBy, readData, rowsRead } from './read.js';
import { completenessFor, isUnder, provinceNameOf, reportUnit } from './units.js';

export { toolVersion };
// The report's making, for the front ends (pipeline/stages.ts keeps to what loads fast).
export { type ChartFigure, chartNotes, REFERENCE_TONE } from '../report/charts/data.js';
export { chartSvg } from '../report/charts/render.js';
export { placedCharts, type ReportInput } from '../report/index.js';
export { loadNarrative, type Narrative, NARRATIVE_KEYS, NARRATIVE_SECTIONS } from '../report/narrative.js';
export { checkReportDate, loadSettingsFile, ReportSettingsFile } from '../report/settings.js';

/** A short fingerprint of the indicator definitions, so an annex says which rules made it. */
export function catalogueVersion(catalogue: Catalogue): string {
  const definitions = catalogue.indicators.map(({ file: _file, ...definition }) => definition);
  return `sha256:${createHash('sha256').update(JSON.stringify(definitions)).digest('hex').slice(0, 12)}`;
}

export function catalogueFacts(catalogue: Catalogue): Pick<ReportInput, 'indicatorNames' | 'indicatorFactors' | 'catalogueVersion' | 'catalogue'> {
  return {
    catalogue,
    indicatorNames: Object.fromEntries(catalogue.indicators.map((definition) => [definition.code, definition.name])),
    indicatorFactors: Object.fromEntries(catalogue.indicators.map((definition) => [definition.code, definition.factor ?? null])),
    catalogueVersion: catalogueVersion(catalogue),
  };
}

/** Commune facts of the period (the engine's rule: any id of the same window) for the communes under or equal to the unit. */
export function factsFor(dataset: Dataset, unit: UnitName, period: PeriodRef, units: AdminUnits, presets?: PeriodPresets): UnitFacts[] {
  return dataset.communeFacts
    .filter((fact) => factsPeriod(fact, period, presets).matches && (fact.communeCode === unit.code || isUnder(unit, fact.communeCode, period, units)))
    .map(({ source: _source, ...fact }) => fact);
}

/** Keeps the rows, targets and coverage of a unit and of the units listed under it. */
export function resultFor(result: ComputeResult, codes: ReadonlySet<string>): ComputeResult {
  const coverage = result.coverage?.filter((entry) => codes.has(entry.unit));
  return {
    period: result.period,
    results: result.results.filter((row) => codes.has(row.unit)),
    targets: result.targets.filter((target) => codes.has(target.unit)),
    ...(coverage && coverage.length > 0 ? { coverage } : {}),
    // Children not placed have no unit: the report of any unit says how many the run could not place.
    ...(result.placement ? { placement: result.placement } : {}),
  };
}

/** For a baseline rebuilt from the records: the indicators it cannot give, and why (the catalogue's lastYearNote). */
export function lastYearNotesOf(catalogue: Catalogue): Pick<ReportInput, 'lastYearNotes'> {
  const notes = lastYearNotes(catalogue);
  return Object.keys(notes).length > 0 ? { lastYearNotes: notes } : {};
}

/** The report's input for `unit`: its rows and its sub-units', last year's, the commune facts and the sources. */
export function reportInputFor(
  unit: UnitName,
  subUnits: readonly UnitName[],
  computed: { readonly result: ComputeResult; readonly baselineResult?: ComputeResult },
  imported: Pick<ImportResult, 'dataset' | 'files'>,
  definitions: Definitions,
): ReportInput {
  const codes = new Set([unit.code, ...subUnits.map((subUnit) => subUnit.code)]);
  const period = computed.result.period;
  return {
    result: resultFor(computed.result, codes),
    ...(computed.baselineResult ? { baseline: resultFor(computed.baselineResult, codes) } : {}),
    unit,
    subUnits: [...subUnits],
    ...catalogueFacts(definitions.catalogue),
    facts: factsFor(imported.dataset, unit, period, definitions.units, definitions.presets),
    sources: imported.files,
    toolVersion: toolVersion(),
    origin: 'compute',
  };
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
  /** Table and chart files, checked against the catalogue (by default loaded when the report is made). */
  readonly layout?: ReportLayout;
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

/** The computed run has rows of the unit, or the report would be empty: say which unit. */
export function checkUnitHasRows(computed: Computed, unit: UnitName): void {
  if (!computed.output.result.results.some((row) => row.unit === unit.code)) {
    throw new UserError(
      ExitCode.usage,
      pipelineText.unitHasNoRows({ code: unit.code, fullName: unit.fullName }),
    );
  }
}

export interface UnitReport {
  readonly unit: UnitName;
  readonly subUnits: readonly UnitName[];
  readonly input: ReportInput;
  readonly files: ReportFiles;
  /** Which communes of a district or province had data (the front ends say which had none). */
  readonly completeness?: Completeness;
}

/**
 * Report: a computed run → the unit's report and annex. `strict`: a district or province some
 * of whose communes have no data gets no report (exit 3).
 */
export async function reportStep(
  unitCode: string,
  imported: ImportResult,
  computed: Computed,
  definitions: Definitions,
  loaded: LoadedReportOptions,
  options: { readonly strict?: boolean; readonly onEvent?: OnPipelineEvent } = {},
): Promise<UnitReport> {
  const { result } = computed.output;
  const { unit, subUnits } = reportUnit(unitCode, result.period, definitions.units);
  checkUnitHasRows(computed, unit);
  const completeness = completenessFor(result, unit, definitions.units);
  if (options.strict && completeness && completeness.missing.length > 0) {
    throw new UserError(ExitCode.rejectedRows, incompleteRefusal(unit.fullName, completeness));
  }
  const provinceName = provinceNameOf(unit, result.period, definitions.units);
  const input: ReportInput = {
    ...reportInputFor(unit, subUnits, computed.output, imported, definitions),
    ...(provinceName === undefined ? {} : { provinceName }),
    ...(completeness ? { completeness } : {}),
    ...(computed.settings.baseline === 'records' ? lastYearNotesOf(definitions.catalogue) : {}),
  };
  const { onEvent } = options;
  const files = await createReport(input, loaded, onEvent && ((step) => onEvent({ kind: 'report-step', step })));
  options.onEvent?.({ kind: 'stage-done', stage: 'render', rows: rowsRead(imported) });
  return { unit, subUnits, input, files, ...(completeness ? { completeness } : {}) };
}

export interface ReportRequest extends ReportFileOptions, PeriodChoice {
  readonly unit: string;
  readonly targets?: string;
  readonly baseline?: string;
  readonly codesAsOf?: string;
  /** `--village-map FILE`: where the villages of split old communes went. */
  readonly villageMap?: string;
  /** Refuse a unit some of whose communes have no data (exit 3). */
  readonly strict?: boolean;
  /** Column-mapping profiles and sheets to ignore (profiles/README.md); by default the bundled profiles. */
  readonly sheets?: ProfileSelection;
}

export interface ReportRun {
  readonly imported: ImportResult;
  readonly computed: Computed;
  readonly report: UnitReport;
}

/** `chitieu report` as data: read → validate → compute → report. Settings files are read before the records. */
export async function reportFromFiles(paths: readonly string[], request: ReportRequest, onEvent?: OnPipelineEvent): Promise<ReportRun> {
  const options = loadReportOptions(request);
  const definitions = loadDefinitions(request.periods);
  // Table and chart files are checked against the catalogue before any record is read (exit 4).
  const loaded = { ...options, layout: loadReportLayout(definitions.catalogue, options.template ? resolveTemplate(options.template) : undefined) };
  const period = resolvePeriod(request);
  checkReportDate(loaded.settings, period.to, request.settings);
  const { unit } = reportUnit(request.unit, period, definitions.units);
  const level: Level = unit.level;
  const settings: ComputeSettings = {
    period,
    level,
    ...loadPlanAndBaseline(request, definitions.catalogue),
    ...(request.codesAsOf ? { codesAsOf: request.codesAsOf } : {}),
    ...(request.villageMap !== undefined ? { villageMap: loadVillageMap(request.villageMap, definitions.units) } : {}),
  };
  // Codes are checked by the engine at each row's own date, so the importer accepts either list.
  const imported = await readData(paths, { ...bornBy(period), ...(request.sheets ? { sheets: request.sheets } : {}), ...(onEvent ? { onEvent } : {}) });
  const computed = computeStep(imported, settings, definitions, onEvent);
  const report = await reportStep(unit.code, imported, computed, definitions, loaded, { ...(request.strict ? { strict: true } : {}), ...(onEvent ? { onEvent } : {}) });
  return { imported, computed, report };
}
