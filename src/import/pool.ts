import { Worker } from 'node:worker_threads';
import { UserError, type ExitCode, type Message } from '../model/messages.js';
import type { FileAccount, FileRead } from './read-file.js';

/**
 * Reads files side by side in worker threads: reading a workbook is CPU-bound (inflating and
 * scanning its XML), so a province's 100 files go about as many times faster as there are
 * cores. Results come back in the order the files were given.
 */

export interface ReadRequest {
  readonly id: number;
  readonly path: string;
  readonly displayName: string;
  readonly codesAsOf: string | undefined;
}

export type ReadResponse =
  | { readonly id: number; readonly read: FileRead }
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
  readonly threads: number;
  readonly onFileRead?: (account: FileAccount) => void;
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
  let next = 0;
  const workers = Array.from({ length: Math.min(options.threads, files.length) }, startWorker);
  let failed = false;
  // Each worker takes the next file until none is left or one has crashed (a bug, not a bad
  // file); files in flight are let finish (an .xls conversion cleans up its temporary folder).
  const outcomes = await Promise.allSettled(
    workers.map(async (worker) => {
      while (next < files.length && !failed) {
        const id = next;
        next += 1;
        const file = files[id]!;
        try {
          const response = await ask(worker, { id, path: file.path, displayName: file.displayName, codesAsOf: options.codesAsOf });
          if ('crash' in response) throw new Error(`reading ${file.path} failed: ${response.crash}`);
          if ('userError' in response) {
            results[id] = { failure: new UserError(response.userError.exitCode, response.userError.text) };
            continue;
          }
          results[id] = { read: response.read };
          options.onFileRead?.(response.read.account);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    }),
  );
  await Promise.all(workers.map((worker) => worker.terminate()));
  const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return results;
}

function ask(worker: Worker, request: ReadRequest): Promise<ReadResponse> {
  return new Promise((resolve, reject) => {
    const onMessage = (response: ReadResponse) => {
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
