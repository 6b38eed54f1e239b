/**
 * Worker-thread entry: reads the files it is sent, one at a time, and posts each result
 * back. A file that cannot be read is posted as the message of its UserError, so that the
 * main thread can raise the same one-line error.
 */
import { parentPort } from 'node:worker_threads';
import { UserError } from '../messages/index.js';
import { readFile } from './read-file.js';
import type { ReadRequest, ReadResponse } from './pool.js';

const port = parentPort;
if (!port) throw new Error('import/worker.ts must run in a worker thread');

port.on('message', (request: ReadRequest) => {
  const onRows = request.tellRows ? (rowsSoFar: number) => port.postMessage({ id: request.id, rowsSoFar } satisfies ReadResponse) : undefined;
  readFile(request.path, request.displayName, request.codesAsOf, request.sheets, onRows).then(
    (read) => port.postMessage({ id: request.id, read } satisfies ReadResponse),
    (error: unknown) => {
      const response: ReadResponse =
        error instanceof UserError
          ? { id: request.id, userError: { exitCode: error.exitCode, text: error.text } }
          : { id: request.id, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      port.postMessage(response);
    },
  );
});
