import type { FileAccount, ImportResult } from '../import/index.js';
import type { ReportStep } from '../output/report.js';
import type { Computed } from './compute.js';

/**
 * What a pipeline step tells its front end while it works: the terminal draws a progress
 * line and prints the accounting from these, the page a progress bar, the bench its timings.
 * A stage's event carries its data, so a front end can show it before a later step fails.
 */
export type PipelineEvent =
  | { readonly kind: 'file-read'; readonly account: FileAccount; readonly filesDone: number; readonly filesTotal: number }
  /** A file still being read: its rows so far (a 50 MB file takes seconds; told at most every 0.25 s). */
  | { readonly kind: 'rows-read'; readonly file: string; readonly rows: number }
  | { readonly kind: 'stage-done'; readonly stage: 'import'; readonly rows: number; readonly imported: ImportResult }
  | { readonly kind: 'stage-done'; readonly stage: 'compute'; readonly rows: number; readonly computed: Computed }
  | { readonly kind: 'stage-done'; readonly stage: 'render'; readonly rows: number }
  /** Making the report: which step ("biểu đồ 2/3", "phụ lục"). */
  | { readonly kind: 'report-step'; readonly step: ReportStep };

export type PipelineStage = 'import' | 'compute' | 'render';

export type OnPipelineEvent = (event: PipelineEvent) => void;
