import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, copyFile, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importText, type Message } from '../messages/index.js';

/**
 * A real legacy .xls (BIFF) is read by our own reader (readers/biff.ts), never through here.
 * What is left for LibreOffice is an HTML/XML "Excel" export named .xls (files.ts 'markup'),
 * until those are read by our own code too: when LibreOffice is installed, it converts such a
 * file to .xlsx, which is then read like any workbook. Each conversion gets its own temporary
 * profile, so several can run at once (worker threads) and none talks to a LibreOffice the user
 * has open.
 */

/** Long enough for a large district file on a slow machine; LibreOffice's cold start is a few seconds. */
export const CONVERSION_TIMEOUT_MS = 180_000;

const CANDIDATES: Partial<Record<NodeJS.Platform, readonly string[]>> = {
  win32: ['C:\\Program Files\\LibreOffice\\program\\soffice.exe', 'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe'],
  darwin: ['/Applications/LibreOffice.app/Contents/MacOS/soffice'],
};

let found: Promise<string | undefined> | undefined;

/** LibreOffice's `soffice` on the PATH or where its installer puts it; cached. */
export function findSoffice(): Promise<string | undefined> {
  found ??= lookUp();
  return found;
}

async function lookUp(): Promise<string | undefined> {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  const directories = (process.env.PATH ?? '').split(delimiter).filter((directory) => directory !== '');
  const paths = [...directories.flatMap((directory) => names.map((name) => join(directory, name))), ...(CANDIDATES[process.platform] ?? [])];
  for (const path of paths) {
    try {
      await access(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  return undefined;
}

export const HOW_TO_SAVE_AS_XLSX = importText.howToSaveAsXlsx();

/** A converted copy in a temporary folder; `remove` deletes the folder. */
export interface ConvertedWorkbook {
  readonly path: string;
  remove(): Promise<void>;
}

export class ConversionFailure extends Error {
  constructor(readonly reason: Message) {
    super(reason.en);
    this.name = 'ConversionFailure';
  }
}

export async function convertXlsToXlsx(path: string, timeoutMs = CONVERSION_TIMEOUT_MS): Promise<ConvertedWorkbook> {
  const soffice = await findSoffice();
  if (!soffice) {
    throw new ConversionFailure(importText.legacyXls({ howTo: HOW_TO_SAVE_AS_XLSX }));
  }
  const folder = await mkdtemp(join(tmpdir(), 'chitieu-xls-'));
  const remove = () => rm(folder, { recursive: true, force: true });
  try {
    // A plain copied name: whatever the original is called (spaces, diacritics, a misleading
    // extension), LibreOffice sees "input.xls" and writes "input.xlsx".
    const input = join(folder, 'input.xls');
    const output = join(folder, 'out');
    await mkdir(output);
    await copyFile(path, input);
    const args = [
      '--headless', '--norestore', '--nolockcheck', '--nodefault', '--nologo',
      `-env:UserInstallation=${pathToFileURL(join(folder, 'profile')).href}`,
      '--convert-to', 'xlsx', '--outdir', output, input,
    ];
    const outcome = await run(soffice, args, timeoutMs);
    const converted = join(output, 'input.xlsx');
    const size = await stat(converted).then((info) => info.size, () => 0);
    if (outcome === 'timeout') {
      throw new ConversionFailure(
        importText.libreOfficeTimedOut({ seconds: Math.round(timeoutMs / 1000), howTo: HOW_TO_SAVE_AS_XLSX }),
      );
    }
    if (size === 0) {
      throw new ConversionFailure(
        importText.libreOfficeFailed(),
      );
    }
    return { path: converted, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** Runs LibreOffice in its own process group, so that a timeout ends it and every child it started. */
function run(command: string, args: readonly string[], timeoutMs: number): Promise<'done' | 'timeout'> {
  return new Promise((resolve, reject) => {
    const detached = process.platform !== 'win32';
    const child = spawn(command, args, { stdio: 'ignore', detached, windowsHide: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (detached && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new ConversionFailure(importText.libreOfficeNotRunnable({ message: error.message })));
    });
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(timedOut ? 'timeout' : 'done');
    });
  });
}
