/**
 * The import stage: files → validated records, rejected rows (with every reason) and
 * warnings, with an account of every row read.
 *
 *   importFiles(paths, { codesAsOf?, sheets? }) → { dataset, rejected, warnings, files }
 *
 * A file that cannot be read at all throws a UserError (exit 2) naming it.
 */
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { printableName } from '../io/file-names.js';
import { sheetSpecOf } from '../model/columns.js';
import { CHILD_FIELDS } from '../model/fields.js';
import type { ImportWarning, RejectedRow } from '../model/issues.js';
import { childAt, concatChildren, concatEvents, dateNumber, eventAt, isoOfDateNumber, noteEventChildren, selectChildren, selectEvents, sourceAt, type ChildColumns } from '../model/record-columns.js';
import type { Child, ChildEvent } from '../model/records.js';
import type { Dataset } from '../model/record-columns.js';
import { compareSources, linkRecords, type LinkOutcome } from './link.js';
import { formatDmy } from '../model/dates.js';
import { ExitCode, importText, type Message, UserError } from '../messages/index.js';
import { recordValues } from '../model/record-values.js';
import { readFilesInParallel, type FileOutcome, type FileToRead } from './pool.js';
import { bundledProfiles } from './profiles.js';
import { readFile, totalFileAccount, type FileAccount, type FileRead, type UnreadableInput } from './read-file.js';
import type { ProfileSelection } from './sheet-choice.js';

export type { FileAccount, SheetAccount, SheetPlacementNote, SkippedSheet, UnreadableInput } from './read-file.js';
export type { ProfileSelection } from './sheet-choice.js';
export { unitCheckFor } from './read-file.js';
export { readAnnex } from './annex.js';

export interface ImportResult {
  readonly dataset: Dataset;
  readonly rejected: RejectedRow[];
  readonly warnings: ImportWarning[];
  readonly files: FileAccount[];
  /** Files and sheets that could not be read (only with `keepGoing`: otherwise they throw). */
  readonly unreadable: UnreadableInput[];
}

export interface ImportOptions {
  /** Check codes against the list valid at this date; without it a code of either list is accepted. */
  readonly codesAsOf?: string;
  /** Threads reading files side by side, the main thread one of them (default: one per core, at most one per file; 1 = the main thread alone). */
  readonly threads?: number;
  /**
   * Column-mapping profiles and sheets to ignore (profiles/README.md); by default the bundled
   * profiles are candidates, chosen by a sheet's headers.
   */
  readonly sheets?: ProfileSelection;
  /** Called as each file is read, for progress lines. */
  readonly onFileRead?: (account: FileAccount) => void;
  /** Called while a file is read with its rows read so far, at most every 0.25 s per file. */
  readonly onRowsRead?: (file: string, rows: number) => void;
  /**
   * Return the files and sheets that cannot be read with the rest (`validate`: report
   * everything). Without it they are read all the same and then thrown as one UserError (exit
   * 2) naming every one: a command must not compute figures from half the input.
   */
  readonly keepGoing?: boolean;
  /**
   * A birth date after this day is a warning: the period's last day, or today for `validate`.
   * `why` says which in the message.
   */
  readonly latestBirthDate?: { readonly date: string; readonly why: 'period_end' | 'today' | 'as_of' };
}

export async function importFiles(paths: readonly string[], options: ImportOptions = {}): Promise<ImportResult> {
  const ordered = inReadingOrder(paths);
  const threads = Math.min(options.threads ?? availableParallelism(), ordered.length);
  const sheets = options.sheets ?? { candidates: bundledProfiles(), ignoreSheets: [] };
  const outcomes: FileOutcome[] =
    threads > 1
      ? await readFilesInParallel(ordered, { codesAsOf: options.codesAsOf, sheets, threads, onFileRead: options.onFileRead, onRowsRead: options.onRowsRead })
      : await readSequentially(ordered, options, sheets);
  const reads = outcomes.flatMap((outcome) => ('read' in outcome ? [outcome.read] : []));
  const unreadable: UnreadableInput[] = outcomes.flatMap((outcome, index) =>
    'failure' in outcome ? [{ file: ordered[index]!.displayName, text: outcome.failure.text }] : 'read' in outcome ? outcome.read.unreadable : [],
  );
  if (unreadable.length > 0 && !options.keepGoing) throw unreadableError(unreadable);
  return { ...assembleReads(reads, options), unreadable };
}

/**
 * The files' reads as one dataset: children and events joined in reading order, checked
 * across files (duplicates, events against their child), rejected rows and warnings sorted.
 */
export function assembleReads(reads: readonly FileRead[], options: Pick<ImportOptions, 'latestBirthDate'> = {}): Omit<ImportResult, 'unreadable'> {
  // `reads` is in reading order (files by name, then sheets and rows as they stand): the order
  // in which the first of two duplicates is kept.
  const children = concatChildren(reads.map((read) => read.children));
  const events = concatEvents(reads.map((read) => read.events));
  const linked = linkRecords(children, events);

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
  for (const { index, issues } of linked.rejectedChildren) reject('children', childAt(children, index), issues);
  for (const { index, issues } of linked.rejectedEvents) reject('events', eventAt(events, index), issues);
  warnings.push(...linked.warnings);
  if (options.latestBirthDate) warnings.push(...birthDateWarnings(children, linked.children, options.latestBirthDate));
  for (const read of reads) totalFileAccount(read.account);
  rejected.sort((a, b) => compareSources(a.source, b.source));
  warnings.sort((a, b) => compareSources(a.source, b.source));

  const keptChildren = linked.children.length === children.length ? children : selectChildren(children, linked.children);
  const keptEvents = linked.events.length === events.length ? events : selectEvents(events, linked.events);
  noteEventChildren(keptEvents, keptChildren, keptEventChildren(linked, children.length));
  return {
    dataset: {
      children: keptChildren,
      events: keptEvents,
      communeFacts: reads.flatMap((read) => read.communeFacts),
    },
    rejected,
    warnings,
    files: reads.map((read) => read.account),
  };
}

/** Per kept event, the row of its child among the kept children (-1: none). */
function keptEventChildren(linked: LinkOutcome, childCount: number): Int32Array {
  let keptRow: Int32Array | undefined;
  if (linked.children.length !== childCount) {
    keptRow = new Int32Array(childCount).fill(-1);
    linked.children.forEach((row, kept) => {
      keptRow![row] = kept;
    });
  }
  return Int32Array.from(linked.events, (event) => {
    const child = linked.eventChildren[event]!;
    return child < 0 || keptRow === undefined ? child : keptRow[child]!;
  });
}

/** Every file and sheet that could not be read, in one line (exit 2). */
export function unreadableError(unreadable: readonly UnreadableInput[]): UserError {
  if (unreadable.length === 1) return new UserError(ExitCode.unreadableInput, unreadable[0]!.text);
  return new UserError(ExitCode.unreadableInput, importText.unreadableInputs({ items: unreadable.map((item) => item.text) }));
}

/** A child born after the period's end (or after today) is almost always a typed year: say so. */
function birthDateWarnings(children: ChildColumns, kept: readonly number[], latest: NonNullable<ImportOptions['latestBirthDate']>): ImportWarning[] {
  const when: Record<typeof latest.why, Message> = {
    period_end: importText.birthReferenceEnd(),
    today: importText.birthReferenceToday(),
    as_of: importText.birthReferenceAsOf(),
  };
  const day = formatDmy(latest.date);
  const last = dateNumber(latest.date);
  const born = children.fields.dateOfBirth.dates;
  return kept
    .filter((index) => born[index]! > last)
    .map((index) => ({
      source: sourceAt(children, index),
      kind: 'birth_after_period',
      column: CHILD_FIELDS.dateOfBirth.header,
      value: formatDmy(isoOfDateNumber(born[index]!)),
      message: importText.birthAfterReferenceDay({ reference: when[latest.why], day }),
    }));
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

async function readSequentially(files: readonly FileToRead[], options: ImportOptions, sheets: ProfileSelection): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const { path, displayName } of files) {
    try {
      const onRows = options.onRowsRead && ((rows: number) => options.onRowsRead?.(displayName, rows));
      const read = await readFile(path, displayName, options.codesAsOf, sheets, onRows);
      options.onFileRead?.(read.account);
      outcomes.push({ read });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      outcomes.push({ failure: error });
    }
  }
  return outcomes;
}
