/**
 * The report stage: results → the six-month or annual report (DOCX) and its annex (XLSX).
 *
 *   createReport(input, { template?, settings?, narrative? }) → { docx, xlsx, model }
 *
 * Both files depend only on their inputs: the report date (a setting, else the period's last
 * day) is the only date written into them.
 */
import { safeFileName } from '../io/file-names.js';
import { drawCharts } from './docx/charts.js';
import { renderDocx } from './docx/build.js';
import { loadReportLayout, type ReportLayout } from './layout.js';
import { buildReportModel, type ReportInput, type ReportModel } from './model.js';
import type { Narrative, NarrativeKey } from './narrative.js';
import { periodOfRef } from '../model/period.js';
import { defaultTemplateFor } from './period-label.js';
import { resolveSettings, type ReportSettingsFile } from './settings.js';
import { renderTemplate, resolveTemplate, type TemplateFile } from './template.js';
import type { ChartFigure } from './charts/data.js';
import { renderAnnex } from './xlsx/annex.js';

export type { ReportInput, ReportModel, SourceFile } from './model.js';
export type { UnitFacts } from './paragraphs.js';
export type { UnitName } from './unit-name.js';
export { placeholdersMessage } from './template.js';

export interface ReportOptions {
  /** A bundled template name or a path to a .hbs file; by default the one that fits the period. */
  readonly template?: string;
  readonly settings?: ReportSettingsFile;
  readonly narrative?: Narrative;
  /**
   * K of `--suppress K`, for reports meant for publication: a commune's abuse, injury and death
   * counts from 1 to K−1 read "<K", with the cells and sentences that would give them away
   * (suppress.ts); the annex then has no DuLieu sheet. Not set: every figure is shown.
   */
  readonly suppress?: number;
  /** Tables and charts, already loaded and checked; by default those of templates/ (and of the template's folder). */
  readonly layout?: ReportLayout;
}

export interface ReportFiles {
  readonly docx: Buffer;
  readonly xlsx: Buffer;
  readonly model: ReportModel;
  /** Sections still holding a placeholder for the office to write (placeholdersMessage says which). */
  readonly placeholders: readonly NarrativeKey[];
}

function templateOf(input: ReportInput, options: ReportOptions) {
  return resolveTemplate(options.template ?? defaultTemplateFor(periodOfRef(input.result.period)));
}

export function reportModel(input: ReportInput, options: ReportOptions = {}): ReportModel {
  const settings = resolveSettings(options.settings, input.unit, input.result.period.to, input.provinceName);
  const layout = options.layout ?? loadReportLayout(input.catalogue, templateOf(input, options));
  return buildReportModel(input, settings, options.narrative ?? {}, options.suppress, layout);
}

/** The date the files carry: the report date when set, else the period's last day. */
function stampDate(model: ReportModel): string {
  return model.settings.reportDate ?? model.input.result.period.to;
}

function blocksOf(model: ReportModel, template: TemplateFile) {
  return renderTemplate(template, model.context, model.narrative, {
    tables: model.tables.map((table) => table.id),
    charts: model.charts.map((chart) => chart.definition.id),
    known: model.layout.charts.map((chart) => chart.id),
  });
}

/** The charts of a report in the order its template places them (as the DOCX numbers them): what the page shows. */
export function placedCharts(input: ReportInput, options: ReportOptions = {}): ChartFigure[] {
  const model = reportModel(input, options);
  const ids = blocksOf(model, templateOf(input, options)).blocks.flatMap((block) => (block.kind === 'chart' ? [block.id] : []));
  return [...new Set(ids)].flatMap((id) => model.charts.filter((chart) => chart.definition.id === id));
}

export async function createReport(input: ReportInput, options: ReportOptions = {}): Promise<ReportFiles> {
  const model = reportModel(input, options);
  const template = templateOf(input, options);
  const { blocks, placeholders } = blocksOf(model, template);
  const date = stampDate(model);
  const pictures = await drawCharts(blocks, model);
  const [docx, xlsx] = await Promise.all([renderDocx(blocks, model, date, pictures), renderAnnex(model, date)]);
  return { docx, xlsx, model, placeholders };
}

/** The annex workbook alone: what a commune sends up for `aggregate`. */
export async function createAnnex(input: ReportInput, options: ReportOptions = {}): Promise<Buffer> {
  const model = reportModel(input, options);
  return renderAnnex(model, stampDate(model));
}

/**
 * `bao-cao-529-2025-H1`: the file name of a report without its extension (`prefix` "phu-luc"
 * for a commune's annex). Made safe by io/file-names.ts: a period id from a settings file
 * ("../x", "a/b", "CON") cannot lead out of the output folder.
 */
export function reportBaseName(unitCode: string, periodId: string, prefix = 'bao-cao'): string {
  return safeFileName(`${prefix}-${unitCode}-${periodId}`);
}
