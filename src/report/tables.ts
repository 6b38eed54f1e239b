/**
 * The annex tables of docs/report-outline.md (Biểu 01–05) built from result rows, laid out as the
 * table files of templates/tables/ say (table-spec.ts): which indicator, breakdown and field
 * each column reads, whose rows are units or breakdown values. Every number is
 * a number `compute` gave (or a ratio of two of them): nothing is added up here, so the
 * "Toàn huyện" row is the district's own figure, which can be less than the sum of its
 * communes when a child is counted in two of them.
 */
import { AGE_GROUPS, UNKNOWN } from '../model/codes.js';
import { BREAKDOWN_VALUES } from './binding.js';
import type { BreakdownKey, TargetResult } from '../model/results.js';
import { completenessNote, type Completeness } from './completeness.js';
import { targetStatusText, upperFirst } from './format-vi.js';
import type { PeriodWording } from './period-label.js';
import type { Breakdown, ResultIndex } from './result-index.js';
import type { Cell, CellSource, Column, PartSums, ReportTable, Row, TablePart } from './table-model.js';
import type { ColumnSpec, ComparisonTableSpec, CoreFigure, PartSpec, TableSpec, UnitTableSpec } from './table-spec.js';
import { totalRowLabel, typeWord, type UnitName } from './unit-name.js';

export interface TableContext {
  readonly index: ResultIndex;
  /** Last year's results; undefined when the run did not ask for a baseline. */
  readonly baseline?: ResultIndex;
  readonly unit: UnitName;
  /** The sub-units (one level down), in list order: the rows of the unit tables. */
  readonly subUnits: readonly UnitName[];
  /** What those units are called at the period's end: "xã, phường, đặc khu", "tỉnh, thành phố". */
  readonly subUnitsWord: string;
  readonly wording: PeriodWording;
  /** Target statuses of the report's unit. */
  readonly targets: readonly TargetResult[];
  /** Notes every unit table carries (e.g. how `aggregate` counted). */
  readonly extraNotes?: readonly string[];
  /** Catalogue names, for indicators with a target that are not core figures. */
  readonly indicatorNames?: Readonly<Record<string, string>>;
  /** Recomputed from records (a child counted once per unit) or summed from the annexes below. */
  readonly origin: 'compute' | 'aggregate';
  /** Which communes of the unit had data: counted under every table when some did not. */
  readonly completeness?: Completeness;
  /** Where the annex lists the communes without data ("Phụ lục, Biểu 06"). */
  readonly missingListedIn?: string;
  /** Indicator → why last year's figure could not be rebuilt from the records (Biểu 05 says it). */
  readonly lastYearNotes?: Readonly<Record<string, string>>;
}

const NOTE_DASH = '"–": không có số liệu, hoặc không tính được tỷ lệ (không có trẻ em thuộc diện).';
const NOTE_APPROXIMATE = 'Số in nghiêng là số gần đúng: có xã bị chia tách một phần khi sắp xếp đơn vị hành chính năm 2025.';

type Field = 'count' | 'value' | 'denominator';

interface Source {
  readonly indicator: string;
  readonly breakdown?: Breakdown;
  readonly field: Field;
}

/** A column reading one figure from the results. */
interface DataColumn extends Column {
  readonly source?: Source;
}

/**
 * One figure. A breakdown value with no row did not occur, so it is 0 when the indicator
 * itself has figures for the unit (table and chart files are checked when loaded to read only
 * breakdowns the catalogue computes, so a missing row is never a breakdown nobody computed);
 * a unit without any row, or with `noData`, is "–".
 */
export function resultCell(index: ResultIndex, unit: string, source: Source): Cell {
  const breakdown = source.breakdown ?? {};
  const from: CellSource = { indicator: source.indicator, unit, breakdown, field: source.field };
  const row = index.get(source.indicator, unit, breakdown);
  if (row) {
    if (row.noData) return { value: null, source: from };
    const value = source.field === 'count' ? row.numerator : source.field === 'value' ? row.value : row.denominator;
    return row.approximate ? { value, approximate: true, source: from } : { value, source: from };
  }
  const total = index.figures(source.indicator, unit);
  if (!total || Object.keys(breakdown).length === 0) return { value: null, source: from };
  if (source.field === 'count') return { value: 0, source: from };
  if (source.field === 'value') return { value: total.denominator === 0 ? null : 0, source: from };
  return { value: null, source: from };
}

/** Whether any row of the indicator has a breakdown value "không rõ" (events without sex or birth date). */
function hasUnknown(ctx: TableContext, indicator: string, key: BreakdownKey, units: readonly string[]): boolean {
  return units.some((unit) => ctx.index.get(indicator, unit, { [key]: UNKNOWN }) !== undefined);
}

function cellsFor(ctx: TableContext, unit: string, columns: readonly DataColumn[], base: Breakdown = {}): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  for (const column of columns) {
    if (!column.source) continue;
    const source = { ...column.source, breakdown: { ...(column.source.breakdown ?? {}), ...base } };
    cells[column.key] = resultCell(ctx.index, unit, source);
  }
  return cells;
}

/** Rows of the units one level down, then the report's unit ("Toàn huyện"). */
function unitRows(ctx: TableContext, columns: readonly DataColumn[]): Row[] {
  const rows: Row[] = ctx.subUnits.map((child, i) => ({
    stt: String(i + 1),
    label: child.fullName,
    total: false,
    cells: cellsFor(ctx, child.code, columns),
  }));
  const label = ctx.subUnits.length > 0 ? totalRowLabel(ctx.unit) : ctx.unit.fullName;
  rows.push({ stt: ctx.subUnits.length > 0 ? '' : '1', label, total: true, cells: cellsFor(ctx, ctx.unit.code, columns) });
  return rows;
}

function unitPart(ctx: TableContext, columns: readonly DataColumn[], heading?: string, sums?: PartSums, labelHeader = 'Đơn vị'): TablePart {
  return { ...(heading ? { heading } : {}), labelHeader, columns, rows: unitRows(ctx, columns), ...(sums ? { sums } : {}) };
}

/** Keys of the columns whose key starts with `prefix` (the sex or age columns of a group). */
function keysOf(columns: readonly Column[], prefix: string, keys: readonly string[]): string[] {
  return columns.map((column) => column.key).filter((key) => keys.some((k) => key === `${prefix}-${k}`));
}

const SEX_KEYS = ['nam', 'nu', 'sex-kr'];
const AGE_KEYS = [...AGE_GROUPS.map((age) => age.code), 'age-kr'];

/** Row sums: `total` = its sex columns, `total` = its age columns (when the part has them). */
function sumsOf(columns: readonly Column[], groups: readonly { total: string; sex?: string; age?: string; codes?: string }[]): PartSums {
  const rows: { total: string; members: string[] }[] = [];
  for (const group of groups) {
    if (group.sex) rows.push({ total: group.total, members: keysOf(columns, group.sex, SEX_KEYS) });
    if (group.age) rows.push({ total: group.total, members: keysOf(columns, group.age, AGE_KEYS) });
    if (group.codes) rows.push({ total: group.total, members: columns.map((c) => c.key).filter((key) => key.startsWith(`${group.codes}-`)) });
  }
  return { rows: rows.filter((row) => row.members.length > 0), columns: true };
}

function unitCodes(ctx: TableContext): string[] {
  return [...ctx.subUnits.map((child) => child.code), ctx.unit.code];
}

function hasApproximate(parts: readonly TablePart[]): boolean {
  return parts.some((part) => part.rows.some((row) => Object.values(row.cells).some((cell) => cell.approximate)));
}

/** The notes every table ends with: which communes had data, then "–". */
function closingNotes(ctx: TableContext): string[] {
  const missing = completenessNote(ctx.completeness, ctx.missingListedIn ?? 'Phụ lục');
  return [...(missing ? [missing] : []), NOTE_DASH];
}

function notesFor(ctx: TableContext, parts: readonly TablePart[], specific: readonly string[]): string[] {
  const notes = [...specific];
  // The note is about the total row of the parts by unit: when the table also has parts by
  // group, form or cause (whose total row is "Tổng (không trùng)"), it says which part it means.
  const unitPart = parts.find((part) => part.rows.some((row) => row.total && row.label === totalRowLabel(ctx.unit)));
  const which = unitPart && parts.length > 1 && unitPart.heading ? ` ở phần ${unitPart.heading.split(' ')[0]}` : '';
  const row = `Dòng "${totalRowLabel(ctx.unit)}"${which}`;
  // A summed report's total row is the sum of the rows above (extraNotes say what that means).
  if (ctx.subUnits.length > 0 && unitPart && ctx.origin === 'compute') {
    notes.push(`${row} là số liệu của cả ${typeWord(ctx.unit)}, mỗi trẻ em chỉ tính một lần; có thể nhỏ hơn tổng các dòng trên khi một trẻ em có số liệu ở hai đơn vị.`);
  } else if (ctx.subUnits.length > 0 && unitPart) {
    notes.push(`${row} là tổng các dòng trên.`);
  }
  notes.push(...(ctx.extraNotes ?? []), ...closingNotes(ctx));
  if (hasApproximate(parts)) notes.push(NOTE_APPROXIMATE);
  return notes;
}

function stockSubtitle(ctx: TableContext): string {
  return `${ctx.unit.fullName} – tại thời điểm ${ctx.wording.toText}`;
}

function flowSubtitle(ctx: TableContext): string {
  return `${ctx.unit.fullName} – từ ngày ${ctx.wording.fromText} đến ngày ${ctx.wording.toText}`;
}

/** Column keys of a `by` column: sex reads `te-nam`, `te-nu`, `te-sex-kr`; age `te-0-2`, `te-age-kr`; others `mt-GIA_DINH`. */
function expandedKey(prefix: string, key: BreakdownKey, code: string): string {
  if (code === UNKNOWN) return `${prefix}-${key === 'sex' ? 'sex' : 'age'}-kr`;
  return `${prefix}-${key === 'sex' ? code.toLowerCase() : code}`;
}

/** The leaf columns of a column of a table file: one, or one per value of its `by` key. */
function columnsOf(ctx: TableContext, spec: ColumnSpec, units: readonly string[]): DataColumn[] {
  const format = spec.format ?? (spec.field === 'value' ? 'percent' : 'count');
  const base = {
    ...(spec.group ? { group: spec.group } : {}),
    format,
    width: spec.width,
    ...(spec.ratio ? { derived: { kind: 'ratio' as const, numerator: spec.ratio[0], denominator: spec.ratio[1], factor: 100 } } : {}),
    ...(spec.dependsOn ? { dependsOn: spec.dependsOn } : {}),
  };
  const source = (breakdown: Breakdown): Source => ({ indicator: spec.indicator, field: spec.field, ...(Object.keys(breakdown).length > 0 ? { breakdown } : {}) });
  const fixed: Breakdown = spec.breakdown ?? {};
  if (!spec.by) return [{ key: spec.key, header: spec.header ?? '', ...base, source: source(fixed) }];
  const by = spec.by;
  const values = BREAKDOWN_VALUES[by].map((entry) => ({ code: entry.code, label: entry.label }));
  // Events without sex or birth date: a "Không rõ" column, only when some unit of the part has one.
  if ((by === 'sex' || by === 'ageGroup') && hasUnknown(ctx, spec.indicator, by, units)) values.push({ code: UNKNOWN, label: 'Không rõ' });
  return values.map((value) => ({ key: expandedKey(spec.key, by, value.code), header: value.label, ...base, source: source({ ...fixed, [by]: value.code }) }));
}

function specPart(ctx: TableContext, spec: PartSpec): TablePart {
  const unit = ctx.unit.code;
  const units = spec.rows === 'units' ? unitCodes(ctx) : [unit];
  const columns = spec.columns.flatMap((column) => columnsOf(ctx, column, units));
  const sums = spec.sums ? sumsOf(columns, spec.sums) : undefined;
  const heading = spec.heading?.replace('{unit}', ctx.unit.fullName);
  if (spec.rows === 'units') return unitPart(ctx, columns, heading, sums, spec.labelHeader);
  const by = spec.rows.by;
  const labels = spec.rows.labels ?? {};
  const rows: Row[] = BREAKDOWN_VALUES[by].map((entry, i) => ({
    stt: String(i + 1),
    label: labels[entry.code] ?? entry.label,
    total: false,
    cells: cellsFor(ctx, unit, columns, { [by]: entry.code }),
  }));
  rows.push({ stt: '', label: spec.rows.total, total: true, cells: cellsFor(ctx, unit, columns) });
  for (const extra of spec.rows.extra) {
    const swapped = columns.map((column) => (column.source ? { ...column, source: { ...column.source, indicator: extra.indicator } } : column));
    rows.push({ stt: '', label: extra.label, total: false, cells: cellsFor(ctx, unit, swapped) });
  }
  return { ...(heading ? { heading } : {}), labelHeader: spec.labelHeader ?? 'Đơn vị', columns, rows, ...(sums ? { sums } : {}) };
}

/** An annex table of a table file (templates/tables/). */
function unitTable(ctx: TableContext, spec: UnitTableSpec): ReportTable {
  const parts = spec.parts.map((part) => specPart(ctx, part));
  return {
    id: spec.id,
    number: spec.number,
    sheetName: spec.sheet,
    title: spec.title,
    subtitle: spec.period === 'stock' ? stockSubtitle(ctx) : flowSubtitle(ctx),
    unitNote: spec.unitNote,
    parts,
    notes: notesFor(ctx, parts, spec.notes),
    landscape: spec.landscape,
    ...(spec.protect ? { protect: true } : {}),
  };
}

/** The figure of a core indicator for a unit: a count or a percentage. */
export function coreValue(index: ResultIndex | undefined, figure: CoreFigure, unit: string): number | null | undefined {
  if (!index) return undefined;
  return figure.kind === 'count' ? index.count(figure.indicator, unit) : index.value(figure.indicator, unit);
}

function comparisonTable(ctx: TableContext, spec: ComparisonTableSpec): ReportTable {
  const unit = ctx.unit.code;
  const columns: Column[] = [
    { key: 'dvt', header: 'Đơn vị tính', format: 'text', width: 0.9 },
    // Headers start with a capital, as the charts' legends do: "6 tháng đầu năm 2025", "Cùng kỳ năm 2024".
    { key: 'nay', header: upperFirst(ctx.wording.label), group: 'Kết quả', format: 'percent', width: 1.3 },
    { key: 'truoc', header: upperFirst(ctx.wording.baselineLabel), group: 'Kết quả', format: 'percent', width: 1.3 },
    { key: 'tang', header: 'Tăng (+), giảm (-)', group: 'So sánh', format: 'percent', width: 1.2, derived: { kind: 'difference', current: 'nay', previous: 'truoc' }, dependsOn: ['nay', 'truoc'] },
    { key: 'tyle', header: 'Tỷ lệ tăng, giảm (%)', group: 'So sánh', format: 'percent', width: 1.2, derived: { kind: 'change', current: 'nay', previous: 'truoc' }, dependsOn: ['nay', 'truoc'] },
    { key: 'ct', header: 'Chỉ tiêu kế hoạch', format: 'text', width: 3.2 },
    { key: 'dg', header: 'Đánh giá', format: 'text', width: 1.3 },
  ];
  const extra = ctx.targets
    .map((target) => target.indicator)
    .filter((indicator, i, all) => all.indexOf(indicator) === i && !spec.figures.some((figure) => figure.indicator === indicator));
  const figures: CoreFigure[] = [
    ...spec.figures,
    ...extra.map((indicator): CoreFigure => {
      const count = ctx.index.get(indicator, unit)?.denominator === null;
      return { indicator, label: ctx.indicatorNames?.[indicator] ?? indicator, unitWord: count ? '' : '%', kind: count ? 'count' : 'percent' };
    }),
  ];
  const rows: Row[] = figures
    .filter((figure) => ctx.index.has(figure.indicator, unit) || ctx.targets.some((t) => t.indicator === figure.indicator))
    .map((figure, i) => {
      const current = coreValue(ctx.index, figure, unit) ?? null;
      const previous = coreValue(ctx.baseline, figure, unit) ?? null;
      const both = current !== null && previous !== null;
      const targets = ctx.targets.filter((target) => target.indicator === figure.indicator);
      const approximate = ctx.index.get(figure.indicator, unit)?.approximate === true;
      const format = figure.kind === 'count' ? ('count' as const) : ('percent' as const);
      const field = figure.kind === 'count' ? ('count' as const) : ('value' as const);
      const source = (when: 'current' | 'baseline'): CellSource => ({ indicator: figure.indicator, unit, breakdown: {}, field, when });
      return {
        stt: String(i + 1),
        label: figure.label,
        total: false,
        cells: {
          dvt: { value: figure.unitWord },
          nay: approximate ? { value: current, format, approximate, source: source('current') } : { value: current, format, source: source('current') },
          truoc: { value: previous, format, source: source('baseline') },
          tang: { value: both ? current - previous : null, format },
          tyle: { value: both && figure.kind === 'count' && previous !== 0 ? ((current - previous) / previous) * 100 : null },
          ct: { value: targets.length > 0 ? targets.map((target) => target.target).join('; ') : '' },
          dg: { value: targets.length > 0 ? targets.map((target) => targetStatusText(target.status)).join('; ') : '' },
        },
      };
    });
  const noLastYear = ctx.baseline
    ? figures.filter((figure) => ctx.lastYearNotes?.[figure.indicator] !== undefined && coreValue(ctx.baseline, figure, unit) === null)
    : [];
  const notes = [
    'Với chỉ tiêu tính bằng tỷ lệ (%), cột "Tăng (+), giảm (-)" là số điểm phần trăm, chỉ tính khi cả hai kỳ đều có tỷ lệ.',
    ...(figures.some((figure) => figure.kind === 'count' && coreValue(ctx.baseline, figure, unit) === 0 && (coreValue(ctx.index, figure, unit) ?? 0) > 0)
      ? ['Cột "Tỷ lệ tăng, giảm (%)" để "–" khi cùng kỳ bằng 0: khi đó chỉ so sánh bằng số (tăng từ 0 lên …).']
      : []),
    ...noLastYear.map((figure) => `${figure.label}: không có số liệu ${ctx.wording.baselineLabel} (${ctx.lastYearNotes![figure.indicator]}).`),
    ...(ctx.baseline ? [] : [`Chưa có số liệu ${ctx.wording.baselineLabel} để so sánh.`]),
    ...closingNotes(ctx),
  ];
  const parts = [{ labelHeader: 'Chỉ tiêu', columns, rows }];
  return {
    id: spec.id,
    number: spec.number,
    sheetName: spec.sheet,
    title: `SO SÁNH VỚI ${ctx.wording.baselineLabel.toLocaleUpperCase('vi')} VÀ KẾT QUẢ THỰC HIỆN CHỈ TIÊU`,
    subtitle: flowSubtitle(ctx),
    unitNote: '',
    parts,
    notes: [...notes, ...(hasApproximate(parts) ? [NOTE_APPROXIMATE] : [])],
    landscape: false,
  };
}

/** The annex tables of the table files, in id order. */
export function buildTables(ctx: TableContext, specs: readonly TableSpec[]): ReportTable[] {
  return specs.map((spec) => ('figures' in spec ? comparisonTable(ctx, spec) : unitTable(ctx, spec)));
}

/** The core figures compared with last year (section III.1): those of the comparison table file. */
export function coreFigures(specs: readonly TableSpec[]): readonly CoreFigure[] {
  return specs.flatMap((spec) => ('figures' in spec ? spec.figures : []));
}
