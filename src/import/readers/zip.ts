import { createReadStream } from 'node:fs';
import { crc32, createInflateRaw } from 'node:zlib';
import { importText } from '../../messages/index.js';
import { ZipRefusal, bomb, corrupt, type ZipEntry, type ZipIndex } from '../zip-guard.js';

/**
 * The entries of a checked zip (zip-guard.ts), read at random by the central directory: the
 * workbook's own parts first, then its sheets in its order, whatever order the producer wrote
 * them in. node:zlib with our own directory code rather than a zip library: the guard already
 * parses and checks the directory, and each entry is a plain raw-deflate stream from a known
 * offset, which zlib inflates as fast as anything can.
 *
 * Every entry is inflated with a counter: more bytes than the directory declares is a bomb
 * (stopped there), fewer is a file cut short. Either way nothing read from it is used. Its
 * CRC-32 is checked too, as Excel does: bytes changed on disk (a commune code, a date) inflate
 * without complaint, and only the checksum tells.
 */
export class ZipReader {
  constructor(
    private readonly path: string,
    private readonly index: ZipIndex,
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
   * A part as it inflates, in chunks of at most 64 KiB: a sheet is never held whole. Each chunk
   * becomes one string for the XML scan (Utf8Feeder); at 64 KiB that string is an ordinary
   * young object, freed cheaply, where 256 KiB ones went to V8's large-object space (a few per
   * cent of a province's import time, measured).
   */
  async *stream(entry: ZipEntry): AsyncGenerator<Buffer> {
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

const shorter = (entry: ZipEntry) =>
  corrupt(importText.zipEntryShort({ name: entry.name }));

const damaged = (entry: ZipEntry) =>
  corrupt(importText.zipEntryCrc({ name: entry.name }));
