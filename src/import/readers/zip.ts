import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import { importText } from '../../messages/index.js';
import { ZipRefusal, bomb, corrupt, type ZipEntry, type ZipIndex } from '../zip-guard.js';

/**
 * The entries of a checked zip (zip-guard.ts), read at random by the central directory: the
 * workbook's own parts first, then its sheets in its order, whatever order the producer wrote
 * them in. node:zlib with our own directory code rather than a zip library: the guard already
 * parses and checks the directory, and each entry is a plain raw-deflate stream from a known
 * offset, which zlib inflates as fast as anything can.
 *
 * Every entry is inflated with a limit: more bytes than the directory declares is a bomb
 * (stopped there), fewer is a file cut short. Either way nothing read from it is used. Its
 * CRC-32 is checked too, as Excel does: bytes changed on disk (a commune code, a date) inflate
 * without complaint, and only the checksum tells.
 */
export class ZipReader {
  constructor(
    private readonly path: string,
    private readonly index: ZipIndex,
    /** Entries up to this size are inflated at once, larger ones streamed (tests set it to try both). */
    private readonly atOnceBytes = AT_ONCE_BYTES,
  ) {}

  /** Part names are case-insensitive (OPC). */
  find(name: string): ZipEntry | undefined {
    return this.index.byName.get(name.toLowerCase());
  }

  /** A small part (workbook, relationships, styles) whole. */
  async read(entry: ZipEntry): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.stream(entry)) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  /**
   * A part in chunks of at most 64 KiB: inflated at once up to 16 MB (a commune's sheet), as it
   * inflates beyond (a sheet of a million rows is never held whole). Each chunk becomes one
   * string for the XML scan (Utf8Feeder); at 64 KiB that string is an ordinary young object,
   * freed cheaply, where 256 KiB ones went to V8's large-object space (a few per cent of a
   * province's import time, measured).
   */
  async *stream(entry: ZipEntry): AsyncGenerator<Buffer> {
    const start = this.index.dataStart.get(entry);
    if (start !== undefined && entry.compressedSize > 0 && entry.uncompressedSize <= this.atOnceBytes) {
      yield* this.inflatedAtOnce(entry, start);
      return;
    }
    yield* this.streamed(entry);
  }

  /**
   * An entry of ordinary size (a commune's sheet is 2–4 MB) read and inflated at once on this
   * thread: no stream, no thread-pool hop per chunk (measured: the JS thread idled 10–16 % of a
   * province's import waiting on them, and the stream machinery cost as much again). The
   * output may not exceed the declared size (a bomb stops there); it is handed on in 64 KiB
   * pieces like the stream's.
   */
  private async *inflatedAtOnce(entry: ZipEntry, start: number): AsyncGenerator<Buffer> {
    const compressed = Buffer.allocUnsafe(entry.compressedSize);
    const fd = openSync(this.path, 'r');
    try {
      let got = 0;
      while (got < compressed.length) {
        const read = readSync(fd, compressed, got, compressed.length - got, start + got);
        if (read <= 0) throw shorter(entry);
        got += read;
      }
    } finally {
      closeSync(fd);
    }
    let output: Buffer;
    try {
      output = entry.method === 0 ? compressed : inflateRawSync(compressed, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? error.code : undefined;
      if (code === 'ERR_BUFFER_TOO_LARGE') throw bomb(importText.zipEntryBeyondDeclared({ name: entry.name, declared: entry.uncompressedSize }));
      if (code === 'Z_BUF_ERROR') throw shorter(entry);
      throw corrupt(importText.zipEntryNotInflated({ name: entry.name }));
    }
    if (output.length !== entry.uncompressedSize) throw output.length > entry.uncompressedSize ? bomb(importText.zipEntryBeyondDeclared({ name: entry.name, declared: entry.uncompressedSize })) : shorter(entry);
    if (crc32(output) !== entry.crc32) throw damaged(entry);
    let turn = Date.now();
    for (let at = 0; at < output.length; at += CHUNK_BYTES) {
      yield output.subarray(at, at + CHUNK_BYTES);
      // The scan is synchronous: the event loop still turns between pieces (progress, the page's requests).
      if (Date.now() - turn > TURN_MS) {
        await nextTurn();
        turn = Date.now();
      }
    }
  }

  private async *streamed(entry: ZipEntry): AsyncGenerator<Buffer> {
    const start = this.index.dataStart.get(entry);
    if (start === undefined) throw new Error(`entry not in this zip: ${entry.name}`);
    if (entry.compressedSize === 0) {
      if (entry.uncompressedSize !== 0) throw shorter(entry);
      if (entry.crc32 !== 0) throw damaged(entry);
      return;
    }
    const raw = createReadStream(this.path, { start, end: start + entry.compressedSize - 1, highWaterMark: CHUNK_BYTES });
    const source = entry.method === 0 ? raw : raw.pipe(createInflateRaw({ chunkSize: CHUNK_BYTES }));
    if (source !== raw) raw.once('error', (error) => source.destroy(error));
    let produced = 0;
    let crc = 0;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        produced += chunk.length;
        if (produced > entry.uncompressedSize) {
          throw bomb(
            importText.zipEntryBeyondDeclared({ name: entry.name, declared: entry.uncompressedSize }),
          );
        }
        crc = crc32(chunk, crc);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof ZipRefusal) throw error;
      throw corrupt(importText.zipEntryNotInflated({ name: entry.name }));
    } finally {
      raw.destroy();
      if (source !== raw) source.destroy();
    }
    if (produced !== entry.uncompressedSize) throw shorter(entry);
    if (crc !== entry.crc32) throw damaged(entry);
  }
}

const CHUNK_BYTES = 64 * 1024;
/** Entries up to this size are inflated at once, larger ones (a sheet of a million rows) streamed. */
const AT_ONCE_BYTES = 16 * 1024 * 1024;
const TURN_MS = 50;

const shorter = (entry: ZipEntry) =>
  corrupt(importText.zipEntryShort({ name: entry.name }));

const damaged = (entry: ZipEntry) =>
  corrupt(importText.zipEntryCrc({ name: entry.name }));
