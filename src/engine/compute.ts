/**
 * Indicator results for every unit with input rows, at every reported level (docs/indicator-rules.md,
 * "JSON output"): a total row per indicator and unit, rows for every sex and age-group value,
 * rows for other breakdown values where they occur. Ratios are numerator ÷ denominator × factor
 * from the unit's own counts, never averaged; a ratio split by the child's sex or age group
 * restricts its denominator to that value, other breakdowns keep the unit's total denominator.
 */
import type { BreakdownKey, IndicatorResult, Level } from '../model/results.js';
import { CHILD_PROPERTY_BREAKDOWNS, type IndicatorDefinition, type Measure } from '../indicators/schema.js';
import { ALWAYS_SHOWN, alwaysValues, compareValues } from './breakdowns.js';
import { aggregate, coverageGaps, fineCells, noDataOf, project, projectable, unitKey, valuesKey, type Cell, type Cells, type NoData } from './measure.js';
import { unitsWithRows, type Prepared } from './prepare.js';

/** What one computation works on: prepared tables, the reported levels and their units. */
export class Run {
  readonly units: ReadonlyMap<Level, readonly string[]>;
  readonly allUnitKeys: readonly string[];
  private readonly aggregates = new Map<string, Cells>();
  private readonly noData = new Map<string, NoData>();

  constructor(
    readonly prepared: Prepared,
    readonly levels: readonly Level[],
  ) {
    this.units = unitsWithRows(prepared, levels);
    this.allUnitKeys = levels.flatMap((level) => (this.units.get(level) ?? []).map((unit) => unitKey(level, unit)));
  }

  /**
   * Shared by every indicator that uses the same measure and split (P(R) by sex is asked for
   * often). Splits of TreEm measures by sex and age group are sums of one finer grouping.
   */
  cells(measure: Measure, keys: readonly BreakdownKey[]): Cells {
    const key = `${JSON.stringify(measure)}#${keys.join(',')}`;
    let cells = this.aggregates.get(key);
    if (cells === undefined) {
      cells = projectable(measure, keys)
        ? project(this.prepared, this.cached(`${JSON.stringify(measure)}#fine`, () => fineCells(this.prepared, measure)), keys, this.levels)
        : aggregate(this.prepared, measure, keys, this.levels);
      this.aggregates.set(key, cells);
    }
    return cells;
  }

  private cached(key: string, compute: () => Cells): Cells {
    let cells = this.aggregates.get(key);
    if (cells === undefined) this.aggregates.set(key, (cells = compute()));
    return cells;
  }

  noDataOf(measure: Measure): NoData {
    const key = JSON.stringify(measure);
    let found = this.noData.get(key);
    if (found === undefined) this.noData.set(key, (found = noDataOf(this.prepared, measure, this.levels, this.allUnitKeys)));
    return found;
  }
}

const isIn = (noData: NoData, key: string) => noData === 'all' || noData.has(key);

/** Units where an indicator has no data: either measure lacks its inputs, or facts and records cover different communes. */
function noDataUnits(run: Run, definition: IndicatorDefinition): (key: string) => boolean {
  const sets: NoData[] = [run.noDataOf(definition.numerator)];
  const denominator = definition.denominator;
  if (denominator) {
    sets.push(run.noDataOf(denominator));
    const numeratorIsFacts = definition.numerator.of === 'communeFacts';
    const denominatorIsFacts = denominator.of === 'communeFacts';
    if (numeratorIsFacts !== denominatorIsFacts) {
      const [facts, records] = numeratorIsFacts ? [definition.numerator, denominator] : [denominator, definition.numerator];
      sets.push(coverageGaps(run.prepared, facts, records.of, run.levels));
    }
  }
  return (key) => sets.some((set) => isIn(set, key));
}

const ZERO: Cell = { n: 0, approximate: false };

interface Combination {
  readonly values: readonly string[];
  readonly numerator: Cell;
  readonly denominator: Cell | undefined;
}

/** The values of each key that always get a row, made once. */
const ALWAYS_VALUES = new Map<BreakdownKey, readonly string[]>();
function alwaysOf(key: BreakdownKey): readonly string[] {
  let values = ALWAYS_VALUES.get(key);
  if (values === undefined) ALWAYS_VALUES.set(key, (values = alwaysValues(key)));
  return values;
}

/** Every combination of one value per key, the first key varying slowest. */
function product(sorted: readonly (readonly string[])[]): string[][] {
  let combos: string[][] = [[]];
  for (const values of sorted) combos = combos.flatMap((prefix) => values.map((value) => [...prefix, value]));
  return combos;
}

/** Breakdown value combinations shown for one unit, in code-list order. */
function combinations(
  keys: readonly BreakdownKey[],
  numerator: ReadonlyMap<string, Cell> | undefined,
  denominator: ReadonlyMap<string, Cell> | undefined,
  denominatorIndexes: readonly number[],
): Combination[] {
  const candidates = keys.map((key) => new Set<string>(alwaysOf(key)));
  const single = keys.length === 1;
  if (numerator !== undefined) {
    for (const [values, cell] of numerator) {
      if (cell.n === 0) continue;
      if (single) candidates[0]!.add(values);
      else values.split('|').forEach((value, index) => candidates[index]!.add(value));
    }
  }
  // A value only the denominator has (e.g. sex unknown among abused children) still gets its row.
  if (denominator !== undefined) {
    for (const [values, cell] of denominator) {
      if (cell.n === 0 || values === '') continue;
      const split = values.split('|');
      denominatorIndexes.forEach((index, position) => candidates[index]!.add(split[position]!));
    }
  }
  const sorted = candidates.map((set, index) => [...set].sort((a, b) => compareValues(keys[index]!, a, b)));
  const combos = single ? sorted[0]!.map((value) => [value]) : product(sorted);
  const occasional = keys.filter((key) => !ALWAYS_SHOWN.has(key)).length;
  const result: Combination[] = [];
  for (const values of combos) {
    const numeratorCell = numerator?.get(single ? values[0]! : valuesKey(values)) ?? ZERO;
    const denominatorCell = denominator?.get(valuesKey(denominatorIndexes.map((index) => values[index]!)));
    // Two keys that are both shown only when they occur: show the pairs that occur.
    if (occasional >= 2 && numeratorCell.n === 0 && (denominatorCell?.n ?? 0) === 0) continue;
    result.push({ values, numerator: numeratorCell, denominator: denominatorCell });
  }
  return result;
}

function resultRow(
  definition: IndicatorDefinition,
  level: Level,
  unit: string,
  breakdown: IndicatorResult['breakdown'],
  numerator: Cell | undefined,
  denominator: Cell | undefined,
  noData: boolean,
): IndicatorResult {
  // Object literals, not spreads: fifty thousand rows per run, and the key order is the JSON's.
  const indicator = definition.code;
  if (noData) return { indicator, unit, level, breakdown, numerator: null, denominator: null, value: null, noData: true };
  const n = numerator?.n ?? 0;
  const isRatio = definition.denominator !== undefined;
  const d = isRatio ? (denominator?.n ?? 0) : null;
  const value = d === null ? n : d === 0 ? null : (n / d) * definition.factor!;
  const approximate = Boolean(numerator?.approximate) || Boolean(denominator?.approximate);
  return approximate
    ? { indicator, unit, level, breakdown, numerator: n, denominator: d, value, approximate: true }
    : { indicator, unit, level, breakdown, numerator: n, denominator: d, value };
}

/** Every result row of one indicator, in order: level, unit, total then breakdowns. */
export function indicatorResults(run: Run, definition: IndicatorDefinition): IndicatorResult[] {
  const rows: IndicatorResult[] = [];
  const isNoData = noDataUnits(run, definition);
  const numeratorTotals = run.cells(definition.numerator, []);
  const denominatorTotals = definition.denominator ? run.cells(definition.denominator, []) : undefined;
  const splits = definition.breakdowns.map((keys) => {
    const denominatorIndexes = keys.flatMap((key, index) => (CHILD_PROPERTY_BREAKDOWNS.has(key) ? [index] : []));
    return {
      keys,
      denominatorIndexes,
      numerator: run.cells(definition.numerator, keys),
      denominator: definition.denominator
        ? run.cells(definition.denominator, denominatorIndexes.map((index) => keys[index]!))
        : undefined,
    };
  });
  for (const level of run.levels) {
    for (const unit of run.units.get(level) ?? []) {
      const key = unitKey(level, unit);
      const noData = isNoData(key);
      rows.push(resultRow(definition, level, unit, {}, numeratorTotals.get(key)?.get(''), denominatorTotals?.get(key)?.get(''), noData));
      for (const split of splits) {
        const combos = noData
          ? split.keys.every((k) => ALWAYS_SHOWN.has(k))
            ? combinations(split.keys, undefined, undefined, split.denominatorIndexes)
            : []
          : combinations(split.keys, split.numerator.get(key), split.denominator?.get(key), split.denominatorIndexes);
        for (const combo of combos) {
          const breakdown: Partial<Record<BreakdownKey, string>> = {};
          split.keys.forEach((k, index) => {
            breakdown[k] = combo.values[index]!;
          });
          rows.push(resultRow(definition, level, unit, breakdown, combo.numerator, combo.denominator ?? ZERO, noData));
        }
      }
    }
  }
  return rows;
}

export function computeResults(run: Run, definitions: readonly IndicatorDefinition[]): IndicatorResult[] {
  return definitions.flatMap((definition) => indicatorResults(run, definition));
}
