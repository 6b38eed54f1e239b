import { computeIndicators, explainFigure, type ComputeOutput, type Explanation, type Period, type PeriodPresets } from '../engine/index.js';
import type { ImportResult } from '../import/index.js';
import type { Catalogue, TargetPlan } from '../indicators/index.js';
import type { ImportWarning, RejectedRow } from '../model/issues.js';
import type { BreakdownKey, ComputeResult, Level } from '../model/results.js';
import type { AdminUnits } from '../units/index.js';
import type { OnPipelineEvent } from './events.js';
import { loadAdminUnits, loadCatalogue, loadPeriodPresets, loadTargets, readResultFile } from './load.js';
import { rowsRead } from './read.js';

/** What the engine needs besides the records, loaded once per run. */
export interface Definitions {
  readonly catalogue: Catalogue;
  readonly units: AdminUnits;
  readonly presets: PeriodPresets;
}

export function loadDefinitions(periodsFile?: string): Definitions {
  return { catalogue: loadCatalogue(), units: loadAdminUnits(), presets: loadPeriodPresets(periodsFile) };
}

export interface ComputeSettings {
  readonly period: Period;
  readonly level?: Level;
  readonly plan?: TargetPlan;
  readonly baseline?: 'records' | ComputeResult;
  readonly codesAsOf?: string;
}

/** `--targets FILE` and `--baseline records|FILE` as data (read before the records: a bad file fails first). */
export function loadPlanAndBaseline(options: { targets?: string; baseline?: string }, catalogue: Catalogue): Pick<ComputeSettings, 'plan' | 'baseline'> {
  const plan = options.targets !== undefined ? loadTargets(options.targets, catalogue) : undefined;
  const baseline = options.baseline === undefined ? undefined : options.baseline === 'records' ? ('records' as const) : readResultFile(options.baseline);
  return { ...(plan ? { plan } : {}), ...(baseline ? { baseline } : {}) };
}

export interface Computed {
  /** What was asked: the report step words last year's figures by where they came from. */
  readonly settings: ComputeSettings;
  readonly output: ComputeOutput;
  /** The importer's and the engine's rejected rows together. */
  readonly rejected: readonly RejectedRow[];
  /** Warnings worth showing (a totals row the importer skipped is not). */
  readonly warnings: readonly ImportWarning[];
}

/** Compute: records → indicator results and target statuses. */
export function computeStep(imported: ImportResult, settings: ComputeSettings, definitions: Definitions, onEvent?: OnPipelineEvent): Computed {
  const output = computeIndicators({
    dataset: imported.dataset,
    period: settings.period,
    catalogue: definitions.catalogue,
    units: definitions.units,
    presets: definitions.presets,
    ...(settings.level ? { level: settings.level } : {}),
    ...(settings.plan ? { targets: [settings.plan] } : {}),
    ...(settings.baseline ? { baseline: settings.baseline } : {}),
    ...(settings.codesAsOf ? { codesAsOf: settings.codesAsOf } : {}),
  });
  const computed: Computed = {
    settings,
    output,
    rejected: [...imported.rejected, ...output.rejected],
    warnings: [...imported.warnings, ...output.warnings].filter((warning) => warning.kind !== 'totals_row'),
  };
  onEvent?.({ kind: 'stage-done', stage: 'compute', rows: rowsRead(imported), computed });
  return computed;
}

export interface ExplainRequest {
  readonly period: Period;
  readonly indicator: string;
  readonly unit: string;
  readonly breakdown?: Partial<Record<BreakdownKey, string>>;
  readonly codesAsOf?: string;
}

/** Explain: one figure's rule, numerator, denominator and the record keys behind them. */
export function explainStep(imported: ImportResult, request: ExplainRequest, definitions: Definitions): Explanation {
  return explainFigure({
    dataset: imported.dataset,
    period: request.period,
    catalogue: definitions.catalogue,
    units: definitions.units,
    presets: definitions.presets,
    indicator: request.indicator,
    unit: request.unit,
    breakdown: request.breakdown ?? {},
    ...(request.codesAsOf ? { codesAsOf: request.codesAsOf } : {}),
  });
}
