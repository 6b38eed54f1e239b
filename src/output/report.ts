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

export async function createReport(input: ReportInput, options: ReportOptions = {}): Promise<ReportFiles> {
  const document = reportDocument(input, options);
  const [docx, xlsx] = await Promise.all([OUTPUTS.reportDocx.write(document), OUTPUTS.annexXlsx.write(document)]);
  return { docx: bytesOf(docx), xlsx: bytesOf(xlsx), model: document.model, placeholders: document.placeholders };
}

/** The annex workbook alone: what a commune sends up for `aggregate`. */
export async function createAnnex(input: ReportInput, options: ReportOptions = {}): Promise<Buffer> {
  return bytesOf(await OUTPUTS.annexXlsx.write(annexDocument(input, options)));
}
