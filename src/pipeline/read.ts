import { importFiles, type ImportOptions, type ImportResult } from '../import/index.js';
import type { OnPipelineEvent } from './events.js';

export interface ReadOptions extends Pick<ImportOptions, 'keepGoing' | 'latestBirthDate' | 'sheets'> {
  /** Check codes against the list valid at this date (validate --as-of); by default either list. */
  readonly codesAsOf?: string;
  readonly onEvent?: OnPipelineEvent;
}

/** A birth date after the period's last day is a warning (most often a mistyped year). */
export const bornBy = (period: { readonly to: string }): Pick<ImportOptions, 'latestBirthDate'> => ({ latestBirthDate: { date: period.to, why: 'period_end' } });

/** Read and validate: files → records, rejected rows and an account of every row read. */
export async function readData(paths: readonly string[], options: ReadOptions = {}): Promise<ImportResult> {
  const { onEvent } = options;
  let filesDone = 0;
  const imported = await importFiles(paths, {
    ...(options.codesAsOf ? { codesAsOf: options.codesAsOf } : {}),
    ...(options.keepGoing ? { keepGoing: true } : {}),
    ...(options.sheets ? { sheets: options.sheets } : {}),
    ...(options.latestBirthDate ? { latestBirthDate: options.latestBirthDate } : {}),
    ...(onEvent
      ? {
          onFileRead: (account) => onEvent({ kind: 'file-read', account, filesDone: ++filesDone, filesTotal: paths.length }),
          onRowsRead: (file, rows) => onEvent({ kind: 'rows-read', file, rows }),
        }
      : {}),
  });
  onEvent?.({ kind: 'stage-done', stage: 'import', rows: rowsRead(imported), imported });
  return imported;
}

export function rowsRead(imported: Pick<ImportResult, 'files'>): number {
  return imported.files.reduce((sum, file) => sum + file.read, 0);
}

/** Rows read, accepted and rejected over all files. */
export function totalsOf(imported: Pick<ImportResult, 'files'>): { files: number; read: number; accepted: number; rejected: number } {
  return imported.files.reduce(
    (sum, file) => ({ files: sum.files + 1, read: sum.read + file.read, accepted: sum.accepted + file.accepted, rejected: sum.rejected + file.rejected }),
    { files: 0, read: 0, accepted: 0, rejected: 0 },
  );
}
