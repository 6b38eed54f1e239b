/**
 * Worker-thread entry: given the files once (pool.ts), takes the next one from the counter it
 * shares with the other threads, reads it and posts the result back, until none is left. A file
 * that cannot be read is posted as the message of its UserError, so that the main thread can
 * raise the same one-line error.
 */
import { parentPort } from 'node:worker_threads';
import { UserError } from '../messages/index.js';
import { readFile } from './read-file.js';
import { SharedCounter, type ReadAssignment, type ReadResponse } from './pool.js';

const port = parentPort;
if (!port) throw new Error('import/worker.ts must run in a worker thread');

port.once('message', async (assignment: ReadAssignment) => {
  const counter = new SharedCounter(assignment.counter, assignment.files.length);
  for (let id = counter.claim(); id !== undefined; id = counter.claim()) {
    const file = assignment.files[id]!;
    const onRows = assignment.tellRows ? (rowsSoFar: number) => port.postMessage({ id, rowsSoFar } satisfies ReadResponse) : undefined;
    try {
      const read = await readFile(file.path, file.displayName, assignment.codesAsOf, assignment.sheets, onRows);
      port.postMessage({ id, read } satisfies ReadResponse);
    } catch (error) {
      if (error instanceof UserError) {
        port.postMessage({ id, userError: { exitCode: error.exitCode, text: error.text } } satisfies ReadResponse);
        continue;
      }
      port.postMessage({ id, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ReadResponse);
      return;
    }
  }
  port.postMessage({ done: true } satisfies ReadResponse);
});
