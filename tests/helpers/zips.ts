/**
 * Hand-built containers for hostile-input tests: zips whose directory says what we choose
 * (bombs, lies, overlaps) and OLE compound files with chosen stream names.
 */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipInput {
  readonly name: string;
  /** Stored deflated: the bytes to inflate (computed from `data` when absent). */
  readonly deflated?: Buffer;
  readonly data?: Buffer;
  /** Uncompressed size written in the headers (default: the true size of `data`). */
  readonly declaredSize?: number;
  /** Extra central-directory records that point at this entry's data under another name. */
  readonly aliases?: readonly string[];
  /** Sizes and CRC after the data (flag bit 3), in a descriptor with or without its signature. */
  readonly descriptor?: 'signed' | 'unsigned';
  /** Written in the file but left out of the central directory. */
  readonly unlisted?: boolean;
  /** CRC-32 written in the headers (default: the true one of `data`). */
  readonly crc?: number;
}

/** A zip with local headers, central directory and end record, every entry deflated. */
export function buildZip(entries: readonly ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = entry.data ?? Buffer.alloc(0);
    const deflated = entry.deflated ?? deflateRawSync(data);
    const size = entry.declaredSize ?? data.length;
    const crc = entry.crc ?? (entry.data ? crc32(data) : 0);
    const name = Buffer.from(entry.name, 'utf8');
    const flags = entry.descriptor ? 0x0808 : 0x0800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    if (!entry.descriptor) {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(deflated.length, 18);
      local.writeUInt32LE(size, 22);
    }
    local.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(entry.descriptor === 'signed' ? 16 : entry.descriptor ? 12 : 0);
    if (entry.descriptor) {
      const at = entry.descriptor === 'signed' ? 4 : 0;
      if (at) descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, at);
      descriptor.writeUInt32LE(deflated.length, at + 4);
      descriptor.writeUInt32LE(size, at + 8);
    }
    for (const alias of entry.unlisted ? [] : [entry.name, ...(entry.aliases ?? [])]) {
      const aliasName = Buffer.from(alias, 'utf8');
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(flags, 8);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(crc, 16);
      central.writeUInt32LE(deflated.length, 20);
      central.writeUInt32LE(size, 24);
      central.writeUInt16LE(aliasName.length, 28);
      central.writeUInt32LE(offset, 42);
      centrals.push(central, aliasName);
    }
    locals.push(local, name, deflated, descriptor);
    offset += local.length + name.length + deflated.length + descriptor.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = entries.reduce((total, entry) => total + (entry.unlisted ? 0 : 1 + (entry.aliases?.length ?? 0)), 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * `mebibytes` MiB of zeros as raw deflate data, built without deflating them all: one MiB
 * compressed with a sync flush ends on a byte boundary and only refers back to zeros, so the
 * same bytes can be repeated. 1 GiB comes out at about 1 MB.
 */
export function deflatedZeros(mebibytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_SYNC_FLUSH });
  const last = deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: mebibytes }, () => block), last]);
}

/** Every file of a zip (e.g. one written by exceljs), uncompressed, in its order. */
export async function zipEntries(path: string): Promise<{ name: string; data: Buffer }[]> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const entries: { name: string; data: Buffer }[] = [];
  for (const file of Object.values(zip.files)) {
    if (!file.dir) entries.push({ name: file.name, data: await file.async('nodebuffer') });
  }
  return entries;
}

/** Replaces one file of a workbook written by exceljs (e.g. a sheet's XML) and writes it back. */
export async function replaceInZip(path: string, name: string, text: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  zip.file(name, text);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

// ---------------------------------------------------------------- OLE compound files

export interface OleStream {
  readonly name: string;
  /** Stored in regular sectors (give ≥ 4096 bytes for the reader to follow it), or empty. */
  readonly data?: Buffer;
}

/**
 * A version-3 compound file (512-byte sectors): one FAT sector, one directory sector (root +
 * up to 3 streams), then the streams' sectors. Enough for a reader of names and of a stream.
 */
export function buildOle(streams: readonly OleStream[]): Buffer {
  if (streams.length > 3) throw new Error('at most 3 streams');
  const SECTOR = 512;
  const END = 0xfffffffe;
  const FREE = 0xffffffff;
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c);
  header.writeUInt32LE(1, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END, 0x3c);
  header.writeUInt32LE(END, 0x44);
  for (let i = 0; i < 109; i += 1) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + i * 4);

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(END, 4);
  const directory = Buffer.alloc(SECTOR);
  const dataSectors: Buffer[] = [];
  let next = 2;
  const entry = (index: number, name: string, type: number, start: number, size: number, child: number, right: number) => {
    const at = index * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(directory, at);
    directory.writeUInt16LE(encoded.length, at + 0x40);
    directory[at + 0x42] = type;
    directory[at + 0x43] = 1;
    directory.writeUInt32LE(FREE, at + 0x44);
    directory.writeUInt32LE(right, at + 0x48);
    directory.writeUInt32LE(child, at + 0x4c);
    directory.writeUInt32LE(start, at + 0x74);
    directory.writeUInt32LE(size, at + 0x78);
  };
  entry(0, 'Root Entry', 5, END, 0, streams.length > 0 ? 1 : FREE, FREE);
  streams.forEach((stream, index) => {
    const data = stream.data ?? Buffer.alloc(0);
    const sectors = Math.ceil(data.length / SECTOR);
    const start = sectors > 0 ? next : END;
    for (let s = 0; s < sectors; s += 1) {
      fat.writeUInt32LE(s === sectors - 1 ? END : next + 1, next * 4);
      const sector = Buffer.alloc(SECTOR);
      data.copy(sector, 0, s * SECTOR, (s + 1) * SECTOR);
      dataSectors.push(sector);
      next += 1;
    }
    entry(index + 1, stream.name, 2, start, data.length, FREE, index + 2 <= streams.length ? index + 2 : FREE);
  });
  return Buffer.concat([header, fat, directory, ...dataSectors]);
}

/** The start of a BIFF8 workbook stream: BOF, then (when `password`) FILEPASS, padded to 4096 bytes. */
export function biffWorkbookStream(password: boolean): Buffer {
  const record = (type: number, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt16LE(type, 0);
    head.writeUInt16LE(data.length, 2);
    return Buffer.concat([head, data]);
  };
  const bof = Buffer.alloc(16);
  bof.writeUInt16LE(0x0600, 0);
  bof.writeUInt16LE(0x0005, 2);
  const records = [record(0x0809, bof)];
  if (password) records.push(record(0x002f, Buffer.alloc(54)));
  records.push(record(0x0085, Buffer.alloc(8)), record(0x000a, Buffer.alloc(0)));
  const stream = Buffer.concat(records);
  return Buffer.concat([stream, Buffer.alloc(4096 - stream.length)]);
}
