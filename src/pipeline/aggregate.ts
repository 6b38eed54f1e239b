/**
 * The aggregate step: the annex workbooks the units one level down sent up → the district's
 * or province's report input (numerators and denominators summed, ratios recomputed).
 */
import { baselineLookupOf, evaluateTargets, parsePeriod, type PeriodPresets } from '../engine/index.js';
import type { TargetPlan } from '../indicators/index.js';
import { aggregateAnnexes, type AggregateOutcome } from './annexes.js';
import type { ReportInput } from '../report/index.js';
import { createReport, type OnReportStep, type ReportFiles } from '../output/report.js';
import { ExitCode, UserError } from '../messages/index.js';
import { incompleteRefusal } from '../report/completeness.js';
import { communesUnder, levelOfCode, unitsAbove } from '../model/levels.js';
import type { AdminUnits } from '../units/index.js';
import type { LoadedReportOptions } from './report.js';
import { toolVersion } from './report.js';
import { byUnitsBelow, isUnder, reportUnit } from './units.js';

/** Target statuses of the summed figures, when a plan is given. */
export function withTargets(input: ReportInput, plan: TargetPlan | undefined): ReportInput {
  if (!plan) return input;
  const baseline = input.baseline ? baselineLookupOf(input.baseline) : undefined;
  return { ...input, result: { ...input.result, targets: evaluateTargets([plan], input.result.results, baseline) } };
}

export interface AggregateRequest {
  readonly unit: string;
  readonly period: string;
  readonly plan?: TargetPlan;
  /** Refuse a sum some of whose communes sent nothing (exit 3). */
  readonly strict?: boolean;
}

export async function aggregateStep(
  paths: readonly string[],
  request: AggregateRequest,
  definitions: { readonly units: AdminUnits; readonly presets?: PeriodPresets },
): Promise<AggregateOutcome> {
  const period = parsePeriod(request.period, definitions.presets);
  const { unit, subUnits } = reportUnit(request.unit, period, definitions.units);
  const communes = communesUnder(definitions.units, unit, period.to).map((commune) => ({ code: commune.code, name: commune.name }));
  const outcome = await aggregateAnnexes({
    paths,
    unit,
    periodId: period.id,
    expected: subUnits,
    isUnder: (code) => isUnder(unit, code, period, definitions.units),
    childOf: (code) => {
      const level = levelOfCode(code);
      const above = level === undefined ? [] : unitsAbove(definitions.units, { code, level }, period.to);
      return subUnits.find((subUnit) => above.some((unit) => unit.code === subUnit.code && unit.level === subUnit.level))?.code;
    },
    toolVersion: toolVersion(),
    communes,
  });
  const summed = outcome.input.completeness;
  const completeness = summed && byUnitsBelow(summed, unit, period.to, definitions.units);
  if (request.strict && completeness && completeness.missing.length > 0) {
    throw new UserError(ExitCode.rejectedRows, incompleteRefusal(unit.fullName, completeness));
  }
  return { ...outcome, input: withTargets({ ...outcome.input, ...(completeness ? { completeness } : {}) }, request.plan) };
}

/** The summed report and annex. */
export function aggregateReport(outcome: AggregateOutcome, loaded: LoadedReportOptions, onStep?: OnReportStep): Promise<ReportFiles> {
  return createReport(outcome.input, loaded, onStep);
}
