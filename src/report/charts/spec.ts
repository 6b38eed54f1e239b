/**
 * Chart definitions: one vega-lite spec per file under templates/charts/ (`bieu-do-01.vl.json`),
 * with what it shows under `usermeta.chitieu` (templates/README.md, "Biểu đồ"). The spec draws
 * the named data set `figures`, whose rows the report fills from the results (data.ts); the
 * binding is checked against the catalogue when the file is loaded.
 */
import { reportText } from '../../messages/index.js';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Level } from '../../model/results.js';
import { BreakdownKey, checkFigure, Field, layoutError, readLayoutFile, type CatalogueView } from '../binding.js';

export const CHART_SUFFIX = '.vl.json';

const Figure = z.strictObject({
  indicator: z.string().min(1),
  /** The series name in the legend; the catalogue's name when absent. */
  label: z.string().min(1).optional(),
  field: Field.default('count'),
});

const Common = {
  /** "Trẻ em có hoàn cảnh đặc biệt theo đơn vị": the caption after "Biểu đồ N.". */
  title: z.string().min(1),
  /** The levels of report that draw the chart: a commune report has no units below it. */
  reports: z.array(Level).min(1),
  /** The "Nguồn:" line; by default where the figures come from. */
  source: z.string().min(1).optional(),
  /**
   * The chart's fixed texts in English, for the page in English only (the documents stay
   * Vietnamese, Decree 30): its title, its own source line, and `texts`, each fixed Vietnamese
   * text of the spec and the binding (axis titles, series labels, legend words) with its English.
   * The data's own names (units, plan targets) stay as they are.
   */
  en: z
    .strictObject({
      title: z.string().min(1),
      source: z.string().min(1).optional(),
      texts: z.record(z.string(), z.string().min(1)).default({}),
    })
    .optional(),
};

const FigureBinding = z.strictObject({
  ...Common,
  /** `subunits`: one bar (group) per unit one level down; `unit`: the report's unit only. */
  level: z.enum(['subunits', 'unit']),
  figures: z.array(Figure).min(1),
  /** Bars per value of this breakdown (code-list order). */
  breakdown: BreakdownKey.optional(),
  /** Shorter labels for some breakdown values, by code (the code list's label otherwise). */
  labels: z.record(z.string(), z.string().min(1)).optional(),
  /**
   * At most this many units (level subunits): those with the largest first figure, so that a
   * province of a hundred communes still fits a page; the caption says how many are shown.
   */
  limit: z.number().int().positive().optional(),
  /** `baseline`: also the same period last year (drawn only when the run has it). */
  periods: z.array(z.enum(['current', 'baseline'])).min(1).default(['current']),
});

const TargetBinding = z.strictObject({
  ...Common,
  /** One panel per target of the plan for the report's unit: the result against the target. */
  targets: z.literal(true),
});

export const ChartBinding = z.union([FigureBinding, TargetBinding]);
export type ChartBinding = z.infer<typeof ChartBinding>;
export type FigureChartBinding = z.infer<typeof FigureBinding>;

const ChartFile = z.looseObject({
  usermeta: z.looseObject({ chitieu: ChartBinding }),
  data: z.strictObject({ name: z.literal('figures') }, { error: 'cần "data": {"name": "figures"} (the data set the report fills)' }),
});

export interface ChartDefinition {
  /** "bieu-do-01": what `{{chart "bieu-do-01"}}` names. */
  readonly id: string;
  readonly file: string;
  readonly binding: ChartBinding;
  /** The vega-lite spec as written (with its `usermeta`). */
  readonly spec: Readonly<Record<string, unknown>>;
}

const CHART_ID = /^[a-z0-9-]+$/;

export function loadChartFile(file: string, id: string, catalogue: CatalogueView): ChartDefinition {
  const spec = readLayoutFile(file, ChartFile);
  const binding = spec.usermeta.chitieu;
  if (!('targets' in binding)) {
    for (const figure of binding.figures) checkFigure(catalogue, file, figure.indicator, binding.breakdown ? [binding.breakdown] : []);
  }
  return { id, file, binding, spec };
}

/** The chart files of some folders, later folders replacing charts of the same id. */
export function loadCharts(dirs: readonly string[], catalogue: CatalogueView): ChartDefinition[] {
  const byId = new Map<string, ChartDefinition>();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((file) => file.endsWith(CHART_SUFFIX)).sort()) {
      const id = name.slice(0, -CHART_SUFFIX.length);
      const file = join(dir, name);
      if (!CHART_ID.test(id)) throw layoutError(file, reportText.layoutChartFileName());
      byId.set(id, loadChartFile(file, id, catalogue));
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
