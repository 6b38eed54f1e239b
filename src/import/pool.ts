import { Worker } from 'node:worker_threads';
import { type ExitCode, type Message, revive, UserError } from '../messages/index.js';
import { readFile, type FileAccount, type FileRead } from './read-file.js';
import type { ProfileSelection } from './sheet-choice.js';

/**
 * Reads files side by side in threads: reading a workbook is CPU-bound (inflating and
 * scanning its XML), so a province's 100 files go faster with a thread per core. The main
 * thread is one of them (it would only wait otherwise): `threads` − 1 workers are started, each
 * of which first loads the modules and the unit lists again (measured: 0.2–0.35 s of CPU for
 * a compiled worker, 0.55 s from src/ under tsx), and its results are copied back.
 *
 * Every thread takes the next file itself, from a counter they share (Atomics on a
 * SharedArrayBuffer), and never waits for another: reading a file keeps its thread busy for
 * tens of milliseconds without a turn of the event loop, so a worker that had to ask the main
 * thread for its next file sat idle until the main thread finished its own (measured: nearly
 * half the worker's time). Results come back in the order the files were given.
 */

/** What a worker is given once: the files, and the counter every thread takes the next from. */
export interface ReadAssignment {
  readonly files: readonly FileToRead[];
  readonly codesAsOf: string | undefined;
  readonly sheets: ProfileSelection;
  /** Post `rowsSoFar` while reading. */
  readonly tellRows: boolean;
  /** Int32 [next file, stop]: see `SharedCounter`. */
  readonly counter: SharedArrayBuffer;
}

export type ReadResponse =
  | { readonly id: number; readonly read: FileRead }
  | { readonly id: number; readonly rowsSoFar: number }
  | { readonly id: number; readonly userError: { readonly exitCode: ExitCode; readonly text: Message } }
  | { readonly id: number; readonly crash: string }
  /** The worker found no file left. */
  | { readonly done: true };

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

const NEXT = 0;
const STOP = 1;

/** The files' shared counter: each thread claims the next index; a stop (a crash) makes every claim come back empty. */
export class SharedCounter {
  private readonly slots: Int32Array;

  constructor(
    readonly buffer: SharedArrayBuffer,
    private readonly files: number,
  ) {
    this.slots = new Int32Array(buffer);
  }

  static create(files: number): SharedCounter {
    return new SharedCounter(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT), files);
  }

  /** The next file's index, or undefined when none is left (or all stop). */
  claim(): number | undefined {
    if (Atomics.load(this.slots, STOP) !== 0) return undefined;
    const next = Atomics.add(this.slots, NEXT, 1);
    return next < this.files ? next : undefined;
  }

  stop(): void {
    Atomics.store(this.slots, STOP, 1);
  }
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
  const counter = SharedCounter.create(files.length);
  const workers = Array.from({ length: Math.min(options.threads, files.length) - 1 }, startWorker);
  const done = (id: number, read: FileRead) => {
    results[id] = { read };
    options.onFileRead?.(read.account);
  };
  // A crash (a bug, not a bad file) stops every thread from taking another file; files in
  // flight are let finish (a LibreOffice conversion of a web export cleans up its temporary folder).
  const inMainThread = async () => {
    for (let id = counter.claim(); id !== undefined; id = counter.claim()) {
      const file = files[id]!;
      try {
        const onRows = options.onRowsRead && ((rows: number) => options.onRowsRead?.(file.displayName, rows));
        done(id, await readFile(file.path, file.displayName, options.codesAsOf, options.sheets, onRows));
      } catch (error) {
        if (error instanceof UserError) {
          results[id] = { failure: error };
          continue;
        }
        counter.stop();
        throw error;
      }
    }
  };
  const inWorker = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        counter.stop();
        reject(error);
      };
      worker.on('message', (response: ReadResponse) => {
        if ('done' in response) return resolve();
        const file = files[response.id]!;
        if ('rowsSoFar' in response) options.onRowsRead?.(file.displayName, response.rowsSoFar);
        else if ('crash' in response) fail(new Error(`reading ${file.path} failed: ${response.crash}`));
        else if ('userError' in response) results[response.id] = { failure: new UserError(response.userError.exitCode, revive(response.userError.text)) };
        else done(response.id, revivedRead(response.read));
      });
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`a reading thread stopped (exit code ${code})`)));
      const assignment: ReadAssignment = {
        files,
        codesAsOf: options.codesAsOf,
        sheets: options.sheets,
        tellRows: options.onRowsRead !== undefined,
        counter: counter.buffer,
      };
      worker.postMessage(assignment);
    });
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
