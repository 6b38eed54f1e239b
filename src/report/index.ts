/**
 * The report stage: results → the six-month or annual report (DOCX) and its annex (XLSX).
 *
 *   createReport(input, { template?, settings?, narrative? }) → { docx, xlsx, model }
 *
 * Both files depend only on their inputs: the report date (a setting, else the period's last
 * day) is the only date written into them.
 */
import { renderDocx } from './docx/build.js';
import { buildReportModel, type ReportInput, type ReportModel } from './model.js';
import type { Narrative } from './narrative.js';
import { defaultTemplateFor } from './period-label.js';
import { resolveSettings, type ReportSettingsFile } from './settings.js';
import { renderTemplate, resolveTemplate } from './template.js';
import { renderAnnex } from './xlsx/annex.js';

export type { ReportInput, ReportModel, SourceFile } from './model.js';
export type { UnitFacts } from './paragraphs.js';
export type { UnitName } from './unit-name.js';

export interface ReportOptions {
  /** A bundled template name or a path to a .hbs file; by default the one that fits the period. */
  readonly template?: string;
  readonly settings?: ReportSettingsFile;
  readonly narrative?: Narrative;
}

export interface ReportFiles {
  readonly docx: Buffer;
  readonly xlsx: Buffer;
  readonly model: ReportModel;
}

export function reportModel(input: ReportInput, options: ReportOptions = {}): ReportModel {
  const settings = resolveSettings(options.settings, input.unit, input.result.period.to);
  return buildReportModel(input, settings, options.narrative ?? {});
}

/** The date the files carry: the report date when set, else the period's last day. */
function stampDate(model: ReportModel): string {
  return model.settings.reportDate ?? model.input.result.period.to;
}

export async function createReport(input: ReportInput, options: ReportOptions = {}): Promise<ReportFiles> {
  const model = reportModel(input, options);
  const template = resolveTemplate(options.template ?? defaultTemplateFor(input.result.period));
  const blocks = renderTemplate(template, model.context, model.narrative, model.tables.map((table) => table.id));
  const date = stampDate(model);
  const [docx, xlsx] = await Promise.all([renderDocx(blocks, model, date), renderAnnex(model, date)]);
  return { docx, xlsx, model };
}

/** The annex workbook alone: what a commune sends up for `aggregate`. */
export async function createAnnex(input: ReportInput, options: ReportOptions = {}): Promise<Buffer> {
  const model = reportModel(input, options);
  return renderAnnex(model, stampDate(model));
}

/** `bao-cao-529-2025-H1`: the file name of a report without its extension. */
export function reportBaseName(unitCode: string, periodId: string): string {
  return `bao-cao-${unitCode}-${periodId.replace(/\.\./g, '_')}`;
}
