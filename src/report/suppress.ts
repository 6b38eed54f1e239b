/**
 * Small-count protection for reports meant for publication (`report --suppress K`).
 *
 * In the abuse and injury/death tables (Biểu 03 and 04) a count from 1 to K−1 that belongs to
 * a commune (a commune's row of a district report, every figure of a commune report) is shown
 * "<K" instead of its number; 0 is shown. Then, wherever a total would give such a cell away
 * (a row total such as children = boys + girls, or the report unit's row as the sum of its
 * communes), a second cell of that row or column is hidden too ("x"): the smallest other
 * non-zero cell, the first one in table order when two are equal; only when there is none, the
 * total itself (so a district total can be hidden, when a single commune has the cases).
 * This is repeated, part by part and with the same figure hidden wherever it appears in the two
 * tables, until no sum has exactly one hidden cell. Rates, shares and fines computed from a
 * hidden count are hidden with it ("x").
 *
 * Figures of the district (or province) itself are shown, in the tables and in the text, unless
 * this had to hide them. The sentences of the report do not state any hidden figure either:
 * `Protection` tells them how each count may read (see paragraphs.ts), and Biểu 05 hides the
 * same figures, this period's and last year's.
 */
import { breakdownId, type Breakdown, type ResultIndex } from './result-index.js';
import type { Cell, CellSource, Column, ReportTable, Row, Suppression, TablePart } from './table-model.js';
import { levelOfCode } from '../model/levels.js';

/**
 * What protection reasons about, read from the tables that have `protect` (Biểu 03 and 04 in
 * templates/tables/): the indicators they show, a figure that is never small on its own but
 * tells about another (the fines, a money column computed from the sanctioned cases), and a
 * share whose denominator is another protected count (children helped among the abused).
 */
export interface ProtectionRules {
  readonly indicators: ReadonlySet<string>;
  /** Indicator → the indicator it follows (hidden with it). */
  readonly follows: Readonly<Record<string, string>>;
  /** Indicator → the protected count it is a share of. */
  readonly shareOf: Readonly<Record<string, string>>;
}

/** The indicator a column reads, from its cells (columns themselves name no figure). */
function indicatorOf(part: TablePart, key: string): string | undefined {
  return part.rows.map((row) => row.cells[key]?.source?.indicator).find((indicator) => indicator !== undefined);
}

export function protectionRules(tables: readonly ReportTable[]): ProtectionRules {
  const indicators = new Set<string>();
  const follows: Record<string, string> = {};
  const shareOf: Record<string, string> = {};
  for (const part of tables.filter((table) => table.protect).flatMap((table) => table.parts)) {
    for (const column of part.columns) {
      const indicator = indicatorOf(part, column.key);
      if (!indicator) continue;
      indicators.add(indicator);
      const first = column.dependsOn?.[0];
      if (column.format === 'money' && first !== undefined) {
        const followed = indicatorOf(part, first);
        if (followed && followed !== indicator) follows[indicator] = followed;
      }
      if (column.derived?.kind === 'ratio') {
        const over = indicatorOf(part, column.derived.denominator);
        if (over && over !== indicator) shareOf[indicator] = over;
      }
    }
  }
  return { indicators, follows, shareOf };
}

export type When = 'current' | 'baseline';

export function sourceKey(source: CellSource): string {
  return `${source.when ?? 'current'}|${source.indicator}|${source.unit}|${breakdownId(source.breakdown)}|${source.field}`;
}

/** A commune's count of an abuse or injury figure (a protected indicator) from 1 to K−1. */
export function isSmallCount(source: CellSource | undefined, value: number | string | null | undefined, k: number, rules: ProtectionRules): boolean {
  return (
    source !== undefined &&
    source.field === 'count' &&
    rules.indicators.has(source.indicator) &&
    rules.follows[source.indicator] === undefined &&
    levelOfCode(source.unit) === 'commune' &&
    typeof value === 'number' &&
    value >= 1 &&
    value < k
  );
}

/** What a suppressed cell shows. */
export function suppressedText(mark: Suppression, k: number): string {
  return mark === 'small' ? `<${k}` : 'x';
}

/** The note under a table with suppressed cells. */
export function suppressionNote(k: number, complementary: boolean): string {
  const range = k === 2 ? 'bằng 1' : `từ 1 đến ${k - 1}`;
  const hidden = complementary ? '; số liệu ghi "x" được ẩn để không tính ngược ra được các số đó từ số tổng, tỷ lệ hoặc tỷ suất' : '';
  return `Số liệu ${range} được thay bằng <${k} để bảo vệ thông tin cá nhân của trẻ em${hidden}.`;
}

interface Slot {
  readonly row: number;
  readonly column: string;
}

interface Relation {
  readonly total: Slot;
  readonly members: readonly Slot[];
}

/** One part being worked on: its marks by row, column key → mark. */
interface Work {
  readonly table: number;
  readonly part: TablePart;
  readonly marks: Map<string, Suppression>[];
}

const numberAt = (part: TablePart, slot: Slot): number | undefined => {
  const value = part.rows[slot.row]?.cells[slot.column]?.value;
  return typeof value === 'number' ? value : undefined;
};

/** Row sums first (rows in order), then column sums (columns in order). */
function relationsOf(part: TablePart): Relation[] {
  const sums = part.sums;
  if (!sums) return [];
  const relations: Relation[] = [];
  part.rows.forEach((_, row) => {
    for (const sum of sums.rows) relations.push({ total: { row, column: sum.total }, members: sum.members.map((column) => ({ row, column })) });
  });
  const totalRow = part.rows.findIndex((row) => row.total);
  const others = part.rows.map((_, i) => i).filter((i) => i !== totalRow);
  if (sums.columns && totalRow >= 0 && others.length > 0) {
    for (const column of part.columns.filter((c) => c.format === 'count')) {
      relations.push({ total: { row: totalRow, column: column.key }, members: others.map((row) => ({ row, column: column.key })) });
    }
  }
  return relations;
}

/** Hides a second cell of a sum that has exactly one hidden cell; true when it did. */
function complement(work: Work, relation: Relation): boolean {
  const mark = (slot: Slot) => work.marks[slot.row]!.get(slot.column);
  const cells = [relation.total, ...relation.members].filter((slot) => numberAt(work.part, slot) !== undefined);
  if (cells.filter((slot) => mark(slot) !== undefined).length !== 1) return false;
  let choice: Slot | undefined;
  for (const slot of relation.members) {
    const value = numberAt(work.part, slot);
    if (mark(slot) !== undefined || value === undefined || value <= 0) continue;
    if (choice === undefined || value < numberAt(work.part, choice)!) choice = slot;
  }
  if (choice === undefined && mark(relation.total) === undefined && (numberAt(work.part, relation.total) ?? 0) > 0) choice = relation.total;
  if (choice === undefined) return false;
  work.marks[choice.row]!.set(choice.column, 'complementary');
  return true;
}

/** The same figure hidden in one place is hidden everywhere in the protected tables. */
function spread(works: readonly Work[]): boolean {
  const hidden = new Map<string, Suppression>();
  for (const work of works) {
    work.marks.forEach((marks, row) => {
      for (const [column, mark] of marks) {
        const source = work.part.rows[row]!.cells[column]?.source;
        if (source && hidden.get(sourceKey(source)) !== 'small') hidden.set(sourceKey(source), mark);
      }
    });
  }
  let changed = false;
  for (const work of works) {
    work.part.rows.forEach((data, row) => {
      for (const [column, cell] of Object.entries(data.cells)) {
        const mark = cell.source ? hidden.get(sourceKey(cell.source)) : undefined;
        if (mark && !work.marks[row]!.has(column) && numberAt(work.part, { row, column }) !== undefined) {
          work.marks[row]!.set(column, mark);
          changed = true;
        }
      }
    });
  }
  return changed;
}

/** Columns computed from others: their `dependsOn`, or the operands of a ratio. */
function sourcesOf(column: Column): readonly string[] {
  if (column.dependsOn) return column.dependsOn;
  if (column.derived?.kind === 'ratio') return [column.derived.numerator, column.derived.denominator];
  return [];
}

/** Hides the cells computed from hidden ones, row by row. */
function hideDependents(part: TablePart, marks: Map<string, Suppression>[]): void {
  part.rows.forEach((_row, r) => {
    for (const column of part.columns) {
      const from = sourcesOf(column);
      if (from.some((key) => marks[r]!.has(key)) && numberAt(part, { row: r, column: column.key }) !== undefined) {
        marks[r]!.set(column.key, 'complementary');
      }
    }
  });
}

function applyMarks(part: TablePart, marks: readonly Map<string, Suppression>[], k: number): TablePart {
  const rows: Row[] = part.rows.map((row, r) => {
    const cells: Record<string, Cell> = {};
    for (const [key, cell] of Object.entries(row.cells)) {
      const mark = marks[r]!.get(key);
      cells[key] = mark
        ? { value: suppressedText(mark, k), suppressed: mark, ...(cell.format ? { format: cell.format } : {}), ...(cell.source ? { source: cell.source } : {}) }
        : cell;
    }
    return { ...row, cells };
  });
  return { ...part, rows };
}

function hasMark(marks: readonly Map<string, Suppression>[], mark: Suppression): boolean {
  return marks.some((row) => [...row.values()].includes(mark));
}

export interface SuppressedTables {
  readonly tables: ReportTable[];
  /** Every hidden figure by `sourceKey`, for the text and Biểu 05. */
  readonly hidden: ReadonlyMap<string, Suppression>;
  readonly rules: ProtectionRules;
}

/** The protected tables (Biểu 03 and 04) with small counts and the cells that would reveal them hidden; the rest as given. */
export function suppressTables(tables: readonly ReportTable[], k: number): SuppressedTables {
  const rules = protectionRules(tables);
  const works: Work[] = [];
  tables.forEach((table, t) => {
    if (!table.protect) return;
    for (const part of table.parts) {
      if (!part.sums) continue;
      const marks = part.rows.map((row) => {
        const found = new Map<string, Suppression>();
        for (const column of part.columns) {
          const cell = row.cells[column.key];
          if (column.format === 'count' && isSmallCount(cell?.source, cell?.value, k, rules)) found.set(column.key, 'small');
        }
        return found;
      });
      works.push({ table: t, part, marks });
    }
  });
  for (let changed = true; changed; ) {
    changed = false;
    for (const work of works) for (const relation of relationsOf(work.part)) if (complement(work, relation)) changed = true;
    if (spread(works)) changed = true;
  }
  const hidden = new Map<string, Suppression>();
  for (const work of works) {
    hideDependents(work.part, work.marks);
    work.marks.forEach((marks, row) => {
      for (const [column, mark] of marks) {
        const source = work.part.rows[row]!.cells[column]?.source;
        if (source) hidden.set(sourceKey(source), hidden.get(sourceKey(source)) === 'small' ? 'small' : mark);
      }
    });
  }
  const out = tables.map((table, t) => {
    const mine = works.filter((work) => work.table === t);
    if (mine.length === 0) return table;
    const parts = table.parts.map((part) => {
      const work = mine.find((w) => w.part === part);
      return work ? applyMarks(part, work.marks, k) : part;
    });
    const marked = mine.filter((work) => hasMark(work.marks, 'small') || hasMark(work.marks, 'complementary'));
    if (marked.length === 0) return { ...table, parts };
    const complementary = mine.some((work) => hasMark(work.marks, 'complementary'));
    return { ...table, parts, notes: [...table.notes, suppressionNote(k, complementary)] };
  });
  return { tables: out, hidden, rules };
}

/**
 * How a figure may be stated under `--suppress K`, for the sentences of the report and for
 * Biểu 05: a count hidden in Biểu 03/04, or a commune's count from 1 to K−1 of an abuse or
 * injury figure (this period's or last year's), is marked; so are the rates and shares
 * computed from them.
 */
export class Protection {
  constructor(
    readonly k: number,
    private readonly rules: ProtectionRules,
    private readonly hidden: ReadonlyMap<string, Suppression>,
    private readonly current: ResultIndex,
    private readonly baseline?: ResultIndex,
  ) {}

  count(indicator: string, unit: string, breakdown: Breakdown = {}, when: When = 'current'): Suppression | undefined {
    const followed = this.rules.follows[indicator];
    if (followed !== undefined) return this.count(followed, unit, breakdown, when) ? 'complementary' : undefined;
    const source: CellSource = { indicator, unit, breakdown, field: 'count', when };
    const mark = this.hidden.get(sourceKey(source));
    if (mark) return mark;
    const index = when === 'current' ? this.current : this.baseline;
    return isSmallCount(source, index?.count(indicator, unit, breakdown) ?? null, this.k, this.rules) ? 'small' : undefined;
  }

  /** A rate or share of a protected figure: hidden with its count, or with the count it is a share of. */
  ratio(indicator: string, unit: string, breakdown: Breakdown = {}, when: When = 'current'): Suppression | undefined {
    if (!this.rules.indicators.has(indicator)) return undefined;
    const over = this.rules.shareOf[indicator];
    if (this.count(indicator, unit, breakdown, when) || (over !== undefined && this.count(over, unit, breakdown, when))) return 'complementary';
    return undefined;
  }

  /** How a withheld number reads in a sentence: "dưới 3" for a small count, "một số" for one hidden otherwise. */
  numberText(mark: Suppression): string {
    return mark === 'small' ? `dưới ${this.k}` : 'một số';
  }
}

/** Biểu 05 (the comparison with last year) hiding the figures `protection` marks. */
export function protectComparison(table: ReportTable, protection: Protection): ReportTable {
  let complementary = false;
  let any = false;
  const parts = table.parts.map((part) => {
    const marks = part.rows.map((row) => {
      const found = new Map<string, Suppression>();
      for (const [key, cell] of Object.entries(row.cells)) {
        const source = cell.source;
        if (!source || typeof cell.value !== 'number') continue;
        const when = source.when ?? 'current';
        const mark =
          source.field === 'count'
            ? protection.count(source.indicator, source.unit, source.breakdown, when)
            : protection.ratio(source.indicator, source.unit, source.breakdown, when);
        if (mark) found.set(key, mark);
      }
      return found;
    });
    hideDependents(part, marks);
    any ||= hasMark(marks, 'small') || hasMark(marks, 'complementary');
    complementary ||= hasMark(marks, 'complementary');
    return applyMarks(part, marks, protection.k);
  });
  return any ? { ...table, parts, notes: [...table.notes, suppressionNote(protection.k, complementary)] } : { ...table, parts };
}
