/**
 * The output stage: every file chitieu makes, as one writer per format behind one signature,
 * `write(model) → bytes` (or, for the result JSON that can be bigger than a string may be, its
 * pieces as they are made). No writer touches the file system: the CLI hands the bytes to
 * io/output.ts (one module writes every file, whole or not at all), the page sends them.
 *
 * A writer's module is loaded when a file of its format is written, not before: exceljs, docx,
 * jszip and the chart renderer take a few hundred milliseconds to load, which `compute --out
 * x.json` and `validate` should not pay (tests/cli/loaded-modules.test.ts).
 *
 * Adding a format: CONTRIBUTING.md, "Adding an output format".
 */
import type { RejectedRow } from '../model/issues.js';
import type { Lang } from '../messages/index.js';
import type { ComputeResult } from '../model/results.js';
import type { Block } from '../report/markup.js';
import type { ReportModel } from '../report/model.js';
import { jsonPieces } from '../io/json-stream.js';
import type { ErrorWorkbookContext, FileErrorWorkbook } from './error-workbook.js';
import type { ResultsDocument } from './results-model.js';
import type { OnReportStep } from './report.js';

/** A file's content: whole, or its pieces in order (written or sent as they come). */
export type OutputBytes = Uint8Array | Iterable<string>;

export interface OutputFormat<Model> {
  /** The file name's ending, lower case with its dot (".xlsx"). */
  readonly extension: string;
  /** The HTTP Content-Type the page sends it with. */
  readonly mediaType: string;
  readonly write: (model: Model) => Promise<OutputBytes>;
}

/** The report's document: its template blocks, its model and the date it carries. */
export interface ReportDocument {
  readonly blocks: readonly Block[];
  readonly model: ReportModel;
  /** The report date (else the period's last day): the only date written into the file. */
  readonly date: string;
  /** Told as each chart is drawn and when the document is put together. */
  readonly onStep?: OnReportStep;
}

/** The annex workbook of a report (`date` as for the report). */
export interface AnnexDocument {
  readonly model: ReportModel;
  readonly date: string;
}

/** The rows a run rejected, for the office to correct (holds personal data). */
export interface ErrorDocument {
  readonly rejected: readonly RejectedRow[];
  readonly lang: Lang;
  readonly context?: ErrorWorkbookContext;
}

/** The error workbooks of a run, one per commune file (error-workbook.ts, errorWorkbooksByFile). */
export interface ErrorWorkbooksDocument {
  readonly workbooks: readonly FileErrorWorkbook[];
  readonly lang: Lang;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `JSON.stringify(result, null, 2)` and a newline, in pieces of about 64 KiB (io/json-stream.ts). */
function* resultJsonPieces(result: ComputeResult): Generator<string> {
  yield* jsonPieces(result);
  yield '\n';
}

export const OUTPUTS = {
  /** The report (Decree 30/2020 layout), charts drawn in. */
  reportDocx: {
    extension: '.docx',
    mediaType: DOCX,
    write: async ({ blocks, model, date, onStep }: ReportDocument) => {
      const [{ drawCharts }, { renderDocx }] = await Promise.all([import('./docx/charts.js'), import('./docx/build.js')]);
      const charts = await drawCharts(blocks, model, onStep);
      onStep?.({ step: 'document' });
      return renderDocx(blocks, model, date, charts);
    },
  },
  /** The report's annex: the Biểu sheets people print, and the sheets `aggregate` reads back (src/model/annex-contract.ts). */
  annexXlsx: { extension: '.xlsx', mediaType: XLSX, write: async ({ model, date }: AnnexDocument) => (await import('./annex-xlsx.js')).renderAnnex(model, date) },
  /** The computed results as a workbook people read: a sheet per group of indicators, the targets. */
  resultsXlsx: {
    extension: '.xlsx',
    mediaType: XLSX,
    write: async ({ result, catalogue, names, lang, sources }: ResultsDocument) => (await import('./results-xlsx.js')).resultWorkbookBytes(result, catalogue, names, lang, sources),
  },
  /** The computed results, the stable JSON of docs (docs/indicator-rules.md, "JSON output"). */
  resultsJson: { extension: '.json', mediaType: 'application/json; charset=utf-8', write: async ({ result }: ResultsDocument) => resultJsonPieces(result) },
  /** The computed results as one CSV table for other programs (results-csv.ts). */
  resultsCsv: { extension: '.csv', mediaType: 'text/csv; charset=utf-8', write: async (document: ResultsDocument) => [(await import('./results-csv.js')).resultsCsvText(document)] },
  /** The rejected rows and warnings of a run, with their values (personal data). */
  errorWorkbook: { extension: '.xlsx', mediaType: XLSX, write: async ({ rejected, lang, context }: ErrorDocument) => (await import('./error-workbook.js')).errorWorkbookBytes(rejected, lang, context) },
  /** The same, one workbook per commune file to send back, in a zip (the page's download). */
  errorWorkbooksZip: { extension: '.zip', mediaType: 'application/zip', write: async ({ workbooks, lang }: ErrorWorkbooksDocument) => (await import('./error-workbook.js')).errorWorkbooksZip(workbooks, lang) },
} as const satisfies Record<string, OutputFormat<never>>;

export type OutputId = keyof typeof OUTPUTS;

/** The formats `compute --out` and the page's result download choose from, by the file's ending. */
export const RESULT_FORMATS = [OUTPUTS.resultsJson, OUTPUTS.resultsXlsx, OUTPUTS.resultsCsv] as const satisfies readonly OutputFormat<ResultsDocument>[];

/** The results format of a file name (`result.CSV` → CSV), undefined for an ending no format has. */
export function resultFormatFor(fileName: string): OutputFormat<ResultsDocument> | undefined {
  const lower = fileName.toLowerCase();
  return RESULT_FORMATS.find((format) => lower.endsWith(format.extension));
}

/** All the bytes of a content, for a caller that needs them at once (a test, a small download). */
export function bytesOf(content: OutputBytes): Buffer {
  if (content instanceof Uint8Array) return Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  return Buffer.concat([...content].map((piece) => Buffer.from(piece, 'utf8')));
}
