/**
 * The interpreter of the indicator vocabulary: a measure (source + conditions + what to count)
 * and a breakdown become arquero verbs over the prepared tables.
 *
 *   source table → filter(conditions) → derive/unroll breakdown columns → contributions
 *   contributions → groupby(unit of a level, breakdown values) → rollup(count / distinct / sum)
 *
 * Every level is aggregated from the rows themselves, so a child or case is counted once per
 * unit however many communes below it hold its rows. The same contributions table serves
 * `explain`, so an explained figure is always the computed one.
 */
import * as aq from 'arquero';
import { op, type ColumnTable } from 'arquero';
import type { Condition, Measure, Source } from '../indicators/schema.js';
import type { BreakdownKey } from '../model/results.js';
import { LEVELS, type Level } from '../model/levels.js';
import type { AbsentColumn, Prepared } from './prepare.js';

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

interface Compiled {
  readonly expression: string;
  readonly params: Record<string, unknown>;
  /** Conditions on list columns, applied as escaped functions (arquero has no set intersection). */
  readonly escaped: ((row: Record<string, unknown>) => boolean)[];
}

/**
 * Conditions → one arquero filter expression with parameters. Column names come from this file,
 * values travel as parameters: nothing a definition says is pasted into code.
 */
function compileWhere(measure: Measure, window: { from: string; to: string }): Compiled {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  const escaped: Compiled['escaped'] = [];
  let next = 0;
  const param = (value: unknown) => {
    const name = `p${next++}`;
    params[name] = value;
    return `$.${name}`;
  };
  const where = measure.where;
  for (const condition of Object.keys(where) as Condition[]) {
    const value = where[condition];
    if (value === undefined) continue;
    const codeColumn = CODE_COLUMN[condition];
    if (codeColumn !== undefined) {
      parts.push(`op.includes(${param(value)}, d.${codeColumn})`);
    } else if (YES_NO.has(condition)) {
      // `false` also takes blanks (null): a blank yes/no cell means "Không".
      parts.push(value === true ? `d.${condition} === true` : `d.${condition} !== true`);
    } else if (condition === 'age' || condition === 'ageMonths') {
      const range = value as { min?: number; max?: number };
      parts.push(`(d.${condition} != null && d.${condition} >= ${param(range.min ?? 0)} && d.${condition} <= ${param(range.max ?? Number.MAX_SAFE_INTEGER)})`);
    } else if (condition === 'specialCircumstances') {
      parts.push(`d.special === ${value === 'active' ? 1 : 0}`);
    } else if (condition === 'riskGroups') {
      parts.push(`d.risk === ${value === 'any' ? 1 : 0}`);
    } else if (condition === 'interventions') {
      parts.push(`d.interventions === ${value === 'any' ? 1 : 0}`);
    } else if (condition === 'supportDate') {
      parts.push(`(d.supportDate != null && d.supportDate >= ${param(window.from)} && d.supportDate <= ${param(window.to)})`);
    } else if (condition === 'form') {
      const wanted = new Set(value as string[]);
      escaped.push((row) => (row['forms'] as string[]).some((form) => wanted.has(form)));
    } else {
      throw new Error(`condition without a compiler: ${condition}`);
    }
  }
  return { expression: parts.join(' && '), params, escaped };
}

/** The source's rows that meet the measure's conditions. */
export function filtered(prepared: Prepared, measure: Measure): ColumnTable {
  let table = prepared.tables[measure.of];
  const compiled = compileWhere(measure, prepared.window);
  if (compiled.expression !== '') table = table.params(compiled.params).filter(compiled.expression);
  for (const predicate of compiled.escaped) table = table.filter(aq.escape(predicate));
  return table;
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
  const table = filtered(prepared, measure);
  const size = prepared.fineKeys.size;
  const counts = new Int32Array(size);
  const approximate = new Uint8Array(size);
  const fine = indexable(table.column('fine'));
  const approx = indexable(table.column('approx'));
  const count = (row: number) => {
    const key = fine[row] as number;
    counts[key]! += 1;
    if (approx[row] === 1) approximate[key] = 1;
  };
  // The rows the filter kept, read straight from the mask and the arrays (no callback per row).
  const mask = table.mask();
  if (mask) for (let row = mask.next(0); row >= 0; row = mask.next(row + 1)) count(row);
  else for (let row = 0; row < table.totalRows(); row++) count(row);
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

/** A prepared column as the array it is (prepare.ts gives arrays and typed arrays). */
function indexable(column: ReturnType<ColumnTable['column']>): ArrayLike<unknown> {
  if (Array.isArray(column) || column instanceof Int32Array || column instanceof Uint8Array) return column;
  throw new Error('a prepared column that is not an array');
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
 * Figures of a measure per unit and breakdown value at each level. After an unroll each
 * (child, value) pair of TreEm is still one row, so a row count is a distinct count; events
 * (one row per child per event) need a real distinct count, per level.
 */
export function aggregate(prepared: Prepared, measure: Measure, keys: readonly BreakdownKey[], levels: readonly Level[]): Cells {
  const { table, columns: valueColumns } = contributions(prepared, measure, keys);
  const cells = new Map<string, Map<string, Cell>>();
  const read = (grouped: ColumnTable, level: Level, each: (unit: string, values: string, cell: Cell) => void) => {
    const units = grouped.array(level) as string[];
    const counts = grouped.array('n') as number[];
    const approx = grouped.array('approx') as number[];
    const values = valueColumns.map((column) => grouped.array(column) as string[]);
    for (let row = 0; row < grouped.numRows(); row++) {
      each(units[row]!, valuesKey(values.map((column) => column[row]!)), { n: counts[row] ?? 0, approximate: approx[row] === 1 });
    }
  };
  if (table.numRows() === 0) return cells;
  if (additive(measure)) {
    const count = measure.sum !== undefined ? op.sum(measure.sum) : measure.count === 'communes' ? op.distinct('commune') : op.count();
    const grouped = table.groupby('commune', ...valueColumns).rollup({ n: count, approx: op.max('approx') });
    read(grouped, 'commune', (commune, values, cell) => addUp(cells, prepared, levels, commune, values, cell));
    return cells;
  }
  for (const level of levels) {
    const rows = placedAt(table, level);
    if (rows.numRows() === 0) continue;
    const grouped =
      measure.sum === 'fineAmount'
        ? // One amount per case and unit: the largest of the case's rows.
          rows
            .filter((d) => d.fine != null)
            .groupby(level, ...valueColumns, 'caseId')
            .rollup({ amount: op.max('fine'), approx: op.max('approx') })
            .groupby(level, ...valueColumns)
            .rollup({ n: op.sum('amount'), approx: op.max('approx') })
        : rows.groupby(level, ...valueColumns).rollup({ n: op.distinct(countedColumn(measure)), approx: op.max('approx') });
    read(grouped, level, (unit, values, cell) => {
      const key = unitKey(level, unit);
      let byValues = cells.get(key);
      if (byValues === undefined) cells.set(key, (byValues = new Map()));
      byValues.set(values, cell);
    });
  }
  return cells;
}

/**
 * The rows with a unit at a level (a level that does not exist at R, districts after the
 * reform, holds ''). The column name is a level of model/levels.ts, never a definition's text.
 */
function placedAt(table: ColumnTable, level: Level): ColumnTable {
  return level === 'commune' ? table : table.filter(`d.${level} !== ''`);
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

function unitsWhere(table: ColumnTable, levels: readonly Level[], rollup: Record<string, unknown>, test: (row: Record<string, number>) => boolean): Set<string> {
  const found = new Set<string>();
  for (const level of levels) {
    const rows = placedAt(table, level);
    if (rows.numRows() === 0) continue;
    for (const row of rows.groupby(level).rollup(rollup as Parameters<ColumnTable['rollup']>[0]).objects()) {
      if (test(row as Record<string, number>)) found.add(unitKey(level, String((row as Record<string, unknown>)[level])));
    }
  }
  return found;
}

/** Units of the levels that hold at least one row of a table. */
function unitsOf(table: ColumnTable, levels: readonly Level[]): Set<string> {
  return unitsWhere(table, levels, { rows: op.count() }, () => true);
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
      for (const unit of unitsWhere(facts, levels, { rows: op.count(), valid: op.valid(field) }, (row) => row['valid']! < row['rows']!)) missing.add(unit);
    }
    for (const condition of Object.keys(measure.where) as Condition[]) {
      const field = FACT_FIELDS[condition];
      if (field === undefined) continue;
      for (const unit of unitsWhere(facts, levels, { valid: op.valid(field) }, (row) => row['valid'] === 0)) missing.add(unit);
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
  let facts = prepared.tables.communeFacts;
  if (factsMeasure.sum !== undefined) facts = facts.filter(aq.escape((row: Record<string, unknown>) => row[factsMeasure.sum!] != null));
  const covered = new Set(facts.array('commune') as string[]);
  const communes = new Set(prepared.tables[recordSource].array('commune') as string[]);
  return withParents(prepared, levels, [...communes].filter((commune) => !covered.has(commune)));
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
