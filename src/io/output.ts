/**
 * Where every command writes: `--out` files and folders, checked before the work starts and
 * written with one clear line for every fault (exit 1: the option names a place that cannot be
 * written), never a stack trace, never a hang.
 *
 * Folders are made one level at a time, not with `mkdirSync(…, { recursive: true })`: Node's
 * recursive mkdir loops forever (100% CPU) where mkdir says ENOENT although the parent exists,
 * as it does under /proc (the child is retried after the parent "exists", again and again).
 *
 * Files are written whole or not at all: into a new temporary file next to the target (opened
 * exclusively, never through a link), then renamed into place once every byte is on the disk.
 * A full disk or a failed write leaves nothing under the requested name (and whatever file was
 * there before stays as it was); a named pipe or a device as the target is refused before
 * any work, never opened (a pipe with no reader would block for ever).
 */
import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { ExitCode, UserError, ioText, type Message } from '../messages/index.js';

export interface OutputTarget {
  /** The option that named the path, as the user typed it ("--out"). */
  readonly option?: string;
}

export interface OutputFileTarget extends OutputTarget {
  /** Extensions the command can write (".json", ".xlsx"), lower case; any when absent. */
  readonly extensions?: readonly string[];
}

/** Extensions of files a folder option is sometimes given by mistake. */
const FILE_EXTENSIONS = ['.docx', '.xlsx', '.xls', '.json', '.csv', '.pdf'];

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function fault(option: string, path: string, reason: Message): UserError {
  return new UserError(ExitCode.usage, ioText.optionPathFault({ option, path, reason }));
}

/** The nearest ancestor of `path` that exists (the root at worst), and what it is. */
function nearestExisting(path: string): { path: string; stats: Stats } {
  let current = resolve(path);
  for (;;) {
    const stats = statOf(current);
    if (stats) return { path: current, stats };
    const parent = dirname(current);
    if (parent === current) return { path: current, stats: statSync(current) };
    current = parent;
  }
}

function isWritableFolder(path: string): boolean {
  try {
    accessSync(path, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A file another program holds open: on an official's PC, almost always the workbook in Excel. */
export const OPEN_IN_EXCEL = ioText.openInExcel();

/** The error of a failed write or mkdir, as one line saying what to do. */
export function outputFault(error: unknown, path: string, option = '--out'): UserError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  // Windows refuses to replace a workbook Excel has open: EBUSY, or EPERM on some versions and shares.
  if (code === 'EBUSY' || (process.platform === 'win32' && (code === 'EPERM' || code === 'EACCES') && statOf(path)?.isFile())) {
    return fault(option, path, OPEN_IN_EXCEL);
  }
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return fault(option, path, ioText.noPermissionToWrite());
    case 'EISDIR':
      return fault(option, path, ioText.folderGivenFileNeeded());
    case 'ENOTDIR':
      return fault(option, path, ioText.pathPartIsFile());
    case 'EEXIST':
      return fault(option, path, ioText.fileExistsFolderNeeded());
    case 'ENOSPC':
    case 'EDQUOT':
      return fault(option, path, ioText.diskFull());
    case 'ENAMETOOLONG':
      return fault(option, path, ioText.pathTooLong());
    case 'ENOENT':
      return fault(option, path, ioText.cannotCreateHere());
    default:
      return fault(option, path, ioText.cannotWriteCode({ code: code || String(error) }));
  }
}

/**
 * Checks, before any work, that a folder can be made (or used) at `path`: it is not a file, does
 * not look like one (`report --out x.docx`), and its nearest existing ancestor is a writable folder.
 */
export function checkOutputFolder(path: string, target: OutputTarget = {}): void {
  const option = target.option ?? '--out';
  const extension = extname(path).toLowerCase();
  if (FILE_EXTENSIONS.includes(extension)) {
    const folder = dirname(path);
    throw fault(
      option,
      path,
      ioText.outFolderNeeded({ option, example: folder === '.' ? 'bao-cao' : folder }),
    );
  }
  const stats = statOf(path);
  if (stats) {
    if (!stats.isDirectory()) throw fault(option, path, ioText.fileExistsFolderNeeded());
    if (!isWritableFolder(path)) throw outputFault({ code: 'EACCES' }, path, option);
    return;
  }
  const existing = nearestExisting(path);
  if (!existing.stats.isDirectory()) {
    throw fault(option, path, ioText.pathIsFileNotFolder({ path: existing.path }));
  }
  if (!isWritableFolder(existing.path)) throw outputFault({ code: 'EACCES' }, path, option);
}

/** Makes the folder `path` (and the folders above it) one level at a time; see the note at the top. */
export function prepareOutputFolder(path: string, target: OutputTarget = {}): void {
  const option = target.option ?? '--out';
  checkOutputFolder(path, target);
  const missing: string[] = [];
  for (let current = resolve(path); !statOf(current); current = dirname(current)) missing.unshift(current);
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if (statOf(folder)?.isDirectory()) continue;
      throw outputFault(error, path, option);
    }
  }
}

/** A path that exists and is neither a regular file nor a folder: a named pipe, a device, a socket. */
function isSpecial(stats: Stats | undefined): boolean {
  return stats !== undefined && !stats.isFile() && !stats.isDirectory();
}

const NOT_A_FILE = ioText.deviceNotFile();

/** Checks, before any work, that a file can be written at `path` (its folder exists, it is not a folder). */
export function checkOutputFile(path: string, target: OutputFileTarget = {}): void {
  const option = target.option ?? '--out';
  const stats = statOf(path);
  if (stats?.isDirectory()) {
    throw fault(option, path, ioText.folderGivenFileNeeded());
  }
  if (isSpecial(stats)) throw fault(option, path, NOT_A_FILE);
  const extension = extname(path).toLowerCase();
  if (target.extensions && !target.extensions.includes(extension)) {
    const list = target.extensions.join(', ');
    throw fault(option, path, ioText.extensionNeeded({ list }));
  }
  const folder = dirname(resolve(path));
  const parent = statOf(folder);
  if (!parent) {
    throw fault(option, path, ioText.outFolderMissing({ folder: dirname(path) }));
  }
  if (!parent.isDirectory()) throw outputFault({ code: 'ENOTDIR' }, path, option);
  if (!isWritableFolder(folder)) throw outputFault({ code: 'EACCES' }, path, option);
}

/** Flags of a temporary file: new (never an existing one), and never opened through a symlink. */
const NEW_FILE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** What goes into a file: its bytes, or its pieces as they are made (a writer of src/output/ that streams). */
export type OutputContent = string | Uint8Array | Iterable<string | Uint8Array>;
type Content = OutputContent;

/** Writes the content whole into a new temporary file in `folder`; returns its path. Removed again on any fault. */
function writeTemporary(folder: string, name: string, data: Content): string {
  const temporary = join(folder, `.${name.slice(0, 100)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temporary, NEW_FILE, 0o644);
  const write = (piece: string | Uint8Array) => {
    const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
  };
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) write(data);
    else for (const piece of data) write(piece);
    // On the disk before it gets its name: a disk that fills up on flushing fails here, not later.
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    removeQuietly(temporary);
    throw error;
  }
  closeSync(fd);
  return temporary;
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

function lstatOf(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** Writes a whole file; any fault is one line (exit 1), and nothing is left under `path`. */
export function writeOutputFile(path: string, data: OutputContent, target: OutputTarget = {}): void {
  writeOutputFiles([{ path, data }], target);
}

/**
 * Writes several files that belong together (a report and its annex): all of them, or none
 * (every temporary file is written before any is renamed into place).
 */
export function writeOutputFiles(files: readonly { path: string; data: Content }[], target: OutputTarget = {}): void {
  const option = target.option ?? '--out';
  const written: { temporary: string; path: string }[] = [];
  let current = files[0]?.path ?? '';
  try {
    for (const file of files) {
      current = file.path;
      if (isSpecial(statOf(file.path))) throw fault(option, file.path, NOT_A_FILE);
      written.push({ temporary: writeTemporary(dirname(resolve(file.path)), basename(file.path), file.data), path: file.path });
    }
    for (const file of written) {
      current = file.path;
      renameSync(file.temporary, file.path);
    }
  } catch (error) {
    for (const file of written) removeQuietly(file.temporary);
    if (error instanceof UserError) throw error;
    throw outputFault(error, current, option);
  }
}

/**
 * Writes `data` as a new file in `dir` under the first free name `nameFor(1)`, `nameFor(2)`…,
 * and returns that name. Never writes through a link, never replaces an entry (a dangling
 * symlink is a taken name), never outside `dir`'s real folder.
 */
export function writeNewFileIn(dir: string, nameFor: (n: number) => string, data: string | Uint8Array, target: OutputTarget = {}): string {
  const option = target.option ?? '--out';
  let folder: string;
  try {
    folder = realpathSync(dir);
  } catch (error) {
    throw outputFault(error, dir, option);
  }
  let temporary: string;
  try {
    temporary = writeTemporary(folder, nameFor(1), data);
  } catch (error) {
    throw outputFault(error, join(dir, nameFor(1)), option);
  }
  try {
    for (let n = 1; n < 10_000; n += 1) {
      const name = basename(nameFor(n));
      const path = join(folder, name);
      if (lstatOf(path)) continue;
      try {
        // link() never follows nor replaces what is at `path`: an entry made meanwhile is EEXIST.
        linkSync(temporary, path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
        // A file system without hard links (FAT): the name was free a moment ago.
        renameSync(temporary, path);
      }
      if (realpathSync(dirname(path)) !== folder) throw outputFault({ code: 'EACCES' }, join(dir, name), option);
      return name;
    }
    throw outputFault({ code: 'EEXIST' }, join(dir, nameFor(1)), option);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw outputFault(error, join(dir, nameFor(1)), option);
  } finally {
    removeQuietly(temporary);
  }
}
