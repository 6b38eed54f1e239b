/**
 * The indicator engine: records → indicator results and target statuses (docs/indicator-rules.md).
 *
 *   const catalogue = loadCatalogue();                       // indicators/*.yaml, validated
 *   const period = parsePeriod('2025-H1');                   // or periodFromWindow(from, to)
 *   const plan = loadTargets('targets/ke-hoach-003-phu-la-2025.yaml', catalogue);
 *   const { result, baselineResult, rejected, warnings } = computeIndicators({
 *     dataset, period, catalogue,
 *     level: 'province',            // highest level reported (default province; district only before 1 Jul 2025)
 *     targets: [plan],              // optional
 *     baseline: 'records',          // or last year's ComputeResult (src/pipeline: readResultFile(path)); optional
 *     codesAsOf: '2025-06-30',      // optional: vintage of the children's commune codes (default R)
 *   });
 *
 * `result` is the JSON of `compute --out result.json`: rows for every unit with input rows at
 * every level from commune up, in the order indicator, level, unit, breakdown, and the
 * coverage of each district and province (which of its communes had data: completeness.ts). `baselineResult`
 * is last year's figures on this year's units (when a baseline was given). `rejected` holds rows
 * whose commune code is unknown at their date (not thrown: they are reported like the
 * importer's). Options that cannot work (district level after the reform, a baseline of another
 * period) throw UserError.
 *
 *   explainFigure({ dataset, period, catalogue, indicator, unit, breakdown }) → the rule, the
 *   figure and the record keys (Mã trẻ em / Mã vụ việc) behind it.
 *
 * Periods: parsePeriod, periodFromWindow, samePeriodLastYear, parsePeriodPresets (named cut-off
 * windows, settings/periods.yaml, read by the pipeline). Targets on figures computed elsewhere (e.g. `aggregate`):
 * evaluateTargets(plans, results, baselineLookupOf(lastYear)). Last year's result file:
 * parseResultFile, checkBaselinePeriod, onUnitsAt (carries pre-reform units to the new ones).
 */
import type { ImportWarning, RejectedRow } from '../model/issues.js';
import type { ComputeResult, PlacementSummary } from '../model/results.js';
import { prepare, type PlacementAccount } from './prepare.js';
import type { AdminUnits } from '../units/index.js';
import type { Catalogue, TargetPlan } from '../indicators/schema.js';
import { baselineLookupOf, checkBaselinePeriod, onUnitsAt } from './baseline.js';
import { unitCoverage } from './completeness.js';
import { computeResults } from './compute.js';
import { periodFromWindow, samePeriodLastYear, type Period } from './period.js';
import { periodRef } from '../model/period.js';
import { runFor, setUp, type RunOptions } from './setup.js';
import { evaluateTargets } from './targets.js';

export interface ComputeInput extends RunOptions {
  readonly catalogue: Catalogue;
  readonly targets?: readonly TargetPlan[];
  /** `records`: last year's window from the same records; a ComputeResult: last year's result file. */
  readonly baseline?: 'records' | ComputeResult;
}

export interface ComputeOutput {
  /** The period computed (the result files carry its id and window only). */
  readonly period: Period;
  readonly result: ComputeResult;
  /** Last year's figures on this year's units, when a baseline was given. */
  readonly baselineResult?: ComputeResult;
  readonly rejected: RejectedRow[];
  readonly warnings: ImportWarning[];
  /** How each children's sheet was placed (vintage, conversions, rejections). */
  readonly placement: PlacementAccount;
}

/** The result file's summary of the placement, when there is anything to say. */
export function placementSummary(account: PlacementAccount, units: AdminUnits): PlacementSummary | undefined {
  const sum = (key: 'converted' | 'approximate' | 'byVillage') => account.sheets.reduce((total, sheet) => total + sheet[key], 0);
  const unplaced = account.unplaced.map((entry) => {
    const name = (units.commune(entry.code, 'pre') ?? units.commune(entry.code, 'post'))?.name;
    return { code: entry.code, ...(name !== undefined ? { name } : {}), children: entry.children };
  });
  const summary = { converted: sum('converted'), approximate: sum('approximate'), byVillage: sum('byVillage'), unplaced };
  return summary.converted > 0 || summary.unplaced.length > 0 ? summary : undefined;
}

export function computeIndicators(input: ComputeInput): ComputeOutput {
  const setup = setUp(input);
  const run = runFor(setup, input, input.period);
  const results = computeResults(run, input.catalogue.indicators);

  let baselineResult: ComputeResult | undefined;
  if (input.baseline === 'records') {
    const lastYear = samePeriodLastYear(input.period);
    const baselineRun = runFor(setup, input, lastYear);
    // Indicators whose last year today's records cannot give have no baseline rather than a wrong one.
    const results = computeResults(baselineRun, input.catalogue.indicators.filter((definition) => definition.lastYearFromRecords));
    baselineResult = { period: periodRef(lastYear), results, targets: [] };
  } else if (input.baseline !== undefined) {
    checkBaselinePeriod(input.baseline, input.period);
    baselineResult = onUnitsAt(input.baseline, input.period.to, setup.units, input.catalogue);
  }

  const targets = evaluateTargets(input.targets ?? [], results, baselineResult ? baselineLookupOf(baselineResult) : undefined);
  const coverage = unitCoverage(setup.units, input.period.to, run.units);
  const placement = placementSummary(run.prepared.placement, setup.units);
  return {
    period: input.period,
    result: { period: periodRef(input.period), results, targets, ...(coverage.length > 0 ? { coverage } : {}), ...(placement ? { placement } : {}) },
    ...(baselineResult ? { baselineResult } : {}),
    rejected: run.prepared.rejected,
    warnings: run.prepared.warnings,
    placement: run.prepared.placement,
  };
}

/**
 * Only the placement of the records on the units valid at `referenceDate` (what `validate`
 * checks): the rows a computation for a period ending that day would reject while placing them.
 */
export function placeRecords(input: Pick<RunOptions, 'dataset' | 'units' | 'codesAsOf' | 'villageMap'> & { readonly referenceDate: string }): {
  rejected: RejectedRow[];
  placement: PlacementAccount;
} {
  const period = periodFromWindow(input.referenceDate, input.referenceDate);
  const setup = setUp({ ...input, period });
  const prepared = prepare({
    dataset: input.dataset,
    window: period,
    placer: setup.placer,
    communeUnits: setup.communeUnits,
    ...(setup.childVintage ? { childVintage: setup.childVintage } : {}),
  });
  return { rejected: prepared.rejected, placement: prepared.placement };
}

export { CATALOGUE_DIR, TARGETS_DIR, loadCatalogue, loadTargets } from '../indicators/index.js';
export { baselineLookupOf, checkBaselinePeriod, onUnitsAt, parseResultFile } from './baseline.js';
export { communeNames, coverageOf, isIncomplete, unitCoverage } from './completeness.js';
export { evaluateTargets, type BaselineFigure, type BaselineLookup } from './targets.js';
export { describeMeasure, describeRule } from './describe.js';
export { explainFigure, type ExplainInput, type Explanation, type RecordKeys } from './explain.js';
export { parsePeriod, parsePeriodPresets, periodFromWindow, samePeriodLastYear, type Period, type PeriodPresets } from './period.js';
export { levelsAt } from '../model/levels.js';
export { factsPeriod, type PlacementAccount, type SheetPlacement } from './prepare.js';
export { childVintages, type Vintage } from './vintage.js';
export { NOBODY_CONCERNED } from './targets.js';
export { isIsoDate } from './dates.js';
export { ALWAYS_SHOWN, KEY_LABELS, compareValues, valueLabel } from './breakdowns.js';
export { DOUBLE_COUNT_NOTE, combinedResult, sumAnnexes, type SummedRows } from './sum-annexes.js';
