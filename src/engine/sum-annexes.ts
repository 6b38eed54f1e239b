/**
 * District (or province) figures from the annex workbooks of the units below it: numerators
 * and denominators are summed, ratios recomputed from the sums (never averaged).
 *
 * Summing counts each commune's distinct children once per commune, so a child with events in
 * two communes is counted twice here, where `compute` on the records counts it once. The
 * report says so in a note under every table.
 *
 * A breakdown value a commune does not have did not occur there: it adds 0 to the numerator
 * and the commune's denominator for the same sex/age group (sex and age rows always exist) or
 * its total denominator (a group, cause, form or setting does not restrict the denominator).
 */
import { CHILD_PROPERTY_BREAKDOWNS } from '../indicators/index.js';
import { breakdownId, type Breakdown, type BreakdownKey, type ComputeResult, type IndicatorResult, type Level } from '../model/results.js';
import { levelRank } from '../model/levels.js';
import { engineText, type Message } from '../messages/index.js';
import type { Annex, AnnexRow } from '../model/annex-contract.js';

/** Said in the summed report (Vietnamese, as the document) and on the terminal (in the reader's language). */
export const DOUBLE_COUNT_NOTE: Message = engineText.doubleCountNote();

export interface SummedRows {
  readonly rows: IndicatorResult[];
  /** Indicator → factor, as the workbooks gave it. */
  readonly factors: Record<string, number | null>;
  readonly warnings: Message[];
}

/** The part of a breakdown that restricts the denominator too (the child's sex and age). */
function restricted(breakdown: Breakdown): Breakdown {
  const out: Breakdown = {};
  for (const [key, value] of Object.entries(breakdown) as [BreakdownKey, string][]) {
    if (CHILD_PROPERTY_BREAKDOWNS.has(key)) out[key] = value;
  }
  return out;
}

interface Contribution {
  numerator: number;
  denominator: number | null;
  approximate: boolean;
}

/**
 * What one unit adds to a (indicator, breakdown): its own row, or for a breakdown value it
 * does not have, 0 over the right denominator; undefined when it has no figures at all.
 */
function contribution(rows: ReadonlyMap<string, AnnexRow>, indicator: string, breakdown: Breakdown): Contribution | undefined {
  const own = rows.get(`${indicator}|${breakdownId(breakdown)}`);
  if (own) {
    if (own.noData || own.numerator === null) return undefined;
    return { numerator: own.numerator, denominator: own.denominator, approximate: own.approximate === true };
  }
  const total = rows.get(`${indicator}|`);
  if (!total || total.noData) return undefined;
  const base = rows.get(`${indicator}|${breakdownId(restricted(breakdown))}`);
  const denominator = total.denominator === null ? null : (base?.denominator ?? null);
  if (total.denominator !== null && denominator === null) return undefined;
  return { numerator: 0, denominator, approximate: false };
}

function inferFactor(rows: readonly AnnexRow[]): number | null {
  const sample = rows.find((row) => row.value !== null && row.numerator && row.denominator);
  if (!sample) return null;
  const ratio = (sample.value! * sample.denominator!) / sample.numerator!;
  return 10 ** Math.round(Math.log10(ratio));
}

/**
 * Sums the rows of each workbook's own unit into `unit`. `rowsOf` picks which rows of an
 * annex to use (the period's, or last year's).
 */
export function sumAnnexes(annexes: readonly Annex[], unit: { code: string; level: Level }, rowsOf: (annex: Annex) => readonly AnnexRow[]): SummedRows {
  const perUnit = annexes.map((annex) => {
    const own = rowsOf(annex).filter((row) => row.unit === annex.info.unitCode);
    return { annex, own, byKey: new Map(own.map((row) => [`${row.indicator}|${breakdownId(row.breakdown)}`, row])) };
  });
  const keys = new Map<string, { indicator: string; breakdown: Breakdown }>();
  const factors: Record<string, number | null> = {};
  for (const { own } of perUnit) {
    for (const row of own) {
      keys.set(`${row.indicator}|${breakdownId(row.breakdown)}`, { indicator: row.indicator, breakdown: row.breakdown });
      if (row.factor !== null || !(row.indicator in factors)) factors[row.indicator] = row.factor ?? factors[row.indicator] ?? null;
    }
  }
  for (const indicator of Object.keys(factors)) {
    if (factors[indicator] === null) factors[indicator] = inferFactor(perUnit.flatMap(({ own }) => own.filter((row) => row.indicator === indicator)));
  }
  const rows: IndicatorResult[] = [];
  const missing = new Map<string, Set<string>>();
  for (const { indicator, breakdown } of keys.values()) {
    let numerator = 0;
    let denominator: number | null = null;
    let approximate = false;
    let contributors = 0;
    for (const { annex, byKey } of perUnit) {
      const part = contribution(byKey, indicator, breakdown);
      if (!part) {
        if (Object.keys(breakdown).length === 0) {
          const names = missing.get(indicator) ?? new Set<string>();
          names.add(annex.info.unitName);
          missing.set(indicator, names);
        }
        continue;
      }
      contributors++;
      numerator += part.numerator;
      if (part.denominator !== null) denominator = (denominator ?? 0) + part.denominator;
      approximate ||= part.approximate;
    }
    const base = { indicator, unit: unit.code, level: unit.level, breakdown };
    if (contributors === 0) {
      rows.push({ ...base, numerator: null, denominator: null, value: null, noData: true });
      continue;
    }
    const factor = factors[indicator] ?? 1;
    const value = denominator === null ? numerator : denominator === 0 ? null : (numerator / denominator) * factor;
    rows.push({ ...base, numerator, denominator, value, ...(approximate ? { approximate: true as const } : {}) });
  }
  const warnings: Message[] = [];
  for (const [indicator, names] of missing) {
    if (names.size === perUnit.length) continue;
    const list = [...names].join(', ');
    warnings.push(engineText.indicatorMissingInSomeUnits({ indicator, list }));
  }
  return { rows, factors, warnings };
}

/** The summed unit's rows plus the rows of every workbook, in a stable order. */
export function combinedResult(period: ComputeResult['period'], summed: readonly IndicatorResult[], annexRows: readonly IndicatorResult[]): ComputeResult {
  const all = [...annexRows.map(stripFactor), ...summed];
  all.sort(
    (a, b) =>
      compare(a.indicator, b.indicator) || levelRank(a.level) - levelRank(b.level) || compare(a.unit, b.unit) || compare(breakdownId(a.breakdown), breakdownId(b.breakdown)),
  );
  return { period, results: all, targets: [] };
}

function stripFactor(row: IndicatorResult & { factor?: number | null }): IndicatorResult {
  const { factor: _factor, ...rest } = row;
  return rest;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
