/**
 * The file arguments of a command, as a Windows user gives them. `cmd.exe` does not expand
 * wildcards (a shell on Linux does), so `chitieu validate sample-data\*.xlsx` arrives with the
 * star: chitieu expands it itself. A folder stands for the workbooks in it (not its subfolders),
 * and the command says so, since the user did not name those files.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { printableName } from '../io/file-names.js';
import { ExitCode, UserError, cliText, render, type Lang, type Message } from '../messages/index.js';

/** What a folder given as input is read for: workbooks and CSV exports. */
export const DATA_EXTENSIONS: readonly string[] = ['.xlsx', '.xlsm', '.xls', '.csv'];

const WILDCARD = /[*?]/;

/** `*` is any run of characters, `?` one; letters compare without case, as Windows does. */
export function wildcardMatcher(pattern: string): (name: string) => boolean {
  const source = [...pattern].map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  const regex = new RegExp(`^${source}$`, 'iu');
  return (name) => regex.test(name.normalize('NFC'));
}

function entriesOf(folder: string, shown: string): string[] {
  try {
    return readdirSync(folder).sort();
  } catch {
    throw new UserError(ExitCode.unreadableInput, cliText.folderUnreadable({ folder: shown }));
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export interface ExpandedInputs {
  readonly files: string[];
  /** One line per folder read and per wildcard expanded, for the user to see what was taken. */
  readonly notes: Message[];
}

/** Folders and wildcards in `args` replaced by the files they stand for, in name order. */
export function expandInputs(args: readonly string[]): ExpandedInputs {
  const files: string[] = [];
  const notes: Message[] = [];
  for (const arg of args) {
    if (isFolder(arg)) {
      const found = entriesOf(arg, printableName(arg))
        .filter((name) => DATA_EXTENSIONS.includes(extname(name).toLowerCase()) && !name.startsWith('~$'))
        .map((name) => join(arg, name))
        .filter(isFile);
      if (found.length === 0) {
        throw new UserError(
          ExitCode.unreadableInput,
          cliText.folderHoldsNoData({ folder: printableName(arg) }),
        );
      }
      notes.push(cliText.folderExpanded({ folder: printableName(arg), files: found.length }));
      files.push(...found);
      continue;
    }
    const name = basename(arg);
    if (!WILDCARD.test(name) || isFile(arg)) {
      files.push(arg);
      continue;
    }
    const folder = dirname(arg);
    const matches = wildcardMatcher(name);
    // "~$Bao cao.xlsx" is the lock file Excel leaves beside an open workbook, not data.
    const found = entriesOf(folder, printableName(folder))
      .filter((entry) => matches(entry) && !entry.startsWith('~$'))
      .map((entry) => (arg.length > name.length ? join(folder, entry) : entry))
      .filter(isFile);
    if (found.length === 0) {
      throw new UserError(ExitCode.unreadableInput, cliText.wildcardMatchesNothing({ pattern: printableName(arg) }));
    }
    notes.push(cliText.wildcardExpanded({ pattern: printableName(arg), files: found.length }));
    files.push(...found);
  }
  return { files, notes };
}

/** The files a command reads, with a line on stderr for each folder and wildcard it expanded. */
export function inputFiles(args: readonly string[], err: (line: string) => void, lang: Lang): string[] {
  const { files, notes } = expandInputs(args);
  for (const note of notes) err(render(note, lang));
  return files;
}

export const OUT_FOLDER_HELP = cliText.outFolderHelp();

/**
 * Where a report goes without `--out`: beside the data it was made from. The current folder
 * would be chitieu's own when the program is started from its folder, and an update replaces that.
 */
export function besideInputs(files: readonly string[]): string {
  return files.length > 0 ? dirname(files[0]!) : '.';
}
