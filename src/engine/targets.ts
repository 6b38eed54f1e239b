/**
 * Target statuses for every unit at every level (docs/indicator-rules.md, "Targets"):
 *
 *   reduction {percent}   count now ≤ (1 − percent/100) × count in the same period last year;
 *                         last year 0 and now 0: not_occurred ("không phát sinh": nothing
 *                         to reduce, neither met nor missed); last year 0, now more: not_met;
 *                         no baseline: insufficient_data
 *   full_coverage         value = 100 (numerator = denominator); nobody concerned: met, with
 *                         the note "không có trẻ em thuộc diện"
 *
 * A figure without data is never read as 0: it gives insufficient_data.
 */
import type { IndicatorResult, TargetResult, TargetStatus } from '../model/results.js';
import type { TargetDefinition, TargetPlan } from '../indicators/schema.js';
import { engineText } from '../messages/index.js';

/** Last year's count of an indicator at a unit; `undefined` when there is none. */
export interface BaselineFigure {
  /** null: last year's figure had no data. */
  readonly count: number | null;
  readonly approximate: boolean;
}
export type BaselineLookup = (indicator: string, level: IndicatorResult['level'], unit: string) => BaselineFigure | undefined;

// A target's note is stored in the result (its JSON, the documents' tables): written in the
// documents' language, Vietnamese (Decree 30/2020), as the rest of the result's wording.
export const NOBODY_CONCERNED = engineText.targetNobodyConcerned().vi;
const APPROXIMATE_NOTE = engineText.targetApproximate().vi;
const NO_BASELINE_NOTE = engineText.targetNoBaseline().vi;
const NO_DATA_NOTE = engineText.targetNoData().vi;

function applies(target: TargetDefinition, row: IndicatorResult): { percent: number | undefined } | undefined {
  if (target.levels && !target.levels.includes(row.level)) return undefined;
  if (target.units && !target.units.includes(row.unit)) return undefined;
  const override = target.overrides.find((entry) => entry.unit === row.unit);
  if (override?.skip) return undefined;
  return { percent: override?.percent ?? target.percent };
}

function joinNotes(...notes: (string | undefined)[]): string | undefined {
  const kept = notes.filter((note): note is string => note !== undefined && note !== '');
  return kept.length > 0 ? kept.join('; ') : undefined;
}

function evaluate(target: TargetDefinition, row: IndicatorResult, percent: number | undefined, baseline: BaselineLookup | undefined): TargetResult {
  const base = { target: target.label, indicator: target.indicator, unit: row.unit, level: row.level };
  const finish = (status: TargetStatus, current: number | null, last: number | null, ...notes: (string | undefined)[]): TargetResult => {
    const note = joinNotes(...notes, target.note);
    return { ...base, status, current, baseline: last, ...(note !== undefined ? { note } : {}) };
  };
  const approximate = row.approximate ? APPROXIMATE_NOTE : undefined;
  if (target.rule === 'full_coverage') {
    if (row.noData) return finish('insufficient_data', null, null, NO_DATA_NOTE);
    if (row.denominator === 0) return finish('met', row.value, null, NOBODY_CONCERNED);
    return finish(row.numerator === row.denominator ? 'met' : 'not_met', row.value, null, approximate);
  }
  const current = row.noData ? null : row.numerator;
  const last = baseline?.(target.indicator, row.level, row.unit);
  if (last === undefined) return finish('insufficient_data', current, null, NO_BASELINE_NOTE);
  if (current === null || last.count === null) return finish('insufficient_data', current, last.count, NO_DATA_NOTE);
  const lastApproximate = last.approximate ? APPROXIMATE_NOTE : undefined;
  // Integer arithmetic: 100·now ≤ (100 − p)·last, so 10% of 10 is exactly 9.
  if (last.count === 0 && current === 0) return finish('not_occurred', current, last.count, approximate ?? lastApproximate);
  const met = last.count !== 0 && 100 * current <= (100 - percent!) * last.count;
  return finish(met ? 'met' : 'not_met', current, last.count, approximate ?? lastApproximate);
}

/** Statuses of every target of the plans, for every unit and level with a total row, in result order. */
export function evaluateTargets(
  plans: readonly TargetPlan[],
  results: readonly IndicatorResult[],
  baseline: BaselineLookup | undefined,
): TargetResult[] {
  const totals = new Map<string, IndicatorResult[]>();
  for (const row of results) {
    if (Object.keys(row.breakdown).length > 0) continue;
    const list = totals.get(row.indicator);
    if (list) list.push(row);
    else totals.set(row.indicator, [row]);
  }
  const statuses: TargetResult[] = [];
  for (const plan of plans) {
    for (const target of plan.targets) {
      for (const row of totals.get(target.indicator) ?? []) {
        const scope = applies(target, row);
        if (scope) statuses.push(evaluate(target, row, scope.percent, baseline));
      }
    }
  }
  return statuses;
}
