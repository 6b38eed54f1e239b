/**
 * The report stage: results → the model of the six-month or annual report and its annex
 * (tables, charts, narrative, the template's blocks); src/output/ turns it into DOCX and XLSX.
 *
 *   reportDocument(input, { template?, settings?, narrative? }) → { model, blocks, placeholders, date }
 *
 * The report date (a setting, else the period's last day) is the only date the files carry.
 */
import { loadReportLayout, type ReportLayout } from './layout.js';
import { buildReportModel, type ReportInput, type ReportModel } from './model.js';
import type { Narrative, NarrativeKey } from './narrative.js';
import { periodOfRef } from '../model/period.js';
import { defaultTemplateFor } from './period-label.js';
import { resolveSettings, type ReportSettingsFile } from './settings.js';
import { renderTemplate, resolveTemplate, type TemplateFile } from './template.js';
import type { ChartFigure } from './charts/data.js';
import type { Block } from './markup.js';

export type { ReportInput, ReportModel, SourceFile } from './model.js';
export type { UnitFacts } from './paragraphs.js';
export type { UnitName } from './unit-name.js';

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

/**
 * The charts of a report in the order its template places them (as the DOCX numbers them): what
 * the page shows. A chart with nothing to draw is left out, as the DOCX leaves it out.
 */
export function placedCharts(input: ReportInput, options: ReportOptions = {}): ChartFigure[] {
  const model = reportModel(input, options);
  const ids = blocksOf(model, templateOf(input, options)).blocks.flatMap((block) => (block.kind === 'chart' ? [block.id] : []));
  return [...new Set(ids)].flatMap((id) => model.charts.filter((chart) => chart.definition.id === id && chart.empty === undefined));
}

/** What the report's files are made from (src/output/ writes them). */
export interface ReportDocumentModel {
  readonly model: ReportModel;
  readonly blocks: readonly Block[];
  /** Sections still holding a placeholder for the office to write (placeholdersMessage says which). */
  readonly placeholders: readonly NarrativeKey[];
  /** The date the files carry. */
  readonly date: string;
}

export function reportDocument(input: ReportInput, options: ReportOptions = {}): ReportDocumentModel {
  const model = reportModel(input, options);
  const { blocks, placeholders } = blocksOf(model, templateOf(input, options));
  return { model, blocks, placeholders, date: stampDate(model) };
}

/** The annex's model alone (no template is rendered): what a commune sends up for `aggregate`. */
export function annexDocument(input: ReportInput, options: ReportOptions = {}): { readonly model: ReportModel; readonly date: string } {
  const model = reportModel(input, options);
  return { model, date: stampDate(model) };
}

