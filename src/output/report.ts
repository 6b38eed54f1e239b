/**
 * A report's files as bytes: the report (DOCX) and its annex (XLSX), from the model
 * src/report/ builds. Both depend only on their inputs.
 */
import type { NarrativeKey } from '../report/narrative.js';
import { annexDocument, reportDocument, type ReportInput, type ReportModel, type ReportOptions } from '../report/index.js';
import { bytesOf, OUTPUTS } from './formats.js';

export interface ReportFiles {
  readonly docx: Buffer;
  readonly xlsx: Buffer;
  readonly model: ReportModel;
  /** Sections still holding a placeholder for the office to write (placeholdersMessage says which). */
  readonly placeholders: readonly NarrativeKey[];
}

/**
 * What making a report is doing, told as it goes (a report takes seconds: the page says
 * "biểu đồ 2/3", "phụ lục"): the text, each chart, the DOCX put together, the annex.
 */
export type ReportStep =
  | { readonly step: 'text' }
  | { readonly step: 'chart'; readonly done: number; readonly total: number }
  | { readonly step: 'document' }
  | { readonly step: 'annex' };

export type OnReportStep = (step: ReportStep) => void;

export async function createReport(input: ReportInput, options: ReportOptions = {}, onStep?: OnReportStep): Promise<ReportFiles> {
  onStep?.({ step: 'text' });
  const document = reportDocument(input, options);
  // One after the other: both are work of this one thread, and the steps can then be told in order.
  const docx = await OUTPUTS.reportDocx.write({ ...document, ...(onStep ? { onStep } : {}) });
  onStep?.({ step: 'annex' });
  const xlsx = await OUTPUTS.annexXlsx.write(document);
  return { docx: bytesOf(docx), xlsx: bytesOf(xlsx), model: document.model, placeholders: document.placeholders };
}

/** The annex workbook alone: what a commune sends up for `aggregate`. */
export async function createAnnex(input: ReportInput, options: ReportOptions = {}): Promise<Buffer> {
  return bytesOf(await OUTPUTS.annexXlsx.write(annexDocument(input, options)));
}
