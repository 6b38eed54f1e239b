import { computeIndicators, explainFigure, type ComputeOutput, type Explanation, type Period, type PeriodPresets, type PlacementAccount, placeRecords } from '../engine/index.js';
import type { VillageMap } from '../units/village-map.js';
import type { FileAccount, ImportResult } from '../import/index.js';
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
  readonly villageMap?: VillageMap;
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
  /** The files' accounting with the rows rejected while being placed: read = accepted + rejected still. */
  readonly files: readonly FileAccount[];
}

/**
 * The import's accounting with the engine's placement in it: a row rejected while being placed
 * moves from accepted to rejected in its sheet and file, and each children's sheet says how
 * many of its children were read in the old codes and carried over.
 */
export function accountPlacement(files: readonly FileAccount[], engineRejected: readonly RejectedRow[], placement: PlacementAccount): FileAccount[] {
  const key = (file: string, sheet: string) => `${file}\u0000${sheet}`;
  const rejectedIn = new Map<string, number>();
  for (const row of engineRejected) {
    const where = key(row.source.file, row.source.sheet);
    rejectedIn.set(where, (rejectedIn.get(where) ?? 0) + 1);
  }
  const placed = new Map(placement.sheets.map((sheet) => [key(sheet.file, sheet.sheet), sheet]));
  return files.map((file) => {
    const sheets = file.sheets.map((sheet) => {
      const rejected = rejectedIn.get(key(file.file, sheet.sheet)) ?? 0;
      const children = placed.get(key(file.file, sheet.sheet));
      if (rejected === 0 && (children === undefined || children.converted === 0)) return { ...sheet };
      const note = { converted: children?.converted ?? 0, approximate: children?.approximate ?? 0, byVillage: children?.byVillage ?? 0, rejected };
      return { ...sheet, accepted: sheet.accepted - rejected, rejected: sheet.rejected + rejected, placement: note };
    });
    const moved = sheets.reduce((sum, sheet) => sum + (sheet.placement?.rejected ?? 0), 0);
    return { ...file, sheets, accepted: file.accepted - moved, rejected: file.rejected + moved };
  });
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
    ...(settings.villageMap ? { villageMap: settings.villageMap } : {}),
  });
  const computed: Computed = {
    settings,
    output,
    rejected: [...imported.rejected, ...output.rejected],
    // Skipped total rows stay: the terminal, the page and the error workbook count the same warnings (#19).
    warnings: [...imported.warnings, ...output.warnings],
    files: accountPlacement(imported.files, output.rejected, output.placement),
  };
  onEvent?.({ kind: 'stage-done', stage: 'compute', rows: rowsRead(imported), computed });
  return computed;
}

/** The rows placing the records on the units at `referenceDate` rejects, in the accounting (`validate`). */
export function placeStep(
  imported: ImportResult,
  settings: { readonly referenceDate: string; readonly codesAsOf?: string; readonly villageMap?: VillageMap },
  units: AdminUnits,
): { rejected: RejectedRow[]; files: FileAccount[] } {
  const placed = placeRecords({ dataset: imported.dataset, units, ...settings });
  return { rejected: [...imported.rejected, ...placed.rejected], files: accountPlacement(imported.files, placed.rejected, placed.placement) };
}

export interface ExplainRequest {
  readonly period: Period;
  readonly indicator: string;
  readonly unit: string;
  readonly breakdown?: Partial<Record<BreakdownKey, string>>;
  readonly codesAsOf?: string;
  readonly villageMap?: VillageMap;
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
    ...(request.villageMap ? { villageMap: request.villageMap } : {}),
  });
}
