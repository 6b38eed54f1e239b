import { Worker } from 'node:worker_threads';
import { type ExitCode, type Message, revive, UserError } from '../messages/index.js';
import { readFile, type FileAccount, type FileRead } from './read-file.js';
import type { ProfileSelection } from './sheet-choice.js';

/**
 * Reads files side by side in threads: reading a workbook is CPU-bound (inflating and
 * scanning its XML), so a province's 100 files go faster with a thread per core. The main
 * thread is one of them (it would only wait otherwise): `threads` − 1 workers are started, each
 * of which first loads the modules and the unit lists again (measured: 0.2–0.35 s of CPU for
 * a compiled worker, 0.55 s from src/ under tsx), and its results are copied back. Results come
 * back in the order the files were given.
 */

export interface ReadRequest {
  readonly id: number;
  readonly path: string;
  readonly displayName: string;
  readonly codesAsOf: string | undefined;
  readonly sheets: ProfileSelection;
  /** Post `rowsSoFar` while reading. */
  readonly tellRows: boolean;
}

export type ReadResponse =
  | { readonly id: number; readonly read: FileRead }
  | { readonly id: number; readonly rowsSoFar: number }
  | { readonly id: number; readonly userError: { readonly exitCode: ExitCode; readonly text: Message } }
  | { readonly id: number; readonly crash: string };

/** A file read, or the one-line reason it could not be (the other files are read all the same). */
export type FileOutcome = { readonly read: FileRead } | { readonly failure: UserError };

export interface FileToRead {
  readonly path: string;
  readonly displayName: string;
}

export interface PoolOptions {
  readonly codesAsOf: string | undefined;
  readonly sheets: ProfileSelection;
  readonly threads: number;
  readonly onFileRead?: (account: FileAccount) => void;
  /** Rows of a file read so far, while it is read (a large file takes seconds). */
  readonly onRowsRead?: (file: string, rows: number) => void;
}

/**
 * From the compiled dist/ the worker is plain JS. From src/ (tests, tsx) it is TypeScript: the
 * worker first registers tsx's loader, then imports the entry (workers do not inherit the
 * parent's loaders).
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  const bootstrap = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`));
}

export async function readFilesInParallel(files: readonly FileToRead[], options: PoolOptions): Promise<FileOutcome[]> {
  const results: FileOutcome[] = new Array<FileOutcome>(files.length);
  // Workers take files from the front, the main thread from the back (it starts at once,
  // while a worker is still loading); they meet somewhere in between.
  let next = 0;
  let last = files.length - 1;
  const workers = Array.from({ length: Math.min(options.threads, files.length) - 1 }, startWorker);
  let failed = false;
  const done = (id: number, read: FileRead) => {
    results[id] = { read };
    options.onFileRead?.(read.account);
  };
  // Each thread takes the next file until none is left or one has crashed (a bug, not a bad
  // file); files in flight are let finish (a LibreOffice conversion of a web export cleans up its temporary folder).
  const inMainThread = async () => {
    while (next <= last && !failed) {
      const id = last;
      last -= 1;
      const file = files[id]!;
      try {
        const onRows = options.onRowsRead && ((rows: number) => options.onRowsRead?.(file.displayName, rows));
        done(id, await readFile(file.path, file.displayName, options.codesAsOf, options.sheets, onRows));
      } catch (error) {
        if (error instanceof UserError) {
          results[id] = { failure: error };
          continue;
        }
        failed = true;
        throw error;
      }
    }
  };
  const inWorker = async (worker: Worker) => {
    while (next <= last && !failed) {
      const id = next;
      next += 1;
      const file = files[id]!;
      try {
        const request = { id, path: file.path, displayName: file.displayName, codesAsOf: options.codesAsOf, sheets: options.sheets, tellRows: options.onRowsRead !== undefined };
        const response = await ask(worker, request, (rows) => options.onRowsRead?.(file.displayName, rows));
        if ('crash' in response) throw new Error(`reading ${file.path} failed: ${response.crash}`);
        if ('userError' in response) {
          results[id] = { failure: new UserError(response.userError.exitCode, revive(response.userError.text)) };
          continue;
        }
        done(id, revivedRead(response.read));
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const outcomes = await Promise.allSettled([...workers.map(inWorker), inMainThread()]);
  await Promise.all(workers.map((worker) => worker.terminate()));
  const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return results;
}

/**
 * Messages come out of a worker thread as plain `{ id, params }`; they get their methods back
 * here. The record columns hold no message and are left as they came (they are the bulk).
 */
function revivedRead(read: FileRead): FileRead {
  const { children, events, ...rest } = read;
  return { ...revive(rest), children, events };
}

function ask(worker: Worker, request: ReadRequest, onRows: (rows: number) => void): Promise<Exclude<ReadResponse, { rowsSoFar: number }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (response: ReadResponse) => {
      if ('rowsSoFar' in response) {
        onRows(response.rowsSoFar);
        return;
      }
      cleanup();
      resolve(response);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage(request);
  });
}
