/**
 * The annex tables of report-outline.md (Biểu 01–05) built from result rows. Every number is
 * a number `compute` gave (or a ratio of two of them): nothing is added up here, so the
 * "Toàn huyện" row is the district's own figure, which can be less than the sum of its
 * communes when a child is counted in two of them.
 */
import {
  ABUSE_FORMS,
  ABUSE_SETTINGS,
  AGE_GROUPS,
  INJURY_CAUSES,
  SPECIAL_GROUPS,
  UNKNOWN,
  type CodeList,
} from '../model/codes.js';
import type { BreakdownKey, TargetResult } from '../model/results.js';
import { completenessNote, type Completeness } from './completeness.js';
import { targetStatusText } from './format-vi.js';
import type { PeriodWording } from './period-label.js';
import type { Breakdown, ResultIndex } from './result-index.js';
import type { Cell, CellSource, Column, PartSums, ReportTable, Row, TablePart } from './table-model.js';
import { totalRowLabel, typeWord, type UnitName } from './unit-name.js';

export interface TableContext {
  readonly index: ResultIndex;
  /** Last year's results; undefined when the run did not ask for a baseline. */
  readonly baseline?: ResultIndex;
  readonly unit: UnitName;
  /** The units one level down, in list order: the rows of the unit tables. */
  readonly children: readonly UnitName[];
  readonly wording: PeriodWording;
  /** Target statuses of the report's unit. */
  readonly targets: readonly TargetResult[];
  /** Notes every unit table carries (e.g. how `aggregate` counted). */
  readonly extraNotes?: readonly string[];
  /** Catalogue names, for indicators with a target that are not core figures. */
  readonly indicatorNames?: Readonly<Record<string, string>>;
  /** Recomputed from records (a child counted once per unit) or summed from the annexes below. */
  readonly origin: 'compute' | 'aggregate';
  /** Which communes of the unit had data: said under every table when some did not. */
  readonly completeness?: Completeness;
  /** Indicator → why last year's figure could not be rebuilt from the records (Biểu 05 says it). */
  readonly lastYearNotes?: Readonly<Record<string, string>>;
}

/** Short labels of the 14 groups for column and row headers (the law's letter first). */
const SPECIAL_GROUP_SHORT: Readonly<Record<string, string>> = {
  HCDB01: 'Mồ côi cả cha và mẹ',
  HCDB02: 'Bị bỏ rơi',
  HCDB03: 'Không nơi nương tựa',
  HCDB04: 'Khuyết tật',
  HCDB05: 'Nhiễm HIV/AIDS',
  HCDB06: 'Vi phạm pháp luật',
  HCDB07: 'Nghiện ma túy',
  HCDB08: 'Bỏ học kiếm sống',
  HCDB09: 'Bị tổn hại nghiêm trọng do bạo lực',
  HCDB10: 'Bị bóc lột',
  HCDB11: 'Bị xâm hại tình dục',
  HCDB12: 'Bị mua bán',
  HCDB13: 'Mắc bệnh hiểm nghèo, điều trị dài ngày (hộ nghèo, cận nghèo)',
  HCDB14: 'Di cư, lánh nạn, tị nạn',
};

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
 * itself has figures for the unit; a unit without any row, or with `noData`, is "–".
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

const count = (key: string, header: string, group: string | undefined, source: Omit<Source, 'field'>): DataColumn => ({
  key,
  header,
  ...(group ? { group } : {}),
  format: 'count',
  width: 1,
  source: { ...source, field: 'count' },
});

const percentOf = (
  key: string,
  header: string,
  group: string | undefined,
  indicator: string,
  numerator: string,
  denominator: string,
  breakdown?: Breakdown,
): DataColumn => ({
  key,
  header,
  ...(group ? { group } : {}),
  format: 'percent',
  width: 1.1,
  source: { indicator, field: 'value', ...(breakdown ? { breakdown } : {}) },
  derived: { kind: 'ratio', numerator, denominator, factor: 100 },
});

/** A rate per 100.000 children of the count in column `of` (hidden with it under --suppress). */
const rateColumn = (key: string, group: string | undefined, indicator: string, of: string): DataColumn => ({
  key,
  header: 'Tỷ suất /100.000 trẻ em',
  ...(group ? { group } : {}),
  format: 'rate',
  width: 1.3,
  source: { indicator, field: 'value' },
  dependsOn: [of],
});

/** Whether any row of the indicator has a breakdown value "không rõ" (events without sex or birth date). */
function hasUnknown(ctx: TableContext, indicator: string, key: BreakdownKey, units: readonly string[]): boolean {
  return units.some((unit) => ctx.index.get(indicator, unit, { [key]: UNKNOWN }) !== undefined);
}

function sexColumns(ctx: TableContext, prefix: string, group: string, indicator: string, units: readonly string[], base: Breakdown = {}): DataColumn[] {
  const columns = [
    count(`${prefix}-nam`, 'Nam', group, { indicator, breakdown: { ...base, sex: 'NAM' } }),
    count(`${prefix}-nu`, 'Nữ', group, { indicator, breakdown: { ...base, sex: 'NU' } }),
  ];
  if (hasUnknown(ctx, indicator, 'sex', units)) {
    columns.push(count(`${prefix}-sex-kr`, 'Không rõ', group, { indicator, breakdown: { ...base, sex: UNKNOWN } }));
  }
  return columns;
}

function ageColumns(ctx: TableContext, prefix: string, group: string, indicator: string, units: readonly string[], base: Breakdown = {}): DataColumn[] {
  const columns = AGE_GROUPS.map((age) =>
    count(`${prefix}-${age.code}`, age.label, group, { indicator, breakdown: { ...base, ageGroup: age.code } }),
  );
  if (hasUnknown(ctx, indicator, 'ageGroup', units)) {
    columns.push(count(`${prefix}-age-kr`, 'Không rõ', group, { indicator, breakdown: { ...base, ageGroup: UNKNOWN } }));
  }
  return columns;
}

function codeColumns(prefix: string, group: string, indicator: string, key: BreakdownKey, list: CodeList, base: Breakdown = {}): DataColumn[] {
  return list.map((entry) => count(`${prefix}-${entry.code}`, entry.label, group, { indicator, breakdown: { ...base, [key]: entry.code } }));
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
  const rows: Row[] = ctx.children.map((child, i) => ({
    stt: String(i + 1),
    label: child.fullName,
    total: false,
    cells: cellsFor(ctx, child.code, columns),
  }));
  const label = ctx.children.length > 0 ? totalRowLabel(ctx.unit) : ctx.unit.fullName;
  rows.push({ stt: ctx.children.length > 0 ? '' : '1', label, total: true, cells: cellsFor(ctx, ctx.unit.code, columns) });
  return rows;
}

function unitPart(ctx: TableContext, columns: readonly DataColumn[], heading?: string, sums?: PartSums): TablePart {
  return { ...(heading ? { heading } : {}), labelHeader: 'Đơn vị', columns, rows: unitRows(ctx, columns), ...(sums ? { sums } : {}) };
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
  return [...ctx.children.map((child) => child.code), ctx.unit.code];
}

function hasApproximate(parts: readonly TablePart[]): boolean {
  return parts.some((part) => part.rows.some((row) => Object.values(row.cells).some((cell) => cell.approximate)));
}

/** The notes every table ends with: which communes had data, then "–". */
function closingNotes(ctx: TableContext): string[] {
  const missing = completenessNote(ctx.completeness);
  return [...(missing ? [missing] : []), NOTE_DASH];
}

function notesFor(ctx: TableContext, parts: readonly TablePart[], specific: readonly string[]): string[] {
  const notes = [...specific];
  // A summed report's total row is the sum of the rows above (extraNotes say what that means).
  if (ctx.children.length > 0 && ctx.origin === 'compute') {
    notes.push(
      `Dòng "${totalRowLabel(ctx.unit)}" là số liệu của cả ${typeWord(ctx.unit)}, mỗi trẻ em chỉ tính một lần; có thể nhỏ hơn tổng các dòng trên khi một trẻ em có số liệu ở hai đơn vị.`,
    );
  } else if (ctx.children.length > 0) {
    notes.push(`Dòng "${totalRowLabel(ctx.unit)}" là tổng các dòng trên.`);
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

function bieu01(ctx: TableContext): ReportTable {
  const units = unitCodes(ctx);
  const columns: DataColumn[] = [
    count('tong', 'Tổng số trẻ em', undefined, { indicator: 'TE-0101' }),
    ...sexColumns(ctx, 'gt', 'Chia theo giới tính', 'TE-0101', units),
    ...ageColumns(ctx, 'tuoi', 'Chia theo nhóm tuổi', 'TE-0101', units),
    { key: 'u5', header: 'Tổng số', group: 'Trẻ em dưới 5 tuổi', format: 'count', width: 1, source: { indicator: 'TE-0104', field: 'denominator' } },
    count('u5-ks', 'Được đăng ký khai sinh', 'Trẻ em dưới 5 tuổi', { indicator: 'TE-0104' }),
    percentOf('u5-tl', 'Tỷ lệ (%)', 'Trẻ em dưới 5 tuổi', 'TE-0104', 'u5-ks', 'u5'),
    { key: 'u6', header: 'Tổng số', group: 'Trẻ em dưới 6 tuổi', format: 'count', width: 1, source: { indicator: 'TE-0105', field: 'denominator' } },
    count('u6-bhyt', 'Có thẻ BHYT', 'Trẻ em dưới 6 tuổi', { indicator: 'TE-0105' }),
    percentOf('u6-tl', 'Tỷ lệ (%)', 'Trẻ em dưới 6 tuổi', 'TE-0105', 'u6-bhyt', 'u6'),
  ];
  const parts = [unitPart(ctx, columns)];
  return {
    id: 'bieu-01',
    number: 'Biểu 01',
    sheetName: 'Bieu01',
    title: 'DÂN SỐ TRẺ EM',
    subtitle: stockSubtitle(ctx),
    unitNote: 'Đơn vị tính: trẻ em; tỷ lệ: %',
    parts,
    notes: notesFor(ctx, parts, ['Trẻ em: người dưới 16 tuổi tại ngày cuối kỳ; nhóm tuổi theo số tuổi tròn.']),
    landscape: true,
  };
}

function bieu02(ctx: TableContext): ReportTable {
  const units = unitCodes(ctx);
  const hcdb = 'Trẻ em có hoàn cảnh đặc biệt (không trùng)';
  const unitColumns: DataColumn[] = [
    count('hcdb', 'Tổng số', hcdb, { indicator: 'TE-0301' }),
    ...sexColumns(ctx, 'hcdb', hcdb, 'TE-0301', units),
    { key: 'hcdb-tl', header: 'Tỷ lệ so với tổng số trẻ em (%)', group: hcdb, format: 'percent', width: 1.2, source: { indicator: 'TE-0301', field: 'value' } },
    count('tg', 'Số trẻ em', 'Được trợ giúp trong kỳ', { indicator: 'TE-0302' }),
    percentOf('tg-tl', 'Tỷ lệ (%)', 'Được trợ giúp trong kỳ', 'TE-0302', 'tg', 'hcdb'),
    count('nc', 'Số trẻ em', 'Trẻ em có nguy cơ rơi vào HCĐB', { indicator: 'TE-0303' }),
    { key: 'nc-tl', header: 'Tỷ lệ so với tổng số trẻ em (%)', group: 'Trẻ em có nguy cơ rơi vào HCĐB', format: 'percent', width: 1.2, source: { indicator: 'TE-0303', field: 'value' } },
  ];
  // By group, for the report's unit: the outline's rows (the 14 groups, at risk, total).
  const groupColumns: DataColumn[] = [
    count('so', 'Tổng số', undefined, { indicator: 'TE-0301' }),
    count('nam', 'Nam', 'Chia theo giới tính', { indicator: 'TE-0301', breakdown: { sex: 'NAM' } }),
    count('nu', 'Nữ', 'Chia theo giới tính', { indicator: 'TE-0301', breakdown: { sex: 'NU' } }),
    { key: 'tl', header: 'Tỷ lệ so với tổng số trẻ em (%)', format: 'percent', width: 1.3, source: { indicator: 'TE-0301', field: 'value' } },
  ];
  const unit = ctx.unit.code;
  const groupRows: Row[] = SPECIAL_GROUPS.map((group, i) => ({
    stt: String(i + 1),
    label: `${group.aliases?.[0] ?? ''}) ${SPECIAL_GROUP_SHORT[group.code] ?? group.label}`,
    total: false,
    cells: cellsFor(ctx, unit, groupColumns, { group: group.code }),
  }));
  groupRows.push({
    stt: '',
    label: 'Tổng số trẻ em có HCĐB (không trùng)',
    total: true,
    cells: cellsFor(ctx, unit, groupColumns),
  });
  const riskCells: Record<string, Cell> = {
    so: resultCell(ctx.index, unit, { indicator: 'TE-0303', field: 'count' }),
    nam: resultCell(ctx.index, unit, { indicator: 'TE-0303', field: 'count', breakdown: { sex: 'NAM' } }),
    nu: resultCell(ctx.index, unit, { indicator: 'TE-0303', field: 'count', breakdown: { sex: 'NU' } }),
    tl: resultCell(ctx.index, unit, { indicator: 'TE-0303', field: 'value' }),
  };
  groupRows.push({ stt: '', label: 'Trẻ em có nguy cơ rơi vào hoàn cảnh đặc biệt', total: false, cells: riskCells });
  const parts: TablePart[] = [
    unitPart(ctx, unitColumns, 'a) Theo đơn vị'),
    { heading: `b) Theo nhóm hoàn cảnh đặc biệt (${ctx.unit.fullName})`, labelHeader: 'Nhóm hoàn cảnh đặc biệt', columns: groupColumns, rows: groupRows },
  ];
  return {
    id: 'bieu-02',
    number: 'Biểu 02',
    sheetName: 'Bieu02',
    title: 'TRẺ EM CÓ HOÀN CẢNH ĐẶC BIỆT',
    subtitle: stockSubtitle(ctx),
    unitNote: 'Đơn vị tính: trẻ em; tỷ lệ: %',
    parts,
    notes: notesFor(ctx, parts, [
      'Nhóm hoàn cảnh đặc biệt theo khoản 1 Điều 10 Luật Trẻ em 2016 (điểm a–o). Một trẻ em có thể thuộc nhiều nhóm nên tổng các nhóm có thể lớn hơn tổng số (không trùng).',
      'Trẻ em có nguy cơ: có ít nhất một nhóm nguy cơ và không thuộc nhóm hoàn cảnh đặc biệt nào.',
    ]),
    landscape: true,
  };
}

function bieu03(ctx: TableContext): ReportTable {
  const units = unitCodes(ctx);
  const children = 'Số trẻ em bị xâm hại (không trùng)';
  const unitColumns: DataColumn[] = [
    count('vu', 'Số vụ', undefined, { indicator: 'XH-0102' }),
    count('te', 'Tổng số', children, { indicator: 'XH-0101' }),
    ...sexColumns(ctx, 'te', children, 'XH-0101', units),
    rateColumn('te-ts', children, 'XH-0101', 'te'),
    ...ageColumns(ctx, 'tuoi', 'Chia theo nhóm tuổi', 'XH-0101', units),
    count('ht', 'Số trẻ em', 'Được hỗ trợ, can thiệp', { indicator: 'XH-0103' }),
    { ...percentOf('ht-tl', 'Tỷ lệ (%)', 'Được hỗ trợ, can thiệp', 'XH-0103', 'ht', 'te'), dependsOn: ['ht', 'te'] },
    count('xp', 'Số vụ', 'Xử phạt vi phạm hành chính', { indicator: 'XH-0201' }),
    { key: 'tien', header: 'Số tiền phạt (đồng)', group: 'Xử phạt vi phạm hành chính', format: 'money', width: 1.8, source: { indicator: 'XH-0202', field: 'count' }, dependsOn: ['xp'] },
  ];
  const unit = ctx.unit.code;
  const formColumns: DataColumn[] = [
    count('so', 'Số trẻ em', undefined, { indicator: 'XH-0101' }),
    ...sexColumns(ctx, 'gt', 'Chia theo giới tính', 'XH-0101', [unit]),
    ...ageColumns(ctx, 'tuoi', 'Chia theo nhóm tuổi', 'XH-0101', [unit]),
    ...codeColumns('mt', 'Chia theo môi trường xảy ra', 'XH-0101', 'setting', ABUSE_SETTINGS),
  ];
  // Settings columns of the total row read the one-key `setting` breakdown; the form rows read [form, setting].
  const formRows: Row[] = ABUSE_FORMS.map((form, i) => ({
    stt: String(i + 1),
    label: form.label,
    total: false,
    cells: cellsFor(ctx, unit, formColumns, { form: form.code }),
  }));
  formRows.push({ stt: '', label: 'Tổng (không trùng)', total: true, cells: cellsFor(ctx, unit, formColumns) });
  const parts: TablePart[] = [
    unitPart(ctx, unitColumns, 'a) Theo đơn vị', sumsOf(unitColumns, [{ total: 'te', sex: 'te', age: 'tuoi' }])),
    {
      heading: `b) Theo hình thức xâm hại (${ctx.unit.fullName})`,
      labelHeader: 'Hình thức xâm hại',
      columns: formColumns,
      rows: formRows,
      sums: sumsOf(formColumns, [{ total: 'so', sex: 'gt', age: 'tuoi', codes: 'mt' }]),
    },
  ];
  return {
    id: 'bieu-03',
    number: 'Biểu 03',
    sheetName: 'Bieu03',
    title: 'TRẺ EM BỊ XÂM HẠI',
    subtitle: flowSubtitle(ctx),
    unitNote: 'Đơn vị tính: vụ, trẻ em, đồng',
    parts,
    notes: notesFor(ctx, parts, [
      'Một trẻ em bị xâm hại nhiều hình thức (hoặc ở nhiều môi trường) được tính ở mỗi hình thức, một lần ở dòng tổng.',
      'Tuổi tính tại ngày xảy ra sự việc.',
    ]),
    landscape: true,
  };
}

function bieu04(ctx: TableContext): ReportTable {
  const units = unitCodes(ctx);
  const injured = 'Số trẻ em bị tai nạn thương tích';
  const died = 'Trong đó: tử vong';
  const unitColumns: DataColumn[] = [
    count('tn', 'Tổng số', injured, { indicator: 'TE-0304' }),
    ...sexColumns(ctx, 'tn', injured, 'TE-0304', units),
    ...ageColumns(ctx, 'tn', injured, 'TE-0304', units),
    rateColumn('tn-ts', injured, 'TE-0304', 'tn'),
    count('tv', 'Tổng số', died, { indicator: 'TE-0305' }),
    ...sexColumns(ctx, 'tv', died, 'TE-0305', units),
    rateColumn('tv-ts', died, 'TE-0305', 'tv'),
    count('dn', 'Do đuối nước', died, { indicator: 'TE-0306' }),
  ];
  const unit = ctx.unit.code;
  const causeColumns: DataColumn[] = [
    count('tn', 'Tổng số', injured, { indicator: 'TE-0304' }),
    ...sexColumns(ctx, 'tn', injured, 'TE-0304', [unit]),
    ...ageColumns(ctx, 'tn', injured, 'TE-0304', [unit]),
    count('tv', 'Tổng số', died, { indicator: 'TE-0305' }),
    ...sexColumns(ctx, 'tv', died, 'TE-0305', [unit]),
    ...ageColumns(ctx, 'tv', died, 'TE-0305', [unit]),
  ];
  const causeRows: Row[] = INJURY_CAUSES.map((cause, i) => ({
    stt: String(i + 1),
    label: cause.label,
    total: false,
    cells: cellsFor(ctx, unit, causeColumns, { cause: cause.code }),
  }));
  causeRows.push({ stt: '', label: 'Tổng (không trùng)', total: true, cells: cellsFor(ctx, unit, causeColumns) });
  const parts: TablePart[] = [
    unitPart(ctx, unitColumns, 'a) Theo đơn vị', sumsOf(unitColumns, [{ total: 'tn', sex: 'tn', age: 'tn' }, { total: 'tv', sex: 'tv' }])),
    {
      heading: `b) Theo nguyên nhân (${ctx.unit.fullName})`,
      labelHeader: 'Nguyên nhân',
      columns: causeColumns,
      rows: causeRows,
      sums: sumsOf(causeColumns, [{ total: 'tn', sex: 'tn', age: 'tn' }, { total: 'tv', sex: 'tv', age: 'tv' }]),
    },
  ];
  return {
    id: 'bieu-04',
    number: 'Biểu 04',
    sheetName: 'Bieu04',
    title: 'TRẺ EM BỊ TAI NẠN THƯƠNG TÍCH, TỬ VONG DO TAI NẠN THƯƠNG TÍCH',
    subtitle: flowSubtitle(ctx),
    unitNote: 'Đơn vị tính: trẻ em; tỷ suất: trên 100.000 trẻ em',
    parts,
    notes: notesFor(ctx, parts, [
      'Một trẻ em bị tai nạn thương tích nhiều lần do các nguyên nhân khác nhau được tính ở mỗi nguyên nhân, một lần ở dòng tổng.',
      'Tỷ suất tính trên tổng số trẻ em tại ngày cuối kỳ. Tuổi tính tại ngày xảy ra sự việc.',
    ]),
    landscape: true,
  };
}

/** The core figures compared with last year (Biểu 05 and section III.1). */
export interface CoreFigure {
  readonly indicator: string;
  readonly label: string;
  /** "em", "vụ", "%". */
  readonly unitWord: string;
  readonly kind: 'count' | 'percent';
}

export const CORE_FIGURES: readonly CoreFigure[] = [
  { indicator: 'TE-0101', label: 'Tổng số trẻ em', unitWord: 'em', kind: 'count' },
  { indicator: 'TE-0301', label: 'Số trẻ em có hoàn cảnh đặc biệt', unitWord: 'em', kind: 'count' },
  { indicator: 'TE-0302', label: 'Tỷ lệ trẻ em có hoàn cảnh đặc biệt được trợ giúp', unitWord: '%', kind: 'percent' },
  { indicator: 'TE-0303', label: 'Số trẻ em có nguy cơ rơi vào hoàn cảnh đặc biệt', unitWord: 'em', kind: 'count' },
  { indicator: 'XH-0102', label: 'Số vụ xâm hại trẻ em', unitWord: 'vụ', kind: 'count' },
  { indicator: 'XH-0101', label: 'Số trẻ em bị xâm hại', unitWord: 'em', kind: 'count' },
  { indicator: 'XH-0103', label: 'Tỷ lệ trẻ em bị xâm hại được hỗ trợ, can thiệp', unitWord: '%', kind: 'percent' },
  { indicator: 'TE-0304', label: 'Số trẻ em bị tai nạn thương tích', unitWord: 'em', kind: 'count' },
  { indicator: 'TE-0305', label: 'Số trẻ em tử vong do tai nạn thương tích', unitWord: 'em', kind: 'count' },
  { indicator: 'TE-0306', label: 'Số trẻ em tử vong do đuối nước', unitWord: 'em', kind: 'count' },
  { indicator: 'TE-0104', label: 'Tỷ lệ trẻ em dưới 5 tuổi được đăng ký khai sinh', unitWord: '%', kind: 'percent' },
  { indicator: 'TE-0105', label: 'Tỷ lệ trẻ em dưới 6 tuổi có thẻ BHYT', unitWord: '%', kind: 'percent' },
];

/** The figure of a core indicator for a unit: a count or a percentage. */
export function coreValue(index: ResultIndex | undefined, figure: CoreFigure, unit: string): number | null | undefined {
  if (!index) return undefined;
  return figure.kind === 'count' ? index.count(figure.indicator, unit) : index.value(figure.indicator, unit);
}

function bieu05(ctx: TableContext): ReportTable {
  const unit = ctx.unit.code;
  const columns: Column[] = [
    { key: 'dvt', header: 'Đơn vị tính', format: 'text', width: 0.9 },
    { key: 'nay', header: ctx.wording.label, group: 'Kết quả', format: 'percent', width: 1.3 },
    { key: 'truoc', header: ctx.wording.baselineLabel, group: 'Kết quả', format: 'percent', width: 1.3 },
    { key: 'tang', header: 'Tăng (+), giảm (-)', group: 'So sánh', format: 'percent', width: 1.2, derived: { kind: 'difference', current: 'nay', previous: 'truoc' }, dependsOn: ['nay', 'truoc'] },
    { key: 'tyle', header: 'Tỷ lệ tăng, giảm (%)', group: 'So sánh', format: 'percent', width: 1.2, derived: { kind: 'change', current: 'nay', previous: 'truoc' }, dependsOn: ['nay', 'truoc'] },
    { key: 'ct', header: 'Chỉ tiêu kế hoạch', format: 'text', width: 3.2 },
    { key: 'dg', header: 'Đánh giá', format: 'text', width: 1.3 },
  ];
  const extra = ctx.targets
    .map((target) => target.indicator)
    .filter((indicator, i, all) => all.indexOf(indicator) === i && !CORE_FIGURES.some((figure) => figure.indicator === indicator));
  const figures: CoreFigure[] = [
    ...CORE_FIGURES,
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
    id: 'bieu-05',
    number: 'Biểu 05',
    sheetName: 'Bieu05',
    title: `SO SÁNH VỚI ${ctx.wording.baselineLabel.toLocaleUpperCase('vi')} VÀ KẾT QUẢ THỰC HIỆN CHỈ TIÊU`,
    subtitle: flowSubtitle(ctx),
    unitNote: '',
    parts,
    notes: [...notes, ...(hasApproximate(parts) ? [NOTE_APPROXIMATE] : [])],
    landscape: false,
  };
}

export function buildTables(ctx: TableContext): ReportTable[] {
  return [bieu01(ctx), bieu02(ctx), bieu03(ctx), bieu04(ctx), bieu05(ctx)];
}
