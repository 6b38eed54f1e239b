/**
 * The annex tables as data: one YAML file per table under templates/tables/ (`bieu-01.yaml`),
 * naming for every column the indicator, breakdown and field it reads, and for every part
 * whether its rows are the units one level down or the values of a breakdown
 * (templates/README.md, "Biểu số liệu"). Checked against the catalogue when loaded: every
 * figure a cell reads must be one the catalogue computes, or it would print as 0.
 */
import { reportText } from '../messages/index.js';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { BreakdownKey, checkFigure, Field, layoutError, readLayoutFile, type CatalogueView } from './binding.js';

const KEY = z.string().regex(/^[a-z0-9-]+$/, { error: 'khóa cột chỉ gồm chữ thường không dấu, số và "-" (a column key: a-z, 0-9, "-")' });

export const ColumnSpec = z
  .strictObject({
    key: KEY,
    /** Absent for a column expanded with `by` (its headers are the code list's labels). */
    header: z.string().min(1).optional(),
    group: z.string().min(1).optional(),
    indicator: z.string().min(1),
    field: Field.default('count'),
    /** A fixed breakdown value: `{ sex: NAM }`. */
    breakdown: z.partialRecord(BreakdownKey, z.string().min(1)).optional(),
    /** One column per value of this key (code-list order; "Không rõ" too for sex and ageGroup when it occurs). */
    by: BreakdownKey.optional(),
    /** By default `count` for a count or denominator, `percent` for a value. */
    format: z.enum(['count', 'percent', 'rate', 'money']).optional(),
    width: z.number().positive().default(1),
    /** The XLSX writes the column as numerator ÷ denominator × 100 of these columns of the row. */
    ratio: z.tuple([KEY, KEY]).optional(),
    /** Columns it is computed from: hidden with them under `--suppress`. */
    dependsOn: z.array(KEY).min(1).optional(),
  })
  .check((ctx) => {
    if (ctx.value.header === undefined && ctx.value.by === undefined) {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: 'cột cần "header" (hoặc "by") (a column needs a header, or by)', path: ['header'] });
    }
  });
export type ColumnSpec = z.infer<typeof ColumnSpec>;

const Sum = z.strictObject({
  /** The column that is the sum. */
  total: KEY,
  /** The key prefix of its sex columns (`by: sex`), of its age columns, of its other `by` columns. */
  sex: KEY.optional(),
  age: KEY.optional(),
  codes: KEY.optional(),
});

const BreakdownRows = z.strictObject({
  /** One row per value of this key, for the report's unit. */
  by: BreakdownKey,
  /** Row labels by code (the code list's label otherwise). */
  labels: z.record(z.string(), z.string().min(1)).optional(),
  /** The label of the unit's total row, after them. */
  total: z.string().min(1),
  /** Rows after the total that read another indicator in the same columns. */
  extra: z.array(z.strictObject({ label: z.string().min(1), indicator: z.string().min(1) })).default([]),
});

export const PartSpec = z.strictObject({
  /** "b) Theo nguyên nhân ({unit})": `{unit}` is the report unit's name. */
  heading: z.string().min(1).optional(),
  /** Header of the label column; "Đơn vị" for unit rows. */
  labelHeader: z.string().min(1).optional(),
  /** `units`: the units one level down, then the report's unit. */
  rows: z.union([z.literal('units'), BreakdownRows]),
  columns: z.array(ColumnSpec).min(1),
  /** How cells add up (row sums; the total row = the rows above): small-count protection needs it. */
  sums: z.array(Sum).min(1).optional(),
});
export type PartSpec = z.infer<typeof PartSpec>;

const Common = {
  id: z.string().regex(/^bieu-[a-z0-9-]+$/, { error: 'id dạng "bieu-01" (an id like bieu-01)' }),
  /** "Biểu 01". */
  number: z.string().min(1),
  /** The XLSX sheet: "Bieu01" (at most 31 characters, no []:*?/\). */
  sheet: z.string().regex(/^[^[\]:*?/\\]{1,31}$/),
};

export const UnitTableSpec = z.strictObject({
  ...Common,
  title: z.string().min(1),
  /** `stock`: "tại thời điểm …"; `flow`: "từ ngày … đến ngày …". */
  period: z.enum(['stock', 'flow']),
  unitNote: z.string().default(''),
  landscape: z.boolean().default(true),
  /** Small-count protection applies (`--suppress K`). */
  protect: z.boolean().default(false),
  notes: z.array(z.string().min(1)).default([]),
  parts: z.array(PartSpec).min(1),
});
export type UnitTableSpec = z.infer<typeof UnitTableSpec>;

/** A figure of the comparison with last year (Biểu 05, section III.1). */
export const CoreFigure = z.strictObject({
  indicator: z.string().min(1),
  label: z.string().min(1),
  /** "em", "vụ", "%". */
  unitWord: z.string(),
  kind: z.enum(['count', 'percent']),
});
export type CoreFigure = z.infer<typeof CoreFigure>;

export const ComparisonTableSpec = z.strictObject({
  ...Common,
  /** The core figures, in order; the plan's other targets follow them. */
  figures: z.array(CoreFigure).min(1),
});
export type ComparisonTableSpec = z.infer<typeof ComparisonTableSpec>;

export const TableSpec = z.union([UnitTableSpec, ComparisonTableSpec]);
export type TableSpec = z.infer<typeof TableSpec>;

export interface TableFile {
  readonly file: string;
  readonly spec: TableSpec;
}

function checkPart(catalogue: CatalogueView, file: string, part: PartSpec): void {
  const keys = new Set<string>();
  const rowKey = part.rows === 'units' ? undefined : part.rows.by;
  for (const column of part.columns) {
    keys.add(column.key);
    const own = [...(Object.keys(column.breakdown ?? {}) as BreakdownKey[]), ...(column.by ? [column.by] : [])];
    checkFigure(catalogue, file, column.indicator, own);
    if (rowKey) checkFigure(catalogue, file, column.indicator, [...own, rowKey]);
    if (part.rows !== 'units') for (const extra of part.rows.extra) checkFigure(catalogue, file, extra.indicator, own);
  }
  const expandedPrefixes = new Set(part.columns.filter((column) => column.by).map((column) => column.key));
  const known = (key: string) => keys.has(key) || [...expandedPrefixes].some((prefix) => key.startsWith(`${prefix}-`));
  for (const column of part.columns) {
    for (const key of [...(column.ratio ?? []), ...(column.dependsOn ?? [])]) {
      if (!known(key)) throw layoutError(file, reportText.layoutColumnUnknown({ column: column.key, key }));
    }
  }
  for (const sum of part.sums ?? []) {
    for (const key of [sum.total]) {
      if (!keys.has(key)) throw layoutError(file, reportText.layoutSumsUnknown({ key }));
    }
  }
}

export function loadTableFile(file: string, catalogue: CatalogueView): TableFile {
  const spec = readLayoutFile(file, TableSpec);
  if ('figures' in spec) for (const figure of spec.figures) checkFigure(catalogue, file, figure.indicator, []);
  else for (const part of spec.parts) checkPart(catalogue, file, part);
  return { file, spec };
}

/** The table files of some folders (`*.yaml`), later folders replacing tables of the same id; in id order. */
export function loadTables(dirs: readonly string[], catalogue: CatalogueView): TableFile[] {
  const byId = new Map<string, TableFile>();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.yaml')).sort()) {
      const loaded = loadTableFile(join(dir, name), catalogue);
      byId.set(loaded.spec.id, loaded);
    }
  }
  return [...byId.values()].sort((a, b) => (a.spec.id < b.spec.id ? -1 : a.spec.id > b.spec.id ? 1 : 0));
}
