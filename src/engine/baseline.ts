/**
 * Last year's figures for reduction targets: computed from the same records (`--baseline
 * records`), or read from last year's result file (`--baseline FILE`). Without either a
 * reduction target is insufficient_data: a missing baseline is never 0.
 *
 * Last year's file may be on the units before the 2025 reform while this year's figures are on
 * the new ones: its commune and province rows are then carried through the crosswalk and added
 * up (a split commune's figures go whole to one successor and are flagged approximate).
 */
import type { Catalogue } from '../indicators/schema.js';
import { engineText, ExitCode, UserError } from '../messages/index.js';
import { ComputeResult, type IndicatorResult, type Level } from '../model/results.js';
import { NATION_CODE, levelRank } from '../model/levels.js';
import { eraAt, type AdminUnits } from '../units/index.js';
import { samePeriodLastYear, type Period } from './period.js';
import type { BaselineLookup } from './targets.js';

/** Validates the text of a result file written by `compute --out result.json` (`file` names it in messages). */
export function parseResultFile(text: string, file: string): ComputeResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(
      ExitCode.unreadableInput,
      engineText.resultFileNotValid({ file, reason }),
    );
  }
  const parsed = ComputeResult.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join('.');
    throw new UserError(
      ExitCode.unreadableInput,
      engineText.resultFileFieldNotValid({ file, path }),
    );
  }
  return parsed.data;
}

/** Last year's result must cover exactly the same period one year earlier. */
export function checkBaselinePeriod(baseline: ComputeResult, period: Period): void {
  const expected = samePeriodLastYear(period);
  const actual = baseline.period;
  if (actual.from !== expected.from || actual.to !== expected.to) {
    throw new UserError(
      ExitCode.usage,
      engineText.baselineOfOtherPeriod({ baseline: actual, period: period.id, expected }),
    );
  }
}


interface Sum {
  readonly indicator: string;
  readonly level: Level;
  readonly unit: string;
  readonly breakdown: IndicatorResult['breakdown'];
  numerator: number;
  denominator: number | null;
  noData: boolean;
  approximate: boolean;
}

/**
 * A result on the units valid at `referenceDate`. A result already on those units is returned
 * as it is; one from before the reform is carried to the new units (districts have no successor
 * and are left out).
 */
export function onUnitsAt(result: ComputeResult, referenceDate: string, units: AdminUnits, catalogue: Catalogue): ComputeResult {
  if (eraAt(result.period.to) === eraAt(referenceDate)) return result;
  if (eraAt(result.period.to) === 'post') return { ...result, results: [], targets: [] };
  const sums = new Map<string, Sum>();
  for (const row of result.results) {
    let target: { code: string; approximate: boolean } | undefined;
    if (row.level === 'commune') target = units.crosswalk(row.unit);
    else if (row.level === 'province') target = units.provinceCrosswalk(row.unit);
    // The nation is the same unit across the reform.
    else if (row.level === 'national') target = { code: NATION_CODE, approximate: false };
    if (target === undefined) continue;
    const key = `${row.indicator}|${row.level}|${target.code}|${JSON.stringify(row.breakdown)}`;
    let sum = sums.get(key);
    if (sum === undefined) {
      sum = {
        indicator: row.indicator,
        level: row.level,
        unit: target.code,
        breakdown: row.breakdown,
        numerator: 0,
        denominator: row.denominator === null && !row.noData ? null : 0,
        noData: false,
        approximate: false,
      };
      sums.set(key, sum);
    }
    sum.numerator += row.numerator ?? 0;
    if (sum.denominator !== null) sum.denominator += row.denominator ?? 0;
    sum.noData ||= row.noData === true;
    sum.approximate ||= target.approximate || row.approximate === true;
  }
  const rows: IndicatorResult[] = [...sums.values()].map((sum) => {
    const base = { indicator: sum.indicator, unit: sum.unit, level: sum.level, breakdown: sum.breakdown };
    if (sum.noData) return { ...base, numerator: null, denominator: null, value: null, noData: true as const };
    const factor = catalogue.get(sum.indicator)?.factor;
    const value =
      sum.denominator === null ? sum.numerator : sum.denominator === 0 || factor === undefined ? null : (sum.numerator / sum.denominator) * factor;
    return { ...base, numerator: sum.numerator, denominator: sum.denominator, value, ...(sum.approximate ? { approximate: true as const } : {}) };
  });
  rows.sort((a, b) => (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0) || levelRank(a.level) - levelRank(b.level) || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  return { period: result.period, results: rows, targets: [] };
}

/** Last year's count (the numerator of the total row) per indicator and unit. */
export function baselineLookupOf(result: ComputeResult): BaselineLookup {
  const totals = new Map<string, IndicatorResult>();
  for (const row of result.results) {
    if (Object.keys(row.breakdown).length === 0) totals.set(`${row.indicator}|${row.level}|${row.unit}`, row);
  }
  return (indicator, level, unit) => {
    const row = totals.get(`${indicator}|${level}|${unit}`);
    if (row === undefined) return undefined;
    return { count: row.noData ? null : row.numerator, approximate: row.approximate === true };
  };
}
