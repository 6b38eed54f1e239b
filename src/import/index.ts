/**
 * The import stage: files → validated records, rejected rows (with every reason) and
 * warnings, with an account of every row read.
 *
 *   importFiles(paths, { codesAsOf? }) → { dataset, rejected, warnings, files }
 *
 * A file that cannot be read at all throws a UserError (exit 2) naming it.
 */
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { printableName } from '../io/file-names.js';
import { sheetSpecOf } from '../model/columns.js';
import type { ImportWarning, RejectedRow } from '../model/issues.js';
import type { Child, ChildEvent, Dataset } from '../model/records.js';
import { compareSources, linkRecords } from './link.js';
import { readFilesInParallel, type FileToRead } from './pool.js';
import { readFile, totalFileAccount, type FileAccount, type FileRead } from './read-file.js';
import { recordValues } from '../model/record-values.js';

export type { FileAccount, SheetAccount } from './read-file.js';
export { unitCheckFor } from './read-file.js';

export interface ImportResult {
  readonly dataset: Dataset;
  readonly rejected: RejectedRow[];
  readonly warnings: ImportWarning[];
  readonly files: FileAccount[];
}

export interface ImportOptions {
  /** Check codes against the list valid at this date; without it a code of either list is accepted. */
  readonly codesAsOf?: string;
  /** Worker threads reading files side by side (default: one per core, at most one per file; 1 = none). */
  readonly threads?: number;
  /** Called as each file is read, for progress lines. */
  readonly onFileRead?: (account: FileAccount) => void;
}

export async function importFiles(paths: readonly string[], options: ImportOptions = {}): Promise<ImportResult> {
  const ordered = inReadingOrder(paths);
  const threads = Math.min(options.threads ?? availableParallelism(), ordered.length);
  const reads: FileRead[] =
    threads > 1
      ? await readFilesInParallel(ordered, { codesAsOf: options.codesAsOf, threads, onFileRead: options.onFileRead })
      : await readSequentially(ordered, options);

  // `reads` is in reading order (files by name, then sheets and rows as they stand): the order
  // in which the first of two duplicates is kept.
  const linked = linkRecords(
    reads.flatMap((read) => read.children),
    reads.flatMap((read) => read.events),
  );

  const rejected = reads.flatMap((read) => read.rejected);
  const warnings = reads.flatMap((read) => read.warnings);
  const accountOf = (file: string, sheet: string) =>
    reads.find((read) => read.account.file === file)?.account.sheets.find((account) => account.sheet === sheet);
  const reject = (recordKind: 'children' | 'events', record: Child | ChildEvent, issues: RejectedRow['issues']) => {
    rejected.push({ source: record.source, recordKind, issues, values: recordValues(sheetSpecOf(recordKind), record) });
    const account = accountOf(record.source.file, record.source.sheet);
    if (account) {
      account.accepted -= 1;
      account.rejected += 1;
    }
  };
  for (const { record, issues } of linked.rejectedChildren) reject('children', record, issues);
  for (const { record, issues } of linked.rejectedEvents) reject('events', record, issues);
  warnings.push(...linked.warnings);
  for (const read of reads) totalFileAccount(read.account);
  rejected.sort((a, b) => compareSources(a.source, b.source));
  warnings.sort((a, b) => compareSources(a.source, b.source));

  return {
    dataset: {
      children: linked.children,
      events: linked.events,
      communeFacts: reads.flatMap((read) => read.communeFacts),
    },
    rejected,
    warnings,
    files: reads.map((read) => read.account),
  };
}

function compareName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Files in name order, so that "the later row" of two duplicates is the same whatever order
 * they were given in. Files are named by their name alone, or by their path where two inputs
 * share a name (each commune's folder may hold a "DanhSachTreEm.xlsx").
 */
function inReadingOrder(given: readonly string[]): FileToRead[] {
  const paths = [...new Set(given)];
  const names = paths.map((path) => basename(path));
  const shared = new Set(names.filter((name, index) => names.indexOf(name) !== index));
  return paths
    // Messages are one line each: a name holding a newline or an escape sequence is shown escaped.
    .map((path) => ({ path, displayName: printableName(shared.has(basename(path)) ? path : basename(path)) }))
    .sort((a, b) => compareName(a.displayName, b.displayName) || compareName(a.path, b.path));
}

async function readSequentially(files: readonly FileToRead[], options: ImportOptions): Promise<FileRead[]> {
  const reads: FileRead[] = [];
  for (const { path, displayName } of files) {
    const read = await readFile(path, displayName, options.codesAsOf);
    options.onFileRead?.(read.account);
    reads.push(read);
  }
  return reads;
}
