/**
 * The interpreter of the indicator vocabulary: a measure (source + conditions + what to count)
 * and a breakdown become counts over the prepared tables' columns.
 *
 *   source table → selected rows (conditions, one narrowing loop each) → contributions (a row,
 *   or a row per value of a list key) → groups of (unit of a level, breakdown values) → count /
 *   distinct / sum
 *
 * Every level is aggregated from the rows themselves, so a child or case is counted once per
 * unit however many communes below it hold its rows. The counting runs in typed loops on the
 * column arrays (half a million children, a dozen measures, two windows with last year's);
 * `explain` lists the record keys from the same selected rows as an arquero table
 * (`contributions`), grouped as arquero groups, so an explained figure is the computed one.
 */
import { BitSet, ColumnTable } from 'arquero';
import type { Condition, Measure, Source, Where } from '../indicators/schema.js';
import type { BreakdownKey } from '../model/results.js';
import { LEVELS, type Level } from '../model/levels.js';
import { codedColumn, type AbsentColumn, type Prepared } from './prepare.js';

/** One figure: a count or an amount, and whether a split commune's rows are in it. */
export interface Cell {
  readonly n: number;
  readonly approximate: boolean;
}

/**
 * Figures of one measure split by one breakdown: per unit (`unitKey`), per breakdown values
 * (`valuesKey`; the total has the empty key).
 */
export type Cells = ReadonlyMap<string, ReadonlyMap<string, Cell>>;

export const unitKey = (level: Level, unit: string): string => `${level}|${unit}`;
export const valuesKey = (values: readonly string[]): string => values.join('|');

/** Column of a prepared table each breakdown key reads; list columns are unrolled. */
const BREAKDOWN_COLUMN: Record<BreakdownKey, { column: string; list: boolean }> = {
  sex: { column: 'sex', list: false },
  ageGroup: { column: 'ageGroup', list: false },
  group: { column: 'groups', list: true },
  cause: { column: 'cause', list: false },
  setting: { column: 'setting', list: false },
  form: { column: 'forms', list: true },
};

/** Columns compared with a list of codes (`op.includes`). */
const CODE_COLUMN: Partial<Record<Condition, string>> = {
  sex: 'sex',
  schoolStatus: 'schoolStatus',
  eventType: 'eventType',
  outcome: 'outcome',
  cause: 'cause',
  setting: 'setting',
  handling: 'handling',
};

const YES_NO: ReadonlySet<Condition> = new Set(['birthRegistered', 'hasHealthInsurance', 'childFriendly', 'hasPlayground']);

/** A prepared table's column as the array it is (prepare.ts gives arrays and typed arrays). */
type ColumnArray = ArrayLike<unknown>;

function columnOf(table: ColumnTable, name: string): ColumnArray {
  const column = table.column(name);
  if (Array.isArray(column) || ArrayBuffer.isView(column)) return column as unknown as ColumnArray;
  throw new Error(`a prepared column that is not an array: ${name}`);
}

/** Narrows rows (ascending) to those a condition keeps. */
type RowTest = (rows: Int32Array) => Int32Array;

/** Keeps the rows of `rows` that `keep` accepts, in order. */
function keepRows(rows: Int32Array, keep: (row: number) => boolean): Int32Array {
  const kept = new Int32Array(rows.length);
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (keep(row)) kept[count++] = row;
  }
  return kept.subarray(0, count);
}

/**
 * `value` is among `wanted` (`op.includes(wanted, value)`). On a column made from codes (the
 * children's sex and school status) the answer is worked out once per code.
 */
function codeTest(column: ColumnArray, wanted: readonly unknown[]): RowTest {
  const coded = codedColumn(column);
  if (coded === undefined) return (rows) => keepRows(rows, (row) => wanted.includes(column[row]));
  const { codes, offset } = coded;
  const verdicts = Uint8Array.from(coded.values, (value) => (wanted.includes(value) ? 1 : 0));
  return (rows) => keepRows(rows, (row) => verdicts[codes[row]! + offset] === 1);
}

/** `=== wanted` (a flag or `true`), or with `negate` `!== wanted`. */
function equalTest(column: ColumnArray, wanted: unknown, negate: boolean): RowTest {
  return (rows) => keepRows(rows, (row) => (column[row] === wanted) !== negate);
}

/** A value that is there and within both ends (an age, or an ISO date as text). */
function rangeTest<T extends number | string>(column: ArrayLike<T | null | undefined>, min: T, max: T): RowTest {
  return (rows) =>
    keepRows(rows, (row) => {
      const value = column[row];
      return value != null && value >= min && value <= max;
    });
}

/**
 * One condition as a test of rows, on the column arrays themselves (no expression, no object
 * per row). Column names come from this file; the semantics are those of the conditions in
 * docs/indicator-rules.md, as arquero expressions had them: `false` of a yes/no also takes
 * blanks (null), an age range needs an age.
 */
function conditionTest(table: ColumnTable, condition: Condition, value: NonNullable<Where[Condition]>, window: { from: string; to: string }): RowTest {
  const codeColumn = CODE_COLUMN[condition];
  if (codeColumn !== undefined) return codeTest(columnOf(table, codeColumn), value as readonly unknown[]);
  if (YES_NO.has(condition)) return equalTest(columnOf(table, condition), true, value !== true);
  if (condition === 'age' || condition === 'ageMonths') {
    const range = value as { min?: number; max?: number };
    return rangeTest(columnOf(table, condition) as ArrayLike<number | null>, range.min ?? 0, range.max ?? Number.MAX_SAFE_INTEGER);
  }
  if (condition === 'specialCircumstances') return equalTest(columnOf(table, 'special'), value === 'active' ? 1 : 0, false);
  if (condition === 'riskGroups') return equalTest(columnOf(table, 'risk'), value === 'any' ? 1 : 0, false);
  if (condition === 'interventions') return equalTest(columnOf(table, 'interventions'), value === 'any' ? 1 : 0, false);
  if (condition === 'supportDate') return rangeTest(columnOf(table, 'supportDate') as ArrayLike<string | null>, window.from, window.to);
  if (condition === 'form') {
    const column = columnOf(table, 'forms') as ArrayLike<readonly string[]>;
    const wanted = new Set(value as string[]);
    return (rows) => keepRows(rows, (row) => column[row]!.some((form) => wanted.has(form)));
  }
  throw new Error(`condition without a test: ${condition}`);
}

/** Rows selected per prepared tables, by source and conditions: measures that share conditions share their rows. */
const selections = new WeakMap<Prepared, Map<string, Int32Array>>();

/** Every row of a table (the rows its mask keeps), ascending. */
function tableRows(table: ColumnTable): Int32Array {
  const mask = table.mask();
  if (!mask) return Int32Array.from({ length: table.totalRows() }, (_, row) => row);
  const rows = new Int32Array(table.numRows());
  let count = 0;
  for (let row = mask.next(0); row >= 0; row = mask.next(row + 1)) rows[count++] = row;
  return rows;
}

/**
 * The rows (ascending indices into the source table's columns) that meet the measure's
 * conditions. Conditions are applied one after another, each narrowing the rows of those
 * before it, and every step is kept: `age ≤ 4 and registered` starts from the rows of `age ≤ 4`.
 */
export function selectedRows(prepared: Prepared, measure: Pick<Measure, 'of' | 'where'>): Int32Array {
  let cache = selections.get(prepared);
  if (cache === undefined) selections.set(prepared, (cache = new Map()));
  const table = prepared.tables[measure.of];
  let key = measure.of;
  let rows = cache.get(key);
  if (rows === undefined) cache.set(key, (rows = tableRows(table)));
  const where = measure.where;
  for (const condition of Object.keys(where) as Condition[]) {
    const value = where[condition];
    if (value === undefined) continue;
    key += `#${condition}=${JSON.stringify(value)}`;
    let narrowed = cache.get(key);
    if (narrowed === undefined) cache.set(key, (narrowed = conditionTest(table, condition, value, prepared.window)(rows)));
    rows = narrowed;
  }
  return rows;
}

/** The source's rows that meet the measure's conditions. */
export function filtered(prepared: Prepared, measure: Measure): ColumnTable {
  const table = prepared.tables[measure.of];
  const rows = selectedRows(prepared, measure);
  if (rows.length === table.numRows()) return table;
  const mask = new BitSet(table.totalRows());
  for (let i = 0; i < rows.length; i++) mask.set(rows[i]!);
  return new ColumnTable(table.data() as ConstructorParameters<typeof ColumnTable>[0], table.columnNames(), mask);
}

export interface Contributions {
  /** Rows that meet the conditions; a row with several values of a list key is repeated per value. */
  readonly table: ColumnTable;
  /** The column holding each breakdown key's value, in the order of the keys. */
  readonly columns: readonly string[];
}

/**
 * The records a measure counts, ready to group by unit and breakdown value. Scalar keys are
 * read from their own column; a list key (groups, forms) is copied and unrolled, one row per value.
 */
export function contributions(prepared: Prepared, measure: Measure, keys: readonly BreakdownKey[]): Contributions {
  let table = filtered(prepared, measure);
  if (keys.some((key) => BREAKDOWN_COLUMN[key].list)) {
    // An unroll copies every column of every row: only those counted, summed or grouped on.
    const wanted = new Set(['key', ...LEVELS, 'approx', 'caseId', 'fine', measure.sum, ...keys.map((key) => BREAKDOWN_COLUMN[key].column)]);
    table = table.select(table.columnNames().filter((name) => wanted.has(name)));
  }
  const columns = keys.map((key, index) => {
    const { column, list } = BREAKDOWN_COLUMN[key];
    if (!list) return column;
    const unrolled = `b${index}`;
    table = table.derive({ [unrolled]: `d.${column}` }).unroll(unrolled);
    return unrolled;
  });
  return { table, columns };
}

/** The distinct thing a measure counts, as a column of its contributions. */
export function countedColumn(measure: Measure): string {
  if (measure.count === 'cases' || measure.sum === 'fineAmount') return 'caseId';
  if (measure.count === 'communes') return 'commune';
  return 'key';
}

const CHILD_SOURCES: ReadonlySet<Source> = new Set(['population', 'births', 'deaths']);

/**
 * Whether a measure's commune figures add up to the figure of the units above. A TreEm row is
 * one child in one commune and a ThongTinXa row belongs to one commune, so their counts and sums
 * add up exactly; events do not (one child or case can have rows in two communes), so they are
 * counted again, distinct, at every level.
 */
function additive(measure: Measure): boolean {
  return CHILD_SOURCES.has(measure.of) || measure.of === 'communeFacts';
}

/** Adds a commune's cell to the commune and to each unit above it that is reported. */
function addUp(cells: Map<string, Map<string, Cell>>, prepared: Prepared, levels: readonly Level[], commune: string, values: string, cell: Cell): void {
  const unitsOf = prepared.communes.get(commune);
  for (const level of levels) {
    const unit = level === 'commune' ? commune : unitsOf?.[level];
    if (unit === undefined) continue;
    const key = unitKey(level, unit);
    let byValues = cells.get(key);
    if (byValues === undefined) cells.set(key, (byValues = new Map()));
    const previous = byValues.get(values);
    byValues.set(values, previous ? { n: previous.n + cell.n, approximate: previous.approximate || cell.approximate } : cell);
  }
}

/** The child's own properties: one grouping by commune × sex × age group answers all their splits. */
const CHILD_PROPERTIES: readonly BreakdownKey[] = ['sex', 'ageGroup'];

/** Whether `keys` can be read off the commune × sex × age-group grouping of the measure. */
export function projectable(measure: Measure, keys: readonly BreakdownKey[]): boolean {
  return CHILD_SOURCES.has(measure.of) && keys.every((key) => CHILD_PROPERTIES.includes(key));
}

/**
 * Commune figures of a TreEm measure by sex × age group (the fine grouping `project` sums up),
 * counted on the one prepared number `fine` (commune × sex × age group, prepare.ts): a pass
 * over the filtered rows, no grouping of strings.
 */
export function fineCells(prepared: Prepared, measure: Measure): Cells {
  const table = prepared.tables[measure.of];
  const rows = selectedRows(prepared, measure);
  const size = prepared.fineKeys.size;
  const counts = new Int32Array(size);
  const approximate = new Uint8Array(size);
  const fine = columnOf(table, 'fine') as ArrayLike<number>;
  const approx = columnOf(table, 'approx');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const key = fine[row]!;
    counts[key]! += 1;
    if (approx[row] === 1) approximate[key] = 1;
  }
  const cells = new Map<string, Map<string, Cell>>();
  for (let key = 0; key < size; key++) {
    if (counts[key] === 0) continue;
    const [commune, values] = prepared.fineKeys.decode(key);
    const unit = unitKey('commune', commune);
    let byValues = cells.get(unit);
    if (byValues === undefined) cells.set(unit, (byValues = new Map()));
    byValues.set(values, { n: counts[key]!, approximate: approximate[key] === 1 });
  }
  return cells;
}

/** Figures for `keys` ⊆ {sex, ageGroup} at every level, summed from the fine grouping. */
export function project(prepared: Prepared, fine: Cells, keys: readonly BreakdownKey[], levels: readonly Level[]): Cells {
  const positions = keys.map((key) => CHILD_PROPERTIES.indexOf(key));
  const cells = new Map<string, Map<string, Cell>>();
  for (const [key, byValues] of fine) {
    const commune = key.slice('commune|'.length);
    for (const [values, cell] of byValues) {
      const split = values.split('|');
      addUp(cells, prepared, levels, commune, valuesKey(positions.map((position) => split[position]!)), cell);
    }
  }
  return cells;
}

/**
 * Calls `each` for every contribution of the selected rows: a row once, or once per value of
 * each list key (in list order; a row with an empty list has no contribution), with the
 * breakdown values of the contribution. `values` is reused between calls.
 */
function eachContribution(table: ColumnTable, rows: Int32Array, keys: readonly BreakdownKey[], each: (row: number, values: unknown[]) => void): void {
  const columns = keys.map((key) => ({ data: columnOf(table, BREAKDOWN_COLUMN[key].column), list: BREAKDOWN_COLUMN[key].list }));
  const values = new Array<unknown>(keys.length);
  const fill = (row: number, index: number): void => {
    if (index === columns.length) {
      each(row, values);
      return;
    }
    const { data, list } = columns[index]!;
    const value = data[row];
    if (!list) {
      values[index] = value;
      fill(row, index + 1);
      return;
    }
    for (const item of asList(value)) {
      values[index] = item;
      fill(row, index + 1);
    }
  };
  for (let i = 0; i < rows.length; i++) fill(rows[i]!, 0);
}

/** A list column's value as the values it unrolls to. */
function asList(value: unknown): readonly unknown[] {
  if (value == null) return [];
  return Array.isArray(value) ? value : [value];
}

/** What one group of contributions has counted so far. */
interface Tally {
  readonly unit: string;
  readonly values: string;
  rows: number;
  /** Valid (non-null) values of the summed or counted column, and their sum. */
  valid: number;
  sum: number;
  /** Distinct valid values counted (`DistinctCounter`). */
  distinct: number;
  /** Its place in the order groups were met. */
  readonly index: number;
  approximate: boolean;
}

/**
 * The groups of `(unit, breakdown values)`, in the order their first contribution was met: a
 * tree of maps, one level per value, so that no key text is made per contribution. Values are
 * told apart as arquero's groupby told them ("1" from 1, null from "null").
 */
class Tallies {
  readonly list: Tally[] = [];
  private readonly root = new Map<unknown, unknown>();

  of(unit: string, values: readonly unknown[]): Tally {
    let node = this.root;
    let key: unknown = unit;
    for (let i = 0; i < values.length; i++) {
      let next = node.get(key) as Map<unknown, unknown> | undefined;
      if (next === undefined) node.set(key, (next = new Map()));
      node = next;
      key = values[i];
    }
    let tally = node.get(key) as Tally | undefined;
    if (tally === undefined) {
      tally = { unit, values: valuesKey(values as readonly string[]), rows: 0, valid: 0, sum: 0, distinct: 0, index: this.list.length, approximate: false };
      node.set(key, tally);
      this.list.push(tally);
    }
    return tally;
  }
}

/** Each value of a column as a small number (-1: null, undefined or NaN), made once per column. */
const valueIdsOf = new WeakMap<object, Int32Array>();
function valueIds(column: ColumnArray): Int32Array {
  let ids = valueIdsOf.get(column);
  if (ids !== undefined) return ids;
  ids = new Int32Array(column.length);
  const known = new Map<unknown, number>();
  for (let row = 0; row < column.length; row++) {
    const value = column[row];
    if (value == null || value !== value) {
      ids[row] = -1;
      continue;
    }
    let id = known.get(value);
    if (id === undefined) known.set(value, (id = known.size));
    ids[row] = id;
  }
  valueIdsOf.set(column, ids);
  return ids;
}

/**
 * Distinct values per group, as arquero's `op.distinct` counts them: the valid values, and one
 * more for null, undefined and NaN together. One set of (group, value) numbers for all groups.
 */
class DistinctCounter {
  private readonly seen = new Set<number>();
  private readonly ids: Int32Array;
  private readonly size: number;
  constructor(column: ColumnArray) {
    this.ids = valueIds(column);
    this.size = column.length + 1;
  }

  count(tally: Tally, row: number): void {
    tally.rows += 1;
    const id = this.ids[row]!;
    if (id < 0) return;
    tally.valid += 1;
    const before = this.seen.size;
    this.seen.add(tally.index * this.size + id);
    if (this.seen.size !== before) tally.distinct += 1;
  }
}

const distinctCount = (tally: Tally): number => tally.distinct + (tally.valid === tally.rows ? 0 : 1);

/**
 * Figures of a measure per unit and breakdown value at each level. After an unroll each
 * (child, value) pair of TreEm is still one row, so a row count is a distinct count; events
 * (one row per child per event) need a real distinct count, per level. One pass over the
 * selected rows per level, counting in typed loops: no table is grouped.
 */
export function aggregate(prepared: Prepared, measure: Measure, keys: readonly BreakdownKey[], levels: readonly Level[]): Cells {
  const table = prepared.tables[measure.of];
  const rows = selectedRows(prepared, measure);
  const cells = new Map<string, Map<string, Cell>>();
  if (rows.length === 0) return cells;
  const approx = columnOf(table, 'approx');
  if (additive(measure)) {
    const communes = columnOf(table, 'commune') as ArrayLike<string>;
    const tallies = new Tallies();
    if (measure.sum !== undefined) {
      const summed = columnOf(table, measure.sum);
      eachContribution(table, rows, keys, (row, values) => {
        const tally = tallies.of(communes[row]!, values);
        tally.rows += 1;
        const value = summed[row];
        if (value != null && value === value) {
          tally.valid += 1;
          tally.sum += Number(value);
        }
        if (approx[row] === 1) tally.approximate = true;
      });
    } else if (measure.count === 'communes') {
      const distinct = new DistinctCounter(communes);
      eachContribution(table, rows, keys, (row, values) => {
        const tally = tallies.of(communes[row]!, values);
        distinct.count(tally, row);
        if (approx[row] === 1) tally.approximate = true;
      });
    } else {
      eachContribution(table, rows, keys, (row, values) => {
        const tally = tallies.of(communes[row]!, values);
        tally.rows += 1;
        if (approx[row] === 1) tally.approximate = true;
      });
    }
    for (const tally of tallies.list) {
      // A sum of nothing but blanks is no figure: counted as 0, as before.
      const n = measure.sum !== undefined ? (tally.valid > 0 ? tally.sum : 0) : measure.count === 'communes' ? distinctCount(tally) : tally.rows;
      addUp(cells, prepared, levels, tally.unit, tally.values, { n, approximate: tally.approximate });
    }
    return cells;
  }
  for (const level of levels) {
    const units = columnOf(table, level) as ArrayLike<string>;
    const placed = level === 'commune' ? rows : keepRows(rows, (row) => units[row] !== '');
    if (placed.length === 0) continue;
    const tallies = new Tallies();
    if (measure.sum === 'fineAmount') {
      // One amount per case and unit: the largest of the case's rows, then summed in the order the cases were met.
      const amounts = columnOf(table, 'fine') as ArrayLike<number | null>;
      const caseIds = columnOf(table, 'caseId');
      const cases = new Tallies();
      const largest = new Map<Tally, number>();
      const groupOf = new Map<Tally, Tally>();
      eachContribution(table, placed, keys, (row, values) => {
        const amount = amounts[row];
        if (amount == null) return;
        const group = tallies.of(units[row]!, values);
        const perCase = cases.of(units[row]!, [...values, caseIds[row]]);
        const before = largest.get(perCase);
        if (before === undefined || amount > before) largest.set(perCase, amount);
        groupOf.set(perCase, group);
        if (approx[row] === 1) perCase.approximate = true;
      });
      for (const perCase of cases.list) {
        const group = groupOf.get(perCase)!;
        group.valid += 1;
        group.sum += largest.get(perCase)!;
        if (perCase.approximate) group.approximate = true;
      }
    } else {
      const distinct = new DistinctCounter(columnOf(table, countedColumn(measure)));
      eachContribution(table, placed, keys, (row, values) => {
        const tally = tallies.of(units[row]!, values);
        distinct.count(tally, row);
        if (approx[row] === 1) tally.approximate = true;
      });
    }
    for (const tally of tallies.list) {
      if (measure.sum === 'fineAmount' && tally.valid === 0) continue;
      const key = unitKey(level, tally.unit);
      let byValues = cells.get(key);
      if (byValues === undefined) cells.set(key, (byValues = new Map()));
      byValues.set(tally.values, { n: measure.sum === 'fineAmount' ? tally.sum : distinctCount(tally), approximate: tally.approximate });
    }
  }
  return cells;
}

/** The columns a measure needs: those of its conditions, its summed field, and for deaths the status. */
function neededColumns(measure: Measure): AbsentColumn[] {
  const needed: string[] = Object.keys(measure.where);
  if (measure.sum !== undefined) needed.push(measure.sum);
  if (measure.of === 'deaths') needed.push('status');
  return needed.filter((column): column is AbsentColumn => ABSENT_COLUMNS.has(column));
}

const ABSENT_COLUMNS: ReadonlySet<string> = new Set<AbsentColumn>([
  'birthRegistered', 'hasHealthInsurance', 'schoolStatus', 'specialCircumstances', 'riskGroups', 'supportDate', 'status',
  'interventions', 'handling', 'fineAmount',
]);

const FACT_FIELDS: Partial<Record<Condition, string>> = { childFriendly: 'childFriendly', hasPlayground: 'hasPlayground' };

/** Units (`unitKey`) at which a measure has no data, or `'all'`. */
export type NoData = ReadonlySet<string> | 'all';

/**
 * Units (`unitKey`) of the levels whose rows of a table pass `test`, given how many rows the
 * unit has and how many of them hold a value (not null or NaN) in `field`; units in the order
 * their first row is met, level by level.
 */
function unitsWhere(table: ColumnTable, levels: readonly Level[], field: string | undefined, test: (rows: number, valid: number) => boolean): Set<string> {
  const found = new Set<string>();
  const rows = tableRows(table);
  const values = field === undefined ? undefined : columnOf(table, field);
  for (const level of levels) {
    const units = columnOf(table, level) as ArrayLike<string>;
    const counts = new Map<string, { rows: number; valid: number }>();
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const unit = units[row]!;
      // A level that does not exist at R (districts after the reform) holds ''.
      if (level !== 'commune' && unit === '') continue;
      let count = counts.get(unit);
      if (count === undefined) counts.set(unit, (count = { rows: 0, valid: 0 }));
      count.rows += 1;
      const value = values?.[row];
      if (value != null && value === value) count.valid += 1;
    }
    for (const [unit, count] of counts) if (test(count.rows, count.valid)) found.add(unitKey(level, unit));
  }
  return found;
}

/** Units of the levels that hold at least one row of a table. */
function unitsOf(table: ColumnTable, levels: readonly Level[]): Set<string> {
  return unitsWhere(table, levels, undefined, () => true);
}

/**
 * Where a measure has no data (docs/indicator-rules.md: "a column that is absent from the data means
 * no data"): no TreEm at all; a needed TreEm column absent from the file of any child of the
 * unit; no ThongTinXa row of the period in the unit; a summed fact missing in one of its rows;
 * a yes/no fact missing in all of them.
 */
export function noDataOf(prepared: Prepared, measure: Measure, levels: readonly Level[], allUnits: readonly string[]): NoData {
  if (measure.of === 'population' || measure.of === 'births' || measure.of === 'deaths' || measure.of === 'events') {
    if (measure.of !== 'events' && !prepared.hasChildren) return 'all';
    // A unit lacks a column if any commune below it does.
    const absent = prepared.absent[measure.of];
    const communes = neededColumns(measure).flatMap((column) => [...(absent.get(column) ?? [])]);
    return withParents(prepared, levels, communes);
  }
  if (measure.of === 'communeFacts') {
    const facts = prepared.tables.communeFacts;
    const withFacts = unitsOf(facts, levels);
    const missing = new Set(allUnits.filter((unit) => !withFacts.has(unit)));
    if (measure.sum !== undefined) {
      const field = measure.sum;
      for (const unit of unitsWhere(facts, levels, field, (rows, valid) => valid < rows)) missing.add(unit);
    }
    for (const condition of Object.keys(measure.where) as Condition[]) {
      const field = FACT_FIELDS[condition];
      if (field === undefined) continue;
      for (const unit of unitsWhere(facts, levels, field, (_rows, valid) => valid === 0)) missing.add(unit);
    }
    return missing;
  }
  return new Set();
}

/**
 * A ratio of a commune fact and a record count is only meaningful where both cover the same
 * communes: units holding a commune with records of `recordSource` but no ThongTinXa row
 * carrying the summed field are "no data".
 */
export function coverageGaps(prepared: Prepared, factsMeasure: Measure, recordSource: Source, levels: readonly Level[]): Set<string> {
  const facts = prepared.tables.communeFacts;
  const factCommunes = columnOf(facts, 'commune') as ArrayLike<string>;
  const summed = factsMeasure.sum === undefined ? undefined : columnOf(facts, factsMeasure.sum);
  const covered = new Set<string>();
  for (const row of tableRows(facts)) if (summed === undefined || summed[row] != null) covered.add(factCommunes[row]!);
  const communes = communesWithRows(prepared, recordSource);
  return withParents(prepared, levels, [...communes].filter((commune) => !covered.has(commune)));
}

/** The communes that hold rows of a source, in the order their first row was met. */
function communesWithRows(prepared: Prepared, source: Source): Set<string> {
  const table = prepared.tables[source];
  const column = columnOf(table, 'commune') as ArrayLike<string>;
  const rows = selectedRows(prepared, { of: source, where: {} });
  const communes = new Set<string>();
  // Rows come file by file, commune by commune: a commune is looked up when it changes.
  let last: string | undefined;
  for (let i = 0; i < rows.length; i++) {
    const commune = column[rows[i]!]!;
    if (commune !== last) communes.add((last = commune));
  }
  return communes;
}

/** The communes and every reported unit above them. */
function withParents(prepared: Prepared, levels: readonly Level[], communes: readonly string[]): Set<string> {
  const units = new Set<string>();
  for (const commune of communes) {
    const unitsOf = prepared.communes.get(commune);
    for (const level of levels) {
      const unit = level === 'commune' ? commune : unitsOf?.[level];
      if (unit !== undefined) units.add(unitKey(level, unit));
    }
  }
  return units;
}
